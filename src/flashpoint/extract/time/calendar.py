"""Calendar arithmetic on plain dates: periods, weekdays, parts of periods, year inference."""

from __future__ import annotations

import calendar
import datetime as dt

Span = tuple[dt.date, dt.date]
DAY = dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def month_span(year: int, month: int) -> Span:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def year_span(year: int) -> Span:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_span(day: dt.date, week_start: int) -> Span:
    """The 7-day week (starting on weekday ``week_start``, 0 = Monday) that contains ``day``."""
    first = day - dt.timedelta(days=(day.weekday() - week_start) % 7)
    return first, first + dt.timedelta(days=6)


def period_span(unit: str, base: dt.date, shift: int, week_start: int) -> Span:
    """The calendar week/month/year containing ``base``, moved by ``shift`` periods."""
    if unit == "week":
        return week_span(base + dt.timedelta(weeks=shift), week_start)
    if unit == "month":
        moved = add_months(base.replace(day=1), shift)
        return month_span(moved.year, moved.month)
    return year_span(base.year + shift)


def sub_span(span: Span, unit: str, part: tuple[int, int], week_start: int) -> Span:
    """A part of a period: ``part`` is a day range (month, week) or a month range (year); negatives count back."""
    first, last = span
    low, high = part
    if unit == "year":
        start = dt.date(first.year, low, 1)
        return start, month_span(first.year, high)[1]
    length = (last - first).days + 1
    low = length + low + 1 if low < 0 else low
    high = length + high + 1 if high < 0 else high
    return first + dt.timedelta(days=min(low, length) - 1), first + dt.timedelta(days=min(high, length) - 1)


def weekday_near(base: dt.date, weekday: int, direction: str) -> dt.date:
    """The ``weekday`` (0 = Monday) nearest ``base``: "on-or-before", "before", "after" or "on-or-after"."""
    back = (base.weekday() - weekday) % 7
    if direction == "on-or-before":
        return base - dt.timedelta(days=back)
    if direction == "before":
        return base - dt.timedelta(days=back or 7)
    ahead = (weekday - base.weekday()) % 7
    if direction == "after":
        return base + dt.timedelta(days=ahead or 7)
    return base + dt.timedelta(days=ahead)


def infer_year(month: int, day: int | None, published: dt.date, forward: bool, grace_days: int) -> int:
    """The year of a date written without one.

    Backward (the default): the latest year whose date (or month start) falls no later than ``grace_days``
    after publication. Forward (future tense, "next"): the earliest year whose date is not before publication.
    """
    years = (published.year - 1, published.year, published.year + 1)
    if forward:
        for year in years:
            if _last_day(year, month, day) >= published:
                return year
        return years[-1]
    limit = published + dt.timedelta(days=grace_days)
    return max(year for year in years if _first_day(year, month, day) <= limit)


def clamp_day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the day does not exist in that month."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _first_day(year: int, month: int, day: int | None) -> dt.date:
    return dt.date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))


def _last_day(year: int, month: int, day: int | None) -> dt.date:
    return dt.date(year, month, min(day or 31, calendar.monthrange(year, month)[1]))
