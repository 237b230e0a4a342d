"""From the store's views to the API's response models."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flashpoint.api.queries import Summary
from flashpoint.api.schemas import (
    ClaimGroupOut,
    ClaimOut,
    DocumentEvidenceOut,
    DocumentOut,
    EventDetailOut,
    EvidenceOut,
    MergeOut,
    SourceOut,
)
from flashpoint.model import Event
from flashpoint.store import DocumentDetail, EventDetail


def event_summary(summary: Summary, full: bool = False) -> dict[str, Any]:
    """The ``EventOut`` fields of one listed event, JSON-ready, from its stored record (an ``Event`` as JSON)."""
    event = summary.record
    where = event.get("location") or {}
    actors = {a["role"]: a["name"] for a in reversed(event.get("actors") or [])}
    dead = event.get("fatalities") or {}
    return {
        "id": event["id"], "kind": event["kind"], "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"), "disorder_type": event.get("disorder_type"),
        "plover_type": (event.get("plover") or {}).get("type"),
        "date_start": event["date"].get("start"), "date_end": event["date"].get("end"),
        "location": (where.get("name") or where.get("text")) if where else None, "admin1": where.get("admin1"),
        "country": where.get("country"), "iso3": where.get("iso3"), "lat": where.get("lat"), "lon": where.get("lon"),
        "geo_precision": where.get("acled_geo_precision"),
        "actor1": actors.get("actor1"), "actor2": actors.get("actor2"),
        "fatalities_low": dead.get("low"), "fatalities_best": dead.get("best"), "fatalities_high": dead.get("high"),
        "contested_claims": sum(1 for c in event.get("claims") or () if c.get("status") == "contested"),
        "outlets": list(dict.fromkeys(s.get("outlet") or s["doc"] for s in event.get("sources") or ())),
        "independent_sources": summary.independent_sources, "confidence": event["confidence"],
        "updated_at": summary.updated_at.isoformat(), "record": event if full else None,
    }


def event_detail_out(detail: EventDetail, synthetic: Callable[[str], bool]) -> EventDetailOut:
    """``synthetic(doc_id)`` tells whether a source document is a synthetic (demo) report."""
    stored = detail.stored
    event = stored.event
    supports = evidence_supports(event)
    return EventDetailOut(
        id=event.id, event=event, created_at=stored.created_at, updated_at=stored.updated_at,
        reports=stored.reports, independent_sources=stored.independent_sources, absorbed=detail.absorbed,
        sources=[SourceOut(doc=s.doc_id, outlet=s.outlet, url=s.url, published=s.published, title=s.title,
                           copy_of=s.copy_of, synthetic=synthetic(s.doc_id)) for s in detail.sources],
        claim_groups=claim_groups(event),
        evidence=[EvidenceOut(id=key, doc=span.doc, start=span.start, end=span.end, text=span.text,
                              supports=supports.get(key, [])) for key, span in event.evidence.items()],
        merges=[MergeOut(report_id=m.report_id, doc=m.doc_id, score=m.score, explanation=m.explanation,
                         policy=m.policy, merged_at=m.merged_at) for m in detail.merges],
    )


def claim_groups(event: Event) -> list[ClaimGroupOut]:
    """Claims grouped by attribute in order of first appearance; a group is contested when a claim in it is."""
    groups: dict[str, list[ClaimOut]] = {}
    for claim in event.claims:
        quotes = [event.evidence[e].text for e in claim.evidence if e in event.evidence]
        groups.setdefault(claim.attribute, []).append(ClaimOut(
            attribute=claim.attribute, value=claim.value, status=claim.status, stance=claim.stance,
            claimant=claim.claimant, evidence=claim.evidence, quotes=quotes))
    return [ClaimGroupOut(attribute=name, contested=any(c.status == "contested" for c in claims), claims=claims)
            for name, claims in groups.items()]


def evidence_supports(event: Event) -> dict[str, list[str]]:
    """Evidence id → what cites it ("date", "location", "actor1: …", "fatalities", "claim: fatalities = 8 …")."""
    uses: dict[str, list[str]] = {}

    def cite(ids: list[str], label: str) -> None:
        for key in ids:
            if label not in uses.setdefault(key, []):
                uses[key].append(label)

    cite(event.date.evidence, "date")
    if event.location:
        cite(event.location.evidence, "location")
    for actor in event.actors:
        cite(actor.evidence, f"{actor.role}: {actor.name}")
    for name, part in (("fatalities", event.fatalities), ("injured", event.injured)):
        if part:
            cite(part.evidence, name)
    for count in event.counts:
        cite(count.evidence, count.what)
    for claim in event.claims:
        who = f" ({claim.claimant.name})" if claim.claimant else ""
        cite(claim.evidence, f"claim: {claim.attribute} = {claim.value}{who}")
    for place in event.places:
        cite(place.evidence, f"place: {place.name or place.text}")
    return uses


def document_out(detail: DocumentDetail) -> DocumentOut:
    doc = detail.document
    return DocumentOut(
        id=doc.id, title=doc.title, url=doc.url, outlet=doc.outlet, published=doc.published, language=doc.language,
        synthetic=doc.synthetic, text=doc.text, content_hash=detail.content_hash, copy_of=detail.copy_of,
        similarity=detail.similarity, copies=detail.copies, event_ids=detail.event_ids,
        evidence=[DocumentEvidenceOut(event_id=u.event_id, evidence_id=u.evidence_id, start=u.start, end=u.end,
                                      text=u.text) for u in detail.evidence],
    )
