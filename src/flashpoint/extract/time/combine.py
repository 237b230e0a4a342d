"""Join basic expressions that form one: ranges, "since …", "… until now", a clock time with its day,
"two days after <date>", an appositive ("a day earlier, on Sunday"), and hedges ("around 8 May")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from flashpoint.extract.time.grammar import Atom
from flashpoint.extract.time.patterns import alternation
from flashpoint.extract.time.specs import ClockSpec, DateSpec, OffsetSpec, PeriodSpec, WeekdaySpec
from flashpoint.extract.time.vocabulary import TimeVocabulary

WINDOW = 40  # characters looked at before an expression for "since", "from", "around" …


@dataclass(frozen=True)
class Expr:
    """One time expression as written; ``form`` says how its atoms combine."""

    start: int
    end: int
    kind: str
    atoms: tuple[Atom, ...]
    form: str = "single"  # single | range | since | until-now | clock-day | relative-to | apposition | complement
    modifier: str | None = None


class Combiner:
    """The joining rules for one vocabulary."""

    def __init__(self, vocab: TimeVocabulary) -> None:
        w = vocab.words
        joiners = alternation(j for j in w["range_joiners"] if j != "and")
        self.range_gap = re.compile(rf"^\s*({joiners}|(?i:and))\s*$")
        self.range_open = re.compile(rf"(?:(?:(?i:the)\s+)?(?i:night)\s+|{alternation(vocab.night_words)}\s+)?"
                                     rf"({alternation(w['range_start_words'])})\s+$")
        self.night_open = re.compile(rf"(?:(?i:on\s+)?(?i:the)\s+(?i:night)\s+(?i:of)\s+|"
                                     rf"{alternation(vocab.night_words)}\s+)$")
        self.since_open = re.compile(rf"{alternation(w['since_words'])}\s+$")
        self.until_now = re.compile(rf"^\s*(?:{alternation(w['range_joiners'])}|(?i:up\s+to))\s+"
                                    rf"{alternation(w['now_words'])}(?![\w])")
        self.approx_open = re.compile(rf"(?<![\w]){alternation(w['approximate_before'])}\s+$")
        self.approx_close = re.compile(rf"^\s*{alternation(w['approximate_after'])}")
        self.reported_open = re.compile(rf"(?<![\w]){alternation(w['reported_before'])}\s+$")
        self.apposition_gap = re.compile(r"^\s*[,(–—-]\s*(?:(?i:on|in)\s+)?$")
        self.clock_day_gap = re.compile(r"^\s*(?:(?i:on)\s+|,\s*)?$")
        self.day_clock_gap = re.compile(r"^\s*,?\s*(?:(?i:at|around|about|by|from|shortly\s+after|shortly\s+before"
                                        r"|just\s+after|just\s+before|after|before)\s+)?$")
        self.date_gap = re.compile(r"^\s*,?\s*\(?\s*$")
        self.complement_gap = re.compile(r"^\s+(?:(?i:the)\s+)?$")

    def combine(self, atoms: list[Atom], text: str) -> list[Expr]:
        """Expressions in text order, each made of one or two atoms."""
        exprs: list[Expr] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            b = atoms[i + 1] if i + 1 < len(atoms) else None
            joined = self._pair(a, b, text) if b is not None else None
            if joined is not None:
                exprs.append(joined)
                i += 2
            else:
                exprs.append(Expr(a.start, a.end, _kind(a), (a,)))
                i += 1
        kept: list[Expr] = []
        reach = -1
        for e in sorted((self._context(e, text) for e in exprs), key=lambda e: (e.start, -e.end)):
            if e.end > reach:  # not inside an expression that grew over it ("overnight" in "overnight between …")
                kept.append(e)
                reach = e.end
        return kept

    def _pair(self, a: Atom, b: Atom, text: str) -> Expr | None:
        gap = text[a.end : b.start]
        spec_a, spec_b = a.spec, b.spec
        if _relation(spec_a) and self.complement_gap.match(gap) and _absolute(b):
            return Expr(a.start, b.end, "relative", (a, b), "relative-to")
        if _anchored(spec_a) and _absolute(b) and self.apposition_gap.match(gap):
            return Expr(a.start, b.end, _kind(b), (a, b), "apposition")
        if isinstance(spec_a, ClockSpec) and _dayish(spec_b) and self.clock_day_gap.match(gap):
            return Expr(a.start, b.end, "clock", (b, a), "clock-day")
        if _dayish(spec_a) and isinstance(spec_b, ClockSpec) and self.day_clock_gap.match(gap):
            return Expr(a.start, b.end, "clock", (a, b), "clock-day")
        if isinstance(spec_a, WeekdaySpec) and isinstance(spec_b, DateSpec) and spec_b.day and self.date_gap.match(gap):
            return Expr(a.start, b.end, "explicit", (b,))
        joint = self.range_gap.match(gap)
        if joint and _absolute(a) and _absolute(b):
            opened = self.range_open.search(text[max(0, a.start - WINDOW) : a.start])
            if joint.group(1).lower() == "and" and not (opened and opened.group(1).lower() == "between"):
                return None
            return Expr(a.start, b.end, "range", (a, b), "range")
        return None

    def _context(self, e: Expr, text: str) -> Expr:
        """Extend an expression over the words around it that change its meaning."""
        before = text[max(0, e.start - WINDOW) : e.start]
        after = text[e.end : e.end + WINDOW]
        if e.form == "range" or (e.form == "single" and isinstance(e.atoms[0].spec, DateSpec)
                                 and e.atoms[0].spec.day_end):
            opened = self.range_open.search(before)
            if opened:
                e = replace(e, start=e.start - len(before) + opened.start(), kind="range")
        elif e.form == "single" and (night := self.night_open.search(before)) and _dayish(e.atoms[0].spec):
            e = replace(e, start=e.start - len(night.group().lstrip()))
        until = self.until_now.match(after)
        if until and e.form in ("single", "apposition"):
            opened = self.range_open.search(before)
            start = e.start - len(before) + opened.start() if opened else e.start
            return replace(e, start=start, end=e.end + until.end(), kind="period", form="until-now")
        since = self.since_open.search(before)
        if since and e.form in ("single", "apposition"):
            return replace(e, start=e.start - len(before) + since.start(), kind="period", form="since")
        if _relation(e.atoms[0].spec) and e.form == "single" and re.match(
            r"^\s+(?!(?i:that|this|and|but|or|then)\b)[\w“\"‘'(]", after
        ):
            e = replace(e, form="complement")
        if approx := self.approx_open.search(before):
            return replace(e, start=e.start - len(before) + approx.start(), modifier="approximate")
        if self.approx_close.match(after):
            return replace(e, modifier="approximate")
        if self.reported_open.search(before):
            return replace(e, modifier="reported")
        return e


def _kind(atom: Atom) -> str:
    spec = atom.spec
    if isinstance(spec, DateSpec) and spec.part is not None:
        return "part-of-month" if spec.month else "part-of-year"
    if isinstance(spec, DateSpec) and spec.month is None:
        return "year"
    if isinstance(spec, DateSpec) and spec.day_end:
        return "range"
    if isinstance(spec, PeriodSpec) and spec.part is not None:
        return "part-of-month" if spec.unit == "month" else "part-of-" + spec.unit
    return atom.kind


def _anchored(spec: object) -> bool:
    return isinstance(spec, OffsetSpec | PeriodSpec) and spec.anchored


def _relation(spec: object) -> bool:
    return isinstance(spec, OffsetSpec) and spec.anchored and spec.relation is not None


def _absolute(atom: Atom) -> bool:
    """Placed on the calendar without another date of the text (a clock or "the day before" is not)."""
    return not isinstance(atom.spec, ClockSpec) and not _anchored(atom.spec)


def _dayish(spec: object) -> bool:
    """Names a single day: a date, a weekday, "yesterday", "the next day"."""
    if isinstance(spec, DateSpec):
        return spec.day is not None and spec.day_end is None
    if isinstance(spec, WeekdaySpec):
        return spec.night is None
    if isinstance(spec, OffsetSpec):
        return spec.unit.days == 1 and spec.low == spec.high and spec.relation is None
    return False
