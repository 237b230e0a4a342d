"""EventMention: what the extract stage hands to resolution — one happening as told in one clause.

Values keep their character spans so resolution can turn them into evidence; nothing here is merged yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ClaimantRef:
    """Who says so: the source of a statement, as written, with its type and country where known."""

    name: str
    span: TextSpan | None
    type: str | None = None
    country: str | None = None
    via: str | None = None  # a reporting chain: "Al-Ahram, citing the health ministry"

    @property
    def key(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class ActorValue:
    role: str  # actor1 | actor2 | assoc_actor1 | assoc_actor2
    name: str
    text: str | None
    span: TextSpan | None
    country: str | None
    sector: str | None
    acled_inter: int | None
    wikidata: str | None
    stance: str | None = None  # for perpetrators: claimed | accused | suspected | denied | reported


@dataclass(frozen=True)
class PlaceValue:
    text: str
    span: TextSpan  # the locative phrase ("near the town of X")
    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    admin2: str | None
    country: str | None  # country name
    iso3: str | None
    feature_code: str | None
    relation: str | None
    direction: str | None
    acled_geo_precision: int | None
    ucdp_where_prec: int | None
    resolved: bool
    stated: bool = True  # named in the event's own sentence (False: taken from the document's context)


@dataclass(frozen=True)
class DateValue:
    start: object  # datetime.date | None
    end: object
    time: str | None
    text: str | None
    span: TextSpan | None
    acled_time_precision: int | None
    ucdp_date_prec: int | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountValue:
    what: str  # killed | injured | arrested | abducted | displaced | crowd | missing
    low: int | None
    best: int | None
    high: int | None
    span: TextSpan
    who: str | None
    groups: tuple[tuple[str, int], ...]
    revision: str | None  # initial | revised | None
    high_only: bool
    aggregate: bool
    subset: bool = False  # "including two children": part of another count, never a figure of its own
    source: Any = field(default=None, compare=False, repr=False)  # the quantities stage's CountMention


@dataclass(frozen=True)
class MechanismValue:
    """A means named for the happening (shelling, airstrike, crossfire …) with the type it implies."""

    entry: str
    label: str
    text: str
    span: TextSpan
    event_type: str | None
    sub_event_type: str | None
    vague: bool


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
    perpetrator_claims: list[ActorValue] = field(default_factory=list)
    denied: bool = False
    confidence: float = 0.5

    def actor(self, role: str) -> ActorValue | None:
        return next((a for a in self.actors if a.role == role), None)

    @property
    def violent(self) -> bool:
        return self.event_type in {"Battles", "Explosions/Remote violence", "Violence against civilians"}
