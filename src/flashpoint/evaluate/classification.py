"""Snippet classification scores (CASE 2021 Task 2): one label per snippet, from the most confident ACLED event.

A snippet with no counted ACLED-type event is labelled "(no ACLED event)", the right answer for the 5
non-ACLED types. Reported: accuracy overall and on ACLED snippets (sub-event and event type), "any event"
accuracy, macro-F1, and detection/rejection rates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from flashpoint.evaluate.events import CountingRule
from flashpoint.evaluate.gold.case2021 import NONE_LABEL
from flashpoint.evaluate.gold.records import GoldSet
from flashpoint.evaluate.metrics import Rate, macro_f1
from flashpoint.model import Event


def top_event(events: Sequence[Event]) -> Event | None:
    """The most confident ACLED-type event (ties: earliest trigger, then id); None when there is none."""
    typed = [e for e in events if e.event_type is not None]
    if not typed:
        return None
    return min(typed, key=lambda e: (-e.confidence, e.trigger.start, e.id))


def predicted_label(events: Sequence[Event]) -> str:
    top = top_event(events)
    if top is None:
        return NONE_LABEL
    return top.sub_event_type or f"{top.event_type} (no sub-event type)"


def score_classification(
    gold: GoldSet, predictions: Mapping[str, Sequence[Event]], rule: CountingRule, parent: Mapping[str, str]
) -> dict:
    """``parent`` maps each ACLED sub-event type to its event type."""
    overall, sub, event_type, any_event = Rate(), Rate(), Rate(), Rate()
    detected, rejected = Rate(), Rate()
    pairs: list[tuple[str, str]] = []
    confusion: Counter[tuple[str, str]] = Counter()
    for doc in gold.documents:
        counted = [e for e in predictions.get(doc.document.id, ()) if rule.counts(e)]
        wanted = doc.label or NONE_LABEL
        got = predicted_label(counted)
        pairs.append((wanted, got))
        overall.add(got == wanted)
        if wanted == NONE_LABEL:
            rejected.add(got == NONE_LABEL)
        else:
            top = top_event(counted)
            sub.add(got == wanted)
            event_type.add(top is not None and top.event_type == parent.get(wanted))
            any_event.add(any(e.sub_event_type == wanted for e in counted))
            detected.add(top is not None)
        if got != wanted:
            confusion[(wanted, got)] += 1
    return {
        "snippets": len(gold.documents),
        "accuracy": overall.as_dict(),
        "sub_event_accuracy_acled": sub.as_dict(),
        "event_type_accuracy_acled": event_type.as_dict(),
        "any_event_sub_type_acled": any_event.as_dict(),
        "macro_f1": macro_f1(pairs, [g for g, _ in pairs]),
        "detection_rate_acled": detected.as_dict(),
        "rejection_rate_non_acled": rejected.as_dict(),
        "top_confusions": [
            {"gold": g, "predicted": p, "n": n}
            for (g, p), n in sorted(confusion.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        ],
    }
