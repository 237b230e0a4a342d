"""Acceptance targets and headline numbers: values read from a dataset report by dotted path."""

from __future__ import annotations

from typing import Any

from flashpoint.evaluate.conventions import Conventions


def lookup(report: dict, path: str) -> Any:
    """``lookup(r, "events.f1")`` → r["events"]["f1"]; None if a step is missing."""
    value: Any = report
    for step in path.split("."):
        if not isinstance(value, dict) or step not in value:
            return None
        value = value[step]
    return value


def check_targets(dataset: dict, conventions: Conventions) -> list[dict]:
    """Each target that applies to this dataset and has a value: the value, the target and whether it is
    met."""
    rows = []
    for target in conventions.targets:
        only = target.get("datasets")
        if only and dataset.get("dataset") not in only:
            continue
        value = lookup(dataset, target["path"])
        if value is None:
            continue
        lower_is_better = bool(target.get("max", False))
        met = value <= target["value"] if lower_is_better else value >= target["value"]
        rows.append(
            {
                "measure": target["measure"],
                "value": value,
                "target": target["value"],
                "direction": "≤" if lower_is_better else "≥",
                "met": met,
            }
        )
    return rows


def headline(report: dict, conventions: Conventions) -> dict[str, dict[str, float]]:
    """Dataset → {path: value} for every headline number the report has."""
    numbers: dict[str, dict[str, float]] = {}
    for dataset in report.get("datasets", []):
        if dataset.get("status") != "scored" or not dataset.get("dataset"):
            continue
        values = {path: lookup(dataset, path) for path in conventions.headline}
        kept = {path: value for path, value in values.items() if isinstance(value, int | float)}
        if kept:
            numbers[dataset["dataset"]] = kept
    return numbers


def regressions(current: dict, baseline: dict, tolerance: float = 0.02) -> list[str]:
    """Headline numbers that dropped by more than ``tolerance`` below the baseline (or went missing)."""
    found = []
    for dataset, numbers in sorted(baseline.items()):
        for path, recorded in sorted(numbers.items()):
            if recorded is None:
                continue
            now = current.get(dataset, {}).get(path)
            if now is None:
                found.append(f"{dataset} {path}: missing (baseline {recorded:.4f})")
            elif now < recorded - tolerance:
                found.append(f"{dataset} {path}: {now:.4f} < baseline {recorded:.4f} − {tolerance}")
    return found
