"""A page of events as GeoJSON or CSV, written by the same code as `flashpoint export` and `flashpoint events`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from flashpoint.export import ExportOptions
from flashpoint.export.flat import COLUMNS, flat_row
from flashpoint.export.geojson import write_geojson
from flashpoint.store import StoredEvent

CSV_COLUMNS = tuple(name for name, _ in COLUMNS if name != "record")


def geojson_text(events: Iterable[StoredEvent], options: ExportOptions) -> str:
    """A FeatureCollection, one Feature per event (null geometry when the place is unknown)."""
    out = io.StringIO()
    write_geojson(events, out, options)
    return out.getvalue()


def csv_text(events: Iterable[StoredEvent]) -> str:
    """The flat columns of `flashpoint events --format csv` (lists joined with '; ')."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for stored in events:
        row = flat_row(stored, "")
        writer.writerow(["; ".join(v) if isinstance(v, list) else ("" if v is None else v)
                         for v in (row[name] for name in CSV_COLUMNS)])
    return out.getvalue()
