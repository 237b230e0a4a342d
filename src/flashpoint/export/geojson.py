"""GeoJSON FeatureCollection: one Feature per event with a point (null geometry when the place is unknown)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TextIO

from flashpoint.export.flat import flat_row
from flashpoint.export.options import ExportOptions, ExportStats
from flashpoint.store import StoredEvent


def write_geojson(events: Iterable[StoredEvent], out: TextIO, options: ExportOptions) -> ExportStats:
    """Streams the collection: memory stays bounded however many events there are."""
    stats = ExportStats()
    out.write('{"type": "FeatureCollection", "features": [')
    for stored in events:
        row = flat_row(stored, "")
        row.pop("record")
        lat, lon = row.pop("latitude"), row.pop("longitude")
        located = lat is not None and lon is not None
        geometry = {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]} if located else None
        feature = {"type": "Feature", "id": stored.id, "geometry": geometry,
                   "properties": {k: _plain(v) for k, v in row.items()}}
        out.write(("," if stats.written else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        stats.written += 1
    out.write("\n]}\n")
    return stats


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(value)
    return value
