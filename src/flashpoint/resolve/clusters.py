"""Within a document: which event mentions tell the same happening.

Mentions are read in text order; each joins the earlier happening it fits best, or starts a new one. Fitting
needs compatible type family, kind, date, place and actors; joining needs evidence of identity (a definite
reference such as "the attack", the same place, the same victims, the same actors). "Another attack" never joins.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from flashpoint.extract.events.mention import EventMention

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
JOIN_THRESHOLD = 2.0
NEAR_KM = 30.0
MAX_VERBAL_GAP = 2


@dataclass
class Cluster:
    mentions: list[EventMention] = field(default_factory=list)

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    @property
    def last_sentence(self) -> int:
        return self.mentions[-1].sentence


def cluster_mentions(mentions: list[EventMention]) -> list[Cluster]:
    """Group mentions into happenings; the order of clusters is the order of their first mention."""
    clusters: list[Cluster] = []
    for mention in sorted(mentions, key=lambda m: (m.sentence, m.trigger.start)):
        best, best_score = None, JOIN_THRESHOLD
        for cluster in reversed(clusters):
            score = _fit(cluster, mention)
            if score is not None and score >= best_score:
                best, best_score = cluster, score
        if best is None:
            clusters.append(Cluster([mention]))
        else:
            best.mentions.append(mention)
    return clusters


def _fit(cluster: Cluster, mention: EventMention) -> float | None:
    """How strongly ``mention`` is the same happening as ``cluster`` (None: it cannot be)."""
    if mention.distinct:
        return None
    head = cluster.first
    if not _same_family(head, mention) or not _kinds_agree(cluster, mention):
        return None
    if mention.trigger_class == "verbal":
        same_speaker = _claimant(head) is not None and _claimant(head) == _claimant(mention)
        near = mention.sentence - cluster.last_sentence <= MAX_VERBAL_GAP
        return JOIN_THRESHOLD if same_speaker and near and head.plover_type == mention.plover_type else None
    if not all(_dates_agree(m, mention) for m in cluster.mentions):
        return None
    place_score = _place_score(cluster, mention)
    if place_score is None or _actors_conflict(cluster, mention):
        return None
    score = place_score + _actor_score(cluster, mention) + _victim_score(cluster, mention)
    if mention.anaphoric:
        score += 2.0
    if mention.trigger_class == "outcome" and not mention.location:
        score += 0.5
    if mention.sentence - cluster.last_sentence <= 1:
        score += 0.5
    if head.plural != mention.plural and (head.plural or mention.plural) and not mention.anaphoric:
        score -= 1.0
    return score


def _same_family(a: EventMention, b: EventMention) -> bool:
    if a.trigger_class == "verbal" or b.trigger_class == "verbal":
        return a.trigger_class == b.trigger_class
    if a.event_type in VIOLENT and b.event_type in VIOLENT:
        return True
    return a.event_type == b.event_type and a.plover_type == b.plover_type


def _kinds_agree(cluster: Cluster, mention: EventMention) -> bool:
    kinds = {m.kind for m in cluster.mentions}
    factual = {"specific", "background"}
    if mention.kind in factual:
        return bool(kinds & factual) and (mention.kind in kinds or mention.anaphoric)
    return mention.kind in kinds


def _dates_agree(a: EventMention, b: EventMention) -> bool:
    if a.date is None or b.date is None or a.date.start is None or b.date.start is None:
        return True
    if "publication-date" in a.date.flags or "publication-date" in b.date.flags:
        return True
    return not (a.date.end < b.date.start or b.date.end < a.date.start)


def _place_score(cluster: Cluster, mention: EventMention) -> float | None:
    here = mention.location
    if here is None or here.lat is None:
        return 0.0
    best: float | None = 0.0
    for other in cluster.mentions:
        there = other.location
        if there is None or there.lat is None:
            continue
        if here.iso3 and there.iso3 and here.iso3 != there.iso3:
            return None
        if _coarse(here) or _coarse(there):
            contained = here.admin1 == there.admin1 or here.name == there.name
            best = max(best or 0.0, 0.5) if contained else best
            continue
        distance = haversine_km(here.lat, here.lon, there.lat, there.lon)
        if distance > NEAR_KM:
            return None
        best = 2.0
    return best


def _coarse(place) -> bool:
    return (place.acled_geo_precision or 1) >= 3


def _actors_conflict(cluster: Cluster, mention: EventMention) -> bool:
    for role in ("actor1", "actor2"):
        mine = mention.actor(role)
        if mine is None or mine.span is None:
            continue
        for other in cluster.mentions:
            theirs = other.actor(role)
            if theirs is None or theirs.span is None:
                continue
            if mine.country and theirs.country and mine.country != theirs.country:
                return True
    return False


def _actor_score(cluster: Cluster, mention: EventMention) -> float:
    score = 0.0
    for role, weight in (("actor1", 1.0), ("actor2", 1.5)):
        mine = mention.actor(role)
        if mine is None or mine.span is None:
            continue
        if any((o := m.actor(role)) is not None and o.span is not None and o.name == mine.name
               for m in cluster.mentions):
            score += weight
    return score


def _victim_score(cluster: Cluster, mention: EventMention) -> float:
    mine = {(c.what, c.best) for c in mention.counts if c.best}
    theirs = {(c.what, c.best) for m in cluster.mentions for c in m.counts if c.best}
    return 1.0 if mine & theirs else 0.0


def _claimant(mention: EventMention) -> str | None:
    if mention.claimant is not None:
        return mention.claimant.key
    agent = mention.actor("actor1")
    return agent.name.lower() if agent is not None else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))
