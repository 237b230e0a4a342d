"""UCDP GED-style CSV: the GED columns flashpoint can fill, for violent events with at least one death.

Not filled (they need UCDP's conflict/dyad/actor registers or Gleditsch–Ward numbers): relid, active_year,
code_status, conflict_* and dyad_* ids and names, side ids, country_id, gwnoa, gwnob.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from types import MappingProxyType
from typing import TextIO

from flashpoint.export.options import ExportOptions, ExportStats
from flashpoint.model import Actor, Event
from flashpoint.store import StoredEvent

COLUMNS = (
    "id", "year", "type_of_violence", "side_a", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates", "where_description",
    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "region", "event_clarity",
    "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best",
    "high", "low",
)
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
STATE = frozenset({1, 8})  # ACLED inter codes of state forces (at home or abroad)
UCDP_REGIONS = MappingProxyType({"Western Africa": "Africa", "Middle Africa": "Africa", "Eastern Africa": "Africa",
                "Southern Africa": "Africa", "Northern Africa": "Africa", "Middle East": "Middle East",
                "Europe": "Europe", "Caucasus and Central Asia": "Asia", "South Asia": "Asia",
                "Southeast Asia": "Asia", "East Asia": "Asia", "Oceania": "Asia", "North America": "Americas",
                "Central America": "Americas", "South America": "Americas", "Caribbean": "Americas"})
WHERE_FROM_ACLED = MappingProxyType({1: 1, 2: 2, 3: 4})


def write_ucdp(events: Iterable[StoredEvent], out: TextIO, options: ExportOptions) -> ExportStats:
    stats = ExportStats()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for stored in events:
        event = stored.event
        if event.event_type not in VIOLENT:
            stats.skip("not organised violence")
        elif not event.fatalities or not (event.fatalities.best or event.fatalities.low):
            stats.skip("no death reported")
        elif event.date.start is None or event.date.end is None:
            stats.skip("no date")
        else:
            row = ucdp_row(stored, options)
            writer.writerow([row[c] for c in COLUMNS])
            stats.written += 1
    return stats


def ucdp_row(stored: StoredEvent, options: ExportOptions) -> dict[str, object]:
    event = stored.event
    where = event.location
    violence, side_a, side_b = _sides(event)
    dead = event.fatalities
    best = dead.best if dead.best is not None else dead.low
    low = dead.low if dead.low is not None else best
    high = max(dead.high or best, best)
    sources = event.sources
    lat, lon = (where.lat, where.lon) if where and where.lat is not None and where.lon is not None else (None, None)
    region = options.vocabulary.region(where.iso3 if where else None)
    return {
        "id": event.id, "year": event.date.start.year, "type_of_violence": violence,
        "side_a": side_a, "side_b": side_b, "number_of_sources": stored.independent_sources,
        "source_article": "; ".join(",".join(filter(None, (s.outlet or s.doc, str(s.published or ""), s.title or "")))
                                    for s in sources),
        "source_office": "; ".join(dict.fromkeys(s.outlet or s.doc for s in sources)),
        "source_date": "; ".join(dict.fromkeys(str(s.published) for s in sources if s.published)),
        "source_headline": "; ".join(s.title for s in sources if s.title),
        "source_original": "; ".join(sorted({c.claimant.name for c in event.claims if c.claimant
                                             and c.claimant.type != "media"})),
        "where_prec": _where_prec(event), "where_coordinates": (where.name or where.text or "") if where else "",
        "where_description": (where.text or "") if where else "", "adm_1": (where.admin1 or "") if where else "",
        "adm_2": (where.admin2 or "") if where else "",
        "latitude": f"{lat:.5f}" if lat is not None else "", "longitude": f"{lon:.5f}" if lon is not None else "",
        "geom_wkt": f"POINT ({lon:.5f} {lat:.5f})" if lat is not None else "",
        "priogrid_gid": priogrid(lat, lon) if lat is not None else "",
        "country": options.vocabulary.country(where.iso3, where.country) if where else "",
        "region": UCDP_REGIONS.get(region, ""),
        "event_clarity": 1 if event.kind in ("specific", "background") else 2,
        "date_prec": _date_prec(event), "date_start": event.date.start.isoformat(),
        "date_end": event.date.end.isoformat(),
        "deaths_a": 0, "deaths_b": 0,
        "deaths_civilians": best if violence == 3 else 0, "deaths_unknown": 0 if violence == 3 else best,
        "best": best, "high": high, "low": low,
    }


def priogrid(lat: float, lon: float) -> int:
    """PRIO-GRID cell (0.5°, numbered from the south-west corner, row by row)."""
    row = min(359, math.floor((lat + 90) / 0.5))
    col = min(719, math.floor((lon + 180) / 0.5))
    return row * 720 + col + 1


def _sides(event: Event) -> tuple[int, str, str]:
    one, two = event.actor("actor1"), event.actor("actor2")
    if event.event_type == "Violence against civilians" or (two is not None and two.acled_inter == 7):
        return 3, one.name if one else "", two.name if two else "Civilians"
    actors = [a for a in (one, two) if a is not None]
    state = next((a for a in actors if a.acled_inter in STATE), None)
    if state is not None:
        other = next((a for a in actors if a is not state), None)
        return 1, state.name, other.name if other else ""
    return 2, _name(one), _name(two)


def _name(actor: Actor | None) -> str:
    return actor.name if actor else ""


def _where_prec(event: Event) -> int:
    where = event.location
    if where is None:
        return 6
    if where.ucdp_where_prec:
        return where.ucdp_where_prec
    return WHERE_FROM_ACLED.get(where.acled_geo_precision or 3, 4)


def _date_prec(event: Event) -> int:
    if event.date.ucdp_date_prec:
        return event.date.ucdp_date_prec
    width = (event.date.end - event.date.start).days
    return 1 if width == 0 else 2 if width <= 6 else 3 if width <= 7 else 4 if width <= 31 else 5
