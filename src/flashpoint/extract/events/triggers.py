"""Find event triggers in a parsed document: lexicon phrases, filtered by their syntactic neighbourhood."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from flashpoint.extract.events.lexicon import PhraseToken, TriggerEntry, TriggerLexicon

EXCLUDE_WINDOW = 60  # characters each side of a trigger searched for multi-word vetoes


@dataclass(frozen=True)
class TriggerMatch:
    entry: TriggerEntry
    phrase: str
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    head: int  # token index of the phrase's syntactic head

    def lexicon_ref(self, version: str) -> str:
        return f"{version}:{self.entry.id}"


class TriggerMatcher:
    """Matches lexicon phrases on lemmas or word forms, then applies each entry's requires/excludes rules."""

    def __init__(self, lexicon: TriggerLexicon):
        self.lexicon = lexicon

    def find(self, doc: Doc) -> list[TriggerMatch]:
        raw = [m for token in doc for m in self._matches_at(doc, token.i)]
        phrases = [(m, set(range(m.start, m.end))) for m in raw if m.end - m.start > 1]
        kept = []
        text = doc.text  # spaCy rebuilds it on every access
        for match in raw:
            # words of another trigger phrase ("opened fire") never veto this one ("killed" … "fire")
            others = {i for other, tokens in phrases if other.entry.id != match.entry.id for i in tokens}
            if self._acceptable(doc, text, match, others):
                kept.append(match)
        return _without_overlaps(kept)

    def _matches_at(self, doc: Doc, i: int) -> list[TriggerMatch]:
        token = doc[i]
        found = []
        for key in {token.lower_, token.lemma_.lower()}:
            for entry, number in self.lexicon.candidates(key):
                end = _match_phrase(doc, i, entry.phrases[number])
                if end is not None:
                    head = _head(doc, i, end)
                    found.append(TriggerMatch(entry, entry.phrase_texts[number], i, end, head))
        return found

    def _acceptable(self, doc: Doc, text: str, match: TriggerMatch, others: set[int]) -> bool:
        entry = match.entry
        head = doc[match.head]
        if entry.pos and head.pos_ not in entry.pos:
            return False
        around = neighbourhood(doc, match.start, match.end)
        words = {w for t in around for w in (t.lower_, t.lemma_.lower())}
        labels = {t.ent_type_ for t in around if t.ent_type_}
        if _vetoed(doc, text, match, {w for t in around if t.i not in others for w in (t.lower_, t.lemma_.lower())}):
            return False
        needs_context = entry.requires and (
            not entry.requires_any_for or match.phrase in entry.requires_any_for
        )
        return not needs_context or bool(entry.requires & (words | labels))


def neighbourhood(doc: Doc, start: int, end: int) -> list[Token]:
    """The trigger's syntactic surroundings: its subtree to depth two, its head, and its head's other children."""
    inside = set(range(start, end))
    seen: dict[int, Token] = {}
    for i in inside:
        token = doc[i]
        for child in token.children:
            seen[child.i] = child
            for grandchild in child.children:
                seen[grandchild.i] = grandchild
        head = token.head
        seen[head.i] = head
        for sibling in head.children:
            seen[sibling.i] = sibling
    return [seen[i] for i in sorted(seen) if i not in inside]


def _match_phrase(doc: Doc, i: int, phrase: tuple[PhraseToken, ...]) -> int | None:
    j = i
    for position, part in enumerate(phrase):
        if position > 0:
            while j < len(doc) and doc[j].text == "-":
                j += 1
        if j >= len(doc):
            return None
        token = doc[j]
        if part.word is None:
            if token.is_punct:
                return None
        elif part.word not in (token.lower_, token.lemma_.lower()):
            return None
        if part.pos is not None and token.pos_ != part.pos:
            return None
        j += 1
    return j


def _head(doc: Doc, start: int, end: int) -> int:
    span = doc[start:end]
    return span.root.i


def _vetoed(doc: Doc, text: str, match: TriggerMatch, words: set[str]) -> bool:
    own = {w for t in doc[match.start : match.end] for w in (t.lower_, t.lemma_.lower())}
    window = None
    for term in match.entry.excludes:
        if " " in term or "-" in term:
            if window is None:
                left = max(0, doc[match.start].idx - EXCLUDE_WINDOW)
                right = min(len(text), doc[match.end - 1].idx + len(doc[match.end - 1]) + EXCLUDE_WINDOW)
                window = text[left:right].lower()
            if term in window:
                return True
        elif term in words and term not in own:
            return True
    return False


def _without_overlaps(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """Longest phrase wins; ties go to the entry with context requirements (more specific), then lexicon order."""
    order = sorted(
        matches,
        key=lambda m: (-(m.end - m.start), -len(m.entry.requires), m.start, m.entry.id),
    )
    taken: set[int] = set()
    kept: list[TriggerMatch] = []
    for match in order:
        span = set(range(match.start, match.end))
        if span & taken:
            continue
        taken |= span
        kept.append(match)
    return sorted(kept, key=lambda m: (m.start, m.entry.id))
