"""One flat row per event: the typed columns shared by the GeoJSON properties and the Parquet file."""

from __future__ import annotations

from flashpoint.store import StoredEvent

# (name, DuckDB type) in output order
COLUMNS = (
    ("id", "VARCHAR"), ("kind", "VARCHAR"), ("event_type", "VARCHAR"), ("sub_event_type", "VARCHAR"),
    ("disorder_type", "VARCHAR"), ("plover_type", "VARCHAR"), ("plover_mode", "VARCHAR"),
    ("date_start", "DATE"), ("date_end", "DATE"), ("time_precision", "TINYINT"), ("location", "VARCHAR"),
    ("admin1", "VARCHAR"), ("admin2", "VARCHAR"), ("country", "VARCHAR"), ("iso3", "VARCHAR"),
    ("latitude", "DOUBLE"), ("longitude", "DOUBLE"), ("geo_precision", "TINYINT"), ("actor1", "VARCHAR"),
    ("actor2", "VARCHAR"), ("assoc_actors", "VARCHAR[]"), ("inter1", "TINYINT"), ("inter2", "TINYINT"),
    ("civilian_targeting", "BOOLEAN"), ("fatalities_low", "INTEGER"), ("fatalities_best", "INTEGER"),
    ("fatalities_high", "INTEGER"), ("injured_best", "INTEGER"), ("contested_claims", "INTEGER"),
    ("sources", "VARCHAR[]"), ("independent_sources", "INTEGER"), ("reports", "INTEGER"),
    ("confidence", "DOUBLE"), ("created_at", "TIMESTAMP"), ("updated_at", "TIMESTAMP"), ("record", "VARCHAR"),
)


def flat_row(stored: StoredEvent, record: str) -> dict[str, object]:
    event = stored.event
    where = event.location
    one, two = event.actor("actor1"), event.actor("actor2")
    dead, hurt = event.fatalities, event.injured
    return {
        "id": event.id, "kind": event.kind, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "disorder_type": event.disorder_type, "plover_type": event.plover.type if event.plover else None,
        "plover_mode": event.plover.mode if event.plover else None,
        "date_start": event.date.start, "date_end": event.date.end,
        "time_precision": event.date.acled_time_precision,
        "location": (where.name or where.text) if where else None, "admin1": where.admin1 if where else None,
        "admin2": where.admin2 if where else None, "country": where.country if where else None,
        "iso3": where.iso3 if where else None, "latitude": where.lat if where else None,
        "longitude": where.lon if where else None, "geo_precision": where.acled_geo_precision if where else None,
        "actor1": one.name if one else None, "actor2": two.name if two else None,
        "assoc_actors": [a.name for a in event.actors if a.role.startswith("assoc")],
        "inter1": one.acled_inter if one else None, "inter2": two.acled_inter if two else None,
        "civilian_targeting": event.civilian_targeting,
        "fatalities_low": dead.low if dead else None, "fatalities_best": dead.best if dead else None,
        "fatalities_high": dead.high if dead else None, "injured_best": hurt.best if hurt else None,
        "contested_claims": sum(1 for c in event.claims if c.status == "contested"),
        "sources": [s.outlet or s.doc for s in event.sources], "independent_sources": stored.independent_sources,
        "reports": stored.reports, "confidence": event.confidence, "created_at": stored.created_at,
        "updated_at": stored.updated_at, "record": record,
    }
