"""Where a time expression sits in the parse: the words it modifies, and whether its clause looks ahead."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from flashpoint.extract.time.aspect import governing_verb, verb_aspect
from flashpoint.extract.time.vocabulary import TimeVocabulary

PREPOSITION_LINKS = frozenset({"prep", "agent", "mark"})


def token_span(doc: Doc, start: int, end: int) -> Span:
    """The tokens covering characters ``start:end`` (widened to whole tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # only whitespace: fall back to the nearest token
        i = min(range(len(doc)), key=lambda t: abs(doc[t].idx - start))
        span = doc[i : i + 1]
    return span


def heads_of(span: Span) -> tuple[int, ...]:
    """Token indices of the words outside ``span`` that it modifies, in text order ("on Monday" → its verb)."""
    if not span.doc.has_annotation("DEP"):
        return ()
    found: list[int] = []
    for token in span:
        if span.start <= token.head.i < span.end and token.head is not token:
            continue
        target = attachment(token)
        if target is not None and not span.start <= target.i < span.end and target.i not in found:
            found.append(target.i)
    return tuple(found)


def attachment(token: Token) -> Token | None:
    """The word a date token modifies, looking through a preposition ("at 1:13 a.m." → the verb)."""
    if token.head is token:
        return None
    head = token.head
    if token.dep_ in ("pobj", "pcomp") and head.dep_ in PREPOSITION_LINKS and head.head is not head:
        return head.head
    return head


def complement_head(span: Span) -> Token | None:
    """For "two days after <clause or noun>": the head of what follows "after"/"before"."""
    last = span[-1]
    for child in last.children:
        if child.dep_ in ("pobj", "pcomp"):
            return child
    if last.dep_ == "mark" and last.head is not last:
        return last.head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return governing_verb(nxt) if nxt is not None else None


def looks_ahead(doc: Doc, heads: tuple[int, ...], vocab: TimeVocabulary) -> str | None:
    """"future" when the clause a date modifies is future or hypothetical ("will meet on Monday", "talks scheduled
    for Monday", "are meeting on Thursday"): dates without a year then resolve forward. "timetable" for a present
    tense clause ("the festival opens Thursday"): weekdays resolve forward. None otherwise."""
    markers = vocab.aspect.get("future_markers", frozenset())
    for i in heads[:1]:
        token = doc[i]
        if token.lemma_.lower() in markers:
            return "future"
        verb = governing_verb(token)
        if verb is None:
            continue
        if verb.lemma_.lower() in markers:
            return "future"
        mood = verb_aspect(verb, vocab, depth=0)
        if mood == "future":
            return "future"
        if mood == "modal" and not any(c.lemma_ == "have" for c in verb.children if c.dep_ == "aux"):
            return "future"
        if mood == "progressive" and any(c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") for c in verb.children):
            return "future"
        if mood == "present" and _scheduled(verb, vocab):
            return "timetable"
    return None


def _scheduled(verb: Token, vocab: TimeVocabulary) -> bool:
    """A dated present-tense clause in running text is a timetable ("the vote takes place on Sunday", "talks
    begin Monday"), unless it reports speech or the line is a headline (which tells past news in the present)."""
    if verb.lemma_.lower() in vocab.aspect.get("reporting_verbs", frozenset()):
        return False
    sentence = verb.sent
    last = sentence[-1] if sentence[-1].text.strip() else sentence[max(0, len(sentence) - 2)]
    return last.text in (".", "!", "?", "”", '"', "’", "'") and "\n" not in sentence.text.strip()
