"""Quantity phrases placed in the parse: which token carries the number, which noun it counts, and which
numbers are not counts of people at all (dates, measures, things)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from flashpoint.extract.quantities.attach import OutcomeLinker
from flashpoint.extract.quantities.people import PeopleReader, entity_bounds
from flashpoint.extract.quantities.quantity import Quantity, scan_quantities
from flashpoint.extract.quantities.vocabulary import NumberVocabulary

NON_COUNT_ENTITIES = frozenset({"TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
NOUNS = frozenset({"NOUN", "PROPN"})
LINEAR_REACH = 6  # tokens a lost number may reach forward to find its noun


@dataclass(frozen=True)
class Sentences:
    """A document's sentences, looked up by token without spaCy's per-token sentence search."""

    doc: Doc
    text: str  # doc.text, which spaCy rebuilds on every access
    spans: tuple[Span, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc) -> Sentences:
        spans = tuple(doc.sents)
        return cls(doc, doc.text, spans, tuple(s.start for s in spans))

    def at(self, token: Token) -> Span:
        return self.spans[bisect_right(self.starts, token.i) - 1]


@dataclass(frozen=True)
class Counted:
    """A quantity phrase placed in the parse."""

    quantity: Quantity  # offsets in doc.text
    root: Token  # the word the parse hangs the phrase on ("25" in "at least 25")
    top: Token  # the phrase's head in its clause (the counted noun of "25 people")
    noun: Token | None  # the counted people, when named
    tokens: frozenset[int]  # the phrase's own tokens


class PhraseFinder:
    """Finds the quantity phrases of a sentence and places each in the parse."""

    def __init__(self, vocab: NumberVocabulary, linker: OutcomeLinker, people: PeopleReader):
        self.vocab = vocab
        self.linker = linker
        self.people = people

    def find(self, sent: Span) -> list[Counted]:
        """The counts of ``sent`` that may be counts of people, in text order."""
        found: list[Counted] = []
        doc = sent.doc
        if not any(t.like_num or t.lower_ in self.vocab.starters for t in sent):
            return found
        for quantity in scan_quantities(sent.text, self.vocab):
            quantity = quantity.shifted(sent.start_char)
            span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            root = span.root
            inside = frozenset(range(span.start, span.end))
            if root.dep_ in ("nummod", "quantmod", "amod", "det") and root.head.i not in inside:
                top = root.head
                noun = top if top.pos_ in NOUNS else None
            else:
                top, noun = root, self._of_noun(root)
            if self._not_a_count(root, noun, quantity):
                continue
            before = doc[span.start - 1] if span.start > 0 else None
            if before is not None and before.lower_ in self.vocab.zero and before.i >= sent.start:  # "no one"
                quantity = self.people.zero(span[-1], before)
            found.append(Counted(quantity, root, top, noun, inside))
        return found

    def linear(self, item: Counted, by_top: dict[int, Counted], sentences: Sentences) -> Counted:
        """When the parse lost the number ("5 IS militants" read as "5 is", "One presumed … militant"), the noun
        that follows it closely; a number left alone as a sentence ("… Shabelle). 14") reaches into the next."""
        if item.noun is not None or item.root.pos_ != "NUM":
            return item
        doc = item.root.doc
        end = max(item.tokens) + 1
        sent = sentences.at(item.root)
        alone = end < len(doc) and end == sent.end and len(sent) <= 2
        limit = sentences.at(doc[end]).end if alone else sent.end
        for token in doc[end : min(end + LINEAR_REACH, limit)]:
            if token.pos_ == "NOUN" and token.dep_ != "compound" and token.i not in by_top:
                plural = token.tag_ in ("NNS", "NNPS") or item.quantity.best == 1
                return Counted(item.quantity, item.root, token, token, item.tokens) if plural else item
            skippable = token.pos_ in ("PROPN", "ADJ", "AUX", "NOUN", "SYM") or token.tag_ == "VBN" or token.is_punct
            skippable = skippable or (token.is_upper and token.is_alpha)  # "56 BH/IS fighters"
            if not skippable or token.text in (",", ";", "."):
                return item
        return item

    @staticmethod
    def _of_noun(root: Token) -> Token | None:
        """The people of a partitive or vague phrase: "dozens of soldiers", "four of its soldiers"."""
        for prep in root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in (*NOUNS, "PRON"):
                        return pobj
        return None

    def _not_a_count(self, root: Token, noun: Token | None, quantity: Quantity) -> bool:
        """Dates, times, money, measures, years, and numbers of things ("45 sheep", "three days")."""
        if noun is not None and quantity.kind == "unnumbered" and noun.tag_ in ("NN", "NNP"):
            return True  # "some tragic mistake": an unnumbered word counts only plurals
        if noun is not None and self.linker.what(noun) is None:
            return noun.lemma_.lower() in self.vocab.non_person_nouns or noun.lower_ in self.vocab.date_words
        if noun is not None:
            return False
        if root.ent_type_ in NON_COUNT_ENTITIES:
            return True
        if root.ent_type_ == "DATE":
            start, end = entity_bounds(root)
            if any(t.lower_ in self.vocab.date_words for t in root.doc[start:end]):
                return True
        return quantity.kind == "exact" and 1900 <= (quantity.best or 0) <= 2100
