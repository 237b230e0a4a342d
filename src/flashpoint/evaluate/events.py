"""Event-level scores of one dataset: precision/recall/F1, spurious events per document, field accuracies on
matched events, and calibration of ``confidence`` against match correctness.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.fields import Figure, field_scores
from flashpoint.evaluate.gold.records import GoldEvent, GoldSet
from flashpoint.evaluate.matching import match
from flashpoint.evaluate.metrics import DIGITS, Rate, calibration, f1
from flashpoint.model import Event


@dataclass(frozen=True)
class CountingRule:
    """Which predictions count (their kinds), and which unmatched PLOVER-only types are forgiven."""

    kinds: frozenset[str]
    forgiven_plover_types: frozenset[str] = frozenset()
    acled_only: bool = False  # the gold codes ACLED events only: PLOVER-only predictions are out of its scope

    def counts(self, event: Event) -> bool:
        return event.kind in self.kinds

    def forgiven(self, event: Event) -> bool:
        """An unmatched prediction that is neither a hit nor spurious (e.g. a PLOVER-only verbal event)."""
        if event.event_type is not None or event.plover is None:
            return False
        return self.acled_only or event.plover.type in self.forgiven_plover_types


def score_events(
    gold: GoldSet,
    predictions: Mapping[str, Sequence[Event]],
    rule: CountingRule,
    conventions: Conventions,
    figure: Figure = "low",
) -> dict:
    """Score every document of ``gold`` against ``predictions`` (document id → events)."""
    required = optional_found = optional_total = predicted = forgiven = hits = extra = 0
    strict_pairs: list[tuple[GoldEvent, Event]] = []
    aligned_pairs: list[tuple[GoldEvent, Event]] = []
    confidence: list[tuple[float, bool]] = []
    kinds: Counter[str] = Counter()
    for doc in gold.documents:
        events = list(predictions.get(doc.document.id, ()))
        kinds.update(e.kind for e in events)
        counted = [e for e in events if rule.counts(e)]
        golds = list(doc.events)
        strict = match(golds, counted, "strict")
        aligned = match(golds, counted, "aligned")
        matched_pred = {j for _, j in strict.pairs}
        doc_forgiven = {j for j in strict.unmatched_predicted if rule.forgiven(counted[j])}
        required += sum(1 for g in golds if not g.optional)
        optional_total += sum(1 for g in golds if g.optional)
        optional_found += sum(1 for i, _ in strict.pairs if golds[i].optional)
        hits += len(strict.pairs)
        predicted += len(counted) - len(doc_forgiven)
        forgiven += len(doc_forgiven)
        extra += max(0, len(counted) - len(doc_forgiven) - len(golds))
        strict_pairs += [(golds[i], counted[j]) for i, j in strict.pairs]
        aligned_pairs += [(golds[i], counted[j]) for i, j in aligned.pairs]
        confidence += [(counted[j].confidence, j in matched_pred) for j in range(len(counted)) if j not in doc_forgiven]
    precision = Rate(hits, predicted)
    recall = Rate(hits, required + optional_found)
    documents = len(gold.documents)
    return {
        "documents": documents,
        "gold_events": required,
        "gold_optional": optional_total,
        "predicted": predicted,
        "predicted_by_kind": dict(sorted(kinds.items())),
        "uncounted_unmatched_verbal": forgiven,
        "matched": hits,
        "matched_optional": optional_found,
        "precision": precision.as_dict(),
        "recall": recall.as_dict(),
        "f1": f1(precision.rate, recall.rate),
        "spurious_per_document": round((predicted - hits) / documents, DIGITS) if documents else None,
        "extra_per_document": round(extra / documents, DIGITS) if documents else None,
        "fields": {
            "strict": {k: v.as_dict() for k, v in field_scores(strict_pairs, conventions, figure).items()},
            "aligned": {k: v.as_dict() for k, v in field_scores(aligned_pairs, conventions, figure).items()},
        },
        "calibration": calibration(confidence),
    }
