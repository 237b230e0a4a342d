"""Exports of the store's events: ACLED CSV, UCDP GED-style CSV, GeoJSON, Parquet and JSON Lines."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from flashpoint.export.acled import write_acled
from flashpoint.export.geojson import write_geojson
from flashpoint.export.jsonl import write_jsonl
from flashpoint.export.options import ExportOptions, ExportStats
from flashpoint.export.parquet import write_parquet
from flashpoint.export.ucdp import write_ucdp
from flashpoint.export.vocabulary import ExportVocabulary
from flashpoint.store import EventFilter, Store

TEXT_WRITERS = MappingProxyType(
    {"acled-csv": write_acled, "ucdp-csv": write_ucdp, "geojson": write_geojson, "jsonl": write_jsonl}
)
FORMATS = (*TEXT_WRITERS, "parquet")


def export_events(store: Store, fmt: str, out: Path, where: EventFilter | None = None,
                  options: ExportOptions | None = None) -> ExportStats:
    """Write the events matching ``where`` (date order) to ``out`` in ``fmt``; the file appears whole or not at
    all (written beside it, then renamed)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    options = options or ExportOptions()
    events = store.iter_events(where)
    partial = out.with_name(out.name + ".partial")
    if fmt == "parquet":
        stats = write_parquet(events, partial, options)
    else:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            stats = TEXT_WRITERS[fmt](events, handle, options)
    partial.replace(out)
    return stats


__all__ = ["FORMATS", "ExportOptions", "ExportStats", "ExportVocabulary", "export_events"]
