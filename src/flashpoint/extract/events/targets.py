"""What an attack is aimed at when the text names a site, not people (data/targets.v1.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from flashpoint.data import fingerprint, read_text

BUNDLED = "targets.v1.yaml"


@dataclass(frozen=True)
class TargetVocabulary:
    version: str
    civilian_sites: frozenset[str]
    military_sites: frozenset[str]
    experiencer_verbs: frozenset[str]

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> TargetVocabulary:
        """The bundled lists, extended by ``extra_dir/targets*.yaml``."""
        texts = [read_text(BUNDLED)]
        if extra_dir is not None:
            texts += [p.read_text(encoding="utf-8") for p in sorted(Path(extra_dir).glob("targets*.yaml"))]
        lists: dict[str, set[str]] = {"civilian_sites": set(), "military_sites": set(), "experiencer_verbs": set()}
        for text in texts:
            data = yaml.safe_load(text) or {}
            for key, words in lists.items():
                words |= {str(w).lower() for w in data.get(key, ())}
        version = "targets.v1" if len(texts) == 1 else f"targets.v1+user@{fingerprint(*texts)}"
        return cls(version, **{key: frozenset(words) for key, words in lists.items()})
