"""Values the extraction stages hand on, each with the character span that supports it.

Shared by the claims and events stages and by resolution; plain frozen dataclasses, no behaviour.
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
    family: str | None = None  # means of one family refine each other; different families contest
    rank: int = 5  # 1 = most specific
