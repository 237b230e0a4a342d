"""`flashpoint events`: list the stored events (table, JSON, JSON Lines or CSV); the filter options here are
shared with `flashpoint export`."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import typer

from flashpoint.cli.common import err_console, load_settings, parse_day
from flashpoint.cli.ingest import DB_OPTION
from flashpoint.cli.output import EventWriter, events_table
from flashpoint.errors import FlashpointError

KINDS = ("specific", "background", "aggregate", "generic", "hypothetical", "negated")


@dataclass(frozen=True)
class FilterOptions:
    country: str | None
    event_type: str | None
    since: str | None
    until: str | None
    near: str | None
    actor: str | None
    kinds: str | None
    changed_since: str | None

    def build(self):
        """The store's EventFilter for these options (one-line errors for bad values)."""
        from flashpoint.store import DEFAULT_KINDS, EventFilter, parse_near

        kinds = tuple(k.strip() for k in self.kinds.split(",") if k.strip()) if self.kinds else DEFAULT_KINDS
        unknown = [k for k in kinds if k != "all" and k not in KINDS]
        if unknown:
            raise FlashpointError(f"--kinds: unknown kind {unknown[0]!r} (use {', '.join(KINDS)} or all)")
        try:
            near = parse_near(self.near) if self.near else None
        except ValueError as err:
            raise FlashpointError(str(err)) from err
        return EventFilter(
            country=self.country, event_type=self.event_type, since=parse_day(self.since, "--since"),
            until=parse_day(self.until, "--until"), near=near, actor=self.actor,
            kinds=() if "all" in kinds else kinds, updated_since=parse_time(self.changed_since),
        )


def parse_time(value: str | None) -> dt.datetime | None:
    """An ISO date or date-time (UTC); None stays None."""
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError as err:
        raise FlashpointError(f"--changed-since {value!r} is not a time like 2024-05-01 or 2024-05-01T12:00") from err
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment


COUNTRY = typer.Option(None, "--country", metavar="ISO3", help="Events in this country (ISO 3166 alpha-3).")
TYPE = typer.Option(None, "--type", metavar="T", help="ACLED event type or sub-event type, or PLOVER type.")
SINCE = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="Events ending on or after this day.")
UNTIL = typer.Option(None, "--until", metavar="YYYY-MM-DD", help="Events starting on or before this day.")
NEAR = typer.Option(None, "--near", metavar="LAT,LON,KM", help="Events within KM kilometres of a point.")
ACTOR = typer.Option(None, "--actor", metavar="A", help="Events with an actor whose name contains A.")
KINDS_OPTION = typer.Option(None, "--kinds", metavar="K,K",
                            help="Event kinds (default specific,background; 'all' for every kind).")
CHANGED = typer.Option(None, "--changed-since", metavar="TIME",
                       help="Only events created or updated at or after this UTC time.")


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def register(app: typer.Typer) -> None:
    @app.command("events")
    def events(
        db: Path | None = DB_OPTION,
        country: str | None = COUNTRY,
        event_type: str | None = TYPE,
        since: str | None = SINCE,
        until: str | None = UNTIL,
        near: str | None = NEAR,
        actor: str | None = ACTOR,
        kinds: str | None = KINDS_OPTION,
        changed_since: str | None = CHANGED,
        deleted: bool = typer.Option(False, "--deleted", help="List deleted event ids (with --changed-since: "
                                                              "deleted since then) instead of events."),
        limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many events."),
        output_format: Format = typer.Option(Format.table, "--format", "-f", help="table, json, jsonl or csv."),
    ) -> None:
        """List stored events in date order, filtered.

        Examples:

          flashpoint events --country SYR --since 2020-02-01 --until 2020-02-29

          flashpoint events --near 35.9,36.8,25 --type "Air/drone strike" --format json

          flashpoint events --changed-since 2024-05-01T00:00 --format jsonl
        """
        from flashpoint.store import Store

        settings = load_settings(db=db)
        where = FilterOptions(country, event_type, since, until, near, actor, kinds, changed_since).build()
        with Store.open(settings.db, read_only=True) as store:
            if store.snapshot:
                err_console().print("[yellow]note:[/] the database is being written; showing its last snapshot")
            if deleted:
                _deletions(store, where.updated_since)
                return
            found = store.iter_events(where)
            rows = (s for _, s in zip(range(limit), found, strict=False)) if limit else found
            _write(rows, output_format)


def _deletions(store, since: dt.datetime | None) -> None:
    changes = store.changes(since or dt.datetime(1970, 1, 1))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(("event_id", "reason", "deleted_at"))
    for gone in changes.deleted:
        writer.writerow((gone.event_id, gone.reason, gone.deleted_at.isoformat()))


def _write(rows, output_format: Format) -> None:
    if output_format is Format.table:
        listed = [s.event for s in rows]
        events_table(listed)
        err_console().print(f"[dim]{len(listed)} event(s)[/]")
    elif output_format is Format.csv:
        from flashpoint.export.flat import COLUMNS, flat_row

        names = [n for n, _ in COLUMNS if n != "record"]
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(names)
        for stored in rows:
            row = flat_row(stored, "")
            writer.writerow(["; ".join(v) if isinstance(v, list) else ("" if v is None else v)
                             for v in (row[n] for n in names)])
    else:
        with EventWriter(output_format.value) as writer:
            for stored in rows:
                writer.write(stored.event)
