"""What a time expression says, before it is placed on the calendar (one small class per expression shape)."""

from __future__ import annotations

from dataclasses import dataclass

from flashpoint.extract.time.vocabulary import Unit


@dataclass(frozen=True)
class DateSpec:
    """Calendar parts as written: "3 February 2020", "Feb. 3", "5-6 April", "March 2019", "mid-January", "2016"."""

    year: int | None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None
    part: tuple[int, int] | None = None  # days of the month, or months of the year when month is None
    shift: int | None = None  # "last March" (-1), "this March" (0), "next March" (1)


@dataclass(frozen=True)
class WeekdaySpec:
    """A weekday: "Sunday", "last Friday", "next Monday", "overnight Sunday"."""

    weekday: int
    shift: str | None = None  # "last" | "this" | "next"
    night: str | None = None  # "from": the night after that day ("Sunday overnight"); "into": the night before


@dataclass(frozen=True)
class OffsetSpec:
    """N units from the publication date ("two days ago", "yesterday") or from an anchor ("a week later")."""

    low: int
    high: int
    unit: Unit
    sign: int  # -1 back, 1 forward, 0 the same day
    anchored: bool = False
    relation: str | None = None  # "after"/"before" when the words can take a complement ("two days after …")


@dataclass(frozen=True)
class PeriodSpec:
    """A calendar week/month/year/weekend: "last week", "early this month", "earlier this year", "the weekend"."""

    unit: str
    shift: int
    part: tuple[int, int] | None = None
    clamp: str | None = None  # "past": ends at the reference day; "future": starts there; None: whole period
    anchored: bool = False  # "the following week": counted from an anchor, not the publication date


@dataclass(frozen=True)
class RecentSpec:
    """The stretch back to the publication date: "the past three days", "in recent months", "the last week"."""

    unit: Unit
    count: int
    sign: int = -1  # 1 for "the coming days"


@dataclass(frozen=True)
class SeasonSpec:
    """A season: "last summer", "winter 2019", "spring"."""

    months: tuple[int, int]
    year: int | None
    shift: str | None = None
    part: str | None = None  # "early" | "late"


@dataclass(frozen=True)
class DecadeSpec:
    """A decade: "the 1990s", "the early 1940s"."""

    year: int
    part: tuple[int, int] = (0, 9)  # years within the decade


@dataclass(frozen=True)
class ClockSpec:
    """A clock time: "1:13 a.m.", "22:30 GMT", "noon"; its day comes from a neighbouring date or the anchor."""

    hour: int
    minute: int


Spec = DateSpec | WeekdaySpec | OffsetSpec | PeriodSpec | RecentSpec | SeasonSpec | DecadeSpec | ClockSpec
