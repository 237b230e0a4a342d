"""One-to-one assignment of predicted events to gold events within a document (Hungarian algorithm).

Two alignments are computed:
- ``strict``: a pair is allowed only when dates overlap, locations agree within the gold tolerance, and types
  agree (ACLED type, or PLOVER type for events with only one). Event precision/recall/F1 use this one.
- ``aligned``: any gold and predicted event of the same document may pair; the best-agreeing pairs win. Field
  accuracies are also reported on it, because under ``strict`` the event type (and, mostly, place) is right by
  construction. Required gold events outrank optional ones; ties go to the pair that agrees on more fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.optimize import linear_sum_assignment

from flashpoint.evaluate import compare
from flashpoint.evaluate.gold.records import GoldEvent
from flashpoint.model import Event

Mode = Literal["strict", "aligned"]
REQUIRED_WEIGHT = 4.0
OPTIONAL_WEIGHT = 2.0


@dataclass(frozen=True)
class Alignment:
    """Index pairs (gold, predicted), and what stayed unpaired, for one document."""

    pairs: tuple[tuple[int, int], ...]
    unmatched_gold: tuple[int, ...]
    unmatched_predicted: tuple[int, ...]


def feasible(gold: GoldEvent, event: Event) -> bool:
    """The strict match rule: dates overlap, place within tolerance, types agree."""
    return (
        compare.types_agree(gold, event)
        and compare.dates_overlap(gold.date, event)
        and compare.location_agrees(gold, event)
    )


def agreement(gold: GoldEvent, event: Event) -> float:
    """Share of simple checks the pair passes (0–1), used to rank pairs."""
    checks = [
        compare.types_agree(gold, event),
        not gold.sub_event_types or event.sub_event_type in gold.sub_event_types,
        compare.dates_overlap(gold.date, event),
        compare.location_agrees(gold, event),
        gold.actor1 is None or compare.actor_agrees(gold.actor1, event.actor("actor1")),
    ]
    return sum(checks) / len(checks)


def closeness(gold: GoldEvent, event: Event) -> float:
    """A tie-breaker in [0, 1): nearer places score higher."""
    distance = compare.distance_km(gold.location, event)
    return 0.0 if distance is None else 0.5 / (1.0 + distance)


def match(gold: Sequence[GoldEvent], predicted: Sequence[Event], mode: Mode = "strict") -> Alignment:
    """The optimal one-to-one assignment under ``mode`` (see module docstring)."""
    if not gold or not predicted:
        return Alignment((), tuple(range(len(gold))), tuple(range(len(predicted))))
    weights = np.zeros((len(gold), len(predicted)))
    for i, g in enumerate(gold):
        base = OPTIONAL_WEIGHT if g.optional else REQUIRED_WEIGHT
        for j, p in enumerate(predicted):
            if mode == "strict" and not feasible(g, p):
                continue
            weights[i, j] = base + agreement(g, p) + closeness(g, p)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    pairs = tuple(sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if weights[i, j] > 0))
    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    return Alignment(
        pairs,
        tuple(i for i in range(len(gold)) if i not in paired_gold),
        tuple(j for j in range(len(predicted)) if j not in paired_pred),
    )
