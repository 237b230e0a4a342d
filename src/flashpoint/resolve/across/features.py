"""What cross-document merging looks at in an event: type family, dates, place, actors, figures, words."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from flashpoint.model import Event
from flashpoint.resolve.across.text import event_text, terms

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
CROWD = frozenset({"Protests", "Riots"})
MERGEABLE_KINDS = frozenset({"specific", "background"})
MAX_SPAN_DAYS = 7  # events dated only to a month or vaguer are never merged across documents
UNDATED_LOOKBACK_DAYS = 3  # an undated report is compared with events of the days before its publication
GENERIC_ACTOR_WORDS = ("Unidentified", "Civilians", "Protesters", "Rioters")


@dataclass(frozen=True)
class EventFeatures:
    """A compact view of one event (a report or a merged event) for blocking and scoring."""

    id: str
    family: str
    event_type: str | None
    sub_event_type: str | None
    start: dt.date | None
    end: dt.date | None
    block_start: dt.date | None  # the days blocking files the event under: its dates, or before publication
    block_end: dt.date | None
    iso3: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    geonameid: int | None
    actor1: str | None
    actor2: str | None
    named_actors: frozenset[str]
    deaths_low: int | None
    deaths_high: int | None
    text: str  # the evidence sentences (what a text similarity reads)
    terms: Counter[str]
    docs: frozenset[str]
    mergeable: bool

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


def type_family(event: Event) -> str:
    """Types that outlets may tell differently of one happening share a family (a clash vs shelling)."""
    if event.event_type in VIOLENT:
        return "violence"
    if event.event_type in CROWD:
        return "crowd"
    if event.event_type is not None:
        return f"strategic:{event.sub_event_type}"
    return f"plover:{event.plover.type if event.plover else '?'}"


def features_of(event: Event, docs: frozenset[str] | None = None) -> EventFeatures:
    where = event.location
    dead = event.fatalities
    one, two = event.actor("actor1"), event.actor("actor2")
    named = frozenset(a.name for a in event.actors if not a.name.startswith(GENERIC_ACTOR_WORDS))
    start, end = event.date.start, event.date.end
    published = min((s.published for s in event.sources if s.published), default=None)
    if start is not None and end is not None:
        block = (start, end) if (end - start).days <= MAX_SPAN_DAYS else (None, None)
    elif published is not None:
        block = (published - dt.timedelta(days=UNDATED_LOOKBACK_DAYS), published)
    else:
        block = (None, None)
    return EventFeatures(
        id=event.id,
        family=type_family(event),
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        start=start,
        end=end,
        block_start=block[0],
        block_end=block[1],
        iso3=(where.iso3 if where else None) or _actor_country(event),
        admin1=where.admin1 if where else None,
        lat=where.lat if where and where.resolved else None,
        lon=where.lon if where and where.resolved else None,
        geo_precision=where.acled_geo_precision if where else None,
        geonameid=where.geonameid if where else None,
        actor1=one.name if one else None,
        actor2=two.name if two else None,
        named_actors=named,
        deaths_low=dead.low if dead else None,
        deaths_high=(dead.high if dead.high is not None else dead.best) if dead else None,
        text=(text := event_text(event)),
        terms=Counter(terms(text)),
        docs=docs if docs is not None else frozenset(s.doc for s in event.sources),
        mergeable=event.kind in MERGEABLE_KINDS and block[0] is not None,
    )


def _actor_country(event: Event) -> str | None:
    """The country most of the event's actors belong to, when the place is unknown."""
    counts = Counter(a.country for a in event.actors if a.country)
    if not counts:
        return None
    top = max(counts.values())
    return min(c for c, n in counts.items() if n == top)
