"""Rows of the derived tables (events, claims, evidence, sources, actors) built from one event record."""

from __future__ import annotations

import json
from collections.abc import Mapping

from flashpoint.model import Event


def record_json(event: Event) -> str:
    """The event record as stored and exported: deterministic JSON (field order fixed by the model)."""
    return json.dumps(event.model_dump(mode="json"), ensure_ascii=False)


def event_row(event: Event, record: str, docs: list[str], independent: int, days: tuple[int, int]) -> dict:
    where = event.location
    dead = event.fatalities
    return {
        "event_id": event.id, "kind": event.kind, "event_type": event.event_type,
        "sub_event_type": event.sub_event_type, "plover_type": event.plover.type if event.plover else None,
        "date_start": event.date.start, "date_end": event.date.end,
        "iso3": where.iso3 if where else None, "country": where.country if where else None,
        "admin1": where.admin1 if where else None, "location": (where.name or where.text) if where else None,
        "lat": where.lat if where else None, "lon": where.lon if where else None,
        "fatalities_low": dead.low if dead else None, "fatalities_best": dead.best if dead else None,
        "n_reports": len(docs), "n_sources": independent, "docs": docs, "record": record,
        "day": days[0], "day_hi": days[1],
    }


def claim_rows(event: Event, day: int) -> list[dict]:
    return [{
        "event_id": event.id, "n": n, "attribute": c.attribute, "value": json.dumps(c.value, ensure_ascii=False),
        "status": c.status, "stance": c.stance, "claimant": c.claimant.name if c.claimant else None,
        "claimant_type": c.claimant.type if c.claimant else None,
        "claimant_country": c.claimant.country if c.claimant else None, "evidence": list(c.evidence), "day": day,
    } for n, c in enumerate(event.claims, start=1)]


def evidence_rows(event: Event, day: int) -> list[dict]:
    return [{"event_id": event.id, "evidence_id": ref, "doc_id": s.doc, "start": s.start, "end": s.end,
             "text": s.text, "day": day} for ref, s in event.evidence.items()]


def source_rows(event: Event, copy_of: Mapping[str, str], day: int) -> list[dict]:
    return [{"event_id": event.id, "doc_id": s.doc, "outlet": s.outlet, "url": s.url, "published": s.published,
             "title": s.title, "copy_of": copy_of.get(s.doc), "day": day} for s in event.sources]


def actor_rows(event: Event, day: int) -> list[dict]:
    return [{"event_id": event.id, "role": a.role, "name": a.name, "text": a.text, "country": a.country,
             "sector": a.sector, "inter": a.acled_inter, "day": day} for a in event.actors]
