"""Merge reports of one happening from several documents into one contract Event.

Nothing is averaged and nothing is dropped: every source, every evidence span and every claim is kept. The
headline values follow stated rules (docs/store.md):

- type: the (type, sub-type) most documents give (ties: the earliest report); other readings stay as contested
  ``sub_event_type`` claims;
- date and place: the most precise any report gives (ties: the earliest report);
- actors: per role, the name most reports give (ties: one with evidence, then the earliest report);
- fatalities / injured: ``low`` the lowest figure any report gives, ``high`` the highest, ``best`` the figure most
  documents give (ties: the latest published); each document's figure becomes a claim (its own claimant, else the
  outlet), and differing figures are all marked contested;
- confidence: the best report's, raised a little for each further independent document.

A single report comes back unchanged (apart from the sources of its document's wire copies).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from flashpoint.model import Event, Source
from flashpoint.resolve.across.evidence import pooled_records, sort_refs

FIGURES = ("fatalities", "injured")
ATTRIBUTED = ("mechanism", "perpetrator")
LATE = dt.date.max


def report_order(event: Event) -> tuple:
    """Earliest published first, then document, then position in the text."""
    first = min((s.published or LATE for s in event.sources), default=LATE)
    return first, event.sources[0].doc if event.sources else "", event.trigger.start, event.id


def merge_events(reports: Sequence[Event], event_id: str,
                 copies: Mapping[str, Sequence[Source]] | None = None) -> Event:
    """One Event for ``reports`` (each from a different document) under ``event_id``.

    ``copies`` maps a document id to the sources of its wire copies, which are listed with the document's own.
    """
    if not reports:
        raise ValueError("merge_events needs at least one report")
    ordered = sorted(reports, key=report_order)
    records, evidence = pooled_records(ordered)
    sources = _sources(records, copies or {})
    if len(ordered) == 1:
        record = dict(records[0], id=event_id, evidence=evidence, sources=sources)
        return Event.model_validate(record)
    outlets = [_outlet(r) for r in records]
    chosen, type_claims = _headline_type(records, outlets, evidence)
    record = dict(chosen)
    record.update(
        id=event_id,
        kind="specific" if any(r["kind"] == "specific" for r in records) else chosen["kind"],
        civilian_targeting=any(r["civilian_targeting"] for r in records if _type(r) == _type(chosen)),
        date=min((r["date"] for r in records), key=_date_rank),
        location=min((r["location"] for r in records if r["location"]), key=_place_rank, default=None),
        actors=_actors(records),
        counts=_counts(records),
        evidence=evidence,
        sources=sources,
        confidence=_confidence(ordered),
        flags=sorted({flag for r in records for flag in r["flags"]}),
    )
    record["places"] = _places(records, record["location"])
    record["interaction"] = _interaction(record["actors"]) or chosen["interaction"]
    claims = type_claims
    for attribute in FIGURES:
        record[attribute], figure_claims = _figures(records, outlets, attribute)
        claims += figure_claims
    claims += _attributed_claims(records, outlets)
    record["claims"] = claims
    return Event.model_validate(record)


def _sources(records: list[dict], copies: Mapping[str, Sequence[Source]]) -> list[dict]:
    found: dict[str, dict] = {}
    for record in records:
        for source in record["sources"]:
            found.setdefault(source["doc"], source)
            for copy in copies.get(source["doc"], ()):
                found.setdefault(copy.doc, copy.model_dump(mode="json"))
    return sorted(found.values(), key=lambda s: (s["published"] or "9999", s["doc"]))


def _outlet(record: dict) -> dict:
    source = record["sources"][0] if record["sources"] else {}
    name = source.get("outlet") or source.get("url") or source.get("doc") or "unknown source"
    return {"name": name, "type": "media", "country": None}


def _type(record: dict) -> tuple:
    plover = (record["plover"] or {}).get("type")
    return record["event_type"], record["sub_event_type"], plover


def _headline_type(records: list[dict], outlets: list[dict], evidence: dict) -> tuple[dict, list[dict]]:
    votes = Counter(_type(r) for r in records)
    first = {}
    for index, record in enumerate(records):
        first.setdefault(_type(record), index)
    best = max(votes, key=lambda t: (votes[t], -first[t]))
    chosen = records[first[best]]
    if len(votes) == 1:
        return chosen, []
    claims = []
    for record, outlet in zip(records, outlets, strict=True):
        value = record["sub_event_type"] or record["event_type"] or (record["plover"] or {}).get("type")
        refs = [ref for ref, span in evidence.items() if span["doc"] == record["trigger"].get("doc")
                and span["start"] == record["trigger"]["start"] and span["end"] == record["trigger"]["end"]]
        claims.append({"attribute": "sub_event_type", "value": value, "status": "contested", "stance": None,
                       "claimant": outlet, "evidence": refs})
    return chosen, _dedupe(claims)


def _date_rank(date: dict) -> tuple:
    if date["start"] is None or date["end"] is None:
        return (1, 10_000, True, not date["evidence"])
    width = (dt.date.fromisoformat(date["end"]) - dt.date.fromisoformat(date["start"])).days
    return (0, width, date["time"] is None, not date["evidence"])


def _place_rank(place: dict) -> tuple:
    return not place["resolved"], place["acled_geo_precision"] or 4, place["relation"] not in (None, "in")


def _actors(records: list[dict]) -> list[dict]:
    """actor1/actor2: the name most reports give (ties: one told with evidence, then the earliest report);
    associated actors: every name any report gives."""
    chosen = []
    for role in ("actor1", "actor2", "assoc_actor1", "assoc_actor2"):
        told = [(n, a) for n, r in enumerate(records) for a in r["actors"] if a["role"] == role]
        votes = Counter(a["name"] for _, a in told)
        ranked = sorted(told, key=lambda item: (-votes[item[1]["name"]], not item[1]["evidence"], item[0]))
        names = list(dict.fromkeys(a["name"] for _, a in ranked))
        for name in names if role.startswith("assoc") else names[:1]:
            first = next(a for _, a in ranked if a["name"] == name)
            chosen.append(dict(first, evidence=sort_refs([ref for _, a in told if a["name"] == name
                                                          for ref in a["evidence"]])))
    return chosen


def _places(records: list[dict], location: dict | None) -> list[dict]:
    seen: dict[tuple, dict] = {}
    for record in records:
        for place in record["places"]:
            if location and place["geonameid"] == location["geonameid"] and place["name"] == location["name"]:
                continue
            key = (place["geonameid"], place["text"])
            if key in seen:
                seen[key]["evidence"] = sort_refs(seen[key]["evidence"] + place["evidence"])
            else:
                seen[key] = dict(place)
    return list(seen.values())


def _counts(records: list[dict]) -> list[dict]:
    by_what: dict[str, list[dict]] = {}
    for record in records:
        for count in record["counts"]:
            by_what.setdefault(count["what"], []).append(count)
    return [_combine(items) for _, items in sorted(by_what.items())]


def _combine(items: list[dict]) -> dict:
    """Lowest low, highest high, the most given best (ties: the latest report); evidence of all."""
    bests = Counter(i["best"] for i in items if i["best"] is not None)
    latest = {i["best"]: n for n, i in enumerate(items)}
    best = max(bests, key=lambda v: (bests[v], latest[v])) if bests else None
    chosen = next((i for i in reversed(items) if i["best"] == best), items[-1])
    lows = [i["low"] if i["low"] is not None else i["best"] for i in items]
    highs = [i["high"] if i["high"] is not None else i["best"] for i in items]
    combined = dict(chosen)
    combined["low"] = min((v for v in lows if v is not None), default=None)
    combined["high"] = max((v for v in highs if v is not None), default=None)
    combined["evidence"] = sort_refs([ref for i in items for ref in i["evidence"]])
    return combined


def _figures(records: list[dict], outlets: list[dict], attribute: str) -> tuple[dict | None, list[dict]]:
    given = [r[attribute] for r in records if r[attribute]]
    if not given:
        return None, []
    figure = _combine(given)
    claims = []
    for record, outlet in zip(records, outlets, strict=True):
        own = [dict(c) for c in record["claims"] if c["attribute"] == attribute]
        if own:
            for claim in own:
                claim["claimant"] = claim["claimant"] or outlet
            claims += own
        elif record[attribute] and record[attribute]["best"] is not None:
            claims.append({"attribute": attribute, "value": record[attribute]["best"], "status": "current",
                           "stance": None, "claimant": outlet, "evidence": record[attribute]["evidence"]})
    live = [c for c in claims if c["status"] in ("current", "contested")]
    if len({c["value"] for c in live}) > 1:
        for claim in live:
            claim["status"] = "contested"
    elif not any(c["attribute"] == attribute for r in records for c in r["claims"]):
        return figure, []
    return figure, _dedupe(claims)


def _attributed_claims(records: list[dict], outlets: list[dict]) -> list[dict]:
    claims = []
    for record, outlet in zip(records, outlets, strict=True):
        for claim in record["claims"]:
            if claim["attribute"] not in FIGURES:
                claims.append(dict(claim, claimant=claim["claimant"] or outlet))
    for attribute in ATTRIBUTED:
        live = [c for c in claims if c["attribute"] == attribute and c["status"] in ("current", "contested")]
        claimants = {(c["claimant"] or {}).get("name", "").lower() for c in live}
        if len({c["value"] for c in live}) > 1 and len(claimants) > 1:
            for claim in live:
                claim["status"] = "contested"
    return _dedupe(claims)


def _dedupe(claims: list[dict]) -> list[dict]:
    merged: dict[tuple, dict] = {}
    for claim in claims:
        who = claim["claimant"] or {}
        key = (claim["attribute"], repr(claim["value"]), claim["status"], claim.get("stance"),
               who.get("name"), who.get("type"), who.get("country"))
        if key in merged:
            merged[key]["evidence"] = sort_refs(merged[key]["evidence"] + claim["evidence"])
        else:
            merged[key] = dict(claim)
    return list(merged.values())


def _interaction(actors: list[dict]) -> str | None:
    codes = sorted(a["acled_inter"] for a in actors if a["role"] in {"actor1", "actor2"} and a["acled_inter"])
    if not codes:
        return None
    return f"{codes[0]}0" if len(codes) == 1 else f"{codes[0]}{codes[1]}"


def _confidence(reports: Sequence[Event]) -> float:
    documents = len({s.doc for r in reports for s in r.sources[:1]})
    return round(min(0.97, max(r.confidence for r in reports) + 0.03 * (documents - 1)), 2)
