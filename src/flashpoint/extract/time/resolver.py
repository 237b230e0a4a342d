"""TimeResolver: every time expression of a parsed document, resolved against its publication date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from zoneinfo import ZoneInfo

from spacy.tokens import Doc, Span, Token

from flashpoint.extract.time.aspect import aspect, governing_verb, verb_aspect
from flashpoint.extract.time.combine import Combiner, Expr
from flashpoint.extract.time.event_time import event_time, segment
from flashpoint.extract.time.fallback import DateparserFallback
from flashpoint.extract.time.grammar import Atom, Grammar
from flashpoint.extract.time.mention import EventTime, TimeMention
from flashpoint.extract.time.patterns import YEAR
from flashpoint.extract.time.resolve import Context, Value, needs_anchor, resolve
from flashpoint.extract.time.specs import (
    ClockSpec,
    DateSpec,
    DecadeSpec,
    OffsetSpec,
    PeriodSpec,
    RecentSpec,
    SeasonSpec,
    WeekdaySpec,
)
from flashpoint.extract.time.syntax import complement_head, heads_of, looks_ahead, token_span
from flashpoint.extract.time.vocabulary import TimeVocabulary

ENTITY_LABELS = ("DATE", "TIME")
BARE_YEAR = re.compile(rf"^{YEAR}$")
MAX_ANCHOR_DAYS = 8


@dataclass
class _Item:
    """An expression being resolved (internal, mutable while ``find`` runs)."""

    expr: Expr
    token_start: int
    token_end: int
    sentence: int
    heads: tuple[int, ...]
    forward: bool
    value: Value | None = None
    anchor: Expr | None = None


class TimeResolver:
    """Finds and resolves time expressions; built once (it compiles the vocabulary) and shared."""

    def __init__(self, vocabulary: TimeVocabulary | None = None, use_dateparser: bool = True,
                 lexicon_dir: Path | None = None, narrative_dates: bool = False) -> None:
        """``narrative_dates``: let ``event_time`` carry the previous sentence's day into a clause without date
        words (flag "context-date"); off by default, so such events get the publication day or no date."""
        self.vocabulary = vocabulary or TimeVocabulary.load(lexicon_dir)
        self.narrative_dates = narrative_dates
        self.version = self.vocabulary.version
        self.grammar = Grammar(self.vocabulary)
        self.combiner = Combiner(self.vocabulary)
        self.fallback = DateparserFallback(tuple(self.vocabulary.months)) if use_dateparser else None

    def find(self, doc: Doc, published: dt.date | dt.datetime | None, timezone: str | None = None
             ) -> list[TimeMention]:
        """All time expressions of ``doc``, in text order, resolved against ``published``.

        A datetime with a time zone is first converted to the local date of ``timezone`` (an IANA name).
        Without a publication date, relative expressions come back with ``resolved=False``.
        """
        day = local_date(published, timezone)
        text = doc.text
        atoms = self.grammar.scan(text, doc)
        atoms = sorted(atoms + self._entity_atoms(doc, atoms), key=lambda a: a.start)
        sentences = list(doc.sents) if _has_sentences(doc) else [doc[:]]
        starts = [s.start_char for s in sentences]
        items = [self._item(doc, e, sentences[max(bisect.bisect_right(starts, e.start) - 1, 0)], text)
                 for e in self.combiner.combine(atoms, text)]
        items = [item for item in items if not _idiom(doc, item)]
        for item in items:
            if not self._anchored(item):
                item.value = _up_to(self._value(item, day, None), item, day)
        for index, item in enumerate(items):
            if self._anchored(item):
                item.anchor, anchor = self._anchor(items, index, day)
                item.value = self._value(item, day, anchor)
        return [self._mention(text, item, day) for item in items]

    def event_time(self, doc: Doc, trigger: Token, mentions: list[TimeMention],
                   published: dt.date | dt.datetime | None) -> EventTime:
        """The date of the event whose trigger is ``trigger`` (see ``flashpoint.extract.time.event_time``)."""
        return event_time(doc, trigger, mentions, published, self.vocabulary, self.narrative_dates)

    def aspect(self, trigger: Token) -> str:
        """Tense/aspect/mood of the trigger's clause (see ``flashpoint.extract.time.aspect``)."""
        return aspect(trigger, self.vocabulary)

    # -- steps ------------------------------------------------------------------------------------------

    def _entity_atoms(self, doc: Doc, atoms: list[Atom]) -> list[Atom]:
        """spaCy DATE entities the rules missed: a bare year, or an explicit date read by dateparser."""
        extra: list[Atom] = []
        starts = [a.start for a in atoms]
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            i = bisect.bisect_left(starts, ent.end_char)  # atoms from i on start after the entity
            if i and atoms[i - 1].end > ent.start_char:  # atoms do not overlap: the last one ends furthest
                continue
            text = ent.text
            if BARE_YEAR.match(text):
                if ent.start and doc[ent.start - 1].tag_ in ("DT", "PRP$"):
                    continue  # a year naming a thing, not a time: "a 2008 Ford", "the 2016 budget"
                extra.append(Atom(ent.start_char, ent.end_char, "year", DateSpec(int(text))))
            elif self.fallback is not None and self.fallback.wants(text):
                spec = self.fallback.parse(text)
                if spec is not None:
                    extra.append(Atom(ent.start_char, ent.end_char, "explicit", spec, source="dateparser"))
        return extra

    def _item(self, doc: Doc, expr: Expr, sentence: Span, text: str) -> _Item:
        span = token_span(doc, expr.start, expr.end)
        heads = heads_of(span)
        if expr.form == "complement" and doc.has_annotation("DEP"):
            target = complement_head(span)
            heads = (target.i,) if target is not None else heads
        first = segment(sentence, expr.start, text[sentence.start_char : sentence.end_char])[0]
        ahead = looks_ahead(doc, heads, self.vocabulary) if doc.has_annotation("DEP") else None
        spec = expr.atoms[0].spec
        forward = ahead == "future" or (ahead == "timetable" and isinstance(spec, WeekdaySpec))
        if isinstance(spec, RecentSpec) and spec.sign > 0 and ahead is None and _narrated(doc, heads, self.vocabulary):
            # "she spent the next few hours searching": counted from the story's date, not from publication
            narrated = OffsetSpec(0, spec.count, spec.unit, 1, anchored=True)
            expr = replace(expr, atoms=(replace(expr.atoms[0], spec=narrated),), kind="relative")
        return _Item(expr, span.start, span.end, first, heads, forward)

    @staticmethod
    def _anchored(item: _Item) -> bool:
        return item.expr.form in ("single", "clock-day", "complement") and needs_anchor(item.expr.atoms[0].spec)

    def _value(self, item: _Item, published: dt.date | None, anchor: Value | None) -> Value | None:
        e = item.expr
        ctx = Context(self.vocabulary, published, item.forward, anchor)
        specs = [a.spec for a in e.atoms]
        if e.form == "complement":
            spec = specs[0]
            assert isinstance(spec, OffsetSpec)
            return resolve(replace(spec, sign=-spec.sign), ctx)
        if e.form == "apposition":
            return resolve(specs[1], ctx)
        if e.form == "clock-day":
            day, clock = resolve(specs[0], ctx), specs[1]
            assert isinstance(clock, ClockSpec)
            return None if day is None else Value(day.start, day.end, f"{clock.hour:02d}:{clock.minute:02d}")
        if e.form == "relative-to":
            target = resolve(specs[1], ctx)
            return None if target is None else resolve(specs[0], replace(ctx, anchor=target))
        if e.form == "range":
            first, last = resolve(specs[0], ctx), resolve(specs[1], ctx)
            if first is None or last is None or last.end < first.start:
                return None
            return Value(first.start, last.end)
        if e.form in ("since", "until-now"):
            base = resolve(specs[-1], ctx)
            if base is None or published is None:
                return None
            return Value(base.start, max(base.end, published))
        return resolve(specs[0], ctx)

    def _anchor(self, items: list[_Item], index: int, published: dt.date | None) -> tuple[Expr | None, Value | None]:
        """The date an anchored expression counts from: a date of its sentence (before it, then after it),
        for a bare "the day before" also the last date of the previous sentence, else the publication day."""
        item = items[index]

        def usable(other: _Item) -> bool:
            return other.value is not None and other.value.days <= MAX_ANCHOR_DAYS and not (
                self._anchored(other) and other.anchor is None)

        first = last = index
        while first > 0 and items[first - 1].sentence == item.sentence:
            first -= 1
        while last + 1 < len(items) and items[last + 1].sentence == item.sentence:
            last += 1
        before = [o for o in items[first:index] if usable(o)]
        after = [o for o in items[index + 1 : last + 1] if usable(o) and not self._anchored(o)]
        chosen = before[-1] if before else after[0] if after else None
        if chosen is None and item.expr.form != "complement" and first > 0:
            sentence = items[first - 1].sentence
            previous = [o for o in items[max(0, first - 12) : first] if o.sentence == sentence and usable(o)]
            chosen = previous[-1] if previous else None
        if chosen is not None:
            return chosen.expr, chosen.value
        if published is None or _direction(item) > 0:
            return None, None
        return None, Value(published, published)

    def _mention(self, text: str, item: _Item, published: dt.date | None) -> TimeMention:
        e, value = item.expr, item.value
        acled = ucdp = None
        if value is not None:
            acled, ucdp = self.vocabulary.precision_of(value.days)
            if e.modifier in ("approximate", "reported"):
                acled, ucdp = (_coarser(acled, self.vocabulary.hedged_precision[0]),
                               _coarser(ucdp, self.vocabulary.hedged_precision[1]))
        return TimeMention(
            text=text[e.start : e.end],
            start=e.start,
            end=e.end,
            start_date=value.start if value else None,
            end_date=value.end if value else None,
            time=value.time if value else None,
            acled_time_precision=acled,
            ucdp_date_prec=ucdp,
            kind=e.kind,
            resolved=value is not None,
            token_start=item.token_start,
            token_end=item.token_end,
            past=None if value is None or published is None else value.start <= published,
            heads=item.heads,
            modifier=e.modifier,
            anchor=(item.anchor.start, item.anchor.end) if item.anchor is not None else None,
            source=e.atoms[0].source if len(e.atoms) == 1 else "rules",
            parts=tuple(a.kind for a in e.atoms),
        )


def local_date(published: dt.date | dt.datetime | None, timezone: str | None = None) -> dt.date | None:
    """The publication day, in ``timezone`` when a zone-aware datetime and a zone name are given."""
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        if timezone and published.tzinfo is not None:
            return published.astimezone(ZoneInfo(timezone)).date()
        return published.date()
    return published


def _up_to(value: Value | None, item: _Item, published: dt.date | None) -> Value | None:
    """A month, year, season or part of one that is still running at publication ends there, unless the clause
    looks ahead: "bombings in 2016" reported on 17 December 2016 happened by 17 December."""
    if value is None or published is None or item.forward or item.expr.form != "single":
        return value
    spec = item.expr.atoms[0].spec
    running = isinstance(spec, SeasonSpec | DecadeSpec) or (isinstance(spec, DateSpec) and spec.day is None) or (
        isinstance(spec, PeriodSpec) and spec.clamp is None and spec.shift == 0 and not spec.anchored)
    if running and value.start <= published < value.end:
        return Value(value.start, published, value.time)
    return value


def _narrated(doc: Doc, heads: tuple[int, ...], vocab: TimeVocabulary) -> bool:
    verb = governing_verb(doc[heads[0]]) if heads else None
    return verb is not None and verb_aspect(verb, vocab) in ("past", "pluperfect")


def _idiom(doc: Doc, item: _Item) -> bool:
    """A bare "overnight" on a negated verb is a manner, not a time: "tensions don't heal overnight"."""
    spec = item.expr.atoms[0].spec
    if item.expr.form != "single" or not isinstance(spec, OffsetSpec) or spec.low != 0 or spec.high != 1:
        return False
    return any(any(c.dep_ == "neg" for c in doc[i].children) for i in item.heads)


def _has_sentences(doc: Doc) -> bool:
    return doc.has_annotation("SENT_START") or doc.has_annotation("DEP")


def _direction(item: _Item) -> int:
    """-1/0 when an anchored expression points back (or to the same day) from its anchor, 1 when ahead."""
    spec = item.expr.atoms[0].spec
    sign = getattr(spec, "sign", getattr(spec, "shift", 0)) if isinstance(spec, OffsetSpec | PeriodSpec) else 0
    return -sign if item.expr.form == "complement" else sign


def _coarser(code: int | None, floor: int) -> int | None:
    return None if code is None else max(code, floor)
