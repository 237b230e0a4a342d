"""Counts behind every rate (so two reports can be compared), F1, and confidence calibration."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

DIGITS = 4


@dataclass
class Rate:
    """``correct`` out of ``total``; the rate is None when nothing was scored."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def rate(self) -> float | None:
        return round(self.correct / self.total, DIGITS) if self.total else None

    def as_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "rate": self.rate}


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return round(2 * precision * recall / (precision + recall), DIGITS)


def macro_f1(pairs: Iterable[tuple[str, str]], labels: Iterable[str]) -> float | None:
    """Mean F1 over ``labels`` of (gold, predicted) label pairs; a label never seen nor predicted is
    skipped."""
    pairs = list(pairs)
    scores = []
    for label in sorted(set(labels)):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        gold_n = sum(1 for g, _ in pairs if g == label)
        pred_n = sum(1 for _, p in pairs if p == label)
        if gold_n == 0 and pred_n == 0:
            continue
        precision = tp / pred_n if pred_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        scores.append(f1(precision, recall) or 0.0)
    return round(sum(scores) / len(scores), DIGITS) if scores else None


def calibration(points: Iterable[tuple[float, bool]], bins: int = 10) -> dict:
    """Expected calibration error of confidences against correctness, with the reliability table behind it.

    ECE = Σ_b (n_b / N) · |accuracy_b − mean confidence_b| over equal-width confidence bins.
    """
    points = list(points)
    rows = []
    ece = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in points if low <= c < high or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        mean_conf = sum(c for c, _ in inside) / len(inside)
        accuracy = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / len(points) * abs(accuracy - mean_conf)
        rows.append(
            {
                "bin": f"{low:.1f}–{high:.1f}",
                "n": len(inside),
                "correct": sum(ok for _, ok in inside),
                "mean_confidence": round(mean_conf, DIGITS),
                "accuracy": round(accuracy, DIGITS),
            }
        )
    return {"n": len(points), "ece": round(ece, DIGITS) if points else None, "bins": rows}
