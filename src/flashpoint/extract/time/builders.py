"""Read a rule's match into a spec: what the expression says (None rejects a match that only looks like one)."""

from __future__ import annotations

import re
from types import MappingProxyType

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

CLOCK_OPENERS = re.compile(
    r"(?i:\b(?:at|around|about|from|until|till|by|after|before|since|between|and|to|approximately))\s*$"
)
SEASON_OPENERS = re.compile(r"(?i:\b(?:in|during|over|through|throughout|since|until|by)\s+the)\s*$")
DURATION_OPENER = re.compile(r"(?i:\b(?:for|lasting|spent|spend|spending))\s*$")
NAMED_TIMES = MappingProxyType({"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)})
LOOK_BACK = 40  # characters before a match that a builder may read


class SpecBuilder:
    """One method per rule builder name (patterns.py), each ``(match, text) -> Spec | None``."""

    def __init__(self, vocab: TimeVocabulary) -> None:
        self.vocab = vocab

    def _month(self, name: str) -> int:
        name = name.rstrip(".")
        return self.vocab.months[name if name in self.vocab.months else name.title()]

    def day_month(self, m: re.Match[str], text: str) -> Spec | None:
        groups = m.groupdict()
        day = _int(groups.get("d"))
        if groups.get("od"):
            day = self.vocab.ordinal_days[groups["od"].lower()]
        day_end = _int(m.group("d2")) if "d2" in m.re.groupindex else None
        year = _int(m.group("y"))
        year = year + 2000 if year is not None and year < 100 else year
        month = self._month(m.group("m"))
        if (day is not None and not _valid(month, day)) or (day_end is not None and (day_end <= (day or 0))):
            return None
        if day is None and year is None:
            return None
        return DateSpec(year, month, day, day_end)

    def iso(self, m: re.Match[str], text: str) -> Spec | None:
        year, month, day = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
        return DateSpec(year, month, day) if _valid(month, day) else None

    def numeric(self, m: re.Match[str], text: str) -> Spec | None:
        """Day/month digits: only when one reading is possible (a part above 12, or both equal)."""
        a, b, raw_year = int(m.group("a")), int(m.group("b")), m.group("y")
        if raw_year is None and (m.group("sep") != "/" or not re.search(r"(?i:\b(?:on|since|until|from|dated))\s*$",
                                                                        _before(m, text))):
            return None
        readings = {(mo, d) for mo, d in ((a, b), (b, a)) if _valid(mo, d)}
        if len(readings) != 1:
            return None
        (month, day), = readings
        year = None if raw_year is None else int(raw_year) + (2000 if len(raw_year) == 2 else 0)
        return DateSpec(year, month, day)

    def month_alone(self, m: re.Match[str], text: str) -> Spec | None:
        name = m.group("x")
        if name.title() in self.vocab.words["strict_months"]:
            if m.group("pre").lower() not in self.vocab.words["strict_month_openers"]:
                return None
            if re.match(r"\s+[A-Z]", text[m.end() : m.end() + 10]):
                return None
        return DateSpec(None, self._month(name))

    def month_shift(self, m: re.Match[str], text: str) -> Spec | None:
        return DateSpec(None, self._month(m.group("m")), shift=_SHIFTS[m.group("sh").lower()])

    def part(self, m: re.Match[str], text: str) -> Spec | None:
        name = re.sub(r"\s+", " ", (m.group("pp") or m.group("po")).lower())
        ranges = self.vocab.parts.get(name, {})
        if m.group("m"):
            part = ranges.get("month")
            return DateSpec(_int(m.group("y1")), self._month(m.group("m")), part=part) if part else None
        if m.group("y2"):
            part = ranges.get("year")
            return DateSpec(int(m.group("y2")), None, part=part) if part else None
        unit = m.group("u").lower()
        part = ranges.get(unit)
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        shift = {"last": -1, "the past": -1, "the previous": -1, "next": 1}.get(rel, 0)
        return PeriodSpec(unit, shift, part=part) if part else None

    def weekday(self, m: re.Match[str], text: str) -> Spec | None:
        before = _before(m, text).rstrip()
        if before.split(" ")[-1:] and before.split(" ")[-1] in self.vocab.words["weekday_blockers"]:
            return None
        shift = (m.group("sh") or "").lower().split(" ")[-1] or None
        shift = {"past": "last", "coming": "next"}.get(shift, shift) if shift else None
        if (m.group("sh") or "").lower().startswith("this past"):
            shift = "last"
        night = None
        if m.group("n0"):
            night = "into" if (m.group("into") or "").lower() == "into" else "from"
        elif (m.group("pod2") or "").lower() in self.vocab.night_words:
            night = "from"
        return WeekdaySpec(self.vocab.weekdays[m.group("wd").title()], shift, night)

    def day_word(self, m: re.Match[str], text: str) -> Spec | None:
        offset = self.vocab.day_words[re.sub(r"\s+", " ", m.group("w").lower())]
        return OffsetSpec(abs(offset), abs(offset), self.vocab.units["day"], (offset > 0) - (offset < 0))

    def overnight(self, m: re.Match[str], text: str) -> Spec | None:
        return OffsetSpec(0, 1, self.vocab.units["day"], -1)

    def _count(self, m: re.Match[str], unit_text: str) -> tuple[int, int] | None:
        n1 = m.group("n1") if "n1" in m.re.groupindex else None
        if n1 is None:
            return self.vocab.plural_without_number if unit_text.lower().endswith("s") else (1, 1)
        if n1.lower() == "the":
            return (1, 1)
        low = self._number(n1)
        high = self._number(m.group("n2")) if m.groupdict().get("n2") else low
        if low is None or high is None:
            return None
        return min(low[0], high[0]), max(low[1], high[1])

    def _number(self, word: str) -> tuple[int, int] | None:
        if word.isdigit():
            return int(word), int(word)
        return self.vocab.numbers.get(re.sub(r"\s+", " ", word.lower()))

    def _unit(self, word: str) -> Unit:
        return self.vocab.units[word.lower()]

    def ago(self, m: re.Match[str], text: str) -> Spec | None:
        counts = self._count(m, m.group("u"))
        return None if counts is None else OffsetSpec(*counts, self._unit(m.group("u")), -1)

    def anchored_count(self, m: re.Match[str], text: str) -> Spec | None:
        if DURATION_OPENER.search(_before(m, text)):
            return None  # "for four years before moving": a duration
        counts = self._count(m, m.group("u"))
        if counts is None:
            return None
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        sign = -1 if rel in self.vocab.words["before_words"] else 1
        relation = rel if rel in ("before", "after", "prior to") else None
        return OffsetSpec(*counts, self._unit(m.group("u")), sign, anchored=True, relation=relation)

    def anchored_the(self, m: re.Match[str], text: str) -> Spec | None:
        rel = m.group("rel").lower()
        w = self.vocab.words
        sign = -1 if rel in w["anchored_previous"] else 1 if rel in w["anchored_next"] else 0
        unit = m.group("u").lower()
        if unit in ("week", "weekend", "month", "year"):
            return PeriodSpec(unit, sign, anchored=True)
        return OffsetSpec(abs(sign), abs(sign), self.vocab.units["day"], sign, anchored=True)

    def same_day(self, m: re.Match[str], text: str) -> Spec | None:
        unit = m.group("u").lower()
        if unit in ("week", "month", "year"):
            return PeriodSpec(unit, 0, anchored=True)
        return OffsetSpec(0, 0, self.vocab.units["day"], 0, anchored=True)

    def same_phrase(self, m: re.Match[str], text: str) -> Spec | None:
        return OffsetSpec(0, 0, self.vocab.units["day"], 0, anchored=True)

    def period(self, m: re.Match[str], text: str) -> Spec | None:
        unit = m.group("u").lower()
        groups = m.groupdict()
        if groups.get("rel"):
            return PeriodSpec(unit, 0, clamp="past" if groups["rel"].lower() == "earlier" else "future")
        shift = re.sub(r"\s+", " ", (groups.get("sh") or "this").lower())
        if shift in ("past", "this past"):
            return PeriodSpec(unit, 0) if unit == "weekend" else RecentSpec(self._unit(unit), 1)
        if shift == "this" or (unit == "weekend" and shift not in ("last", "next", "coming")):
            return PeriodSpec(unit, 0, clamp=None if unit == "weekend" else "auto")
        return PeriodSpec(unit, -1 if shift == "last" else 1)

    def recent(self, m: re.Match[str], text: str) -> Spec | None:
        which = m.group("which").lower()
        unit_text = m.group("u")
        if m.group("n1") is None and not unit_text.lower().endswith("s") and which not in ("past", "last"):
            return None  # "the next day", "the previous week": anchored, not a stretch back from publication
        counts = self._count(m, unit_text)
        if counts is None:
            return None
        return RecentSpec(self._unit(unit_text), counts[1], 1 if which in ("coming", "next", "following") else -1)

    def recent_plural(self, m: re.Match[str], text: str) -> Spec | None:
        unit = self.vocab.recent.get(m.group("u").lower())
        return None if unit is None else RecentSpec(unit, 1)

    def season(self, m: re.Match[str], text: str) -> Spec | None:
        name = m.group("s").lower()
        shift = re.sub(r"\s+", " ", (m.group("sh") or "").lower()) or None
        year = _int(m.group("y"))
        if shift is None and year is None and (name == "fall" or not SEASON_OPENERS.search(_before(m, text))):
            return None
        if year is None and name == "fall" and shift in ("early", "late"):
            return None
        if m.group("s")[0].isupper() and re.match(r"\s+[A-Z]", text[m.end() : m.end() + 10]):
            return None  # part of a name: "the Winter Night Shelter"
        part = shift if shift in ("early", "late") else None
        shift = "last" if shift == "this past" else None if part else shift
        return SeasonSpec(self.vocab.seasons[name], year, shift, part)

    def year(self, m: re.Match[str], text: str) -> Spec | None:
        return DateSpec(int(m.group("x")))

    def decade(self, m: re.Match[str], text: str) -> Spec | None:
        part = self.vocab.decade_parts.get((m.group("dp") or "").lower(), (0, 9))
        return DecadeSpec(int(m.group("dec")), part)

    def holiday(self, m: re.Match[str], text: str) -> Spec | None:
        month, day = self.vocab.holidays[re.sub(r"\s+", " ", m.group("h"))]
        return DateSpec(_int(m.group("y")), month, day)

    def clock(self, m: re.Match[str], text: str) -> Spec | None:
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
        ap = (m.groupdict().get("ap") or "").lower()
        if ap:
            hour = hour % 12 + (12 if ap.startswith("p") else 0)
        elif not m.group("tz") and not CLOCK_OPENERS.search(_before(m, text)):
            return None
        return ClockSpec(hour, minute)

    def named_clock(self, m: re.Match[str], text: str) -> Spec | None:
        if not CLOCK_OPENERS.search(_before(m, text)):
            return None
        return ClockSpec(*NAMED_TIMES[m.group("x").lower()])


_SHIFTS = MappingProxyType({"last": -1, "past": -1, "this": 0, "next": 1})


def _int(value: str | None) -> int | None:
    return int(re.sub(r"\D", "", value)) if value else None


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _before(match: re.Match[str], text: str) -> str:
    return text[max(0, match.start() - LOOK_BACK) : match.start()]
