"""Evidence bookkeeping: every value points to spans by id; ids are numbered in text order at the end."""

from __future__ import annotations

from flashpoint.extract.events.mention import TextSpan


class EvidenceBook:
    """Collects the spans an event cites. ``ref`` gives a provisional key; ``renumber`` fixes the final ids."""

    def __init__(self) -> None:
        self._spans: dict[str, tuple[str, int, int, str]] = {}

    def ref(self, doc_id: str, span: TextSpan) -> str:
        key = f"{doc_id}\x1f{span.start}\x1f{span.end}"
        self._spans.setdefault(key, (doc_id, span.start, span.end, span.text))
        return key

    def renumber(self, record: dict) -> dict:
        """Replace provisional keys in ``record`` with e1, e2 … ordered by (document, start, end)."""
        order = sorted(self._spans, key=lambda k: (self._spans[k][0], self._spans[k][1], self._spans[k][2]))
        ids = {key: f"e{n}" for n, key in enumerate(order, start=1)}
        record = _rewrite(record, ids)
        record["evidence"] = {
            ids[key]: {"doc": doc, "start": start, "end": end, "text": text}
            for key, (doc, start, end, text) in sorted(self._spans.items(), key=lambda kv: ids[kv[0]][1:].zfill(6))
        }
        return record


def _rewrite(value, ids: dict[str, str]):
    if isinstance(value, dict):
        return {k: (sorted(set(ids[r] for r in v), key=lambda x: int(x[1:])) if k == "evidence" and isinstance(v, list)
                    else _rewrite(v, ids)) for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite(v, ids) for v in value]
    return value
