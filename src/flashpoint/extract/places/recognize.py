"""Toponym recognition: spaCy's place entities, plus gazetteer matches for names the model misses or mislabels."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span

from flashpoint.extract.places.chains import EZAFE, Chain, compounds, find_chains, widen
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
SPLITTERS = frozenset({",", "(", ")", "[", "]"})
ADMIN_CODES = frozenset({"ADM1", "ADM2", "PCLI"})
NAMED_BY_NOUN_KINDS = frozenset({"admin1", "admin2", "populated", "generic"})
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
MAX_ALIAS_NOUN = 3  # "Chora (Charcheno) and Tarinkot districts"
NOT_NAMING_NOUNS = frozenset({"camp", "capital", "port", "border", "frontier", "pocket", "enclave"})


@dataclass(frozen=True)
class Toponym:
    """A recognised place name: its tokens, where the evidence came from, and the kind its context names."""

    start: int
    end: int
    origin: str  # ner | gazetteer | dateline | pattern | embedded
    kind: str | None
    candidates: tuple[Candidate, ...]
    embedded: bool = False  # inside the name of an institution of the place ("Alexandria Police")
    bracket: str | None = None  # in a bracketed chain: "container" ("Tadjo (Gorgadji, Seno)") or "alias" ("[Demni]")


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
    text = doc.text  # spaCy rebuilds it on every access
    for sent in list(doc.sents)[:DATELINE_SENTENCES]:
        match = DATELINE.match(text, sent.start_char)
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
                    if ent.label_ in PLACE_LABELS and end - start > 1:  # "Greece Italy": two names run together
                        proposals += [(k, k + 1, "part", f"{start}:{end}") for k in range(start, end)]
        ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
        for left, right in pairwise(ents):
            gap = [t.lower_ for t in doc[left.end : right.start]]
            if gap in (["of"], ["of", "the"]):
                proposals.append((_trim(left)[0], right.end, "joined", left.label_))  # "Republic of the Congo"
        for ent in doc.ents:
            if ent.label_ in EMBEDDING_LABELS:
                first = _trim(ent)[0]
                for n in range(1, min(MAX_NGRAM, ent.end - first)):
                    proposals.append((first, first + n, "embedded", ent.label_))
        joined = self._compounds(doc)
        proposals = [(*widen(s, e, joined), origin, label) for s, e, origin, label in proposals]
        runs = _runs(doc, entity_tokens | {t.i for t in doc if t.ent_type_ in PLACE_LABELS})
        runs = sorted({widen(s, e, joined) for s, e in runs})
        named = runs + [part for e in doc.ents if e.label_ in OTHER_LABELS for part in self._parts(e, True)]
        for start, end in named:
            if end - start <= MAX_NGRAM and (self._named_by_noun(doc, start) or self._division_of(doc, start, end)):
                proposals.append((start, end, "pattern", ""))
        chains = find_chains(doc, self.rules.area_nouns)
        for start, end in runs:
            for n in range(min(MAX_NGRAM, end - start), 0, -1):
                for i in range(start, end - n + 1):
                    if doc[i].lower_ in CONNECTORS or doc[i + n - 1].lower_ in CONNECTORS:
                        continue
                    if widen(i, i + n, joined) != (i, i + n):
                        continue  # not "Band" of "Band-e-Sharan"
                    proposals.append((i, i + n, "gazetteer", ""))
        chain_spans = [span for chain in chains for span in (chain.head, *chain.inner)]
        texts = {_strings(doc, s, e) for s, e, _, _ in proposals} | {_strings(doc, s, e) for s, e in chain_spans}
        texts |= {self._stripped(doc, s, e) for s, e, _, _ in proposals} - {None}
        found = self.gazetteer.lookup(texts)
        loose_texts = {
            _strings(doc, s, e) for s, e, origin, label in proposals
            if origin == "ner" and name_key(_strings(doc, s, e)) not in found
        } | {_strings(doc, s, e) for s, e in chain_spans if name_key(_strings(doc, s, e)) not in found}
        if loose_texts:
            found |= {k: v for k, v in self.gazetteer.lookup(loose_texts, loose=True).items() if k not in found}
        for chain in chains:
            proposals += self._chain_proposals(doc, chain, found)
        accepted: list[Toponym] = []
        taken: set[int] = set()
        people = _people(doc)
        order = sorted(set(proposals), key=lambda p: (_priority(p[2], p[3]), -(p[1] - p[0]), p[0], p[2], p[3]))
        for _ in range(2):  # a second pass: names listed after a place found later ("Tarinkot districts, Urozgan")
            rejected = []
            for start, end, origin, label in order:
                if any(t in taken for t in range(start, end)):
                    continue
                toponym = self._judge(doc, start, end, origin, label, found, taken, people)
                if toponym is None:
                    rejected.append((start, end, origin, label))
                    continue
                accepted.append(toponym)
                taken.update(range(toponym.start, toponym.end))
            order = [p for p in rejected if p[0] > 1 and doc[p[0] - 1].lower_ in ("and", "or", ",")]
            if not order:
                break
        return sorted(accepted, key=lambda t: t.start)

    def _parts(self, ent: Span, split_and: bool = False) -> list[tuple[int, int]]:
        """An entity split at commas, brackets and (for places, or when ``split_and``) 'and' ("Cottonport, La."
        → two parts), trimmed of 'the' and "'s"."""
        start, end = _trim(ent)
        bracketed = split_and or any(t.text in SPLITTERS for t in ent)
        parts, first = [], start
        for i in range(start, end):
            word = ent.doc[i]
            if word.text in SPLITTERS or (word.lower_ == "and" and (ent.label_ in PLACE_LABELS or bracketed)):
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

    def _compounds(self, doc: Doc) -> list[tuple[int, int]]:
        """Compound names to read whole: those joined by an ezafe ("Pul-e Khumri"), and hyphenated ones the
        gazetteer knows whole or not by their parts ("Tin-Akoff" — but "Paris-Henry County", "Egyptian-US")."""
        spans = compounds(doc)
        parts = {
            span: [doc[k].text for k in range(*span) if doc[k].text[:1].isupper()] for span in spans
            if not any(doc[k].lower_ in EZAFE for k in range(*span))
        }
        if not parts:
            return spans
        words = {w for ws in parts.values() for w in ws}
        found = self.gazetteer.lookup({_strings(doc, *span) for span in parts} | words)
        keep = []
        for span in spans:
            words = parts.get(span)
            if words is None or name_key(_strings(doc, *span)) in found or not any(
                name_key(w) in found for w in words
            ):
                keep.append(span)
        return keep

    def _chain_proposals(
        self, doc: Doc, chain: Chain, found: dict[str, list[Candidate]]
    ) -> list[tuple[int, int, str, str]]:
        """The names of a bracketed chain, when its last name is a division (or says so: "Rafi LGA"): all of them
        are places ("Tadjo (Gorgadji, Seno)"). One bracketed name that is no division is another name of the
        place before it ("Chora (Charcheno) district", "Demniol [Demni]"): both are kept when the text calls
        the place a place (a relation word before it, an area noun after the bracket)."""
        last_start, last_end = chain.inner[-1]
        last = found.get(name_key(_strings(doc, last_start, last_end)), [])
        admin = chain.kinds[-1] in ("admin1", "admin2") or any(c.place.feature_code in ADMIN_CODES for c in last)
        start, end = chain.head
        while start > 0 and doc[start].ent_iob_ == "I" and doc[start].ent_type_ in PLACE_LABELS:
            start -= 1  # "the Democratic Republic of the Congo (DRC)": the whole name the tagger found
        if not all(self._chain_name(doc, s, e, found) for s, e in chain.inner):
            return []
        person = end - start > 1 and all(t.ent_type_ == "PERSON" for t in doc[start:end])
        head = (start, end, "pattern", "")
        if not self._chain_name(doc, start, end, found):
            return []
        if admin and not chain.alias and not person:  # not "Lander Dircken (Atariac, Belgium)"
            inner = zip(chain.inner, chain.kinds, strict=True)
            return [head] + [(s, e, "pattern", f"{kind or ''}:container") for (s, e), kind in inner]
        if len(chain.inner) != 1:
            return []
        after = doc[last_end + 1 : last_end + 1 + MAX_ALIAS_NOUN]
        noun = next((k for k, t in enumerate(after) if t.lower_ in self.rules.area_nouns), None)
        if noun is None or any(t.text in (".", ";", "(") for t in after[:noun]):
            return []  # "Arizona (Ayton)": only "Chora (Charcheno) district" reads as two names of one area
        return [head, (last_start, last_end, "pattern", ":alias")]

    @staticmethod
    def _chain_name(doc: Doc, start: int, end: int, found: dict[str, list[Candidate]]) -> bool:
        """Could this bracketed-chain name be a place? Not a pronoun or lower-case word ("He (Barnett)"), not an
        acronym ("the Visual Artists Rights Act (VARA)") — unless the gazetteer knows it by that very name."""
        text = _strings(doc, start, end)
        acronym = text.isupper() and len(text) <= 5
        known = any(c.match == 2 or (c.match < 2 and not acronym) for c in found.get(name_key(text), []))
        first = doc[start]
        if first.pos_ in ("PRON", "DET") or not first.text[:1].isupper():
            return False
        if known:
            return True
        return not acronym

    @staticmethod
    def _bracket_kind(label: str) -> str | None:
        kind = label.partition(":")[0]
        return kind or None

    def _division_of(self, doc: Doc, start: int, end: int) -> bool:
        """'Nahri Saraj district, Helmand', 'Narang Wa Badil districts, Kunar', 'Rafi LGA (Niger)': a name the text
        calls a district or province and then places in another named area — a place even when unknown."""
        if end + 2 >= len(doc) or not doc[start].text[:1].isupper():
            return False
        if self.rules.area_nouns.get(doc[end].lower_) not in ("admin1", "admin2"):
            return False
        return doc[end + 1].text in (",", "(") and _is_capitalised(doc[end + 2])

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
        if not candidates and origin in ("gazetteer", "embedded", "joined", "part"):
            return None
        if origin == "part":  # "Greece Italy": each word of a name run together from countries' or provinces' names
            first, _, last = label.partition(":")
            if doc[start].lower_ in self.rules.directions or not self._run_together(doc, int(first), int(last), found):
                return None
            named = tuple(c for c in candidates if c.match in (0, 2) and (c.place.is_country or c.place.is_admin1))
            return Toponym(start, end, "ner", kind, named)
        origin = "ner" if origin == "joined" else origin
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
            bracket = label.partition(":")[2] or None
            return Toponym(start, end, origin, kind or self._bracket_kind(label), tuple(candidates), bracket=bracket)
        key = name_key(text)
        strong = any(c.place.is_country or c.place.is_admin1 for c in candidates if c.match <= 2)
        cue = (
            locative.relation is not None
            or kind is not None
            or self._contained(doc, end, found)
            or (start > 0 and doc[start - 1].lower_ in self.rules.place_cues)
            or self._listed(doc, start, taken)
        )
        person = not (cue or strong) and end - start == 1 and doc[start].lower_ in people
        if key in self.rules.titles or self._dedication(doc, start, end):
            return None  # "Pope", "St. Peter and St. Paul": a title, a church's patron saints
        if candidates and all(c.match == 3 for c in candidates) and not (cue or kind):
            return None  # a loose transliteration match needs the text to call the name a place
        if _demonym_like(text, candidates) or (label == "NORP" and " " not in text
                                                  and text.lower().endswith(DEMONYM_ENDINGS)):
            return None  # "five Ukrainian villages": a people's adjective, not the country's name
        if origin == "ner" and label in PLACE_LABELS:
            if not text[:1].isupper() and doc[start].lower_ not in CONNECTORS:
                return None  # "informants in mosques": the tagger's slip (but "al-Hasakeh")
            if not candidates and (len(text) < 2 or label == "FAC" or not cue):
                return None  # a name no gazetteer knows is kept only where the text calls it a place
            if not candidates and self._run_together(doc, start, end, found):
                return None
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

    def _listed(self, doc: Doc, start: int, taken: set[int]) -> bool:
        """'near Kidal and Gao', 'in Shindand district, Herat', 'Chora (Charcheno) and Tarinkot': listed after a
        place (its area noun and brackets between)."""
        if start < 2 or doc[start - 1].lower_ not in ("and", "or", ","):
            return False
        k = start - 2
        while k > 0 and (doc[k].lower_ in self.rules.area_nouns or doc[k].text in (")", "]")) and k not in taken:
            k -= 1
        return k in taken

    def _run_together(self, doc: Doc, start: int, end: int, found: dict[str, list[Candidate]]) -> bool:
        """'Cyprus, Greece Italy or Spain', 'Northeast Texas': an unknown name whose words are each a country's or
        province's name, or a direction."""
        named = [t for t in doc[start:end] if t.lower_ not in self.rules.directions]
        return end - start > 1 and bool(named) and all(
            any(c.match in (0, 2) and (c.place.is_country or c.place.is_admin1) for c in found.get(t.lower_, []))
            for t in named
        )

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


def _demonym_like(text: str, candidates: Sequence[Candidate]) -> bool:
    """A single word that is a country's or province's name grown a suffix ("Ukrainian", "Kenyan", "Sudanese"),
    matched to it only as a variant."""
    word = name_key(text)
    if " " in word:
        return False
    for c in candidates:
        if c.match in (1, 3) and (c.place.is_country or c.place.is_admin1):
            name = name_key(c.place.name)
            if len(word) > len(name) and word.startswith(name[: max(3, len(name) - 1)]):
                return True
    return False


def _priority(origin: str, label: str) -> int:
    if origin in ("dateline", "pattern"):
        return 0
    if origin in ("ner", "joined") and label in PLACE_LABELS:
        return 1
    if origin == "ner":
        return 2
    return 3
