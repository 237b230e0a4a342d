"""The date of one event: the time expression attached to its trigger's clause, else (flagged) the report's day."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from flashpoint.extract.time.aspect import aspect, governing_verb
from flashpoint.extract.time.mention import EventTime, TimeMention
from flashpoint.extract.time.vocabulary import TimeVocabulary

CLAUSAL = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "conj", "parataxis", "csubj", "csubjpass"})
SAME_DAY_ASPECTS = frozenset({"past", "perfect", "present", "progressive"})
NARRATIVE_ASPECTS = frozenset({"past", "present", "progressive"})


def event_time(doc: Doc, trigger: Token, mentions: list[TimeMention], published: dt.date | dt.datetime | None,
               vocabulary: TimeVocabulary | None = None, narrative: bool = False) -> EventTime:
    """The date of the event whose trigger is ``trigger``.

    1. The time expression attached to the trigger's clause: the trigger's own modifiers (for an event noun, also
       those of the relative clause describing it), then those of each governing word up to the sentence root,
       never one inside another clause; a clock time and a day of the same clause combine.
    2. Only with ``narrative=True``: with no date words in the sentence, a simple past or present clause that goes
       on telling the previous sentence of its paragraph takes that sentence's day (flag "context-date";
       ``mention`` None, the previous sentence's expression in ``carried_from``).
    3. Else the publication day (flag "publication-date"), only when the clause is past/perfect/present, no other
       date is in the sentence and the report is about that day (it names that day, or no single day at all).
    4. Else None dates with flag "no-date" ("unresolved" without a publication date).

    Pass ``vocabulary`` (``TimeResolver.vocabulary``), or the word lists are read again on every call.
    """
    vocab = vocabulary or TimeVocabulary.load()
    day = published.date() if isinstance(published, dt.datetime) else published
    first, last = segment(_sentence(doc, trigger), trigger.idx)
    local = [m for m in mentions if first <= m.start < last]
    found = _attached(doc, trigger, local, vocab.aspect.get("reporting_verbs", frozenset()))
    if found is not None:
        mention, node = found
        return _from_mention(mention, local, node, trigger, vocab)
    mood = aspect(trigger, vocab)
    if narrative and not local and mood in NARRATIVE_ASPECTS:
        context = _previous_sentence_date(doc, trigger, mentions, vocab)
        if context is not None:
            when = _from_mention(context, [], trigger, trigger, vocab)
            return replace(when, mention=None, carried_from=context, flags=(*when.flags, "context-date"))
    if day is None:
        return EventTime(None, None, None, None, None, None, ("unresolved",))
    if mood in SAME_DAY_ASPECTS and not local and _about(mentions, day):
        acled, ucdp = vocab.precision_of(1)
        return EventTime(None, day, day, None, acled, ucdp, ("publication-date",))
    return EventTime(None, None, None, None, None, None, ("no-date",))


def segment(sentence: Span, char: int, text: str | None = None) -> tuple[int, int]:
    """Character bounds of the part of ``sentence`` around ``char`` between line breaks (a headline glued to the
    lead by the parser is not part of it). ``text`` is ``sentence.text`` when the caller has it."""
    text = sentence.text if text is None else text
    offset = sentence.start_char
    first = text.rfind("\n", 0, char - offset) + 1
    last = text.find("\n", char - offset)
    return offset + first, offset + (len(text) if last < 0 else last)


def _previous_sentence_date(doc: Doc, trigger: Token, mentions: list[TimeMention],
                            vocab: TimeVocabulary) -> TimeMention | None:
    """The day of the previous sentence's main clause, when that sentence is in the same paragraph."""
    sentence = _sentence(doc, trigger)
    if sentence.start == 0 or "\n" in doc[sentence.start - 1].text_with_ws or "\n" in sentence.text[
            : trigger.idx - sentence.start_char]:
        return None
    previous = doc[sentence.start - 1].sent
    first, last = segment(previous, previous[-1].idx)  # its last line
    local = [m for m in mentions if first <= m.start < last and m.resolved and m.parts != ("clock",)]
    found = _attached(doc, previous.root, local, vocab.aspect.get("reporting_verbs", frozenset()))
    return found[0] if found is not None and found[0].is_day else None  # a day sets the story's time; a week not


def _sentence(doc: Doc, token: Token) -> Span:
    return token.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else doc[:]


def _attached(doc: Doc, trigger: Token, mentions: list[TimeMention], reporting: frozenset[str]
              ) -> tuple[TimeMention, Token] | None:
    """The mention of the trigger's clause and the word it hangs on: the trigger, then each governing word;
    then a date that opens the sentence and frames all its clauses ("On 9 May, A happened, B was hurt"); last, a
    date on a reporting clause of the sentence ("As reported on 2 May, rebels …")."""
    if not mentions:
        return None
    if not doc.has_annotation("DEP"):
        return min(mentions, key=lambda m: abs(m.token_start - trigger.i)), trigger
    node, came_from = trigger, None
    while True:
        direct = [m for m in mentions if node.i in m.heads]
        if not direct:
            reach = _local(node, came_from)
            direct = [m for m in mentions if reach.intersection(m.heads)]
        if not direct and node is trigger and trigger.pos_ in ("NOUN", "PROPN"):
            direct = _described(trigger, mentions)  # "the blast that ripped through the church the day before"
        if direct:
            return _best(direct, trigger), node
        if node.head is node or node.dep_ in ("ROOT",):
            return _frame(mentions, trigger) or _reported(mentions, trigger, reporting)
        came_from, node = node, node.head


def _frame(mentions: list[TimeMention], trigger: Token) -> tuple[TimeMention, Token] | None:
    """A date before any verb of the sentence, ahead of the trigger: it sets the time of every clause."""
    sentence = trigger.sent
    for mention in mentions:
        if mention.token_start >= trigger.i:
            break
        opening = trigger.doc[sentence.start : mention.token_start]
        if not any(t.pos_ in ("VERB", "AUX") for t in opening):
            return mention, sentence.root
    return None


def _reported(mentions: list[TimeMention], trigger: Token, reporting: frozenset[str]
              ) -> tuple[TimeMention, Token] | None:
    doc = trigger.doc
    for mention in mentions:
        for i in mention.heads:
            verb = governing_verb(doc[i])
            if verb is not None and verb.lemma_.lower() in reporting:
                return mention, verb
    return None


def _described(noun: Token, mentions: list[TimeMention]) -> list[TimeMention]:
    """Dates of the relative clause that tells what an event noun was (its own clause, not another event's)."""
    for clause in noun.children:
        if clause.dep_ in ("relcl", "acl") and clause.pos_ in ("VERB", "AUX"):
            reach = _local(clause, None) | {clause.i}
            found = [m for m in mentions if reach.intersection(m.heads)]
            if found:
                return found
    return []


def _local(node: Token, skip: Token | None) -> set[int]:
    """Token indices below ``node`` without entering another clause (or the branch ``skip``)."""
    seen: set[int] = set()
    stack = [c for c in node.children if c is not skip]
    while stack:
        token = stack.pop()
        if token.dep_ in CLAUSAL or (token.dep_ == "pcomp" and token.pos_ in ("VERB", "AUX")):
            continue
        seen.add(token.i)
        stack.extend(token.children)
    return seen


def _best(candidates: list[TimeMention], trigger: Token) -> TimeMention:
    """Prefer a mention that names a day over a bare clock time, then the nearest to the trigger."""
    return min(candidates, key=lambda m: (m.parts == ("clock",), abs(m.token_start - trigger.i), m.start))


def _from_mention(mention: TimeMention, local: list[TimeMention], node: Token, trigger: Token,
                  vocab: TimeVocabulary) -> EventTime:
    time = mention.time
    if time is None and mention.is_day:
        clocks = [m for m in local if m.parts == ("clock",) and m.start_date == mention.start_date
                  and (node.i in m.heads or set(m.heads) & set(mention.heads)
                       or m.anchor == (mention.start, mention.end))]
        if clocks:
            time = min(clocks, key=lambda m: abs(m.start - mention.start)).time
    flags: list[str] = []
    if not mention.resolved:
        flags.append("unresolved")
    if mention.modifier:
        flags.append(mention.modifier)
    if node is not trigger and node.lemma_.lower() in vocab.aspect.get("reporting_verbs", frozenset()):
        flags.append("report-date")
    return EventTime(mention, mention.start_date, mention.end_date, time, mention.acled_time_precision,
                     mention.ucdp_date_prec, tuple(flags))


def _about(mentions: list[TimeMention], day: dt.date) -> bool:
    """True when the report is about its publication day: it names that day, or names no single day at all."""
    days = [m for m in mentions if m.is_day]
    return not days or any(m.start_date == day for m in days)
