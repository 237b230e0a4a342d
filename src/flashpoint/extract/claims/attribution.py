"""According to whom: the claimant of each statement, from reported speech, "according to", and quotations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from flashpoint.extract.claims.quotes import QuoteIndex
from flashpoint.extract.claims.vocabulary import AttributionVocabulary
from flashpoint.extract.values import ClaimantRef, TextSpan

CountryOf = Callable[[str], "str | None"]
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
NOBODY = frozenset({"nobody", "none", "noone"})
COREF_SENTENCES = 4
CLAUSE_EDGES = frozenset({"ccomp", "xcomp", "dobj", "advcl", "parataxis", "conj", "attr", "oprd", "pcomp", "pobj",
                          "prep", "acomp", "csubj", "relcl", "acl", "nsubj", "nsubjpass", "appos", "npadvmod",
                          "dep", "compound", "amod", "advmod", "agent", "poss", "nmod", "aux", "auxpass"})


@dataclass(frozen=True)
class Speaker:
    """A claimant seen in the text, remembered for pronouns and surnames later on."""

    ref: ClaimantRef
    sentence: int
    person: bool


class DocumentAttribution:
    """Claimants of a parsed document. Built once per document; answers 'who says what this token says?'."""

    def __init__(self, doc: Doc, vocab: AttributionVocabulary, country_of: CountryOf):
        self.doc = doc
        self.vocab = vocab
        self.country_of = country_of
        self.quotes = QuoteIndex(doc)
        self.sentences = list(doc.sents)
        self._sentence_of = {t.i: n for n, s in enumerate(self.sentences) for t in s}
        self._people = _people_with_titles(doc)
        self._cache: dict[int, ClaimantRef | None] = {}
        self._speakers: list[Speaker] = []
        for sentence in self.sentences:  # resolve claimants in reading order so pronouns find their antecedents
            for token in sentence:
                if token.lemma_.lower() in vocab.speech_verbs and token.pos_ == "VERB":
                    self._remember(self._subject_claimant(token), token)

    def claimant_for(self, token: Token) -> ClaimantRef | None:
        """The source that states what ``token`` says: speech verb above it, 'according to', or its quotation."""
        if token.i not in self._cache:
            self._cache[token.i] = self._find(token)
        return self._cache[token.i]

    # -- search ------------------------------------------------------------------------------------------------
    def _find(self, token: Token) -> ClaimantRef | None:
        child = token
        for ancestor in _ancestors(token):
            according = self._according(ancestor)
            if according is not None:
                return according
            if ancestor is not token and self._is_speech(ancestor) and child.dep_ not in {"nsubj", "nsubjpass"}:
                found = self._subject_claimant(ancestor)
                if found is not None:
                    return found
            child = ancestor
        sentence = token.sent
        for candidate in sentence:
            according = self._according(candidate)
            if according is not None:
                return according
        quote = self.quotes.enclosing(token.idx)
        if quote is not None:
            return self._quote_speaker(quote)
        return None

    def _is_speech(self, token: Token) -> bool:
        return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.vocab.speech_verbs

    def _according(self, token: Token) -> ClaimantRef | None:
        for child in token.children:
            words = child.lower_
            for frame in self.vocab.according:
                if words != frame[0]:
                    continue
                objects = [t for t in child.subtree if t.dep_ == "pobj"]
                if objects:
                    return self._claimant_from(objects[0], objects[0].sent)
        return None

    def _subject_claimant(self, verb: Token) -> ClaimantRef | None:
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            if verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head is not verb:
                return self._subject_claimant(verb.head) if self._is_speech(verb.head) else None
            return None
        subject = subjects[0]
        if subject.dep_ == "nsubjpass":
            agents = [t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
            if not agents:
                return None
            subject = agents[0]
        ref = self._claimant_from(subject, verb.sent)
        via = self._citing(verb)
        if ref is not None and via is not None:
            ref = ClaimantRef(ref.name, ref.span, ref.type, ref.country, via)
        return ref

    def _citing(self, verb: Token) -> str | None:
        for child in verb.subtree:
            if child.lemma_.lower() in self.vocab.citing and child.tag_ == "VBG":
                objects = [c for c in child.children if c.dep_ in {"dobj", "pobj"}]
                if objects:
                    return _phrase(objects[0]).text
        return None

    def _quote_speaker(self, quote: tuple[int, int]) -> ClaimantRef | None:
        start, end = quote
        for sentence in self.sentences:
            if sentence.start_char > end + 200:
                break
            if sentence.end_char < start:
                continue
            for token in sentence:
                outside = token.idx >= end or token.idx < start
                if outside and self._is_speech(token):
                    found = self._subject_claimant(token)
                    if found is not None:
                        return found
        return None

    # -- claimant phrases ---------------------------------------------------------------------------------------
    def _claimant_from(self, head: Token, sentence: Span) -> ClaimantRef | None:
        if head.lower_ in PRONOUNS:
            return self._antecedent(head)
        if any(c.dep_ == "det" and c.lower_ in {"no", "none"} for c in head.children) or head.lower_ in NOBODY:
            return None  # "no group has claimed it": nobody is speaking
        phrase = _phrase(head)
        if head.lemma_.lower() in self.vocab.statement_nouns:
            issuer = [t for c in head.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}
                      for t in c.children if t.dep_ == "pobj"]
            if issuer:
                return self._claimant_from(issuer[0], sentence)
            return self._antecedent(head, statement=True)
        text = phrase.text
        person = head.ent_type_ == "PERSON"
        name, titles = text, ""
        if person:
            name, titles = self._person(head, phrase)
        kind = self.vocab.claimant_type(f"{titles} {text}")
        if person and kind in {None, "witness"} and titles:
            kind = self.vocab.claimant_type(titles) or kind
        country = self._country(phrase, titles)
        span = TextSpan(phrase.start_char, phrase.end_char, phrase.text)
        return ClaimantRef(name=name, span=span, type=kind or ("other" if not person else None), country=country)

    def _person(self, head: Token, phrase: Span) -> tuple[str, str]:
        entity = next((e for e in self.doc.ents if e.start <= head.i < e.end and e.label_ == "PERSON"), None)
        surname = (entity or phrase)[-1].text
        full, titles = self._people.get(surname, (entity.text if entity else phrase.text, ""))
        return full, titles

    def _country(self, phrase: Span, titles: str) -> str | None:
        for token in phrase:
            if token.ent_type_ in {"GPE", "NORP"}:
                found = self.country_of(token.text)
                if found:
                    return found
        for word in titles.split():
            found = self.country_of(word)
            if found:
                return found
        return None

    def _antecedent(self, token: Token, statement: bool = False) -> ClaimantRef | None:
        here = self._sentence_of.get(token.i, 0)
        wants_person = token.lower_ in {"he", "she", "i"}
        for speaker in reversed(self._speakers):
            if here - speaker.sentence > COREF_SENTENCES:
                break
            if speaker.sentence > here:
                continue
            if statement or token.lower_ == "it":
                if not speaker.person:
                    return speaker.ref
            elif speaker.person == wants_person or token.lower_ in {"they", "we"}:
                return speaker.ref
        if wants_person:
            for sentence in reversed(self.sentences[max(0, here - COREF_SENTENCES) : here + 1]):
                people = [e for e in sentence.ents if e.label_ == "PERSON" and e.end <= token.i + 1]
                if people:
                    name, titles = self._people.get(people[-1][-1].text, (people[-1].text, ""))
                    span = TextSpan(people[-1].start_char, people[-1].end_char, people[-1].text)
                    kind = self.vocab.claimant_type(titles) if titles else None
                    return ClaimantRef(name, span, kind, self._country(people[-1], titles))
        return None

    def _remember(self, ref: ClaimantRef | None, verb: Token) -> None:
        if ref is None:
            return
        person = any(t.ent_type_ == "PERSON" for t in self.doc.char_span(
            ref.span.start, ref.span.end, alignment_mode="expand") or ()) if ref.span else False
        self._speakers.append(Speaker(ref, self._sentence_of.get(verb.i, 0), person))


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head is not chain[-1] and len(chain) < 30:
        chain.append(chain[-1].head)
    return chain


def _phrase(head: Token) -> Span:
    """The noun phrase headed by ``head`` without relative clauses, appositions or trailing punctuation."""
    doc = head.doc
    left, right = head.i, head.i
    for child in head.children:
        if child.dep_ in {"relcl", "acl", "appos", "punct", "cc", "conj", "prep"} and child.i > head.i:
            continue
        if child.dep_ in {"punct", "cc", "advmod"}:
            continue
        left = min(left, child.left_edge.i)
        right = max(right, child.right_edge.i)
    while right > left and doc[right].is_punct:
        right -= 1
    while left < right and (doc[left].is_punct or doc[left].lower_ in {"the", "a", "an"}):
        left += 1
    return doc[left : right + 1]


def _people_with_titles(doc: Doc) -> dict[str, tuple[str, str]]:
    """Surname → (full name, title words) for every PERSON entity, from its first full mention."""
    people: dict[str, tuple[str, str]] = {}
    for entity in doc.ents:
        if entity.label_ != "PERSON":
            continue
        titles = [t.text for t in doc[max(0, entity.start - 4) : entity.start]
                  if t.dep_ in {"compound", "amod", "nmod", "poss"} or t.ent_type_ == "NORP" or t.pos_ == "PROPN"]
        appositions = [c for t in entity for c in t.children if c.dep_ == "appos"]
        titles += [doc[a.left_edge.i : a.right_edge.i + 1].text for a in appositions]
        if entity.root.dep_ == "appos":
            titles.append(_phrase(entity.root.head).text)
        surname = entity[-1].text
        known = people.get(surname)
        if known is None or len(entity.text) > len(known[0]):
            people[surname] = (entity.text, " ".join(titles))
    return people
