"""Checks every gold loader applies: known types, dates and coordinates in range (else GoldRecordError)."""

from __future__ import annotations

import datetime as dt

from flashpoint.evaluate.gold.records import GoldRecordError
from flashpoint.model.codebook import ACLED_SUBTYPES, PLOVER_MODES

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)


def as_list(value: object) -> list:
    """A scalar or a list as a list; None as []."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def event_types(value: object) -> tuple[str, ...]:
    types = tuple(str(v) for v in as_list(value))
    for name in types:
        if name not in ACLED_SUBTYPES:
            raise GoldRecordError(f"unknown ACLED event type {name!r}")
    return types


def sub_event_types(value: object, parents: tuple[str, ...]) -> tuple[str, ...]:
    subs = tuple(str(v) for v in as_list(value))
    for name in subs:
        owners = [parent for parent, children in ACLED_SUBTYPES.items() if name in children]
        if not owners:
            raise GoldRecordError(f"unknown ACLED sub-event type {name!r}")
        if parents and not set(owners) & set(parents):
            raise GoldRecordError(f"sub-event type {name!r} is not a sub-type of {' or '.join(parents)}")
    return subs


def plover_types(value: object) -> tuple[str, ...]:
    types = tuple(str(v) for v in as_list(value))
    for name in types:
        if name not in PLOVER_MODES:
            raise GoldRecordError(f"unknown PLOVER event type {name!r}")
    return types


def day(value: object, what: str = "date") -> dt.date:
    """A date from a YAML date or an ISO string, inside 1900–2100."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value).strip())
        except ValueError as err:
            raise GoldRecordError(f"{what} {value!r} is not a date (YYYY-MM-DD)") from err
    if not EARLIEST <= value <= LATEST:
        raise GoldRecordError(f"{what} {value.isoformat()} is out of range ({EARLIEST.year}–{LATEST.year})")
    return value


def coordinate(value: object, what: str, limit: float) -> float:
    try:
        number = float(str(value))
    except (TypeError, ValueError) as err:
        raise GoldRecordError(f"{what} {value!r} is not a number") from err
    if not -limit <= number <= limit:
        raise GoldRecordError(f"{what} {number} is out of range (±{limit:g})")
    return number


def latlon(lat: object, lon: object) -> tuple[float, float]:
    return coordinate(lat, "latitude", 90.0), coordinate(lon, "longitude", 180.0)


def count(value: object, what: str = "fatalities") -> int:
    try:
        number = int(str(value).strip())
    except ValueError as err:
        raise GoldRecordError(f"{what} {value!r} is not a whole number") from err
    if number < 0:
        raise GoldRecordError(f"{what} {number} is negative")
    return number
