"""The rule table: one regular expression per shape of time expression, composed from the vocabulary's words.

Rules are tried near their key words only (see keys.py); where matches overlap the longest wins, then the earlier
rule. Each rule names the ``SpecBuilder`` method that reads its match (builders.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from flashpoint.extract.time.vocabulary import TimeVocabulary

DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d])"
AMPM = r"(?i:a\.m\.|p\.m\.|a\.m(?!\w)|p\.m(?!\w)|am|pm)"
ZONE = r"(?:GMT|UTC|(?i:local\s+time)|\(\s*\d{4}\s*(?:GMT|UTC)\s*\))"
B = r"(?<![\w])"  # a word starts here
E = r"(?![\w])"  # a word ends here
PLACE_WORDS = r"in|since|during|until|till|through|throughout|by|before|after|from|of|between|and|to"


@dataclass(frozen=True)
class Rule:
    kind: str
    keys: frozenset[str]  # key-word classes (keys.py): every match contains one of them
    builder: str  # the SpecBuilder method reading a match
    regex: re.Pattern[str]


def alternation(words: Iterable[str], ignore_case: bool = True) -> str:
    """A regex alternation of ``words`` (longest first; spaces match any whitespace)."""
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=lambda w: (-len(w), w))
    body = "|".join(parts)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def rules(v: TimeVocabulary) -> tuple[Rule, ...]:
    """Every rule, in priority order."""
    forms = [*v.months, *(f.upper() for f in v.months)]  # as written, and in capitals ("FEBRUARY 3")
    abbreviated = (re.escape(f) + ("" if f.title() in v.month_names else r"\.?") for f in forms)
    month = "(?:" + "|".join(sorted(set(abbreviated), key=len, reverse=True)) + ")(?![A-Za-z])"
    month_name = alternation([*v.month_names, *(m.upper() for m in v.month_names)], False) + r"(?![A-Za-z])"
    weekday = alternation([*v.weekdays, *(d.upper() for d in v.weekdays)], ignore_case=False)
    num = rf"(?:\d{{1,3}}(?![\d,.]\d)|{alternation(v.numbers)})"
    count = rf"(?P<n1>{num})(?:\s*(?:or|to|-|–)\s*(?P<n2>{num}))?"
    units = alternation(v.units)
    pods = alternation(v.parts_of_day)
    nights = alternation(v.night_words)
    relation = alternation(v.words["before_words"] + v.words["after_words"])
    neighbour = alternation(v.words["anchored_previous"] + v.words["anchored_next"] + v.words["anchored_same"])
    ordinal = alternation(v.ordinal_days)
    joint = r"(?:-|–|(?i:to|and|until|till|through))"
    year_tail = rf"(?:,?\s+(?:(?i:of)\s+)?(?P<y>{YEAR}|['’]\d\d(?!\d)))?"
    part = (rf"(?:(?P<pp>{alternation(v.part_prefix_words)})[\s-]+"
            rf"|(?:(?i:the)\s+)?(?P<po>{alternation(v.part_of_words)})\s+(?i:of)\s+)")
    period_of = (rf"(?:(?P<m>{month_name})(?:,?\s+(?P<y1>{YEAR}))?|(?P<y2>{YEAR})"
                 r"|(?P<rel>(?i:last|this|next|the|the\s+past|the\s+previous|the\s+current))\s+(?P<u>(?i:week|month|year)))")
    table = [
        # explicit dates
        ("explicit", "month", "day_month",
         rf"{B}(?:(?i:the)\s+)?(?P<d>{DAY})(?:\s*{joint}\s*(?P<d2>{DAY}))?(?:\s+(?i:of))?\s+(?P<m>{month}){year_tail}{E}"),
        ("explicit", "month", "day_month",
         rf"{B}(?<!\d\s)(?P<m>{month})\s+(?:(?i:the)\s+)?(?:(?P<d>{DAY})|(?P<od>{ordinal}))"
         rf"(?:\s*{joint}\s*(?P<d2>{DAY}))?{year_tail}(?![\w:])"),
        ("explicit", "month", "day_month", rf"{B}(?P<m>{month})(?:\s+(?i:of))?,?\s+(?P<y>{YEAR}){E}"),
        ("explicit", "month", "day_month",
         rf"{B}(?i:the)\s+(?P<od>{ordinal})\s+(?:(?i:day)\s+)?(?i:of)\s+(?P<m>{month}){year_tail}{E}"),
        ("explicit", "month", "day_month", rf"{B}(?P<d>{DAY})[-/](?P<m>{month})[-/](?P<y>{YEAR}){E}"),
        ("explicit", "digitsep", "iso",
         rf"(?<![\w/.-])(?P<y>{YEAR})(?P<sep>[-/.])(?P<mo>0?[1-9]|1[0-2])(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01]){E}"),
        ("explicit", "digitsep", "numeric",
         r"(?<![\w/.:-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?![\w/.-]?\d)(?![\w/])"),
        ("explicit", "month", "month_alone",
         rf"{B}(?P<pre>(?i:{PLACE_WORDS}|or|as\s+of))\s+(?P<x>{month_name})(?!['’-])"),
        ("explicit", "month", "month_shift", rf"{B}(?P<sh>(?i:last|this|next|past))\s+(?P<m>{month_name})(?!['’-])"),
        ("part-of-month", "month year unit", "part", rf"{B}{part}{period_of}{E}"),
        # weekdays and days named from publication
        ("weekday", "weekday", "weekday",
         rf"{B}(?:(?P<el>(?i:early|late))\s+(?:(?i:on)\s+)?)?(?:(?P<n0>{nights})\s+(?:(?P<into>(?i:on|into|from))\s+)?)?"
         rf"(?:(?i:the)\s+(?P<pod1>{pods})\s+(?i:of)\s+)?(?:(?P<sh>(?i:last|this\s+past|this|next|past|coming))\s+)?"
         rf"(?P<wd>{weekday}){E}(?:['’]s|\s+(?P<pod2>{pods}|{nights}){E})?"),
        ("relative", "dayword", "day_word", rf"{B}(?P<w>{alternation(v.day_words)}){E}(?:\s+(?P<pod>{pods}){E})?"),
        ("relative", "night", "overnight", rf"{B}(?P<w>{nights}){E}"),
        ("relative", "unit", "ago", rf"{B}(?:{count}\s+)?(?P<u>{units})\s+(?i:ago){E}"),
        # counted from another date of the text
        ("relative", "unit", "anchored_count", rf"{B}{count}\s+(?P<u>{units})\s+(?P<rel>{relation}){E}"),
        ("relative", "unit", "anchored_count",
         rf"{B}(?P<n1>(?i:the))\s+(?P<u>(?i:day|night|week|month|year))\s+(?P<rel>{relation}){E}"),
        ("relative", "unit", "anchored_the",
         rf"{B}(?i:the)\s+(?P<rel>{neighbour})\s+(?P<u>(?i:day|night|morning|afternoon|evening|week|weekend|month|year)){E}"),
        ("relative", "unit", "same_day",
         rf"{B}(?:(?P<rel>(?i:earlier|later))\s+)?(?i:that|the\s+same)\s+(?P<u>(?i:day|night|morning|afternoon|evening)){E}"),
        ("relative", "unit", "same_day",
         rf"{B}(?P<rel>(?i:earlier|later))\s+(?i:in\s+the)\s+(?P<u>(?i:week|month|year)){E}"),
        ("relative", "unit", "same_phrase", rf"{B}(?:{alternation(v.words['same_day_phrases'])}){E}"),
        # calendar periods and stretches back from publication
        ("relative", "unit", "period",
         rf"{B}(?P<sh>(?i:last|this\s+past|this|next|coming|past))\s+(?P<u>(?i:week|weekend|month|year)){E}"),
        ("relative", "unit", "period", rf"{B}(?P<rel>(?i:earlier|later))\s+(?i:this)\s+(?P<u>(?i:week|month|year)){E}"),
        ("relative", "unit", "period", rf"{B}(?i:the)\s+(?P<u>(?i:weekend)){E}"),
        ("period", "unit", "recent",
         rf"{B}(?i:the)\s+(?P<which>(?i:past|last|previous|preceding|coming|next|following))\s+(?:{count}\s+)?"
         rf"(?P<u>{units}){E}"),
        ("period", "unit", "recent_plural", rf"{B}(?i:recent)\s+(?P<u>(?i:days|weeks|months|years)){E}"),
        # seasons, years, decades, holidays
        ("season", "season", "season",
         rf"{B}(?:(?P<sh>(?i:last|this\s+past|this|next|early|late))\s+)?(?P<s>{alternation(v.seasons)})"
         rf"(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR}))?{E}"),
        ("year", "year", "year",
         rf"{B}(?P<pre>(?i:{PLACE_WORDS}|the\s+year|as\s+of))\s+(?P<x>{YEAR})(?![\w]|[.,]\d|\s*(?:%|(?i:percent)))"),
        ("year", "year", "decade",
         rf"{B}(?i:the)\s+(?:(?P<dp>{alternation(v.decade_parts)})[\s-]+)?(?P<dec>(?:1[89]|20)\d0)['’]?s{E}"),
        ("holiday", "holiday", "holiday",
         rf"{B}(?P<pre>{alternation(v.words['holiday_openers'])})\s+(?P<x>(?P<h>{alternation(v.holidays, False)})"
         rf"(?:,?\s+(?P<y>{YEAR}))?){E}"),
        # clock times
        ("clock", "clock", "clock",
         rf"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})(?![\w])(?:\s+(?P<tz>{ZONE}))?"),
        ("clock", "clock", "clock",
         rf"(?<![\w:.])(?P<h>[01]?\d|2[0-3])[:h](?P<mi>[0-5]\d)(?![\w:])(?:\s*(?P<tz>{ZONE}|(?i:hrs|hours){E}))?"),
        ("clock", "clock", "clock",
         rf"(?<![\w:.])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|(?i:hrs){E}|(?i:local\s+time))"),
        ("clock", "clock", "named_clock", rf"{B}(?P<x>(?i:noon|midday|midnight)){E}"),
    ]
    return tuple(Rule(kind, frozenset(keys.split()), builder, re.compile(pattern))
                 for kind, keys, builder, pattern in table)
