"""`flashpoint export`: the stored events as ACLED CSV, UCDP-style CSV, GeoJSON, Parquet or JSON Lines."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.markup import escape

from flashpoint.cli.common import err_console, load_settings
from flashpoint.cli.events import ACTOR, CHANGED, COUNTRY, KINDS_OPTION, NEAR, SINCE, TYPE, UNTIL, FilterOptions
from flashpoint.cli.ingest import DB_OPTION
from flashpoint.errors import FlashpointError


class Format(StrEnum):
    acled_csv = "acled-csv"
    ucdp_csv = "ucdp-csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export(
        output_format: Format = typer.Option(..., "--format", "-f", help="acled-csv, ucdp-csv, geojson, parquet "
                                                                         "or jsonl."),
        out: Path = typer.Option(..., "--out", "-o", metavar="FILE", help="File to write (replaced whole)."),
        db: Path | None = DB_OPTION,
        country: str | None = COUNTRY,
        event_type: str | None = TYPE,
        since: str | None = SINCE,
        until: str | None = UNTIL,
        near: str | None = NEAR,
        actor: str | None = ACTOR,
        kinds: str | None = KINDS_OPTION,
        changed_since: str | None = CHANGED,
    ) -> None:
        """Export stored events.

        The ACLED CSV has the columns of ACLED's export in their order and only events of ACLED types; inter
        codes are numbers unless FLASHPOINT_ACLED_INTER=text; plural unnumbered deaths are coded as
        FLASHPOINT_UNKNOWN_FATALITIES.

        Examples:

          flashpoint export --format acled-csv --out syria.csv --country SYR

          flashpoint export --format parquet --out events.parquet --since 2020-01-01
        """
        from flashpoint.export import ExportOptions, export_events
        from flashpoint.store import Store

        if not out.parent.is_dir():
            raise FlashpointError(f"--out {out}: folder {out.parent} does not exist")
        settings = load_settings(db=db)
        where = FilterOptions(country, event_type, since, until, near, actor, kinds, changed_since).build()
        options = ExportOptions(acled_inter=settings.acled_inter, unknown_fatalities=settings.unknown_fatalities)
        console = err_console()
        with Store.open(settings.db, read_only=True) as store:
            if store.snapshot:
                console.print("[yellow]note:[/] the database is being written; exporting its last snapshot")
            stats = export_events(store, output_format.value, out, where, options)
        left = "; ".join(f"{n} {reason}" for reason, n in sorted(stats.skipped.items()))
        note = f" (left out: {left})" if left else ""
        console.print(f"[dim]{stats.written} event(s) → {escape(str(out))}{escape(note)}[/]")
