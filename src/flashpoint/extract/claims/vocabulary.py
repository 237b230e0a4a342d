"""The attribution vocabulary (data/attribution.v1.yaml): speech verbs, claimant types, responsibility stances."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from flashpoint.data import fingerprint, read_text

BUNDLED = "attribution.v1.yaml"


@dataclass(frozen=True)
class AttributionVocabulary:
    version: str
    speech_verbs: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    citing: frozenset[str]
    statement_nouns: frozenset[str]
    claimant_types: MappingProxyType  # type -> tuple of cue phrases, in priority order
    stances: MappingProxyType  # stance -> tuple of cue phrases
    procedural_acts: MappingProxyType  # verb lemma -> claim attribute ("notify" -> "notification")
    negating_governors: frozenset[str]

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> AttributionVocabulary:
        """The bundled vocabulary; lists in ``extra_dir/attribution*.yaml`` are appended to the bundled ones."""
        texts = [read_text(BUNDLED)]
        if extra_dir is not None:
            texts += [p.read_text(encoding="utf-8") for p in sorted(Path(extra_dir).glob("attribution*.yaml"))]
        merged: dict = {}
        for text in texts:
            _merge(merged, yaml.safe_load(text) or {})
        version = merged["version"] if len(texts) == 1 else f"{merged['version']}+user@{fingerprint(*texts)}"
        return cls(
            version=version,
            speech_verbs=frozenset(merged["speech_verbs"]),
            according=tuple(tuple(p.split()) for p in merged["according"]),
            citing=frozenset(merged["citing"]),
            statement_nouns=frozenset(merged["statement_nouns"]),
            claimant_types=MappingProxyType({k: tuple(v) for k, v in merged["claimant_types"].items()}),
            stances=MappingProxyType({k: tuple(v) for k, v in merged["stances"].items()}),
            procedural_acts=MappingProxyType(dict(merged.get("procedural_acts", {}))),
            negating_governors=frozenset(merged.get("negating_governors", ())),
        )

    def claimant_type(self, phrase: str) -> str | None:
        """The first claimant type one of whose cues occurs (as whole words) in ``phrase``."""
        padded = f" {' '.join(phrase.lower().replace('’', chr(39)).split())} "
        for kind, cues in self.claimant_types.items():
            if any(f" {cue} " in padded or f" {cue}'" in padded for cue in cues):
                return kind
        return None

    def stance(self, text: str) -> str | None:
        lowered = f" {' '.join(text.lower().split())} "
        for stance in ("unclaimed", "claimed", "denied", "suspected", "accused"):
            if any(f" {cue}" in lowered for cue in self.stances.get(stance, ())):
                return stance
        return None


def _merge(into: dict, data: dict) -> None:
    for key, value in data.items():
        if isinstance(value, dict):
            _merge(into.setdefault(key, {}), value)
        elif isinstance(value, list):
            into[key] = list(into.get(key, [])) + [v for v in value if v not in into.get(key, [])]
        elif key not in into:
            into[key] = value
