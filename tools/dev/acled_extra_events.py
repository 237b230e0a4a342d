"""Show ACLED notes for which the extractor codes more than one specific/background event (development aid)."""

from __future__ import annotations

import sys
from pathlib import Path

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold.acled_notes import load_acled_notes
from flashpoint.pipeline import Pipeline

COUNTED = {"specific", "background"}


def main(path: str, limit: int) -> None:
    gold = load_acled_notes(Path(path), Conventions.load(), limit=limit)
    pipeline = Pipeline.open()
    documents = [g.document for g in gold.documents]
    extra = 0
    for result, item in zip(pipeline.run(documents), gold.documents, strict=True):
        counted = [e for e in result.events if e.kind in COUNTED]
        if len(counted) <= 1:
            continue
        extra += len(counted) - 1
        truth = item.events[0]
        print(f"--- {result.document.id}: gold {truth.event_types} / {truth.sub_event_types}")
        print("   ", result.document.text[:400].replace("\n", " "))
        for event in counted:
            types = f"{event.event_type}: {event.sub_event_type}" if event.event_type else event.plover.type
            print(f"    [{event.kind}] {types} «{event.trigger.text}» @{event.location.name if event.location else '-'}"
                  f" {[a.name for a in event.actors]}")
    print(f"extra events: {extra} over {len(documents)} notes")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200)
