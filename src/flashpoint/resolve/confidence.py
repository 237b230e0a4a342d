"""Confidence: how likely an event is right, from what the record itself shows (a logistic model in data).

The weights live in data/confidence.v1.yaml, fitted by tools/dev/fit_confidence.py on gold data held apart from
the data the accuracy page reports calibration on; `flashpoint eval` measures the calibration error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from flashpoint.data import read_text

BUNDLED = "confidence.v1.yaml"
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def features(record: dict[str, Any]) -> dict[str, float]:
    """The record's features (every one 0/1 or small), computed the same way at run time and when fitting."""
    where = record.get("location") or {}
    when = record.get("date") or {}
    flags = set(record.get("flags") or ()) | set(when.get("flags") or ())
    actors = {a["role"]: a for a in record.get("actors") or ()}
    located = bool(where) and bool(where.get("resolved")) and where.get("lat") is not None
    event_type = record.get("event_type")
    return {
        "bias": 1.0,
        "located": float(located and "location-from-context" not in flags),
        "located_from_context": float(located and "location-from-context" in flags),
        "place_exact": float(located and where.get("acled_geo_precision") == 1),
        "place_unresolved": float(bool(where) and not where.get("resolved")),
        "date_stated": float(bool(when.get("evidence"))),
        "actor1_named": float(bool(actors.get("actor1", {}).get("evidence"))),
        "actor2_named": float(bool(actors.get("actor2", {}).get("evidence"))),
        "violent": float(event_type in VIOLENT),
        "plover_only": float(event_type is None),
        "specific": float(record.get("kind") == "specific"),
        "fatalities": float(bool((record.get("fatalities") or {}).get("best"))),
        "claimed": float(bool(record.get("claims"))),
        "evidence": math.log1p(len(record.get("evidence") or ())),
    }


@dataclass(frozen=True)
class ConfidenceModel:
    version: str
    weights: MappingProxyType

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> ConfidenceModel:
        """The bundled weights, or ``extra_dir/confidence.v1.yaml`` when an analyst has fitted their own."""
        own = Path(extra_dir) / BUNDLED if extra_dir is not None else None
        text = own.read_text(encoding="utf-8") if own is not None and own.is_file() else read_text(BUNDLED)
        data = yaml.safe_load(text)
        return cls(str(data["version"]), MappingProxyType({k: float(v) for k, v in data["weights"].items()}))

    def score(self, record: dict[str, Any]) -> float:
        values = features(record)
        total = sum(self.weights.get(name, 0.0) * value for name, value in values.items())
        return round(1.0 / (1.0 + math.exp(-total)), 2)
