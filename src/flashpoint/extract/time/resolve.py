"""Place a parsed time expression on the calendar, given the publication date and, if needed, an anchor."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from flashpoint.extract.time import calendar as cal
from flashpoint.extract.time.specs import (
    ClockSpec,
    DateSpec,
    DecadeSpec,
    OffsetSpec,
    PeriodSpec,
    RecentSpec,
    SeasonSpec,
    Spec,
    WeekdaySpec,
)
from flashpoint.extract.time.vocabulary import TimeVocabulary, Unit


@dataclass(frozen=True)
class Value:
    """A resolved span of days (inclusive), with a clock time when one was given."""

    start: dt.date
    end: dt.date
    time: str | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Context:
    """What a spec is resolved against."""

    vocab: TimeVocabulary
    published: dt.date | None
    forward: bool = False  # the clause points ahead ("will meet on Monday")
    anchor: Value | None = None  # for anchored specs ("the day before"); the publication day when none is written


def needs_anchor(spec: Spec) -> bool:
    """True for expressions counted from another date in the text rather than from publication."""
    return isinstance(spec, ClockSpec) or getattr(spec, "anchored", False)


def resolve(spec: Spec, ctx: Context) -> Value | None:
    """The span ``spec`` denotes, or None when it needs a publication date or anchor that is missing."""
    if isinstance(spec, DateSpec):
        return _date(spec, ctx)
    if isinstance(spec, DecadeSpec):
        return Value(dt.date(spec.year + spec.part[0], 1, 1), dt.date(spec.year + spec.part[1], 12, 31))
    if needs_anchor(spec):
        if ctx.anchor is None:
            return None
        if isinstance(spec, ClockSpec):
            return Value(ctx.anchor.start, ctx.anchor.end, f"{spec.hour:02d}:{spec.minute:02d}")
    elif ctx.published is None:
        return None
    if isinstance(spec, WeekdaySpec):
        return _weekday(spec, ctx)
    if isinstance(spec, OffsetSpec):
        return _offset(spec, ctx)
    if isinstance(spec, PeriodSpec):
        return _period(spec, ctx)
    if isinstance(spec, RecentSpec):
        return _recent(spec, ctx)
    if isinstance(spec, SeasonSpec):
        return _season(spec, ctx)
    raise TypeError(f"unknown time spec {spec!r}")


def _date(spec: DateSpec, ctx: Context) -> Value | None:
    year = spec.year
    if spec.month is None:
        if year is None:
            return None
        first, last = cal.year_span(year)
        if spec.part:
            first, last = cal.sub_span((first, last), "year", spec.part, ctx.vocab.week_start)
        return Value(first, last)
    if year is None:
        if ctx.published is None:
            return None
        year = _year_for(spec, ctx)
    if spec.day is None:
        span = cal.month_span(year, spec.month)
        if spec.part:
            span = cal.sub_span(span, "month", spec.part, ctx.vocab.week_start)
        return Value(*span)
    first = cal.clamp_day(year, spec.month, spec.day)
    last = cal.clamp_day(year, spec.month, spec.day_end or spec.day)
    if first is None or last is None or last < first:
        return None
    return Value(first, last)


def _year_for(spec: DateSpec, ctx: Context) -> int:
    published = ctx.published
    assert published is not None and spec.month is not None
    if spec.shift is None:
        return cal.infer_year(spec.month, spec.day, published, ctx.forward, ctx.vocab.future_grace_days)
    current = (published.year, published.month)
    if spec.shift < 0:
        return published.year if (published.year, spec.month) < current else published.year - 1
    if spec.shift > 0:
        return published.year if (published.year, spec.month) > current else published.year + 1
    return published.year


def _weekday(spec: WeekdaySpec, ctx: Context) -> Value:
    published = ctx.published
    assert published is not None
    if spec.shift == "last":
        direction = "before"
    elif spec.shift == "next":
        direction = "after"
    elif ctx.forward:
        direction = "on-or-after"
    else:
        direction = "on-or-before"
    day = cal.weekday_near(published, spec.weekday, direction)
    if spec.night is None:
        return Value(day, day)
    if spec.night == "into" or (day + cal.DAY > published and direction == "on-or-before"):
        return Value(day - cal.DAY, day)
    return Value(day, day + cal.DAY)


def _shift(day: dt.date, unit: Unit, count: float, sign: int, round_up: bool) -> dt.date:
    if unit.months:
        return cal.add_months(day, sign * int(count) * unit.months)
    days = count * (unit.days or unit.hours / 24)
    return day + dt.timedelta(days=sign * (math.ceil(days) if round_up else math.floor(days)))


def _offset(spec: OffsetSpec, ctx: Context) -> Value:
    base = ctx.anchor if spec.anchored else Value(ctx.published, ctx.published)  # type: ignore[arg-type]
    assert base is not None
    if spec.sign == 0:
        return Value(base.start, base.end)
    tolerance = dt.timedelta(days=spec.unit.tolerance_days)
    if spec.sign < 0:
        start = _shift(base.start, spec.unit, spec.high, -1, round_up=True) - tolerance
        end = _shift(base.end, spec.unit, spec.low, -1, round_up=False) + tolerance
    else:
        start = _shift(base.start, spec.unit, spec.low, 1, round_up=False) - tolerance
        end = _shift(base.end, spec.unit, spec.high, 1, round_up=True) + tolerance
    return Value(start, end)


def _period(spec: PeriodSpec, ctx: Context) -> Value | None:
    base = ctx.anchor.start if spec.anchored and ctx.anchor else ctx.published
    assert base is not None
    week_start = ctx.vocab.week_start
    if spec.unit == "weekend":
        shift = spec.shift
        if shift == 0 and not ctx.forward and (base.weekday() - week_start) % 7 + 1 < ctx.vocab.weekend[0]:
            shift = -1
        week = cal.period_span("week", base, shift, week_start)
        first, last = cal.sub_span(week, "week", ctx.vocab.weekend, week_start)
    else:
        first, last = cal.period_span(spec.unit, base, spec.shift, week_start)
        if spec.part:
            first, last = cal.sub_span((first, last), spec.unit, spec.part, week_start)
    clamp = spec.clamp
    if clamp == "auto":
        clamp = "future" if ctx.forward else "past"
    if clamp == "past":
        last = min(last, base)
    elif clamp == "future":
        first = max(first, base)
    if last < first:
        return None
    return Value(first, last)


def _recent(spec: RecentSpec, ctx: Context) -> Value:
    published = ctx.published
    assert published is not None
    other = _shift(published, spec.unit, spec.count, spec.sign, round_up=True)
    return Value(min(other, published), max(other, published))


def _season(spec: SeasonSpec, ctx: Context) -> Value | None:
    def instance(year: int) -> tuple[dt.date, dt.date]:
        first_month, last_month = spec.months
        end_year = year + 1 if last_month < first_month else year
        return dt.date(year, first_month, 1), cal.month_span(end_year, last_month)[1]

    if spec.year is not None:
        first, last = instance(spec.year)
    else:
        published = ctx.published
        assert published is not None
        options = [instance(y) for y in range(published.year - 2, published.year + 2)]
        if spec.shift == "last":
            first, last = max(o for o in options if o[1] < published)
        elif spec.shift == "next" or (ctx.forward and spec.shift != "last"):
            first, last = min(o for o in options if (o[0] > published if spec.shift == "next" else o[1] >= published))
        elif spec.shift == "this":
            first, last = next((o for o in options if o[0] <= published <= o[1]),
                               min(o for o in options if o[0] > published))
        else:
            first, last = max(o for o in options if o[0] <= published)
    if spec.part == "early":
        last = cal.month_span(first.year, first.month)[1]
    elif spec.part == "late":
        first = last.replace(day=1)
    return Value(first, last)
