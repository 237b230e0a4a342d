"""Claims about procedural acts around a happening — was the other side notified, warned, consulted?

"Russia had been notified, Akar said" and "Ankara failed to notify Russia, Russia's military said" are two claims
on one attribute (notification), one affirming, one denying. The resolve stage attaches them to the happening the
sentence is about, like responsibility claims.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from flashpoint.extract.claims.attribution import DocumentAttribution
from flashpoint.extract.claims.vocabulary import AttributionVocabulary
from flashpoint.extract.values import ClaimantRef, TextSpan


@dataclass(frozen=True)
class ActClaim:
    sentence: int
    attribute: str  # notification, warning …
    happened: bool
    claimant: ClaimantRef | None
    evidence: TextSpan  # the clause that states it


def act_claims(doc: Doc, vocab: AttributionVocabulary, attribution: DocumentAttribution) -> list[ActClaim]:
    """Every attributed statement that a procedural act did or did not happen, in text order."""
    found = []
    for number, sentence in enumerate(doc.sents):
        for token in sentence:
            attribute = vocab.procedural_acts.get(token.lemma_.lower())
            if attribute is None or token.pos_ != "VERB":
                continue
            claimant = attribution.claimant_for(token)
            if claimant is None:
                continue  # an act nobody is said to vouch for is narration, not a claim
            clause = _clause(token)
            evidence = TextSpan(clause[0], clause[1], doc.text[clause[0] : clause[1]])
            found.append(ActClaim(number, attribute, not _negated(token, vocab), claimant, evidence))
    return found


def _negated(token: Token, vocab: AttributionVocabulary) -> bool:
    """'did not notify', 'failed to notify', 'without notifying'."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in vocab.negating_governors:
        return True
    return token.dep_ == "pcomp" and head.lower_ == "without"


def _clause(token: Token) -> tuple[int, int]:
    """Character bounds of the verb's own clause (its subtree), for evidence."""
    tokens = list(token.subtree)
    head = token.head if token.dep_ in {"xcomp", "pcomp"} else token
    if head is not token:
        tokens = list(head.subtree)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end
