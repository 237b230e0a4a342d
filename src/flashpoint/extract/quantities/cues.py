"""Words around a count that qualify it: revisions, totals over time or places, additions, mixed outcomes."""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.extract.quantities.attach import Link, OutcomeLinker
from flashpoint.extract.quantities.vocabulary import NumberVocabulary

CLAUSES = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj"})
VERBAL = frozenset({"VERB", "AUX"})


class CueReader:
    """Reads the cues of numbers.v1/casualties.v1 around a linked count."""

    def __init__(self, vocab: NumberVocabulary, linker: OutcomeLinker):
        self.vocab = vocab
        self.linker = linker

    def revision(self, link: Link, counted: list[Token]) -> str | None:
        """ "revised" for the figure a toll rose to or a new toll; "initial" for an initial or preliminary one."""
        if link.revised:
            return "revised"
        for token in (link.outcome, *counted):
            for child in token.children:
                word = child.lower_
                if (
                    child.dep_ in ("amod", "advmod")
                    and word in self.vocab.initial_modifiers | self.vocab.initial_adverbs
                ):
                    return "initial"
                if child.dep_ == "amod" and word in self.vocab.revised_modifiers:
                    return "revised"
        verb = link.outcome if link.outcome.pos_ in VERBAL else None
        if verb is None and link.outcome.dep_ in ("nsubj", "nsubjpass", "dobj"):
            verb = link.outcome.head  # "four deaths were initially reported"
        governors = [verb] if verb is not None else []
        if verb is not None and link.outcome is verb and verb.dep_ in ("ccomp", "xcomp"):
            governors.append(verb.head)  # "officials initially said four soldiers had been killed"
        for governor in governors:
            if any(c.dep_ == "advmod" and c.lower_ in self.vocab.initial_adverbs for c in governor.children):
                return "initial"
        return None

    def _clause(self, link: Link, counted: list[Token]) -> list[Token]:
        """The tokens of the clause the count sits in, without nested clauses that do not contain it."""
        head = link.outcome
        while head.pos_ not in VERBAL and head.head.i != head.i:
            head = head.head
        inside = {t.i for t in counted} | {link.outcome.i}
        dropped: set[int] = set()
        for child in head.children:
            nested = child.dep_ in CLAUSES or (child.dep_ == "conj" and child.pos_ in VERBAL)
            subtree = {t.i for t in child.subtree}
            if nested and not subtree & inside:
                dropped |= subtree
        tokens = [t for t in head.subtree if t.i not in dropped]
        if head.dep_ in ("ccomp", "xcomp", "conj") and head.head.i != head.i:  # "In all, officials said …"
            for child in head.head.children:
                if child.dep_ in ("prep", "advmod", "npadvmod") and child.i < head.i:
                    tokens += list(child.subtree)
        return sorted(tokens, key=lambda t: t.i)

    def aggregate(self, link: Link, counted: list[Token]) -> bool:
        """A total over time or places: "in all", "so far", "since December", "in two attacks", "across …"."""
        tokens = self._clause(link, counted)
        words = [t.lower_ for t in tokens]
        for index in range(len(tokens)):
            phrase = self.vocab.aggregate_phrases.match(words, index)
            if phrase is None or (index and words[index - 1] in self.vocab.aggregate_not_after):
                continue
            after = index + len(phrase)
            if phrase[-1] == "all" and after < len(tokens) and tokens[after].pos_ in ("NOUN", "PROPN", "DET"):
                continue  # "in all areas"
            return True
        return any(self._since(t) or self._spread(t) for t in tokens)

    def _since(self, token: Token) -> bool:
        if token.lower_ != "since":
            return False
        return any(
            t.ent_type_ == "DATE" or t.lemma_.lower() in self.vocab.aggregate_since
            for t in token.subtree
            if t is not token
        )

    def _spread(self, token: Token) -> bool:
        """A plural event noun counted or spread: "in two attacks", "across the attacks", "a series of raids"."""
        if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in self.vocab.aggregate_event_nouns:
            return False
        for child in token.children:
            if child.dep_ == "nummod" and child.like_num and child.lower_ not in ("one", "1"):
                return True
            if child.lower_ in self.vocab.aggregate_spread:
                return True
        prep = token.head if token.dep_ == "pobj" else None
        if prep is not None and prep.lower_ in self.vocab.aggregate_spread:
            return True
        return prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in self.vocab.aggregate_spread

    def additive(self, link: Link, noun: Token | None, counted: list[Token], phrase: frozenset[int]) -> bool:
        """ "4 militants were also killed", "two other civilians", "5 more militants", "56 more", "another"
        (``phrase``: the token indices of the quantity itself, whose "more than" is a bound, not an addition)."""
        if any(c.dep_ == "advmod" and c.lower_ in self.vocab.additive for c in link.outcome.children):
            return True
        if noun is not None and self.referring(noun):
            return False
        if noun is not None and (noun.lemma_.lower() in self.vocab.additive or noun.lower_ in self.vocab.additive):
            return True
        return any(
            c.dep_ in ("amod", "det", "advmod", "quantmod") and c.lower_ in self.vocab.additive and c.i not in phrase
            for token in counted
            for c in token.children
        )

    def referring(self, noun: Token) -> bool:
        """ "the other", "the others": one of the people already counted, not more of them."""
        is_other = noun.lemma_.lower() in self.vocab.additive or any(
            c.lower_ in self.vocab.additive for c in noun.children
        )
        return is_other and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)

    def mixed(self, link: Link) -> bool:
        """A figure that may include people not killed: "casualties", "killed or wounded", "dead and injured",
        "killing, injuring or capturing". Only outcome words coordinated right next to each other count."""
        if self.linker.is_mixed(link.outcome):
            return True
        outcome = link.outcome
        doc = outcome.doc
        chain = [outcome, *(t for t in outcome.conjuncts if self.linker.what(t) is not None)]
        members = {t.i for t in chain}
        whats = {link.what}
        joiners: set[str] = set()
        for other in chain[1:]:
            low, high = sorted((other.i, outcome.i))
            between = doc[low + 1 : high]
            if all(t.dep_ in ("cc", "punct") or t.i in members for t in between):
                whats.add(self.linker.what(other) or "")
                joiners |= {t.lower_ for t in between if t.dep_ == "cc"}
        return "killed" in whats and len(whats) > 1 and ("injured" in whats or "or" in joiners)
