"""The checked-in baseline (eval/baseline.json): which subset was run, and its headline numbers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from flashpoint.errors import FlashpointError

BASELINE_VERSION = "eval-baseline.v1"
TOLERANCE = 0.02


def read_baseline(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise FlashpointError(f"cannot read the baseline {path}: {err}") from err
    if not isinstance(data, dict) or not isinstance(data.get("numbers"), dict):
        raise FlashpointError(f"{path} is not a baseline file (no `numbers`)")
    return data


def write_baseline(path: Path, numbers: dict, gold: Sequence[Path], limit: int | None) -> None:
    """Write the headline numbers with the command inputs that produced them (sorted, stable)."""
    data = {
        "baseline": BASELINE_VERSION,
        "gold": [str(p) for p in gold],
        "limit": limit,
        "tolerance": TOLERANCE,
        "numbers": numbers,
    }
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
