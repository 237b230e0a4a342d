"""From an outcome word to the people it counts when they carry no number: "killed a civilian", "he was hurt",
"a man's body", "was shot and killed", "killed and stripped a merchant"."""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.extract.quantities.attach import COMPLEMENTS, NOUNS, OBJECTS, SUBJECTS, VERBAL, OutcomeLinker


class VictimFinder:
    """Finds the people an outcome word is about, through the parse."""

    def __init__(self, linker: OutcomeLinker):
        self.linker = linker

    def find(self, outcome: Token) -> list[Token]:
        """The people an outcome word counts, when they carry no number: "killed a civilian", "he was hurt"."""
        what = self.linker.what(outcome)
        if what is None or what == "crowd":
            return []
        kids = list(outcome.children)
        kids_args = any(c.dep_ in OBJECTS or c.dep_ in SUBJECTS for c in kids)
        if outcome.pos_ in NOUNS:  # "the death of a journalist", "a man's body"
            found = [g for c in kids if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            return found + [c for c in kids if c.dep_ == "poss" and c.pos_ in NOUNS]
        if outcome.dep_ == "amod" and outcome.head.pos_ in NOUNS:  # "a wounded soldier"
            return [outcome.head]
        if outcome.pos_ == "ADJ" or (outcome.tag_ == "VBN" and outcome.dep_ in COMPLEMENTS and not kids_args):
            if outcome.dep_ in COMPLEMENTS:  # "he was found dead", "shot three men dead", "found executed"
                args = [c for c in outcome.head.children if c.dep_ in OBJECTS]
                return args or [c for c in outcome.head.children if c.dep_ in SUBJECTS]
            return [c for c in kids if c.dep_ in ("pobj", "dobj")]  # misparsed "shot dead a policeman"
        if outcome.dep_ == "acl" and outcome.tag_ == "VBN" and not self.linker.has_object(outcome):
            return [outcome.head]  # "a soldier killed in the blast"
        found = [c for c in kids if c.dep_ in OBJECTS or c.dep_ == "nsubjpass"]
        passive = outcome.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in kids)
        subject_ok = self.linker.intransitive(outcome) or (not self.linker.has_object(outcome) and passive)
        if subject_ok:
            found += [c for c in kids if c.dep_ == "nsubj"]
        if not found and not subject_ok:  # "killed and stripped a merchant"
            found = [c for v in outcome.conjuncts if v.i > outcome.i for c in v.children if c.dep_ in OBJECTS][:1]
        if not found and outcome.dep_ == "conj" and outcome.head.pos_ in VERBAL:  # "was shot and killed"
            roles = OBJECTS | {"nsubjpass"} | ({"nsubj"} if subject_ok else set())
            shared = [c for c in outcome.head.children if c.dep_ in roles]
            if (
                outcome.tag_ == "VBN"
                or self.linker.intransitive(outcome)
                or not any(c.dep_ in SUBJECTS for c in shared)
            ):
                found = shared
        return found
