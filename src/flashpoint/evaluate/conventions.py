"""The scoring conventions of `flashpoint eval`, read once from ``data/eval_conventions.v1.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import pycountry

from flashpoint.data import read_yaml
from flashpoint.model.codebook import SECTORS

CONVENTIONS_FILE = "eval_conventions.v1.yaml"
PLOVER_CODEBOOK = "codebooks/plover.v1.yaml"
_PERIOD = re.compile(r"\s*\(\d{4}-\d{0,4}\)")


def _frozen(mapping: dict) -> MappingProxyType:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Conventions:
    """Tolerances, counted kinds and small vocabularies; ``version`` names the file that set them."""

    version: str
    tolerance_examples: MappingProxyType
    tolerance_acled: MappingProxyType
    tolerance_default: float
    thresholds_km: tuple[int, ...]
    span_limit_days: MappingProxyType
    acled_time_precision: MappingProxyType
    fatality_margin: float
    counted_kinds: MappingProxyType
    uncounted_plover_quads: frozenset[str]
    acled_scope: frozenset[str]
    plover_quads: MappingProxyType
    sector_words: MappingProxyType
    actor_prefixes: tuple[tuple[str, str], ...]
    actor_generics: MappingProxyType
    country_names: MappingProxyType
    cameo_countries: MappingProxyType
    cameo_non_countries: frozenset[str]
    plover_legacy: MappingProxyType
    admin_words: frozenset[str]
    fuzzy_min_ratio: float
    targets: tuple[MappingProxyType, ...]
    headline: tuple[str, ...]

    @classmethod
    def load(cls, raw: dict[str, Any] | None = None) -> Conventions:
        """Build from the bundled file (or an already parsed mapping of the same layout)."""
        raw = raw if raw is not None else read_yaml(CONVENTIONS_FILE)
        tolerance = raw["location_tolerance_km"]
        forms = raw["acled_actor_forms"]
        return cls(
            version=str(raw["version"]),
            tolerance_examples=_frozen(tolerance["examples"]),
            tolerance_acled=_frozen({int(k): v for k, v in tolerance["acled_geo_precision"].items()}),
            tolerance_default=float(tolerance["default"]),
            thresholds_km=tuple(int(v) for v in raw["location_thresholds_km"]),
            span_limit_days=_frozen(raw["span_limit_days"]),
            acled_time_precision=_frozen({int(k): v for k, v in raw["acled_time_precision"].items()}),
            fatality_margin=float(raw["fatality_margin"]),
            counted_kinds=_frozen({k: frozenset(v) for k, v in raw["counted_kinds"].items()}),
            uncounted_plover_quads=frozenset(raw["uncounted_unmatched_plover_quads"]),
            acled_scope=frozenset(raw.get("acled_scope", ())),
            plover_quads=_frozen({k: v["quad"] for k, v in read_yaml(PLOVER_CODEBOOK)["types"].items()}),
            sector_words=_frozen({k.casefold(): v for k, v in raw["sector_words"].items()}),
            actor_prefixes=tuple(sorted(forms["prefixes"].items(), key=lambda kv: -len(kv[0]))),
            actor_generics=_frozen(forms["generics"]),
            country_names=_frozen(_country_index(raw["country_aliases"])),
            cameo_countries=_frozen(raw["cameo_country_codes"]),
            cameo_non_countries=frozenset(raw["cameo_non_country_codes"]),
            plover_legacy=_frozen(raw["plover_legacy_types"]),
            admin_words=frozenset(w.casefold() for w in raw["admin1_generic_words"]),
            fuzzy_min_ratio=float(raw["fuzzy_min_ratio"]),
            targets=tuple(
                _frozen({k: tuple(v) if isinstance(v, list) else v for k, v in t.items()}) for t in raw["targets"]
            ),
            headline=tuple(raw["headline"]),
        )

    def forgiven_plover_types(self) -> frozenset[str]:
        """PLOVER types whose quad is listed in ``uncounted_unmatched_plover_quads``."""
        return frozenset(t for t, quad in self.plover_quads.items() if quad in self.uncounted_plover_quads)

    def sector(self, value: str | None) -> str | None:
        """A sector code from a code ("MIL", "CVLalb") or a word ("military"); None when unknown."""
        if not value:
            return None
        text = value.strip()
        if text[:3].upper() in SECTORS and (len(text) == 3 or text[:3].isupper()):
            return text[:3].upper()
        return self.sector_words.get(text.casefold())

    def country(self, name: str | None) -> str | None:
        """ISO 3166-1 alpha-3 for a country name or code, else None."""
        if not name:
            return None
        text = name.strip()
        if len(text) == 3 and text.isupper():
            if text in self.cameo_non_countries:
                return None
            return self.cameo_countries.get(text, text)
        return self.country_names.get(text.casefold())

    def country_prefix(self, text: str) -> tuple[str | None, str]:
        """The longest country name that starts ``text``: (ISO3 or None, the rest)."""
        folded = text.casefold()
        best: tuple[str | None, str] = (None, text)
        best_len = 0
        for name, code in self.country_names.items():
            if len(name) > best_len and folded.startswith(name):
                rest = text[len(name) :]
                if not rest or not rest[0].isalnum():
                    best, best_len = (code, rest), len(name)
        return best

    def acled_actor_profile(self, name: str) -> tuple[str | None, str | None]:
        """(country, sector) implied by an ACLED actor name's form, e.g. 'Police Forces of Kenya (2013-)'."""
        bare = strip_period(name)
        for prefix, sector in self.actor_prefixes:
            if bare.startswith(prefix):
                country, _ = self.country_prefix(bare[len(prefix) :].removeprefix("the "))
                return country, sector
        match = re.fullmatch(r"(.+?) \((.+)\)", bare)
        if match and match.group(1) in self.actor_generics:
            return self.country(match.group(2)), self.actor_generics[match.group(1)]
        return None, None


def strip_period(name: str) -> str:
    """An ACLED actor name without its period suffix: 'Military Forces of Syria (2000-)' → '... of Syria'."""
    return " ".join(_PERIOD.sub("", name).split())


def _country_index(aliases: dict[str, str]) -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                index.setdefault(value.casefold(), country.alpha_3)
    for name, code in aliases.items():
        index[name.casefold()] = code
    return dict(sorted(index.items()))
