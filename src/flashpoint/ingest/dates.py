"""Publication dates from metadata (ISO 8601 or RFC 2822) and from a text's dateline."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
_MONTH_RE = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATELINE_PATTERNS = (
    re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE),  # February 3, 2020
    re.compile(rf"\b(\d{{1,2}})\s+{_MONTH_RE},?\s+(\d{{4}})\b", re.IGNORECASE),  # 3 February 2020
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),  # 2020-02-03
)
DATELINE_WINDOW = 250


@dataclass(frozen=True)
class Published:
    date: dt.date
    time: dt.time | None = None
    timezone: str | None = None


def parse_published(value: object) -> Published | None:
    """A metadata value (ISO 8601 date/datetime, RFC 2822, or a date object) → Published; None if unparseable."""
    if isinstance(value, dt.datetime):
        return _from_datetime(value)
    if isinstance(value, dt.date):
        return Published(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return Published(dt.date.fromisoformat(text))
    except ValueError:
        pass
    try:
        return _from_datetime(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _from_datetime(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        return None


def _from_datetime(value: dt.datetime) -> Published:
    zone = value.tzname() if value.tzinfo else None
    return Published(value.date(), value.time().replace(microsecond=0), zone)


@dataclass(frozen=True)
class DatelineDate:
    date: dt.date
    start: int
    end: int


def dateline_date(text: str) -> DatelineDate | None:
    """A full date (with year) in the opening lines of an article, e.g. 'KABUL, March 3, 2020 (AP) —'."""
    head = text[:DATELINE_WINDOW].split("\n\n", 1)[0]
    found: list[DatelineDate] = []
    for pattern in _DATELINE_PATTERNS:
        for match in pattern.finditer(head):
            day = _match_date(match, pattern is _DATELINE_PATTERNS[1], pattern is _DATELINE_PATTERNS[2])
            if day is not None:
                found.append(DatelineDate(day, match.start(), match.end()))
    return min(found, key=lambda d: d.start) if found else None


def _match_date(match: re.Match[str], day_first: bool, iso: bool) -> dt.date | None:
    groups = match.groups()
    try:
        if iso:
            return dt.date(int(groups[0]), int(groups[1]), int(groups[2]))
        day, month, year = (groups[0], groups[1], groups[2]) if day_first else (groups[1], groups[0], groups[2])
        return dt.date(int(year), _month_number(month), int(day))
    except ValueError:
        return None


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")[:3]
    for index, month in enumerate(_MONTHS, start=1):
        if month.startswith(key):
            return index
    raise ValueError(name)
