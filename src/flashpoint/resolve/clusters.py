"""Within a document: which event mentions tell the same happening.

Mentions are read in text order; each joins the earlier happening it fits best, or starts a new one. Fitting
needs compatible type family, kind, date, place and actors; joining needs evidence of identity (a definite
reference such as "the attack", the same place, the same victims, the same actors). "Another attack" never joins.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from flashpoint.extract.claims import ActClaim, ResponsibilityClaim
from flashpoint.extract.events.mention import EventMention
from flashpoint.model.codebook import ACLED_ABSORBS

CROWD_SECTORS = frozenset({"PRO", "RIO"})
CROWD_NAMES = ("Protesters", "Rioters")
CROWD_EVENTS = frozenset({"Protests", "Riots"})
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
JOIN_THRESHOLD = 2.0
VAGUE_CLASSES = frozenset({"outcome", "attack"})
SOURCE_REACH = 3  # sentences within which one source telling on about the same kind of happening is one story
SPAN_DAYS = 3  # a happening told as lasting this many days or more is not the same as a one-day one
NEAR_KM = 30.0
MAX_VERBAL_GAP = 2


@dataclass
class Cluster:
    mentions: list[EventMention] = field(default_factory=list)
    responsibility: list[ResponsibilityClaim] = field(default_factory=list)
    acts: list[ActClaim] = field(default_factory=list)

    @property
    def first(self) -> EventMention:
        return self.mentions[0]

    @property
    def last_sentence(self) -> int:
        return self.mentions[-1].sentence

    def last_sentence_before(self, sentence: int) -> int:
        return max((m.sentence for m in self.mentions if m.sentence <= sentence), default=-1)


def cluster_mentions(mentions: list[EventMention]) -> list[Cluster]:
    """Group mentions into happenings; the order of clusters is the order of their first mention.

    Each mention joins the happening it fits best (ties: the most recent), or starts a new one; a definite
    reference ("the attack") only joins a happening of a compatible type, and one naming a means ("the blast")
    a happening told with that means when there is one.
    """
    clusters: list[Cluster] = []
    for mention in sorted(mentions, key=lambda m: (m.sentence, m.trigger.start)):
        best, best_score = None, JOIN_THRESHOLD
        fits = [(c, _fit(c, mention)) for c in reversed(clusters)]
        fits = [(c, s) for c, s in fits if s is not None and (not mention.anaphoric or _type_compatible(c, mention))]
        if mention.anaphoric and any(_same_means(c, mention) for c, _ in fits):
            fits = [(c, s) for c, s in fits if _same_means(c, mention)]  # 'the blast': the bombing, not 'an attack'
        for cluster, score in fits:
            if score > best_score or (best is None and score >= best_score):
                best, best_score = cluster, score
        if best is None:
            clusters.append(Cluster([mention]))
        else:
            best.mentions.append(mention)
    return clusters


def _type_compatible(cluster: Cluster, mention: EventMention) -> bool:
    """'the bombardment' refers back to a bombardment, 'the attack' or 'the deaths' to any violent happening."""
    if mention.trigger_class in VAGUE_CLASSES or mention.event_type is None:
        return True
    return any(m.event_type == mention.event_type or m.trigger_class in VAGUE_CLASSES for m in cluster.mentions)


def _fit(cluster: Cluster, mention: EventMention) -> float | None:
    """How strongly ``mention`` is the same happening as ``cluster`` (None: it cannot be).

    Conflicts rule a join out: "another attack", a different type family or kind, dates that do not overlap,
    places too far apart, actors of different countries in the same role. Evidence of identity adds up: a
    definite reference ("the attack"), the same place, actors or victims, the same source telling on, or a
    mention with no place or date of its own right after the happening.
    """
    if mention.distinct:
        return None
    head = cluster.first
    if not _same_family(head, mention) or not _kinds_agree(cluster, mention):
        return None
    gap = mention.sentence - cluster.last_sentence
    if mention.trigger_class == "verbal":
        same_speaker = _claimant(head) is not None and _claimant(head) == _claimant(mention)
        near = gap <= MAX_VERBAL_GAP
        dated = all(_dates_agree(m, mention) for m in cluster.mentions)
        return JOIN_THRESHOLD if same_speaker and near and dated and head.plover_type == mention.plover_type else None
    if not all(_dates_agree(m, mention) for m in cluster.mentions):
        return None
    place_score = _place_score(cluster, mention)
    if place_score is None or _actors_conflict(cluster, mention):
        return None
    score = place_score + _actor_score(cluster, mention) + _victim_score(cluster, mention)
    score += _day_score(cluster, mention)
    if mention.anaphoric:
        score += 2.0
    if gap == 0 and any(_absorbs(m, mention) or _absorbs(mention, m) for m in cluster.mentions):
        score += 1.5  # "attacked a policeman and seized his motorcycle": the looting belongs to the attack
    if gap <= 1:
        score += 0.5
        if _continues(mention) or _same_source(cluster, mention):
            score += 1.5
    elif gap <= SOURCE_REACH and _same_source(cluster, mention) and _continues(mention):
        score += 2.0  # one witness telling on, a few sentences later, with no place or date of its own
    if head.plural != mention.plural and (head.plural or mention.plural) and not mention.anaphoric:
        score -= 1.0
    return score


def _day_score(cluster: Cluster, mention: EventMention) -> float:
    """The same kind of happening on the same stated day, told again later in the report ("a bomb explosion at
    the church on December 11")."""
    date = mention.date
    if date is None or date.span is None or date.start != date.end or mention.sub_event_type is None:
        return 0.0
    return 2.0 if any(
        m.date is not None and m.date.span is not None and m.date.start == date.start == m.date.end
        and m.sub_event_type == mention.sub_event_type
        for m in cluster.mentions
    ) else 0.0


def _same_source(cluster: Cluster, mention: EventMention) -> bool:
    last = cluster.mentions[-1]
    return mention.claimant is not None and last.claimant is not None and last.claimant.key == mention.claimant.key


def _continues(mention: EventMention) -> bool:
    """A mention with no place or date of its own, right after a happening, continues telling it."""
    own_date = mention.date is not None and mention.date.span is not None
    return (mention.location is None or not mention.location.stated) and not own_date


def _same_family(a: EventMention, b: EventMention) -> bool:
    if a.trigger_class == "verbal" or b.trigger_class == "verbal":
        return a.trigger_class == b.trigger_class
    if a.event_type in VIOLENT and b.event_type in VIOLENT:
        return True
    if "outcome" in {a.trigger_class, b.trigger_class} and {a.event_type, b.event_type} <= VIOLENT | CROWD_EVENTS:
        return True  # deaths told on their own belong to a fight, a bombing, or force used on a crowd
    if _absorbs(a, b) or _absorbs(b, a):
        return True
    return a.event_type == b.event_type and a.plover_type == b.plover_type


def _absorbs(absorber: EventMention, other: EventMention) -> bool:
    """ACLED's conventions of one event told as several: a protest or riot absorbs what its crowd undergoes (the
    arrest of protesters); a fight for a place absorbs the other side's withdrawal from it."""
    absorbed = ACLED_ABSORBS.get(absorber.event_type or "", {})
    if other.sub_event_type not in absorbed:
        return False
    if absorber.event_type not in CROWD_EVENTS:
        return True
    target = other.actor("actor2")
    return target is not None and (target.sector in CROWD_SECTORS or target.name.startswith(CROWD_NAMES))


def _kinds_agree(cluster: Cluster, mention: EventMention) -> bool:
    """Same kind; a definite reference may cross between today's and an earlier happening only when it carries
    a date of its own that fits."""
    kinds = {m.kind for m in cluster.mentions}
    factual = {"specific", "background"}
    if mention.kind in factual:
        if mention.kind in kinds:
            return True
        own_date = mention.date is not None and mention.date.span is not None
        return bool(kinds & factual) and mention.anaphoric and own_date
    return mention.kind in kinds


def _dates_agree(a: EventMention, b: EventMention) -> bool:
    """Stated dates must overlap; a one-day happening and a days-long one are different unless one refers back."""
    if a.date is None or b.date is None or a.date.start is None or b.date.start is None:
        return True
    if "publication-date" in a.date.flags or "publication-date" in b.date.flags:
        return True
    if a.date.end < b.date.start or b.date.end < a.date.start:
        return False
    widths = sorted(((a.date.end - a.date.start).days + 1, (b.date.end - b.date.start).days + 1))
    stated = a.date.span is not None and b.date.span is not None
    return not (stated and widths[0] == 1 and widths[1] >= SPAN_DAYS and not (a.anaphoric or b.anaphoric))


def _same_means(cluster: Cluster, mention: EventMention) -> bool:
    """'the blast' refers back to a bombing rather than to an attack whose means is not told."""
    own = {m.family or m.label for m in mention.mechanisms}
    return bool(own) and any((m.family or m.label) in own for other in cluster.mentions for m in other.mechanisms)


def _place_score(cluster: Cluster, mention: EventMention) -> float | None:
    here = mention.location
    if here is None or here.lat is None or not here.stated:
        return 0.0
    best: float | None = 0.0
    for other in cluster.mentions:
        there = other.location
        if there is None or there.lat is None or not there.stated:
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
    """Named actors in the same roles; the same named actor doing the same kind of thing counts once more."""
    score = 0.0
    for role, weight in (("actor1", 1.0), ("actor2", 1.5)):
        mine = mention.actor(role)
        if mine is None or mine.span is None:
            continue
        same = [m for m in cluster.mentions
                if (o := m.actor(role)) is not None and o.span is not None and o.name == mine.name]
        if same:
            score += weight
            if role == "actor1" and any(m.sub_event_type == mention.sub_event_type for m in same):
                score += 1.0
    return score


def _victim_score(cluster: Cluster, mention: EventMention) -> float:
    """The same figure for the same outcome, or deaths of the same named victims (a toll told twice or revised)."""
    mine = {(c.what, c.best) for c in mention.counts if c.best}
    theirs = {(c.what, c.best) for m in cluster.mentions for c in m.counts if c.best}
    if mine & theirs:
        return 1.0
    victims = mention.actor("actor2")
    if victims is None or victims.span is None or not any(c.what == "killed" for c in mention.counts):
        return 0.0
    return 1.0 if any(
        (other := m.actor("actor2")) is not None and other.span is not None and other.name == victims.name
        and any(c.what == "killed" for c in m.counts)
        for m in cluster.mentions
    ) else 0.0


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


RESPONSIBILITY_REACH = 3  # sentences back from a responsibility statement to the happening it is about


def attach_statements(clusters: list[Cluster], responsibility: list[ResponsibilityClaim],
                      acts: list[ActClaim]) -> None:
    """Give each responsibility or procedural statement to the violent happening it is about: one told in the same
    sentence, else the latest one told within a few sentences before it."""
    for claim in responsibility:
        chosen = _about(clusters, claim.sentence)
        if chosen is not None:
            chosen.responsibility.append(claim)
    for act in acts:
        chosen = _about(clusters, act.sentence)
        if chosen is not None:
            chosen.acts.append(act)


def _about(clusters: list[Cluster], sentence: int) -> Cluster | None:
    candidates = [
        c for c in clusters
        if c.first.violent and c.first.kind in {"specific", "background"}
        and any(sentence - RESPONSIBILITY_REACH <= m.sentence <= sentence for m in c.mentions)
    ]
    if not candidates:
        return None
    same = [c for c in candidates if any(m.sentence == sentence for m in c.mentions)]
    return same[0] if same else max(candidates, key=lambda c: c.last_sentence_before(sentence))
