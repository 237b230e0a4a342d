"""Is a report the same happening as a stored event? A weighted score over place, date, type, actors,
fatalities and words, with every part kept as the merge explanation.

Each part is a similarity in [-1, 1] (0 when a side says nothing); the score is their weighted sum and a pair
merges at ``threshold`` or above. Weights and threshold were tuned on the gold pairs described in docs/store.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol

from flashpoint.resolve.across.features import EventFeatures
from flashpoint.resolve.across.text import TermStats, cosine

EARTH_KM = 6371.0088
VETO = -1.0  # a part at -1 (days apart, incompatible types, far apart or another province) rules a merge out
SAME_POINT_KM = 1.0
NEAR_KM = MappingProxyType({1: 5.0, 2: 15.0})  # reach of a place by the coarser ACLED geo precision of the two


@dataclass(frozen=True)
class MergePolicy:
    """Weights of each part and the merge threshold (version recorded with every merge)."""

    version: str = "across.v1"
    place: float = 2.5
    date: float = 1.5
    type: float = 1.0
    actors: float = 1.0
    fatalities: float = 0.5
    text: float = 2.0
    threshold: float = 3.5
    margin: float = 0.75  # a report matching two events about equally well joins neither (it is ambiguous)
    unknown_place: float = -0.4  # place part when a side has no place (date, type and words alone are weak)
    province_only: float = 0.3  # place part when one side is only the same province
    next_day: float = -0.6  # date part for one day apart
    text_baseline: float = 0.15  # a cosine at this level counts as neither for nor against


@dataclass(frozen=True)
class MatchScore:
    total: float
    parts: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)
    vetoes: tuple[str, ...] = ()  # facts that rule a merge out whatever the score

    def explanation(self) -> dict:
        found = {"score": round(self.total, 3),
                 "parts": {k: round(v, 3) for k, v in sorted(self.parts.items())},
                 "reasons": dict(sorted(self.reasons.items()))}
        return found | ({"vetoes": list(self.vetoes)} if self.vetoes else {})


class TextSimilarity(Protocol):
    """A text similarity in [0, 1] of two events' evidence sentences (TF-IDF cosine by default)."""

    version: str

    def __call__(self, a: EventFeatures, b: EventFeatures, stats: TermStats) -> float: ...


class TfIdfSimilarity:
    version = "tfidf"

    def __call__(self, a: EventFeatures, b: EventFeatures, stats: TermStats) -> float:
        return cosine(a.terms, b.terms, stats)


class PairScorer:
    """Scores a report against a candidate event. ``version`` names the policy and the text similarity."""

    def __init__(self, policy: MergePolicy | None = None, text: TextSimilarity | None = None):
        self.policy = policy or MergePolicy()
        self.similarity = text or TfIdfSimilarity()
        self.version = self.policy.version + ("" if text is None else f"+{self.similarity.version}")

    def score(self, a: EventFeatures, b: EventFeatures, stats: TermStats) -> MatchScore:
        parts, reasons = {}, {}
        policy = self.policy
        for name, (value, reason) in (
            ("place", place_similarity(a, b, policy)),
            ("date", date_similarity(a, b, policy)),
            ("type", type_similarity(a, b)),
            ("actors", actor_similarity(a, b)),
            ("fatalities", fatality_similarity(a, b)),
            ("text", self._text(a, b, stats)),
        ):
            parts[name] = value
            reasons[name] = reason
        total = sum(getattr(policy, name) * value for name, value in parts.items())
        vetoes = tuple(reasons[name] for name in ("date", "type", "place") if parts[name] <= VETO)
        return MatchScore(total, parts, reasons, vetoes)

    def same(self, score: MatchScore) -> bool:
        return not score.vetoes and score.total >= self.policy.threshold

    def matches(self, scored: list[tuple[MatchScore, str]]) -> list[tuple[MatchScore, str]]:
        """The (score, candidate) pairs a report may join: those that pass, unless the best two are within
        ``margin`` of each other (then the report is ambiguous and stays apart)."""
        passing = sorted((pair for pair in scored if self.same(pair[0])), key=lambda p: (-p[0].total, p[1]))
        if len(passing) > 1 and passing[0][0].total - passing[1][0].total < self.policy.margin:
            return []
        return passing

    def _text(self, a: EventFeatures, b: EventFeatures, stats: TermStats) -> tuple[float, str]:
        if not a.terms or not b.terms:
            return 0.0, "no text"
        value = self.similarity(a, b, stats)
        base = self.policy.text_baseline
        scaled = (value - base) / (1 - base) if value >= base else (value - base) / base
        return scaled, f"{self.similarity.version} cosine {value:.2f}"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def place_similarity(a: EventFeatures, b: EventFeatures, policy: MergePolicy) -> tuple[float, str]:
    """Same named place: 1; another place within reach of the coarser precision: 0.3; farther: down to -1."""
    if not a.located or not b.located:
        if a.iso3 and b.iso3 and a.iso3 != b.iso3:
            return -0.5, f"different countries {a.iso3}/{b.iso3}"
        return policy.unknown_place, "a place is unknown"
    km = distance_km(a.lat, a.lon, b.lat, b.lon)
    coarse = max(a.geo_precision or 3, b.geo_precision or 3)
    if coarse >= 3:
        if a.admin1 and b.admin1:
            same = a.admin1 == b.admin1
            return (policy.province_only, f"same province {a.admin1}, one place is only the province") if same else (
                -1.0, f"different provinces {a.admin1}/{b.admin1}")
        return (policy.province_only, f"{km:.0f} km, one place is only a region") if km <= 150 else (
            -1.0, f"{km:.0f} km apart")
    if (a.geonameid is not None and a.geonameid == b.geonameid) or km <= SAME_POINT_KM:
        return 1.0, f"same place ({km:.1f} km)"
    near = NEAR_KM[coarse]
    if km <= near:
        return 0.3, f"different places {km:.1f} km apart (precision {coarse})"
    return max(-1.0, -(km - near) / (2 * near)), f"different places {km:.0f} km apart (precision {coarse})"


def date_similarity(a: EventFeatures, b: EventFeatures, policy: MergePolicy) -> tuple[float, str]:
    if a.start is None or b.start is None:
        return 0.0, "a date is unknown"
    gap = max((a.start - b.end).days, (b.start - a.end).days)
    if gap <= -1 or (gap == 0 and a.start == a.end == b.start == b.end):
        exact = a.start == a.end == b.start == b.end
        return (1.0, "same day") if exact else (0.6, "date ranges overlap")
    if gap == 0:
        return 0.6, "date ranges touch"
    if gap == 1:
        return policy.next_day, "one day apart"
    return -1.0, f"{gap} days apart"


def type_similarity(a: EventFeatures, b: EventFeatures) -> tuple[float, str]:
    if a.sub_event_type is not None and a.sub_event_type == b.sub_event_type:
        return 1.0, f"both {a.sub_event_type}"
    if a.event_type is not None and a.event_type == b.event_type:
        return 0.0, f"both {a.event_type}, told as {a.sub_event_type}/{b.sub_event_type}"
    if a.family == b.family:
        return -0.5, f"compatible types {a.event_type}/{b.event_type}"
    return -1.0, "incompatible types"


def actor_similarity(a: EventFeatures, b: EventFeatures) -> tuple[float, str]:
    if not a.named_actors or not b.named_actors:
        return 0.0, "an actor is unnamed"
    shared = a.named_actors & b.named_actors
    if shared:
        return len(shared) / len(a.named_actors | b.named_actors) * 0.5 + 0.5, "shared: " + "; ".join(sorted(shared))
    if a.actor1 in a.named_actors and b.actor1 in b.named_actors and a.actor1 != b.actor1:
        return -0.5, f"different named actors {a.actor1}/{b.actor1}"
    return 0.0, "no named actor in common"


def fatality_similarity(a: EventFeatures, b: EventFeatures) -> tuple[float, str]:
    if a.deaths_low is None or b.deaths_low is None:
        return 0.0, "a figure is unknown"
    a_high, b_high = a.deaths_high or a.deaths_low, b.deaths_high or b.deaths_low
    if a.deaths_low <= b_high and b.deaths_low <= a_high:
        return 1.0, f"figures agree ({a.deaths_low}-{a_high} / {b.deaths_low}-{b_high})"
    small, large = sorted((a_high if a_high < b.deaths_low else b_high, max(a.deaths_low, b.deaths_low)))
    if large <= 2 * small + 3:
        return 0.3, f"figures close ({small} / {large})"
    return -1.0, f"figures far apart ({small} / {large})"
