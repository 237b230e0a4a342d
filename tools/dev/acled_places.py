"""ACLED notes whose predicted event place is in the wrong country (development aid)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold.acled_notes import load_acled_notes
from flashpoint.evaluate.matching import match
from flashpoint.pipeline import Pipeline


def main(path: str, limit: int) -> None:
    gold = load_acled_notes(Path(path), Conventions.load(), limit=limit)
    pipeline = Pipeline.open()
    reasons: Counter = Counter()
    for item, result in zip(gold.documents, pipeline.run([g.document for g in gold.documents]), strict=True):
        events = [e for e in result.events if e.kind in {"specific", "background"}]
        aligned = match(list(item.events), events, "aligned")
        for i, j in aligned.pairs:
            truth, event = item.events[i], events[j]
            where = event.location
            if where is None:
                reasons["no place"] += 1
                continue
            if truth.location is None or truth.location.name is None:
                continue
            if where.iso3 and truth.location.iso3 and where.iso3 != truth.location.iso3:
                reasons["wrong country"] += 1
                print(f"{item.document.id}: gold {truth.location.name} ({truth.location.iso3}) ← {where.text!r} → "
                      f"{where.name} ({where.iso3}) | {item.document.text[:160]!r}")
            elif not where.resolved:
                reasons["unresolved"] += 1
    print(reasons)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200)
