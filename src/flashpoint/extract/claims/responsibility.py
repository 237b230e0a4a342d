"""Who is said to be responsible: claims of responsibility, accusations, suspicions, denials, and 'no one has claimed'.

A sentence with a responsibility cue (data/attribution.v1.yaml `stances`) yields one claim per armed actor it names
— "officials say it bears the hallmarks of the PKK" (suspected), "accusing Damascus of killing" (accused), "the
group denied involvement" (denied) — with the claimant of the sentence; "no group has claimed the attack" yields an
'unclaimed' claim without an actor. The resolve stage attaches each to the happening the sentence is about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span

from flashpoint.extract.claims.attribution import DocumentAttribution
from flashpoint.extract.claims.vocabulary import AttributionVocabulary
from flashpoint.extract.values import ActorValue, ClaimantRef, TextSpan

ARMED_SECTORS = frozenset({"REB", "UAF", "MIL", "COP", "SPY", "CRM", "GOV"})
SELF_STANCES = frozenset({"claimed", "denied"})  # said by the actor about itself
ActorFor = Callable[[Any], ActorValue]  # an actors-stage mention as the event's actor value


@dataclass(frozen=True)
class ResponsibilityClaim:
    sentence: int
    stance: str  # claimed | accused | suspected | denied | unclaimed
    actor: ActorValue | None  # None for 'unclaimed'
    claimant: ClaimantRef | None
    cue: TextSpan


def responsibility_claims(doc: Doc, vocab: AttributionVocabulary, attribution: DocumentAttribution,
                          actors: Sequence[Any], actor_value: ActorFor) -> list[ResponsibilityClaim]:
    """Every responsibility statement of the document, in text order.

    A sentence may hold several ("no group has claimed it, but officials say it bears the hallmarks of X"):
    each armed actor takes the stance whose cue is nearest to it.
    """
    found: list[ResponsibilityClaim] = []
    for number, sentence in enumerate(doc.sents):
        cues = _cues(sentence, vocab)
        if not cues:
            continue
        found += [ResponsibilityClaim(number, "unclaimed", None, None, span) for stance, span in cues
                  if stance == "unclaimed"]
        graded = [(stance, span) for stance, span in cues if stance != "unclaimed"]
        if not graded:
            continue
        for mention in actors:
            if not (sentence.start <= mention.token_start < sentence.end):
                continue
            ref = mention.ref
            if ref.person or ref.sector not in ARMED_SECTORS:
                continue
            head = doc[mention.head]
            stance, span = min(graded, key=lambda cue: abs(cue[1].start - mention.start))
            subject = head.dep_ in {"nsubj", "nsubjpass"}
            value = replace(actor_value(mention), stance=stance)
            if stance in SELF_STANCES:
                if not subject:
                    continue  # only the actor who claims or denies speaks for itself
                claimant = ClaimantRef(value.name, value.span, "armed group", value.country)
            else:
                if subject and head.head.lemma_.lower() in vocab.speech_verbs:
                    continue  # a speaker ("officials say …") is not the one blamed
                claimant = attribution.claimant_for(head)
                speaker = claimant.span if claimant is not None else None
                if speaker is not None and speaker.start <= mention.start < speaker.end:
                    continue
            found.append(ResponsibilityClaim(number, stance, value, claimant, span))
    return found


def _cues(sentence: Span, vocab: AttributionVocabulary) -> list[tuple[str, TextSpan]]:
    """Every responsibility cue in the sentence, with its stance and span (longest cue first at one place)."""
    lowered = sentence.text.lower()
    found: dict[int, tuple[str, TextSpan]] = {}
    for stance in ("unclaimed", "claimed", "denied", "suspected", "accused"):
        for cue in vocab.stances.get(stance, ()):
            at = _find_word(lowered, cue)
            if at < 0 or any(at <= other < at + len(cue) or other <= at < other + len(s.text)
                             for other, (_, s) in found.items()):
                continue
            start = sentence.start_char + at
            found[at] = (stance, TextSpan(start, start + len(cue), sentence.doc.text[start : start + len(cue)]))
    return [found[at] for at in sorted(found)]


def _find_word(text: str, phrase: str) -> int:
    at = text.find(phrase)
    while at >= 0:
        before = at == 0 or not text[at - 1].isalnum()
        end = at + len(phrase)
        after = end >= len(text) or not text[end].isalnum()
        if before and after:
            return at
        at = text.find(phrase, at + 1)
    return -1
