"""Toponym recognition: spaCy's place entities, plus gazetteer matches for names the model misses or mislabels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from flashpoint.extract.places.gazetteer import Candidate, Gazetteer
from flashpoint.extract.places.names import name_key
from flashpoint.extract.places.relations import read_locative
from flashpoint.extract.places.rules import PlaceRules

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "LANGUAGE", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
CUE_ONLY_LABELS = frozenset({"PERSON", "NORP"})  # people named like towns; demonyms used as adjectives
MAX_NGRAM = 5
CONNECTORS = frozenset(
    {"al", "el", "de", "del", "la", "le", "of", "du", "des", "da", "do", "bin", "ibn", "abu", "-", "es"}
)
DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z'’.\- ]{1,40}?[A-Z.])(?:\s*,\s*(?P<region>[A-Z][A-Za-z.'’ ]{1,30}?))?"
    r"\s*(?:\([A-Za-z .&-]{1,40}\)\s*)?(?:[—–:-]{1,2}|[^\w\s,.(]{1,2})\s"
)
MIN_GAZETTEER_POPULATION = 20_000
MIN_ORG_POPULATION = 100_000
MAX_TAIL = 4
EMBEDDING_LABELS = frozenset({"ORG", "FAC"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
DATELINE_SENTENCES = 3
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "recall", "admit", "explain", "note", "write", "ask", "reply"})


@dataclass(frozen=True)
class Toponym:
    """A recognised place name: its tokens, where the evidence came from, and the kind its context names."""

    start: int
    end: int
    origin: str  # ner | gazetteer | dateline | pattern | embedded
    kind: str | None
    candidates: tuple[Candidate, ...]
    embedded: bool = False  # inside the name of an institution of the place ("Alexandria Police")


def _trim(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in POSSESSIVES):
        end -= 1
    return start, end


def _dateline(doc: Doc) -> list[tuple[int, int]]:
    """The dateline at the start of the text, or of one of its first sentences (after a headline)."""
    for sent in list(doc.sents)[:DATELINE_SENTENCES]:
        match = DATELINE.match(doc.text, sent.start_char)
        if not match:
            continue
        out = []
        for group in ("place", "region"):
            if match.group(group):
                span = doc.char_span(match.start(group), match.end(group), alignment_mode="expand")
                if span is not None:
                    out.append(_trim(span))
        return out
    return []


def _people(doc: Doc) -> frozenset[str]:
    """First and last words of the document's multi-word PERSON names ("Bob Hughes" → hughes, bob)."""
    return frozenset(
        word for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
        for word in (ent[0].lower_, ent[-1].lower_)
    )


def _is_capitalised(token) -> bool:
    text = token.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _runs(doc: Doc, covered: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens (with connectors inside) not covered by accepted spans or entities."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if i in covered or not _is_capitalised(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j not in covered and (
            _is_capitalised(doc[j])
            or (doc[j].lower_ in CONNECTORS and j + 1 < len(doc) and _is_capitalised(doc[j + 1]))
            or (
                doc[j].text in ("-", "'")
                and j + 1 < len(doc)
                and _is_capitalised(doc[j + 1])
                and not doc[j].whitespace_
            )
        ):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _strings(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


class Recognizer:
    """Finds toponyms in a parsed document (token spans), with gazetteer candidates attached."""

    def __init__(self, gazetteer: Gazetteer, rules: PlaceRules) -> None:
        self.gazetteer = gazetteer
        self.rules = rules

    def find(self, doc: Doc) -> list[Toponym]:
        proposals: list[tuple[int, int, str, str]] = []  # start, end, origin, label
        for start, end in _dateline(doc):
            proposals.append((start, end, "dateline", "GPE"))
        entity_tokens: set[int] = set()
        for ent in doc.ents:
            entity_tokens.update(range(ent.start, ent.end))
            if ent.label_ in PLACE_LABELS or ent.label_ in OTHER_LABELS:
                for start, end in self._parts(ent):
                    proposals.append((start, end, "ner", ent.label_))
        for ent in doc.ents:
            if ent.label_ in EMBEDDING_LABELS:
                first = _trim(ent)[0]
                for n in range(1, min(MAX_NGRAM, ent.end - first)):
                    proposals.append((first, first + n, "embedded", ent.label_))
        runs = _runs(doc, entity_tokens | {t.i for t in doc if t.ent_type_ in PLACE_LABELS})
        for start, end in runs + [(e.start, e.end) for e in doc.ents if e.label_ in OTHER_LABELS]:
            if self._named_by_noun(doc, start) and end - start <= MAX_NGRAM:
                proposals.append((start, end, "pattern", ""))
        for start, end in runs:
            for n in range(min(MAX_NGRAM, end - start), 0, -1):
                for i in range(start, end - n + 1):
                    if doc[i].lower_ in CONNECTORS or doc[i + n - 1].lower_ in CONNECTORS:
                        continue
                    proposals.append((i, i + n, "gazetteer", ""))
        texts = {_strings(doc, s, e) for s, e, _, _ in proposals}
        texts |= {self._stripped(doc, s, e) for s, e, _, _ in proposals} - {None}
        found = self.gazetteer.lookup(texts)
        loose_texts = {
            _strings(doc, s, e) for s, e, origin, label in proposals
            if origin == "ner" and name_key(_strings(doc, s, e)) not in found
        }
        if loose_texts:
            found |= {k: v for k, v in self.gazetteer.lookup(loose_texts, loose=True).items() if k not in found}
        accepted: list[Toponym] = []
        taken: set[int] = set()
        people = _people(doc)
        order = sorted(proposals, key=lambda p: (_priority(p[2], p[3]), -(p[1] - p[0]), p[0]))
        for start, end, origin, label in order:
            if any(t in taken for t in range(start, end)):
                continue
            toponym = self._judge(doc, start, end, origin, label, found, taken, people)
            if toponym is not None:
                accepted.append(toponym)
                taken.update(range(toponym.start, toponym.end))
        return sorted(accepted, key=lambda t: t.start)

    def _parts(self, ent: Span) -> list[tuple[int, int]]:
        """An entity split at commas and 'and' ("Cottonport, La." → two parts), trimmed of 'the' and "'s"."""
        start, end = _trim(ent)
        parts, first = [], start
        for i in range(start, end):
            if ent.doc[i].text == "," or (ent.doc[i].lower_ == "and" and ent.label_ in PLACE_LABELS):
                if i > first:
                    parts.append((first, i))
                first = i + 1
        if end > first:
            parts.append((first, end))
        return parts

    def _named_by_noun(self, doc: Doc, start: int) -> bool:
        """'the village of X', 'the town of X': a name the text itself calls a place."""
        if start < 2 or doc[start - 1].lower_ != "of":
            return False
        return self.rules.area_nouns.get(doc[start - 2].lower_) in ("populated", "admin1", "admin2")

    def _stripped(self, doc: Doc, start: int, end: int) -> str | None:
        if end - start > 1 and doc[end - 1].lower_ in self.rules.area_nouns:
            return _strings(doc, start, end - 1)
        return None

    def _judge(
        self, doc: Doc, start: int, end: int, origin: str, label: str, found: dict[str, list[Candidate]],
        taken: set[int], people: frozenset[str],
    ) -> Toponym | None:
        text = _strings(doc, start, end)
        candidates = found.get(name_key(text), [])
        kind = None
        stripped = self._stripped(doc, start, end)
        if not candidates and stripped is not None:
            candidates = found.get(name_key(stripped), [])
            if candidates or origin == "ner":
                kind = self.rules.area_nouns[doc[end - 1].lower_]
                end -= 1
        tail = self._tail(doc, end)
        if tail == "organisation":
            return None  # "Washington Post", "Kabul Airport": a thing named after a place
        if not candidates and origin in ("gazetteer", "embedded"):
            return None
        if tail == "institution" or origin == "embedded":
            key = name_key(text)
            if tail != "institution" or key in self.rules.never_alone or doc[start].lower_ in people:
                return None
            if not any(c.match <= 2 for c in candidates) or all(t.is_stop for t in doc[start:end]):
                return None
            named = tuple(c for c in candidates if c.match <= 2)
            if any(c.place.is_country for c in named):
                return None  # "U.S. Department of Agriculture": a national body, not a site
            return Toponym(start, end, origin, kind, named, embedded=True)
        locative = read_locative(doc, start, end, self.rules)
        kind = kind or locative.kind
        if origin == "dateline":
            return Toponym(start, end, origin, kind, tuple(candidates)) if candidates else None
        if origin == "pattern":
            return Toponym(start, end, origin, kind, tuple(candidates))
        key = name_key(text)
        strong = any(c.place.is_country or c.place.is_admin1 for c in candidates if c.match <= 2)
        cue = (
            locative.relation is not None
            or kind is not None
            or self._contained(doc, end, found)
            or (start > 0 and doc[start - 1].lower_ in self.rules.place_cues)
            or (start > 1 and doc[start - 1].lower_ in ("and", "or", ",") and (start - 2) in taken)
        )
        person = not (cue or strong) and end - start == 1 and doc[start].lower_ in people
        if key in self.rules.titles or self._dedication(doc, start, end):
            return None  # "Pope", "St. Peter and St. Paul": a title, a church's patron saints
        if candidates and all(c.match == 3 for c in candidates) and not (cue or kind):
            return None  # a loose transliteration match needs the text to call the name a place
        if origin == "ner" and label in PLACE_LABELS:
            if not candidates and (len(text) < 2 or not text[:1].isupper() or label == "FAC" or not cue):
                return None  # a name no gazetteer knows is kept only where the text calls it a place
            return None if person else Toponym(start, end, origin, kind, tuple(candidates))
        if not candidates or person:
            return None  # "Hughes said", when the text also names "Bob Hughes": a person
        if key in self.rules.never_alone or all(t.is_stop for t in doc[start:end]) or len(key) < 2:
            return None
        if text.isupper() and len(key) <= 4 and not (strong or any(c.match == 2 for c in candidates)):
            return None  # acronyms: "TIF", "PSC" are rarely places unless a known alias ("US", "DRC")
        if cue:
            return Toponym(start, end, origin, kind, tuple(candidates))
        if label in CUE_ONLY_LABELS and strong and any(c.match == 0 and c.place.is_country for c in candidates):
            return Toponym(start, end, origin, kind, tuple(candidates))  # "Mali's army" tagged PERSON: the country
        if label in CUE_ONLY_LABELS or self._speaker(doc, start, end):
            return None
        if label == "ORG" and not (strong or any(
            c.match == 0 and c.place.population >= MIN_ORG_POPULATION for c in candidates
        )):  # "Hamas", "Honda": an organisation unless the name is a big place's own name
            return None
        if origin == "gazetteer" and doc[start].tag_ not in ("NNP", "NNPS") and not text.isupper():
            return None  # a capitalised common word ("Let", "Semi"), tagged as such by the parser
        towns = [c.place.population for c in candidates if c.place.feature_class == "P"]
        if strong or max(towns, default=0) >= MIN_GAZETTEER_POPULATION:
            return Toponym(start, end, origin, kind, tuple(candidates))
        return None

    def _dedication(self, doc: Doc, start: int, end: int) -> bool:
        """'the church of St. Peter and St. Paul', 'Saint Mark's Cathedral': a saint a church is named after."""
        prefixes, churches = self.rules.dedication_prefixes, self.rules.church_nouns
        if doc[start].lower_ not in prefixes:
            return False
        if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].lower_ in prefixes:
            return True
        if start >= 2 and doc[start - 1].lower_ == "and" and any(
            t.lower_ in prefixes for t in doc[max(0, start - 5) : start - 1]
        ):
            return True
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in churches:
            return True
        for token in doc[end : end + MAX_TAIL]:
            if not (token.text[:1].isupper() or token.tag_ == "POS"):
                return False
            if token.lower_ in churches:
                return True
        return False

    def _tail(self, doc: Doc, end: int) -> str | None:
        """What the capitalised words right after a name make of it: 'institution' ("Alexandria Police",
        "DeKalb County Sheriff's Office"), 'organisation' ("Washington Post") or None."""
        for token in doc[end : end + MAX_TAIL]:
            low = token.lower_
            if not (token.text[:1].isupper() or low in CONNECTORS or token.tag_ == "POS"):
                return None
            two = f"{low} {token.nbor().lower_}" if token.i + 1 < len(doc) else low
            if low in self.rules.org_nouns or two in self.rules.org_nouns:
                return "organisation"
            if low in self.rules.institution_nouns or two in self.rules.institution_nouns:
                return "institution"
        return None

    @staticmethod
    def _speaker(doc: Doc, start: int, end: int) -> bool:
        """'Turner said': the subject of a speech verb, when only the gazetteer says it is a place."""
        root = doc[start:end].root
        return root.dep_ == "nsubj" and root.head.lemma_ in SPEECH_LEMMAS

    def _contained(self, doc: Doc, end: int, found: dict[str, list[Candidate]]) -> bool:
        """'X, Y' where Y names a country or first-level division: X is a place inside it."""
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        for n in (3, 2, 1):
            if end + 1 + n <= len(doc):
                hits = found.get(name_key(_strings(doc, end + 1, end + 1 + n)), [])
                if any(c.place.is_country or c.place.is_admin1 for c in hits):
                    return True
        return False


def _priority(origin: str, label: str) -> int:
    if origin in ("dateline", "pattern"):
        return 0
    if origin == "ner" and label in PLACE_LABELS:
        return 1
    if origin == "ner":
        return 2
    return 3
