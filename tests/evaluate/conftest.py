"""Hand-built predicted events and a stand-in extractor, so the harness is tested without the pipeline.

Exposed as fixtures: ``conventions``, ``make_event``, ``echo_event``, ``canned_extractor``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pytest

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold.records import GoldEvent
from flashpoint.model import (
    Actor,
    Casualties,
    Claim,
    Claimant,
    Document,
    Event,
    EventDate,
    Extractor,
    Location,
    Plover,
    Trigger,
)

EXTRACTOR = Extractor(version="test")


def event(
    id: str = "ev-1",
    *,
    kind: str = "specific",
    event_type: str | None = "Battles",
    sub_event_type: str | None = None,
    plover: str | None = None,
    start: dt.date | None = dt.date(2021, 6, 1),
    end: dt.date | None = None,
    lat: float | None = None,
    lon: float | None = None,
    admin1: str | None = None,
    iso3: str | None = None,
    actor1: Actor | str | None = None,
    actor2: Actor | str | None = None,
    fatalities: int | None = None,
    claimants: tuple[str, ...] = (),
    confidence: float = 0.5,
) -> Event:
    """A predicted event with only what a test sets."""
    actors = []
    for role, actor in (("actor1", actor1), ("actor2", actor2)):
        if isinstance(actor, str):
            actors.append(Actor(role=role, name=actor))
        elif actor is not None:
            actors.append(actor.model_copy(update={"role": role}))
    location = None
    if lat is not None or iso3 is not None or admin1 is not None:
        location = Location(lat=lat, lon=lon, admin1=admin1, iso3=iso3)
    return Event(
        id=id,
        kind=kind,
        event_type=event_type,
        sub_event_type=sub_event_type,
        plover=Plover(type=plover) if plover else None,
        trigger=Trigger(text="x", start=0, end=1, lexicon="test:x"),
        date=EventDate(start=start, end=end or start),
        location=location,
        actors=actors,
        fatalities=Casualties(best=fatalities, low=fatalities) if fatalities is not None else None,
        claims=[Claim(attribute="perpetrator", value="x", claimant=Claimant(name=n)) for n in claimants],
        confidence=confidence,
        extractor=EXTRACTOR,
    )


def echo(gold: GoldEvent, id: str = "ev") -> Event:
    """The predicted event a perfect extractor would give for ``gold``."""
    date = gold.date
    where = gold.location
    actors = {}
    for role, wanted in (("actor1", gold.actor1), ("actor2", gold.actor2)):
        if wanted is not None:
            actors[role] = Actor(role=role, name=wanted.names[0], country=wanted.country)
    return event(
        id,
        kind=gold.kind or "specific",
        event_type=gold.event_types[0] if gold.event_types else None,
        sub_event_type=gold.sub_event_types[0] if gold.sub_event_types else None,
        plover=gold.plover_types[0] if gold.plover_types else None,
        start=(date.day or date.start) if date else None,
        end=(date.day or date.end) if date else None,
        lat=where.lat if where else None,
        lon=where.lon if where else None,
        admin1=where.admin1 if where else None,
        iso3=where.iso3 if where else None,
        actor1=actors.get("actor1"),
        actor2=actors.get("actor2"),
        fatalities=gold.fatalities,
        claimants=tuple(alternatives[0] for alternatives in gold.claimants),
        confidence=0.9,
    )


@dataclass
class Result:
    document: Document
    events: list[Event]


@dataclass
class CannedExtractor:
    """Returns the events it was given for each document id (none for the others)."""

    events: dict[str, list[Event]]
    version: str = "canned"

    def run(self, documents: Iterable[Document]) -> Iterable[Result]:
        for document in documents:
            yield Result(document, list(self.events.get(document.id, [])))


@pytest.fixture(scope="session")
def conventions() -> Conventions:
    return Conventions.load()


@pytest.fixture(scope="session")
def make_event():
    return event


@pytest.fixture(scope="session")
def echo_event():
    return echo


@pytest.fixture(scope="session")
def canned_extractor():
    return CannedExtractor
