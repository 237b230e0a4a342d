"""The counted people: who they are as written, and counts that carry no number ("a civilian", "no one")."""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.extract.quantities.quantity import Quantity
from flashpoint.extract.quantities.vocabulary import NumberVocabulary

LEFT_KEPT = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "nummod", "quantmod"})
POSSESSIVE_PRONOUNS = frozenset({"PRP$", "WP$"})
SINGULAR_DETERMINERS = frozenset({"a", "an", "the", "this", "that"})
NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "conj", "appos"})  # "killed a civilian" tagged JJ


def entity_bounds(token: Token) -> tuple[int, int]:
    """Token range of the named entity ``token`` belongs to (the token alone when it is in none)."""
    doc = token.doc
    if not token.ent_type_:
        return token.i, token.i + 1
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


class PeopleReader:
    """Reads the people side of a count with the vocabulary's person and zero words."""

    def __init__(self, vocab: NumberVocabulary):
        self.vocab = vocab

    def who_span(self, noun: Token, skip: frozenset[int]) -> tuple[int, int] | None:
        """Character span of the counted people as written: modifiers + noun + an "of" phrase ("members of the
        security forces"); determiners, possessive pronouns and the number itself (``skip``) left out."""
        if noun.lemma_.lower() in self.vocab.additive or noun.pos_ in ("NUM", "PRON", "DET"):
            return None
        if self.vocab.outcome_of(noun.lemma_, "NOUN") not in (None, "crowd") or noun.lemma_ in self.vocab.mixed_nouns:
            return None  # "six fatalities", "13 deaths": the count names no people
        left = [
            t
            for child in noun.lefts
            if child.dep_ in LEFT_KEPT and child.i not in skip and child.tag_ not in POSSESSIVE_PRONOUNS
            for t in child.subtree
        ]
        left = [t for t in left if t.i not in skip and t.dep_ not in ("det", "predet")]
        first = min([t.i for t in left if t.i < noun.i] + [noun.i])
        while first < noun.i and (noun.doc[first].is_punct or noun.doc[first].i in skip):
            first += 1
        last = noun.i
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == last + 1:
                last = max(t.i for t in child.subtree)
            elif child.dep_ == "compound":
                last = max(last, child.i)
        doc = noun.doc
        return doc[first].idx, doc[last].idx + len(doc[last].text)

    def is_zero(self, noun: Token) -> bool:
        """ "no one", "nobody", "no soldiers", "none of them", "without casualties", "neither … nor …"."""
        if noun.lower_ in self.vocab.zero:
            return True
        if any(c.dep_ in ("det", "preconj") and c.lower_ in self.vocab.zero for c in noun.children):
            return True
        if noun.dep_ == "pobj" and noun.head.lower_ in self.vocab.zero:
            return True
        if noun.dep_ == "conj" and not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children):
            return self.is_zero(noun.head)  # "no fatalities or injuries", "neither fatalities nor injuries"
        # "no reports of fatalities", "no word on casualties"
        if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "on", "about"):
            owner = noun.head.head
            return any(c.dep_ == "det" and c.lower_ in self.vocab.zero for c in owner.children)
        return False

    def singular(self, noun: Token, names: bool = True) -> Quantity | None:
        """One person named without a number: "a civilian", "his son", "the village chief", "him", or a name
        (when ``names``)."""
        doc = noun.doc
        if noun.lower_ in self.vocab.singular_pronouns:
            return Quantity(1, 1, 1, noun.text, noun.idx, noun.idx + len(noun.text), kind="singular")
        if names and noun.pos_ == "PROPN" and noun.ent_type_ == "PERSON":
            first, last = entity_bounds(noun)
            name = doc[first:last]
            return Quantity(1, 1, 1, name.text, name.start_char, name.end_char, kind="singular")
        nominal = noun.tag_ == "NN" or (noun.tag_ in ("JJ", "NNP") and noun.dep_ in NOMINAL_DEPS)
        if not nominal or not self.vocab.is_person_noun(noun.lemma_):
            return None
        owners = [noun, noun.head] if noun.dep_ == "conj" else [noun]  # "a JNIM or ISGS militant"
        marker = next(
            (
                c
                for owner in owners
                for c in owner.lefts
                if (c.dep_ == "det" and c.lower_ in SINGULAR_DETERMINERS) or c.dep_ == "poss"
            ),
            None,
        )
        if marker is None:
            return None
        words = doc[min(marker.i, noun.i) : noun.i + 1]
        return Quantity(1, 1, 1, words.text, words.start_char, words.end_char, kind="singular")

    def unnumbered_plural(self, noun: Token) -> Quantity | None:
        """People in the plural with no number and no determiner ("killing civilians"): at least 2, best unknown."""
        if noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() in self.vocab.non_person_nouns:
            return None
        if any(c.dep_ in ("det", "poss", "nummod", "quantmod", "predet") for c in noun.children):
            return None
        end = noun.idx + len(noun.text)
        return Quantity(2, None, None, noun.text, noun.idx, end, vague=True, kind="unnumbered")

    def zero(self, token: Token, first: Token | None = None) -> Quantity:
        """A zero count whose words run from ``first`` (default: the token's own "no") to the token."""
        if first is None:
            first = next(
                (c for c in token.lefts if c.dep_ in ("det", "preconj") and c.lower_ in self.vocab.zero), token
            )
        words = token.doc[first.i : token.i + 1]
        return Quantity(0, 0, 0, words.text, words.start_char, words.end_char, kind="zero")
