"""The report as rows: one source for the Rich tables and the Markdown page, so both show the same numbers."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

FIELD_LABELS = MappingProxyType({
    "event_type": "ACLED event type",
    "sub_event_type": "ACLED sub-event type",
    "plover_type": "PLOVER type",
    "date": "date (exact / within span)",
    "date_overlap": "date overlaps",
    "location_10km": "location ≤ 10 km",
    "location_25km": "location ≤ 25 km",
    "location_161km": "location ≤ 161 km",
    "country": "country",
    "admin1": "admin1",
    "actor1": "actor1",
    "actor2": "actor2",
    "actors_any_order": "actor1+actor2, any order",
    "fatalities_exact": "fatalities exact",
    "fatalities_within": "fatalities within ±20 %",
    "fatalities_exact_with_deaths": "fatalities exact (gold > 0)",
    "fatalities_within_with_deaths": "fatalities ±20 % (gold > 0)",
    "fatalities_exact_no_deaths": "fatalities exact (gold = 0)",
    "claimant": "claimant of a contested claim",
    "kind": "event kind",
})
CLASSIFICATION_LABELS = MappingProxyType({
    "accuracy": "accuracy, all snippets",
    "sub_event_accuracy_acled": "sub-event type, ACLED snippets",
    "event_type_accuracy_acled": "event type, ACLED snippets",
    "any_event_sub_type_acled": "gold sub-type among any event",
    "detection_rate_acled": "ACLED snippets with an ACLED event",
    "rejection_rate_non_acled": "non-ACLED snippets left uncoded",
})


def rate_text(rate: dict | None) -> str:
    """'0.8123 (264/325)', or '–' when nothing was scored."""
    if not rate or rate.get("rate") is None:
        return "–"
    return f"{rate['rate']:.4f} ({rate['correct']}/{rate['total']})"


def number_text(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def event_rows(events: dict) -> list[tuple[str, str]]:
    return [
        ("documents", number_text(events["documents"])),
        ("gold events (required)", number_text(events["gold_events"])),
        ("gold events (optional; found)", f"{events['gold_optional']} ({events['matched_optional']})"),
        ("predicted (counted)", number_text(events["predicted"])),
        ("matched", number_text(events["matched"])),
        ("precision", rate_text(events["precision"])),
        ("recall", rate_text(events["recall"])),
        ("F1", number_text(events["f1"])),
        ("spurious events per document", number_text(events["spurious_per_document"])),
        ("extra events per document (beyond the gold count)", number_text(events.get("extra_per_document"))),
        ("unmatched PLOVER verbal events not counted", number_text(events["uncounted_unmatched_verbal"])),
        ("calibration error (ECE)", number_text(events["calibration"]["ece"])),
    ]


def field_rows(events: dict) -> list[tuple[str, str, str]]:
    strict, aligned = events["fields"]["strict"], events["fields"]["aligned"]
    names = [name for name in FIELD_LABELS if name in strict or name in aligned]
    return [(FIELD_LABELS[n], rate_text(strict.get(n)), rate_text(aligned.get(n))) for n in names]


def classification_rows(classification: dict) -> list[tuple[str, str]]:
    rows = [(label, rate_text(classification.get(key))) for key, label in CLASSIFICATION_LABELS.items()]
    rows.append(("macro-F1 (gold labels)", number_text(classification.get("macro_f1"))))
    return rows


def reliability_rows(calibration: dict) -> list[tuple[str, str, str, str]]:
    return [
        (row["bin"], str(row["n"]), f"{row['mean_confidence']:.3f}", f"{row['accuracy']:.3f}")
        for row in calibration.get("bins", [])
    ]


def target_rows(targets: list[dict]) -> list[tuple[str, str, str, str]]:
    return [
        (
            t["measure"],
            number_text(t["value"]),
            f"{t['direction']} {t['target']}",
            "yes" if t["met"] else "no",
        )
        for t in targets
    ]


GEOPARSING_COLUMNS = ("gold", "precision", "recall", "f1", "accuracy_161", "median_km", "f1_161")
GEOPARSING_HEADERS = (
    "corpus",
    "system",
    "articles",
    "gold toponyms",
    "precision",
    "recall",
    "F1",
    "acc@161 km (gold spans)",
    "median km",
    "F1@161 km (end to end)",
)


def geoparsing_rows(result: dict) -> list[tuple[str, ...]] | None:
    """One row per corpus and system (flashpoint, baseline) when the result has that shape, else None."""
    corpora = result.get("corpora")
    if not isinstance(corpora, dict):
        return None
    rows = []
    for name, corpus in corpora.items():
        for system in ("flashpoint", "baseline"):
            scores = corpus.get(system) if isinstance(corpus, dict) else None
            if isinstance(scores, dict):
                values = [number_text(scores.get(column)) for column in GEOPARSING_COLUMNS]
                rows.append((str(name), system, number_text(corpus.get("articles")), *values))
    return rows


def flat_rows(result: Any, prefix: str = "") -> list[tuple[str, str]]:
    """Any nested result (e.g. the geoparsing evaluators') as (dotted key, value) rows."""
    if isinstance(result, dict):
        if {"correct", "total", "rate"} <= set(result):
            return [(prefix, rate_text(result))]
        rows: list[tuple[str, str]] = []
        for key in result:
            rows += flat_rows(result[key], f"{prefix}.{key}" if prefix else str(key))
        return rows
    if isinstance(result, list):
        return [(prefix, ", ".join(number_text(v) for v in result[:12]) + (" …" if len(result) > 12 else ""))]
    return [(prefix, number_text(result))]
