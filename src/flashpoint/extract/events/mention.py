"""EventMention: what the extract stage hands to resolution — one happening as told in one clause.

Values keep their character spans so resolution can turn them into evidence; nothing here is merged yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flashpoint.extract.values import (
    ActorValue,
    ClaimantRef,
    CountValue,
    DateValue,
    MechanismValue,
    PlaceValue,
    TextSpan,
)

__all__ = [
    "ActorValue",
    "ClaimantRef",
    "CountValue",
    "DateValue",
    "EventMention",
    "MechanismValue",
    "PlaceValue",
    "TextSpan",
]


@dataclass
class EventMention:
    doc_id: str
    sentence: int  # sentence index in the document
    sentence_span: TextSpan
    trigger: TextSpan
    trigger_entry: str
    trigger_class: str
    lexicon: str  # "triggers.v1:shell"
    trigger_token: int
    trigger_pos: str  # part of speech of the trigger's head ("VERB", "NOUN" …)
    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]
    kind: str
    kind_cue: str | None
    anaphoric: bool  # "the attack", "the blast": refers back to a happening told before
    distinct: bool  # "another attack", "a third incident": a new happening
    plural: bool
    mechanisms: list[MechanismValue] = field(default_factory=list)
    actors: list[ActorValue] = field(default_factory=list)
    location: PlaceValue | None = None
    places: list[PlaceValue] = field(default_factory=list)
    date: DateValue | None = None
    counts: list[CountValue] = field(default_factory=list)
    claimant: ClaimantRef | None = None
    denied: bool = False
    confidence: float = 0.5

    def actor(self, role: str) -> ActorValue | None:
        return next((a for a in self.actors if a.role == role), None)

    @property
    def violent(self) -> bool:
        return self.event_type in {"Battles", "Explosions/Remote violence", "Violence against civilians"}
