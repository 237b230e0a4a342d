"""Renumber the evidence of several documents' events into one book: e1, e2 … by (document, start, end)."""

from __future__ import annotations

from collections.abc import Sequence

from flashpoint.model import Event


def pooled_records(reports: Sequence[Event]) -> tuple[list[dict], dict[str, dict]]:
    """Each report's record with evidence ids rewritten into one numbering, and the pooled evidence."""
    spans: dict[tuple[str, int, int], str] = {}
    for report in reports:
        for span in report.evidence.values():
            spans.setdefault((span.doc, span.start, span.end), span.text)
    order = sorted(spans)
    ids = {key: f"e{n}" for n, key in enumerate(order, start=1)}
    pooled = {ids[key]: {"doc": key[0], "start": key[1], "end": key[2], "text": spans[key]} for key in order}
    records = []
    for report in reports:
        local = {ref: ids[(s.doc, s.start, s.end)] for ref, s in report.evidence.items()}
        record = _rewrite(report.model_dump(mode="json", exclude={"evidence"}), local)
        records.append(record)
    return records, pooled


def sort_refs(refs: list[str]) -> list[str]:
    return sorted(set(refs), key=lambda ref: int(ref[1:]))


def _rewrite(value, ids: dict[str, str]):
    if isinstance(value, dict):
        return {key: (sort_refs([ids[r] for r in item]) if key == "evidence" and isinstance(item, list)
                      else _rewrite(item, ids)) for key, item in value.items()}
    if isinstance(value, list):
        return [_rewrite(item, ids) for item in value]
    return value
