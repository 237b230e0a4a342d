"""Attach counted words to the word that expresses their outcome (killed, wounded, toll …) through the parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token
from text_to_num import text2num

from flashpoint.extract.quantities.vocabulary import NumberVocabulary, OutcomeWords

NOUNS = frozenset({"NOUN", "PROPN"})
VERBAL = frozenset({"VERB", "AUX"})
WORDY = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})
OBJECTS = frozenset({"dobj", "obj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
COMPLEMENTS = frozenset({"oprd", "acomp", "xcomp", "ccomp", "attr"})
TALLY_PREPS = frozenset({"to", "at", "from", "around", "about"})
MAX_STEPS = 8


def _figure(noun: Token) -> int | None:
    """The number written on a noun ("six" in "six militiamen"), when it is a plain one."""
    for child in noun.children:
        if child.dep_ == "nummod":
            if child.text.isdigit():
                return int(child.text)
            try:
                return int(text2num(child.lower_, "en"))
            except ValueError:
                return None
    return None


@dataclass(frozen=True)
class Link:
    """Where a count attaches: the outcome word, what it counts, and how the path got there."""

    outcome: Token
    what: str
    subset: bool = False  # reached through "including", "among …" or an apposition ("5 civilians (2 men …)")
    revised: bool = False  # the figure a toll rose to ("the toll rose to 12")


class OutcomeLinker:
    """Finds the outcome word of a counted phrase, and what an outcome word expresses."""

    def __init__(self, vocab: NumberVocabulary):
        self.vocab = vocab

    # -- what a word expresses -------------------------------------------------------------------------------
    def what(self, token: Token) -> str | None:
        """The outcome a word expresses ("killed" for killed, dead, toll, casualties, stabbed … to death)."""
        if token.pos_ not in WORDY:
            return None
        lemma = token.lemma_.lower()
        if lemma not in self.vocab.outcome_words and token.lower_ not in self.vocab.outcome_words:
            return self._killing_verb(token, lemma)
        if token.pos_ in NOUNS and (lemma in self.vocab.mixed_nouns or token.lower_ in self.vocab.mixed_nouns):
            return "killed"
        found = self.vocab.outcome_of(lemma, token.pos_)
        if found is None and token.pos_ in NOUNS:
            found = self.vocab.outcome_of(token.lower_, token.pos_)
        if found is None and token.tag_ in ("VBN", "VBG", "JJ"):
            found = self.vocab.outcome_of(token.lower_, "ADJ")
        return found or self._killing_verb(token, lemma)

    def _killing_verb(self, token: Token, lemma: str) -> str | None:
        """ "stabbed a man to death", "shot dead three people": a verb made lethal by its complement."""
        if token.pos_ not in VERBAL or lemma in self.vocab.to_death_excluded:
            return None
        for child in token.children:
            if child.lower_ == "to" and any(g.lemma_ == "death" for g in child.children):
                return "killed"
            if child.pos_ == "ADJ" and child.lower_ in self.vocab.outcomes["killed"].adjectives:
                return "killed"
        return None

    def is_mixed(self, token: Token) -> bool:
        return token.pos_ in NOUNS and token.lemma_.lower() in self.vocab.mixed_nouns

    def _words(self, token: Token) -> OutcomeWords | None:
        return self.vocab.outcomes.get(self.what(token) or "")

    def transitive(self, token: Token) -> bool:
        """A verb whose object is its victim: kill, wound, arrest … (and any verb "to death")."""
        if token.pos_ not in VERBAL:
            return False
        words = self._words(token)
        lemma = token.lemma_.lower()
        return bool(words) and (lemma in words.verbs or lemma not in words.intransitive)

    def intransitive(self, token: Token) -> bool:
        words = self._words(token)
        return bool(words) and token.pos_ in VERBAL and token.lemma_.lower() in words.intransitive

    @staticmethod
    def has_object(token: Token) -> bool:
        return any(child.dep_ in OBJECTS for child in token.children)

    def _tally(self, token: Token | None) -> tuple[Token, str] | None:
        """A noun that holds a figure of an outcome: "the toll", "the number of dead", "reports on fatalities"."""
        if token is None or token.pos_ not in NOUNS:
            return None
        what = self.what(token)
        if what is not None and what != "crowd":
            return token, what
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "on"):
                for pobj in prep.children:
                    what = self.what(pobj) if pobj.dep_ == "pobj" and pobj.pos_ in NOUNS else None
                    if what is not None and what != "crowd":
                        return pobj, what
        return None

    def _complement(self, verb: Token) -> Token | None:
        """An outcome adjective completing a verb: "shot three men dead", "were found dead", "are missing"."""
        for child in verb.children:
            if child.dep_ not in COMPLEMENTS or child.pos_ not in ("ADJ", "VERB") or not self.what(child):
                continue
            if not any(c.dep_ in SUBJECTS or c.dep_ in OBJECTS for c in child.children):  # not a clause of its own
                return child
        return None

    def _shared(self, verb: Token, passive: bool) -> Token | None:
        """A coordinated outcome verb that shares this verb's argument: "was shot and killed", "abducted and
        executed him" (``passive``: the argument is a subject, so the outcome must be passive or intransitive)."""
        for other in verb.conjuncts:
            if other.i < verb.i or other.pos_ not in VERBAL or self.what(other) in (None, "crowd"):
                continue
            if any(c.dep_ in OBJECTS or c.dep_ in SUBJECTS for c in other.children):
                continue
            if not passive or other.tag_ == "VBN" or self.intransitive(other):
                return other
        return None

    def _protest(self, verb: Token) -> Token | None:
        """The protest a subject holds or joins: "staged a sit-in", "took part in a demonstration"."""
        candidates = [c for c in verb.children if c.dep_ in OBJECTS]
        candidates += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for noun in candidates:
            if noun.pos_ != "NOUN":
                continue
            written = "".join(t.text for t in noun.subtree if t.i <= noun.i and t.dep_ not in ("det", "poss", "amod"))
            written = written.lower()
            if noun.lemma_.lower() in self.vocab.protest_nouns or written in self.vocab.protest_nouns:
                return noun
        return None

    @staticmethod
    def listed(token: Token) -> bool:
        """An apposition that is really the next item of a list: "three militants, five fighters, and two
        civilians", "one soldier, six militiamen" (the parser hangs the item on the first as an apposition).
        A parenthesis or a smaller count is a real apposition, a breakdown: "two women (a woman and her
        daughter)", "8 tribesmen, 5 from … and 3 from …"."""
        if token.dep_ != "appos" or token.doc[token.left_edge.i - 1].text != ",":
            return False
        own, head = _figure(token), _figure(token.head)
        if own is not None and head is not None:
            return own >= head
        return any(c.dep_ == "conj" for c in token.children) and any(c.dep_ == "cc" for c in token.children)

    def _subset(self, prep: Token) -> bool:
        """ "including", "among", "of whom" …: the phrase starting at ``prep`` marks a part of a count."""
        phrases = self.vocab.subset_preps
        return phrases.match([t.lower_ for t in prep.doc[prep.i : prep.i + phrases.longest]], 0) is not None

    # -- from a count to its outcome --------------------------------------------------------------------------
    def link(self, top: Token, noun: Token | None, inside: frozenset[int] = frozenset()) -> Link | None:
        """The outcome of the phrase whose syntactic head is ``top`` and whose counted noun is ``noun``
        (``inside``: the token indices of the quantity phrase itself)."""
        found = self._climb(top, inside) or self._own(top, noun)
        if found is None or self._weak_excludes(found, noun):
            return None
        return found

    def _own(self, top: Token, noun: Token | None) -> Link | None:
        """The counted words themselves say it: "13 deaths", "14 dead", "5 wounded soldiers", "dozens of
        protesters"."""
        for token in (top, noun):
            what = self.what(token) if token is not None else None
            if what is not None and what != "crowd":
                return Link(token, what)
        base = noun if noun is not None else top
        candidates = [c for c in base.children if c.dep_ in ("amod", "acl")]
        for after in base.doc[base.i + 1 : base.i + 4]:  # "23 rebels dead", "… fighters were killed" misparsed
            if after.pos_ not in ("AUX", "ADV"):
                candidates.append(after)
                break
        for child in candidates:  # "13 soldiers killed", "23 rebels dead"
            if child.tag_ in ("VBN", "JJ") and not self.has_object(child):
                what = self.what(child)
                if what is not None and what != "crowd":
                    return Link(child, what)
        if noun is not None and self.vocab.outcome_of(noun.lemma_, "NOUN") == "crowd":
            return Link(noun, "crowd")
        return None

    def _weak_excludes(self, link: Link, noun: Token | None) -> bool:
        weak = link.outcome.lemma_.lower() in self.vocab.weak or link.outcome.lower_ in self.vocab.weak
        return weak and noun is not None and noun.lemma_.lower() in self.vocab.armed_nouns

    def _climb(self, top: Token, inside: frozenset[int]) -> Link | None:
        current, subset = top, False
        for _ in range(MAX_STEPS):
            dep, head = current.dep_, current.head
            if head.i == current.i:
                return None
            if dep in ("conj", "appos"):
                if head.pos_ in VERBAL:
                    return None
                current, subset = head, subset or (dep == "appos" and not self.listed(current))
                continue
            if dep == "pobj" and head.i in inside:  # "killed between 11 and 20 people": "between" heads it
                current = head
                continue
            if dep == "prep" and current.i in inside:
                return self._from_argument(current, "dobj", head, subset) or self._from_verb_prep(head, subset)
            if dep == "pobj":
                found = self._from_pobj(head, subset)
                if isinstance(found, Link) or found is None:
                    return found
                current, subset = found, subset or self._subset(head)
                continue
            if dep == "prep" and self._subset(current):
                current, subset = head, True
                continue
            return self._from_argument(current, dep, head, subset)
        return None

    def _from_pobj(self, prep: Token, subset: bool) -> Link | Token | None:
        """A count inside a prepositional phrase: the Link, a token to keep climbing from, or None."""
        owner = prep.head
        if self._subset(prep):
            what = self.what(owner)
            if what is not None and owner.pos_ in VERBAL:
                return Link(owner, what, subset=True)
            return owner
        what = self.what(prep) if prep.pos_ in ("ADJ", "VERB") else None
        if what is not None and what != "crowd":  # misparsed "shot dead at least fifteen people"
            return Link(prep, what, subset)
        if prep.lower_ == "of":
            if owner.pos_ in NOUNS:
                tally = self._tally(owner)
                if tally is not None:
                    return Link(tally[0], tally[1], subset=subset)
                if owner.lemma_.lower() in self.vocab.transparent_nouns:
                    return owner
            return None
        if prep.lower_ in TALLY_PREPS and owner.pos_ in VERBAL:
            return self._from_verb_prep(owner, subset, revised=prep.lower_ == "to")
        return None

    def _from_verb_prep(self, verb: Token, subset: bool, revised: bool = True) -> Link | None:
        """ "the toll rose to 12", "the toll stands at 15", "fatalities range from 2 to 4"."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
                tally = self._tally(child)
                if tally is not None:
                    is_revision = revised and verb.lemma_.lower() in self.vocab.revision_verbs
                    return Link(tally[0], tally[1], subset=subset, revised=is_revision)
        return None

    def _from_argument(self, current: Token, dep: str, head: Token, subset: bool) -> Link | None:
        """A count that is the subject, object or attribute of a verb."""
        what = self.what(head)
        if dep == "nsubjpass":
            if what is not None and what != "crowd":
                return Link(head, what, subset)
            other = self._complement(head) or self._shared(head, passive=True)
            return Link(other, self.what(other) or "", subset) if other is not None else None
        if dep in OBJECTS:
            complement = self._complement(head)  # "left 14 people dead": the adjective says what happened
            if complement is not None:
                return Link(complement, self.what(complement) or "", subset)
            if what is not None and what != "crowd" and self.transitive(head):
                return Link(head, what, subset)
            other = self._shared(head, passive=False)
            if other is not None:
                return Link(other, self.what(other) or "", subset)
            if head.lemma_.lower() in self.vocab.revision_verbs:  # "the toll reached 20"
                return self._from_verb_prep(head, subset)
            return None
        if dep == "nsubj":
            if what is not None and (
                self.intransitive(head) or (self.transitive(head) and not self.has_object(head)) or head.pos_ == "ADJ"
            ):
                return Link(head, what, subset)
            if head.lemma_.lower() in self.vocab.copulas:
                complement = self._complement(head)
                if complement is not None:
                    return Link(complement, self.what(complement) or "", subset)
            other = self._shared(head, passive=True)
            if other is not None:
                return Link(other, self.what(other) or "", subset)
            protest = self._protest(head)
            return Link(protest, "crowd", subset) if protest is not None else None
        if dep == "attr" and head.lemma_.lower() in self.vocab.copulas:  # "the toll was 12"
            for child in head.children:
                tally = self._tally(child) if child.dep_ in SUBJECTS else None
                if tally is not None:
                    return Link(tally[0], tally[1], subset)
        return None
