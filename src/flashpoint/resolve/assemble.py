"""Build a contract Event from the mentions of one happening, keeping every claim and its evidence.

Headline values follow stated rules (docs/claims.md): the type most sources support (ties: the first told), the
most precise place and date, the first named perpetrator and target; competing values stay as claims.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from flashpoint.extract.events.mention import EventMention
from flashpoint.model import Document, Event
from flashpoint.model.codebook import ACLED_ABSORBS, ACLED_ESCALATION
from flashpoint.resolve.claimants import claimant_dict
from flashpoint.resolve.clusters import Cluster
from flashpoint.resolve.confidence import ConfidenceModel
from flashpoint.resolve.evidence import EvidenceBook
from flashpoint.resolve.figures import figures

CLASS_ORDER = ("mechanism", "fighting", "attack", "abduction", "sexual", "territory", "arrest", "riot",
               "intervention", "protest", "weapons", "property", "base", "agreement", "transfer", "group",
               "mobilize", "verbal", "displacement", "outcome")
OTHER_COUNTS = ("arrested", "abducted", "displaced", "missing", "crowd")


@dataclass(frozen=True)
class ExtractorInfo:
    version: str
    model: str | None
    lexicons: dict[str, str]
    gazetteer: str | None
    generic_people: frozenset[str] = frozenset()  # words for people in general ("people", "persons")
    confidence: ConfidenceModel | None = None  # calibrated scoring; None keeps the rule-based score


def assemble(cluster: Cluster, document: Document, extractor: ExtractorInfo) -> Event:
    mentions = cluster.mentions
    book = EvidenceBook()
    lead = _lead(mentions)
    event_type, sub_type, typed = _headline_type(mentions, lead)
    aggregate = lead.kind == "aggregate"
    fatalities, fatality_claims = figures(mentions, "killed", book, aggregate, extractor.generic_people)
    injured, injured_claims = figures(mentions, "injured", book, aggregate, extractor.generic_people)
    record = {
        "id": event_id(document.id, lead),
        "kind": _kind(mentions),
        "event_type": event_type,
        "sub_event_type": sub_type,
        "civilian_targeting": typed.event_type is not None and any(
            a.sector == "CVL" and a.role in {"actor2", "assoc_actor2"} for m in mentions for a in m.actors
        ) and event_type in {"Violence against civilians", "Explosions/Remote violence"},
        "plover": _plover(typed),
        "trigger": _trigger(typed if typed.event_type == event_type and event_type else lead),
        "date": _date(mentions, book),
        "location": _location(mentions, book),
        "places": _places(mentions, book),
        "actors": _actors(mentions, book),
        "fatalities": fatalities,
        "injured": injured,
        "counts": _counts(mentions, book, aggregate, extractor.generic_people),
        "claims": _mechanism_claims(mentions, book) + fatality_claims + injured_claims
        + _perpetrator_claims(mentions, cluster.responsibility, book)
        + _act_claims(cluster.acts, mentions[0].doc_id, book),
        "sources": [{"doc": document.id, "outlet": document.outlet, "url": document.url,
                     "published": document.published, "title": document.title}],
        "confidence": _confidence(mentions),
        "flags": _flags(mentions),
        "extractor": {"name": "flashpoint", "version": extractor.version, "model": extractor.model,
                      "lexicons": dict(sorted(extractor.lexicons.items())), "gazetteer": extractor.gazetteer},
    }
    for mention in mentions:
        book.ref(mention.doc_id, mention.sentence_span)
    record["interaction"] = _interaction(record["actors"])
    record = book.renumber(record)
    if extractor.confidence is not None:
        record["confidence"] = extractor.confidence.score(record)
    return Event.model_validate(record)


def event_id(doc_id: str, lead: EventMention) -> str:
    """Stable id: the same document, trigger and code version give the same id."""
    key = f"{doc_id}\x1f{lead.trigger.start}\x1f{lead.trigger.end}\x1f{lead.trigger_entry}"
    return "ev-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _trigger(mention: EventMention) -> dict:
    """The words that made the event: those of the mention that states its type."""
    return {"text": mention.trigger.text, "start": mention.trigger.start, "end": mention.trigger.end,
            "doc": mention.doc_id, "lexicon": mention.lexicon}


def _lead(mentions: list[EventMention]) -> EventMention:
    """The mention whose trigger names the happening best: the most telling class, a verb before a noun naming
    the participants ('set fire' over 'rioters'), then the first told."""
    return min(mentions, key=lambda m: (_class_rank(m), m.trigger_pos != "VERB", m.sentence, m.trigger.start))


def _class_rank(mention: EventMention) -> int:
    cls = mention.trigger_class
    return CLASS_ORDER.index(cls) if cls in CLASS_ORDER else len(CLASS_ORDER)


def _headline_type(mentions: list[EventMention], lead: EventMention) -> tuple[str | None, str | None, EventMention]:
    """(event type, sub-event type, the mention that states them).

    Mentions another happening absorbs (the arrest of protesters, a withdrawal) do not vote; each source votes once
    for each type it states (unattributed text is one source; vague mentions such as "the attack" vote only when
    nothing more specific is said, "a blast" before "the attack"), and ties go to the type told first. Within the
    type, the family of means most sources state wins (shelling vs airstrike), and within it the most specific means
    (a suicide car bomb over a blast). A protest takes its gravest sub-type, counting what it absorbed (arrests make
    it an intervention).
    """
    typed = [m for m in mentions if m.event_type and m.trigger_class != "outcome"]
    absorbing = [m for m in mentions if m.event_type in ACLED_ABSORBS]
    swallowed = [m for m in typed if any(m.sub_event_type in ACLED_ABSORBS[a.event_type]
                                         and ACLED_ABSORBS[a.event_type][m.sub_event_type] is None
                                         for a in absorbing)]
    if swallowed:  # "killed a man and seized livestock": the killing is the event, the looting part of it
        typed = ([m for m in typed if m not in swallowed]
                 or [m for m in mentions if m.event_type and m not in swallowed] or typed)
    telling = [m for m in typed if not _vague(m)]
    with_means = [m for m in typed if m.mechanisms]  # "a blast" says more than "the attack"
    stated = sorted(telling or with_means or typed, key=_key) or [lead]
    absorbers = [m for m in stated if m.event_type in ACLED_ABSORBS]
    absorbed = [m for m in stated if any(m.sub_event_type in ACLED_ABSORBS[a.event_type] for a in absorbers)]
    escalated = [ACLED_ABSORBS[a.event_type][m.sub_event_type] for m in absorbed for a in absorbers[:1]
                 if m.sub_event_type in ACLED_ABSORBS[a.event_type]]
    stated = [m for m in stated if m not in absorbed] or stated
    type_votes = Counter(t for _, t in {(_source(m), m.event_type) for m in stated})
    first_told = {m.event_type: i for i, m in reversed(list(enumerate(stated)))}
    event_type = max(type_votes, key=lambda t: (type_votes[t], -first_told[t]))
    candidates = [m for m in stated if m.event_type == event_type]
    family_votes = Counter(f for _, f in {(_source(m), _family(m)) for m in candidates})
    first_family = {_family(m): i for i, m in reversed(list(enumerate(candidates)))}
    family = max(family_votes, key=lambda f: (family_votes[f], -first_family[f]))
    chosen = min((m for m in candidates if _family(m) == family), key=lambda m: (_rank(m), _key(m)))
    order = ACLED_ESCALATION.get(event_type)
    if order:  # a protest told in several sentences takes its gravest sub-type
        subs = [m.sub_event_type for m in candidates] + [e for e in escalated if e in order]
        return event_type, min(subs, key=lambda x: order.index(x) if x in order else len(order)), chosen
    return event_type, chosen.sub_event_type, chosen


def _family(mention: EventMention) -> str:
    return mention.mechanisms[0].family or mention.trigger_entry if mention.mechanisms else mention.trigger_entry


def _rank(mention: EventMention) -> int:
    return mention.mechanisms[0].rank if mention.mechanisms else 5


def _vague(mention: EventMention) -> bool:
    """A mention naming no specific means ('the attack', 'opened fire') does not vote on the type."""
    return all(m.vague for m in mention.mechanisms) if mention.mechanisms else mention.trigger_class == "attack"


def _key(mention: EventMention) -> tuple[int, int]:
    return mention.sentence, mention.trigger.start


def _source(mention: EventMention) -> str:
    return mention.claimant.key if mention.claimant else ""


def _kind(mentions: list[EventMention]) -> str:
    kinds = [m.kind for m in mentions]
    for kind in ("specific", "background", "aggregate", "generic", "hypothetical", "negated"):
        if kind in kinds:
            return kind
    return kinds[0]


def _plover(mention: EventMention) -> dict | None:
    if mention.plover_type is None:
        return None
    return {"type": mention.plover_type, "mode": mention.plover_mode, "context": sorted(mention.plover_context)}


def _date(mentions: list[EventMention], book: EvidenceBook) -> dict:
    dated = [m for m in mentions if m.date is not None]
    if not dated:
        return {"flags": ["unresolved"]}
    evidenced = [m for m in dated if m.date.span is not None and m.date.start is not None]
    pool = evidenced or dated
    chosen = min(pool, key=lambda m: (_date_width(m), m.date.time is None, _key(m)))
    value = chosen.date
    return {
        "start": value.start, "end": value.end, "time": value.time, "text": value.text,
        "acled_time_precision": value.acled_time_precision, "ucdp_date_prec": value.ucdp_date_prec,
        "evidence": [book.ref(chosen.doc_id, value.span)] if value.span else [],
        "flags": list(value.flags),
    }


def _date_width(mention: EventMention) -> int:
    value = mention.date
    if value.start is None or value.end is None:
        return 10_000
    return (value.end - value.start).days


def _placed(mentions: list[EventMention]) -> EventMention | None:
    """The mention with the best place: resolved, named in its own sentence, a town rather than a province, then
    the first told (the narrative's "near X" before a quoted "in X")."""
    placed = [m for m in mentions if m.location is not None]
    return min(placed, key=lambda m: (not m.location.resolved, not m.location.stated,
                                      (m.location.acled_geo_precision or 3) >= 3, _key(m)), default=None)


def _location(mentions: list[EventMention], book: EvidenceBook) -> dict | None:
    chosen = _placed(mentions)
    if chosen is None:
        return None
    place = chosen.location
    return {
        "text": place.span.text, "name": place.name, "geonameid": place.geonameid, "lat": place.lat,
        "lon": place.lon, "admin1": place.admin1, "admin2": place.admin2, "country": place.country,
        "iso3": place.iso3, "feature_code": place.feature_code, "relation": place.relation,
        "direction": place.direction, "acled_geo_precision": place.acled_geo_precision,
        "ucdp_where_prec": place.ucdp_where_prec, "resolved": place.resolved,
        "evidence": [book.ref(chosen.doc_id, place.span)],
    }


def _places(mentions: list[EventMention], book: EvidenceBook) -> list[dict]:
    chosen = _location(mentions, EvidenceBook())
    seen: dict[tuple, dict] = {}
    for mention in mentions:
        for place in mention.places:
            if chosen and place.geonameid == chosen["geonameid"] and place.name == chosen["name"]:
                continue
            key = (place.geonameid, place.text)
            entry = seen.setdefault(key, {
                "text": place.text, "name": place.name, "geonameid": place.geonameid, "lat": place.lat,
                "lon": place.lon, "country": place.iso3, "evidence": [],
            })
            entry["evidence"].append(book.ref(mention.doc_id, place.span))
    return list(seen.values())


def _actors(mentions: list[EventMention], book: EvidenceBook) -> list[dict]:
    chosen: dict[str, dict] = {}
    extra: list[dict] = []
    for mention in sorted(mentions, key=_key):
        for actor in mention.actors:
            record = {
                "role": actor.role, "name": actor.name, "text": actor.text, "country": actor.country,
                "sector": actor.sector, "acled_inter": actor.acled_inter, "wikidata": actor.wikidata,
                "evidence": [book.ref(mention.doc_id, actor.span)] if actor.span else [],
            }
            current = chosen.get(actor.role)
            if current is None or (not current["evidence"] and record["evidence"]):
                chosen[actor.role] = record
            elif current["name"] == record["name"]:
                current["evidence"] = sorted(set(current["evidence"] + record["evidence"]))
            elif actor.role.startswith("assoc") and record["name"] not in {e["name"] for e in extra}:
                extra.append(record)
    ordered = [chosen[r] for r in ("actor1", "actor2", "assoc_actor1", "assoc_actor2") if r in chosen]
    names = {(a["role"], a["name"]) for a in ordered}
    return ordered + [e for e in extra if (e["role"], e["name"]) not in names]


def _counts(mentions: list[EventMention], book: EvidenceBook, aggregate: bool, generic: frozenset[str]) -> list[dict]:
    found = []
    for what in OTHER_COUNTS:
        value, _ = figures(mentions, what, book, aggregate, generic)
        if value is not None:
            found.append({"what": what, "best": value["best"], "low": value["low"], "high": value["high"],
                          "text": value["text"], "evidence": value["evidence"]})
    return found


def _mechanism_claims(mentions: list[EventMention], book: EvidenceBook) -> list[dict]:
    stated: dict[tuple[str, str], dict] = {}
    for mention in sorted(mentions, key=_key):
        for means in mention.mechanisms:
            key = (means.label, _source(mention))
            claim = stated.setdefault(key, {
                "attribute": "mechanism", "value": means.label, "status": "current", "stance": None,
                "claimant": claimant_dict(mention.claimant), "evidence": [], "_vague": means.vague,
                "_family": means.family,
            })
            claim["evidence"].append(book.ref(mention.doc_id, means.span))
    claims = [c for c in stated.values() if not c.pop("_vague")]
    families = [c.pop("_family") for c in claims]
    if len(set(families)) > 1 and len({_claimant_key(c) for c in claims}) > 1:
        for claim in claims:
            claim["status"] = "contested"
    if not any(c["claimant"] for c in claims) and len({c["value"] for c in claims}) < 2:
        return []
    return claims


def _perpetrator_claims(mentions: list[EventMention], responsibility: list, book: EvidenceBook) -> list[dict]:
    """Who did it, per source: named perpetrators, and responsibility statements (claimed, accused, suspected,
    denied, or 'no one has claimed it')."""
    stated: dict[tuple, dict] = {}
    for mention in sorted(mentions, key=_key):
        for actor in (a for a in mention.actors if a.role == "actor1" and a.span is not None):
            key = (actor.name, _source(mention), actor.stance)
            claim = stated.setdefault(key, {
                "attribute": "perpetrator", "value": actor.name, "status": "current",
                "stance": actor.stance or ("reported" if mention.claimant else None),
                "claimant": claimant_dict(mention.claimant), "evidence": [],
            })
            claim["evidence"].append(book.ref(mention.doc_id, actor.span))
    doc_id = mentions[0].doc_id
    for statement in responsibility:
        actor = statement.actor
        key = (actor.name if actor else None, statement.claimant.key if statement.claimant else "", statement.stance)
        claim = stated.setdefault(key, {
            "attribute": "perpetrator", "value": actor.name if actor else None, "status": "current",
            "stance": statement.stance, "claimant": claimant_dict(statement.claimant), "evidence": [],
        })
        claim["evidence"].append(book.ref(doc_id, actor.span if actor and actor.span else statement.cue))
    claims = list(stated.values())
    for claim in claims:
        if claim["stance"] == "denied":
            claim["status"] = "denied"
    asserted = [c for c in claims if c["status"] != "denied" and c["value"] is not None]
    disputed = len({c["value"] for c in asserted}) > 1 and len({_claimant_key(c) for c in asserted}) > 1
    if disputed:
        for claim in asserted:
            claim["status"] = "contested"
    graded = any(c["stance"] not in {None, "reported"} for c in claims)
    return claims if disputed or graded else []


def _act_claims(acts: list, doc_id: str, book: EvidenceBook) -> list[dict]:
    """Did the procedural act happen (notification, warning …)? A denial is status denied; an affirmation denied
    by another source is contested."""
    claims: dict[tuple, dict] = {}
    for act in acts:
        disputed = any(other.attribute == act.attribute and other.happened != act.happened for other in acts)
        status = "denied" if not act.happened else ("contested" if disputed else "current")
        claimant = claimant_dict(act.claimant)
        claim = claims.setdefault((act.attribute, act.happened, (claimant or {}).get("name")), {
            "attribute": act.attribute, "value": act.happened, "status": status, "stance": None,
            "claimant": claimant, "evidence": [],
        })
        claim["evidence"].append(book.ref(doc_id, act.evidence))
    return list(claims.values())


def _claimant_key(claim: dict) -> str:
    return (claim["claimant"] or {}).get("name", "").lower()


def _interaction(actors: list[dict]) -> str | None:
    codes = sorted(a["acled_inter"] for a in actors if a["role"] in {"actor1", "actor2"} and a["acled_inter"])
    if not codes:
        return None
    return f"{codes[0]}0" if len(codes) == 1 else f"{codes[0]}{codes[1]}"


def _confidence(mentions: list[EventMention]) -> float:
    best = max(m.confidence for m in mentions)
    return round(min(0.97, best + 0.03 * (len(mentions) - 1)), 2)


def _flags(mentions: list[EventMention]) -> list[str]:
    flags = {f"kind-cue:{m.kind_cue}" for m in mentions if m.kind_cue and m.kind != "specific"}
    chosen = _placed(mentions)
    if chosen is not None and not chosen.location.stated:
        flags.add("location-from-context")
    return sorted(flags)
