"""The event record: the contract every stage, export and test shares (../shared/reference/event-contract.md).

Every value that comes from text names its evidence: ids into ``Event.evidence``, whose spans reproduce the
quoted text exactly when applied to the document text as read. An unknown value is null, never a guess.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from flashpoint.model.codebook import (
    ACLED_DISORDER,
    ACLED_SUBTYPES,
    PLOVER_MODES,
    AcledEventType,
    AcledSubEventType,
    DisorderType,
    PloverContext,
    PloverType,
    Sector,
)

EventKind = Literal["specific", "background", "aggregate", "generic", "hypothetical", "negated"]
ClaimStatus = Literal["current", "superseded", "contested", "denied"]
Stance = Literal["claimed", "accused", "suspected", "denied", "unclaimed", "reported"]
ClaimantType = Literal["government", "military", "armed group", "ngo", "igo", "media", "witness", "anonymous", "other"]
Relation = Literal["in", "near", "direction", "between", "outskirts"]
ActorRole = Literal["actor1", "actor2", "assoc_actor1", "assoc_actor2"]


class Record(BaseModel):
    """Base for contract models: unknown fields refused, field order fixed (deterministic JSON)."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of one document: ``text == document.text[start:end]``."""

    doc: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}-{self.end} does not match its text {self.text!r}")
        return self


class Trigger(Record):
    """The word or phrase that made the extractor code an event, and the lexicon entry or rule that fired."""

    text: str
    start: int
    end: int
    doc: str | None = None
    lexicon: str = Field(description="lexicon file version and entry id, e.g. 'triggers.v1:shell'")


class Plover(Record):
    type: PloverType
    mode: str | None = None
    context: list[PloverContext] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_mode(self) -> Plover:
        if self.mode is not None and self.mode not in PLOVER_MODES[self.type]:
            raise ValueError(f"PLOVER mode {self.mode!r} is not a mode of {self.type}")
        return self


class EventDate(Record):
    """When: a start/end span with ACLED and UCDP precision codes. Null dates mean 'not resolvable'."""

    start: dt.date | None = None
    end: dt.date | None = None
    time: str | None = Field(None, pattern=r"^\d{2}:\d{2}$")
    text: str | None = None
    acled_time_precision: int | None = Field(None, ge=1, le=3)
    ucdp_date_prec: int | None = Field(None, ge=1, le=5)
    evidence: list[str] = Field(default_factory=list)
    flags: list[str] = Field(
        default_factory=list,
        description="e.g. 'publication-date' (no date words: the report's day assumed), 'unresolved' (no anchor)",
    )

    @model_validator(mode="after")
    def _ordered(self) -> EventDate:
        if self.start and self.end and self.end < self.start:
            raise ValueError("date end is before start")
        return self


class Location(Record):
    """Where, never finer than the evidence: a province-only mention carries the province's point and precision 3."""

    text: str | None = None
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    iso3: str | None = None
    feature_code: str | None = None
    relation: Relation | None = None
    direction: str | None = None
    acled_geo_precision: int | None = Field(None, ge=1, le=3)
    ucdp_where_prec: int | None = Field(None, ge=1, le=7)
    resolved: bool = Field(True, description="false when the name was found but not in the gazetteer")
    evidence: list[str] = Field(default_factory=list)


class Actor(Record):
    role: ActorRole
    name: str
    text: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    sector: Sector | None = None
    acled_inter: int | None = Field(None, ge=0, le=8)
    wikidata: str | None = None
    evidence: list[str] = Field(default_factory=list)


class CountGroup(Record):
    who: str
    count: int = Field(ge=0)


class Casualties(Record):
    """Fatalities or injured: low = most conservative, best = most likely, high = highest credible."""

    best: int | None = Field(None, ge=0)
    low: int | None = Field(None, ge=0)
    high: int | None = Field(None, ge=0)
    text: str | None = None
    evidence: list[str] = Field(default_factory=list)
    groups: list[CountGroup] = Field(default_factory=list)


class Count(Record):
    """Other counts: arrested, abducted, displaced, crowd size …"""

    what: str
    best: int | None = Field(None, ge=0)
    low: int | None = Field(None, ge=0)
    high: int | None = Field(None, ge=0)
    text: str | None = None
    evidence: list[str] = Field(default_factory=list)


class Claimant(Record):
    name: str
    type: ClaimantType | None = None
    country: str | None = None


class Claim(Record):
    """One (attribute, value, claimant): disagreement stays visible, never averaged."""

    attribute: str
    value: str | int | float | bool | None
    status: ClaimStatus = "current"
    stance: Stance | None = None
    claimant: Claimant | None = None
    evidence: list[str] = Field(default_factory=list)


class Source(Record):
    doc: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None
    copy_of: str | None = Field(None, description="the document this one reprints (a wire copy): not independent")


class Extractor(Record):
    """Which code and knowledge produced an event."""

    name: str = "flashpoint"
    version: str
    model: str | None = None
    lexicons: dict[str, str] = Field(default_factory=dict)
    gazetteer: str | None = None


class MentionedPlace(Record):
    """A place named in the event's context that is not the event's own location."""

    text: str
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    evidence: list[str] = Field(default_factory=list)


class Event(Record):
    id: str
    kind: EventKind
    event_type: AcledEventType | None = None
    sub_event_type: AcledSubEventType | None = None
    disorder_type: DisorderType | None = None
    civilian_targeting: bool = False
    interaction: str | None = None
    plover: Plover | None = None
    trigger: Trigger
    date: EventDate = Field(default_factory=EventDate)
    location: Location | None = None
    places: list[MentionedPlace] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    fatalities: Casualties | None = None
    injured: Casualties | None = None
    counts: list[Count] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    evidence: dict[str, Span] = Field(default_factory=dict)
    sources: list[Source] = Field(default_factory=list)
    confidence: float = Field(0.5, ge=0, le=1)
    flags: list[str] = Field(default_factory=list)
    merged_from: list[str] = Field(default_factory=list, description="ids of events merged into this one")
    extractor: Extractor

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if self.sub_event_type is not None and (
            self.event_type is None or self.sub_event_type not in ACLED_SUBTYPES[self.event_type]
        ):
            raise ValueError(f"sub_event_type {self.sub_event_type!r} is not a sub-type of {self.event_type!r}")
        if self.event_type is not None and self.disorder_type is None:
            self.disorder_type = ACLED_DISORDER[self.event_type]
        if self.event_type is None and self.plover is None:
            raise ValueError("an event needs an ACLED type or a PLOVER type")
        known = set(self.evidence)
        for ref in self._evidence_refs():
            if ref not in known:
                raise ValueError(f"evidence id {ref!r} is not in the event's evidence")
        return self

    def _evidence_refs(self) -> list[str]:
        refs: list[str] = list(self.date.evidence)
        for part in (self.location, self.fatalities, self.injured):
            if part is not None:
                refs += part.evidence
        for group in (self.actors, self.counts, self.claims, self.places):
            for item in group:
                refs += item.evidence
        return refs

    def actor(self, role: ActorRole) -> Actor | None:
        return next((a for a in self.actors if a.role == role), None)


def event_json_schema() -> dict:
    """The JSON Schema of one event record (what ``flashpoint schema`` prints)."""
    schema = Event.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "flashpoint event"
    return schema
