"""Tense, aspect and mood of an event mention, from the verb's morphology and auxiliaries."""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.extract.time.vocabulary import TimeVocabulary

VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
CLAUSE_LINKS = frozenset({"advcl", "acl", "pcomp", "xcomp", "conj", "relcl", "ccomp", "csubj", "ROOT"})
ASPECTS = ("past", "perfect", "pluperfect", "present", "progressive", "future", "modal", "habitual")


def governing_verb(token: Token, max_steps: int = 8) -> Token | None:
    """``token`` if it is a verb, else the nearest verb above it in the parse (None in a verbless fragment)."""
    current = token
    for _ in range(max_steps):
        if current.tag_ in VERB_TAGS or current.pos_ in ("VERB", "AUX"):
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def aspect(trigger: Token, vocabulary: TimeVocabulary | None = None) -> str:
    """One of ``ASPECTS`` for the clause of ``trigger`` (a verb, or a noun whose governing verb is used).

    "pluperfect" marks background ("had captured"), "future"/"modal" hypothetical mentions ("will strike",
    "might act"), "habitual" repeated ones ("often shell"); a verbless fragment counts as "present".
    Pass ``vocabulary`` (e.g. ``TimeResolver.vocabulary``) to avoid reading the word lists on every call.
    """
    vocab = vocabulary or TimeVocabulary.load()
    verb = governing_verb(trigger)
    if verb is None:  # a noun in a verbless fragment: its relative clause ("the raid, which killed five")
        verb = next((c for c in trigger.children if c.dep_ in ("relcl", "acl") and c.tag_ in VERB_TAGS), None)
    return "present" if verb is None else verb_aspect(verb, vocab, depth=0)


def verb_aspect(verb: Token, vocab: TimeVocabulary, depth: int = 0) -> str:
    """The aspect of a verb token (see ``aspect``)."""
    words = vocab.aspect
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    aux_words = [a.lower_ for a in auxes]
    infinitive = "to" in aux_words and not any(a.tag_ == "MD" for a in auxes)
    if infinitive and verb.head is not verb and depth < 4:
        governor = verb.head
        if governor.lemma_.lower() == "go" and governor.tag_ == "VBG":
            return "future"
        if (verb.dep_ != "xcomp" or governor.lemma_.lower() in words.get("irrealis_governors", frozenset())
                or governor.tag_ not in VERB_TAGS):
            return "modal"  # "threatened to attack", "reluctance to kill", "deployed to secure"
        return verb_aspect(governor, vocab, depth + 1)
    if any(w in words.get("future_auxiliaries", frozenset()) for w in aux_words):
        return "future"
    if any(w in words.get("modal_auxiliaries", frozenset()) for w in aux_words):
        return "modal"
    if _habitual(verb, words.get("habitual_adverbs", frozenset())):
        return "habitual"
    have = [a for a in auxes if a.lemma_.lower() == "have"]
    if have:
        return "pluperfect" if have[0].tag_ == "VBD" else "perfect"
    be = [a for a in auxes if a.lemma_.lower() == "be"]
    if be and verb.tag_ == "VBG":
        return "progressive"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in be):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or be:
        return "present"
    participle = verb.tag_ == "VBG" or (verb.tag_ == "VBN" and verb.dep_ == "conj")  # "rules introduced in May": past
    if participle and verb.dep_ in CLAUSE_LINKS - {"ROOT"} and verb.head is not verb and depth < 4:
        governor = governing_verb(verb.head)
        if governor is not None and governor is not verb:
            return verb_aspect(governor, vocab, depth + 1)
    return "past" if verb.tag_ == "VBN" else "present"


def _habitual(verb: Token, adverbs: frozenset[str]) -> bool:
    if any(c.dep_ == "advmod" and c.lower_ in adverbs for c in verb.children):
        return True
    return verb.lemma_.lower() == "use" and any(c.dep_ == "xcomp" for c in verb.children) and verb.tag_ == "VBD"
