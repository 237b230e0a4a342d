"""Blocking: which stored events a new report is compared with, so merging never compares all pairs.

An event is filed under keys (type family, country or 1° grid cell, day) for every day it spans (an undated
report: the days before its publication); a report probes
the keys of its own days ± ``WINDOW_DAYS``, its country and the 3×3 grid cells around its point. The number of
candidates depends on how many events share a family, area and few days, not on the size of the store.
"""

from __future__ import annotations

import datetime as dt
import math

from flashpoint.resolve.across.features import EventFeatures

WINDOW_DAYS = 1
CELL_DEGREES = 1.0


def block_keys(event: EventFeatures) -> tuple[str, ...]:
    """The keys an event is filed under (empty for events that are never merged)."""
    if not event.mergeable:
        return ()
    return _keys(event, _days(event.block_start, event.block_end), neighbours=False)


def probe_keys(event: EventFeatures) -> tuple[str, ...]:
    """The keys to look up for a report's candidates."""
    if not event.mergeable:
        return ()
    window = dt.timedelta(days=WINDOW_DAYS)
    return _keys(event, _days(event.block_start - window, event.block_end + window), neighbours=True)


def _keys(event: EventFeatures, days: list[dt.date], neighbours: bool) -> tuple[str, ...]:
    areas = [f"c:{event.iso3 or '-'}"]
    if event.located:
        row, col = _cell(event.lat, event.lon)
        steps = (-1, 0, 1) if neighbours else (0,)
        areas += [f"g:{row + dr}:{col + dc}" for dr in steps for dc in steps]
    return tuple(sorted(f"{event.family}|{area}|{day.isoformat()}" for area in areas for day in days))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
