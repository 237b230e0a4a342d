"""ACLED CSV: the columns of the current ACLED export, in order, for events of ACLED types only."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import urlparse

from flashpoint.export.notes import acled_notes
from flashpoint.export.options import ExportOptions, ExportStats
from flashpoint.model import Event
from flashpoint.model.codebook import ACLED_INTER_LABELS
from flashpoint.store import StoredEvent

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


def write_acled(events: Iterable[StoredEvent], out: TextIO, options: ExportOptions) -> ExportStats:
    stats = ExportStats()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for stored in events:
        reason = _unfit(stored.event)
        if reason:
            stats.skip(reason)
            continue
        row = acled_row(stored, options)
        writer.writerow([row[c] for c in COLUMNS])
        stats.written += 1
    return stats


def _unfit(event: Event) -> str | None:
    if event.event_type is None:
        return "not an ACLED event type (PLOVER only)"
    if event.date.start is None or event.date.end is None:
        return "no date"
    if event.location is None or event.location.lat is None or event.location.lon is None:
        return "no located place"
    return None


def acled_row(stored: StoredEvent, options: ExportOptions) -> dict[str, object]:
    event = stored.event
    vocabulary = options.vocabulary
    where = event.location
    day, precision = _day(event)
    one, two = event.actor("actor1"), event.actor("actor2")
    inter1, inter2 = (one.acled_inter if one else None), (two.acled_inter if two else None)
    outlets = _outlets(event)
    fatalities = _fatalities(event, options)
    return {
        "event_id_cnty": event.id,
        "event_date": day.isoformat(),
        "year": day.year,
        "time_precision": precision,
        "disorder_type": event.disorder_type or "",
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type or "",
        "actor1": one.name if one else "",
        "assoc_actor_1": _names(event, "assoc_actor1"),
        "inter1": _inter(inter1, options),
        "actor2": two.name if two else "",
        "assoc_actor_2": _names(event, "assoc_actor2"),
        "inter2": _inter(inter2, options),
        "interaction": _interaction(inter1, inter2, options),
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": vocabulary.iso_numeric(where.iso3),
        "region": vocabulary.region(where.iso3),
        "country": vocabulary.country(where.iso3, where.country),
        "admin1": where.admin1 or "",
        "admin2": where.admin2 or "",
        "admin3": "",
        "location": where.name or where.text or "",
        "latitude": f"{where.lat:.4f}",
        "longitude": f"{where.lon:.4f}",
        "geo_precision": where.acled_geo_precision or 3,
        "source": "; ".join(outlets),
        "source_scale": vocabulary.source_scale(outlets),
        "notes": acled_notes(event, fatalities),
        "fatalities": fatalities,
        "tags": _tags(event),
        "timestamp": int(stored.updated_at.replace(tzinfo=dt.UTC).timestamp()),
    }


def _day(event: Event) -> tuple[dt.date, int]:
    """ACLED's day and time precision: the day itself (1), else the middle of the week (2) or month (3)."""
    start, end = event.date.start, event.date.end
    middle = start + (end - start) / 2
    precision = event.date.acled_time_precision
    if precision is None:
        width = (end - start).days
        precision = 1 if width == 0 else 2 if width <= 7 else 3
    return (start if start == end else middle), precision


def _names(event: Event, role: str) -> str:
    return "; ".join(a.name for a in event.actors if a.role == role)


def _inter(code: int | None, options: ExportOptions) -> str | int:
    if options.acled_inter == "text":
        return ACLED_INTER_LABELS.get(code, "") if code else ""
    return code or 0


def _interaction(one: int | None, two: int | None, options: ExportOptions) -> str | int:
    codes = sorted(c for c in (one, two) if c)
    if not codes:
        return "" if options.acled_inter == "text" else 0
    if options.acled_inter == "text":
        labels = [ACLED_INTER_LABELS[c] for c in codes]
        return f"{labels[0]} only" if len(labels) == 1 else f"{labels[0]}-{labels[1]}"
    return int(f"{codes[0]}0") if len(codes) == 1 else int(f"{codes[0]}{codes[1]}")


def _outlets(event: Event) -> list[str]:
    names: list[str] = []
    for source in event.sources:
        name = source.outlet or _host(source.url) or source.doc
        if name not in names:
            names.append(name)
    return names


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _fatalities(event: Event, options: ExportOptions) -> int:
    dead = event.fatalities
    if dead is None:
        return 0
    return dead.low if dead.low is not None else options.unknown_fatalities


def _tags(event: Event) -> str:
    crowd = next((c for c in event.counts if c.what == "crowd"), None)
    if crowd is None:
        return ""
    return f"crowd size={crowd.text or crowd.best}"
