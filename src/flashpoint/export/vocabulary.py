"""Export vocabulary: ACLED regions, country names, ISO numeric codes and source scales (export_acled.v1.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import pycountry

from flashpoint.data import read_yaml

FILE = "export_acled.v1.yaml"


@dataclass(frozen=True)
class ExportVocabulary:
    version: str
    regions: MappingProxyType[str, str]  # ISO3 → ACLED region
    country_names: MappingProxyType[str, str]
    outlet_scales: MappingProxyType[str, str]  # lower-cased outlet → source scale
    source_scales: tuple[str, ...]
    unknown_scale: str

    @classmethod
    def load(cls) -> ExportVocabulary:
        raw = read_yaml(FILE)
        regions = {iso3: region for region, codes in raw["regions"].items() for iso3 in codes}
        return cls(
            version=raw["version"],
            regions=MappingProxyType(regions),
            country_names=MappingProxyType(dict(raw["country_names"])),
            outlet_scales=MappingProxyType({k.lower(): v for k, v in raw["outlets"].items()}),
            source_scales=tuple(raw["source_scales"]),
            unknown_scale=raw["unknown_scale"],
        )

    def region(self, iso3: str | None) -> str:
        return self.regions.get(iso3 or "", "")

    def country(self, iso3: str | None, fallback: str | None) -> str:
        if iso3 in self.country_names:
            return self.country_names[iso3]
        if fallback:
            return fallback
        found = pycountry.countries.get(alpha_3=iso3) if iso3 else None
        return getattr(found, "common_name", None) or (found.name if found else "")

    @staticmethod
    def iso_numeric(iso3: str | None) -> str:
        found = pycountry.countries.get(alpha_3=iso3) if iso3 else None
        return str(int(found.numeric)) if found else ""

    def source_scale(self, outlets: list[str]) -> str:
        """ACLED's combined scale: the outlets' scales in codebook order joined by '-' ('National-Regional')."""
        found = {self.outlet_scales.get(o.lower(), self.unknown_scale) for o in outlets} or {self.unknown_scale}
        return "-".join(s for s in self.source_scales if s in found)
