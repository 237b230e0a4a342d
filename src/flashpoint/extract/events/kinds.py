"""What kind of mention a trigger is: specific, negated, hypothetical, generic, aggregate (background comes later,
once the report's main date is known)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Token

from flashpoint.data import fingerprint, read_text

BUNDLED = "kinds.v1.yaml"
CLAUSE_DEPS = frozenset({"advmod", "npadvmod", "aux", "auxpass", "neg", "mark", "prep"})
DENIED_PATH = frozenset({"dobj", "xcomp", "ccomp", "pcomp", "nsubjpass"})


@dataclass(frozen=True)
class KindVocabulary:
    version: str
    negators: frozenset[str]
    denial_verbs: frozenset[str]
    light_verbs: frozenset[str]
    modals: frozenset[str]
    intention_verbs: frozenset[str]
    conditionals: frozenset[str]
    generic_cues: frozenset[str]
    abstract_agents: frozenset[str]
    naming_verbs: frozenset[str]
    aggregate_heads: frozenset[str]
    aggregate_cues: tuple[str, ...]
    background_markers: frozenset[str]
    background_modifiers: frozenset[str]
    anaphoric_determiners: frozenset[str]
    distinct_cues: frozenset[str]

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> KindVocabulary:
        texts = [read_text(BUNDLED)]
        if extra_dir is not None:
            texts += [p.read_text(encoding="utf-8") for p in sorted(Path(extra_dir).glob("kinds*.yaml"))]
        merged: dict[str, set[str] | str] = {}
        for text in texts:
            for key, value in (yaml.safe_load(text) or {}).items():
                if isinstance(value, list):
                    merged.setdefault(key, set()).update(str(v).lower() for v in value)  # type: ignore[union-attr]
                else:
                    merged.setdefault(key, str(value))
        version = str(merged["version"]) if len(texts) == 1 else f"{merged['version']}+user@{fingerprint(*texts)}"
        sets = {k: frozenset(v) for k, v in merged.items() if isinstance(v, set)}
        return cls(version=version, aggregate_cues=tuple(sorted(sets.pop("aggregate_cues"))), **sets)


@dataclass(frozen=True)
class KindCall:
    kind: str
    cue: str | None = None


class KindClassifier:
    """Rules over the parse around a trigger; ``aspect`` is the time stage's tense/aspect of the trigger."""

    def __init__(self, vocab: KindVocabulary):
        self.vocab = vocab

    def classify(self, trigger: Token, trigger_class: str, aspect: str | None, date_days: int | None,
                 aggregate_count: bool) -> KindCall:
        verb = governing_verb(trigger)
        negation = self._negation(trigger, verb)
        if negation:
            return KindCall("negated", negation)
        if trigger_class == "verbal":
            return KindCall("specific")
        generic = self._generic(trigger, verb, aspect)
        if generic:
            return KindCall("generic", generic)
        hypothetical = self._hypothetical(trigger, verb, aspect)
        if hypothetical:
            return KindCall("hypothetical", hypothetical)
        aggregate = self._aggregate(trigger, verb, date_days, aggregate_count, aspect)
        if aggregate:
            return KindCall("aggregate", aggregate)
        earlier = next((c.text for c in trigger.children
                        if c.dep_ == "amod" and c.lower_ in self.vocab.background_modifiers), None)
        if earlier and trigger.pos_ == "NOUN":
            return KindCall("background", earlier)
        return KindCall("specific")

    def _negation(self, trigger: Token, verb: Token) -> str | None:
        carriers = [trigger]
        if verb is not trigger and verb.lemma_.lower() in self.vocab.light_verbs:
            copula = verb.lemma_.lower() == "be"
            if (copula and trigger.dep_ == "attr") or (not copula and trigger.dep_ in {"dobj", "nsubjpass", "nsubj"}):
                carriers.append(verb)
        for token in carriers:
            for child in token.children:
                if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no") or (
                    child.lower_ in self.vocab.negators and child.dep_ in {"neg", "advmod", "preconj"}
                ):
                    return child.text
        return self._denied(trigger)

    def _denied(self, trigger: Token) -> str | None:
        """'denied carrying out the attack', 'denied the shelling': the happening itself is what is denied (not
        'denied any involvement in the bombing', where the bombing stands and the denial is about who did it)."""
        token = trigger
        for _ in range(3):
            if token.dep_ not in DENIED_PATH or token.head is token:
                return None
            head = token.head
            if head.pos_ == "NOUN":
                return None
            if head.lemma_.lower() in self.vocab.denial_verbs:
                return head.text
            if head.lemma_.lower() not in self.vocab.light_verbs:
                return None
            token = head
        return None

    def _hypothetical(self, trigger: Token, verb: Token, aspect: str | None) -> str | None:
        if aspect in {"future", "modal"}:
            return aspect
        for child in verb.children:
            if child.dep_ in {"aux", "auxpass"} and child.lower_ in self.vocab.modals:
                return child.text
            if child.dep_ == "mark" and child.lower_ in self.vocab.conditionals:
                return child.text
        if verb.lower_ == "going" or any(c.lower_ == "going" and c.dep_ == "aux" for c in verb.children):
            return "going to"
        complement = verb if verb.dep_ in {"xcomp", "ccomp"} else None
        if complement is not None and complement.head.lemma_.lower() in self.vocab.intention_verbs:
            return complement.head.text
        if trigger.dep_ in {"dobj", "pobj"} and trigger.head.lemma_.lower() in self.vocab.intention_verbs:
            return trigger.head.text
        return None

    def _generic(self, trigger: Token, verb: Token, aspect: str | None) -> str | None:
        if aspect == "habitual":
            return aspect
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if verb.dep_ == "relcl" and (subject is None or subject.tag_ in {"WDT", "WP"}):
            subject = verb.head  # "terrorism that attacks worshippers": the relative clause's antecedent
        if subject is not None and subject.lemma_.lower() in self.vocab.abstract_agents:
            return subject.text
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "as" and \
                trigger.head.head.lemma_.lower() in self.vocab.naming_verbs:
            return trigger.head.head.text  # "what are known as double-tap strikes": a kind of strike, named
        scope = [trigger, verb, *([verb.head] if verb.dep_ == "xcomp" else [])]
        for token in scope:
            for child in token.children:
                if child.lemma_.lower() in self.vocab.generic_cues and child.dep_ in CLAUSE_DEPS | {"amod"}:
                    return child.text
        for ancestor in [trigger, *_ancestors(trigger, 3)]:
            if ancestor.lemma_.lower() in self.vocab.generic_cues:
                return ancestor.text
            if ancestor.tag_ == "VBG" and ancestor.dep_ in {"csubj", "csubjpass", "nsubj", "nsubjpass"}:
                return ancestor.text  # "attacking churches … is prohibited": an act spoken of in general
        return None

    def _aggregate(self, trigger: Token, verb: Token, date_days: int | None, aggregate_count: bool,
                   aspect: str | None = None) -> str | None:
        if aggregate_count:
            return "total"
        if aspect == "perfect" and trigger.tag_ == "NNS" and date_days is None:
            return "undated plural"  # "dozens have been killed in sectarian clashes"
        if date_days is not None and date_days > 31:
            return f"{date_days}-day span"
        head = trigger.head
        if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in self.vocab.aggregate_heads:
            return head.head.text
        window = " ".join(t.lower_ for t in verb.sent)
        for cue in self.vocab.aggregate_cues:
            if f" {cue} " in f" {window} " and trigger.tag_ in {"NNS", "VBN"}:
                return cue
        return None

    def anaphoric(self, trigger: Token) -> bool:
        """'the attack', 'Sunday's explosion': a noun trigger pointing back to a happening already told."""
        if trigger.pos_ != "NOUN":
            return False
        return any(
            (c.dep_ == "det" and c.lower_ in self.vocab.anaphoric_determiners) or c.dep_ == "poss"
            for c in trigger.children
        )

    def distinct(self, trigger: Token) -> bool:
        """'another attack', 'in a third incident': a new happening, even if it looks like the last one."""
        verb = governing_verb(trigger)
        for token in (trigger, *[c for c in verb.children if c.dep_ in {"prep", "npadvmod"}]):
            nouns = [token] + [g for c in token.children if c.dep_ == "pobj" for g in [c]]
            for noun in nouns:
                if any(c.lower_ in self.vocab.distinct_cues for c in noun.children if c.dep_ in {"det", "amod"}):
                    return True
        return False


def governing_verb(trigger: Token) -> Token:
    """The verb whose clause the trigger belongs to (the trigger itself when it is a verb)."""
    token = trigger
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            return token
        token = token.head
    return token


def _ancestors(token: Token, limit: int) -> list[Token]:
    found = []
    while token.head is not token and len(found) < limit:
        token = token.head
        found.append(token)
    return found
