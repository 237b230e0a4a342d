"""For the example articles: which gold events are missed and which predictions match nothing (development aid)."""

from __future__ import annotations

import sys
from pathlib import Path

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold.examples import load_examples
from flashpoint.evaluate.matching import match
from flashpoint.pipeline import Pipeline

COUNTED = {"specific", "background", "aggregate"}


def describe(event) -> str:
    types = f"{event.event_type}: {event.sub_event_type}" if event.event_type else f"PLOVER {event.plover.type}"
    where = event.location.name if event.location else "-"
    return f"[{event.kind}] {types} «{event.trigger.text}» {event.date.start}..{event.date.end} @{where}"


def main(path: str) -> None:
    gold = load_examples(Path(path), Conventions.load())
    pipeline = Pipeline.open()
    for item, result in zip(gold.documents, pipeline.run([g.document for g in gold.documents]), strict=True):
        events = [e for e in result.events if e.kind in COUNTED]
        golds = list(item.events)
        strict = match(golds, events, "strict")
        print(f"===== {item.document.id}")
        for i, j in strict.pairs:
            print(f"  OK   {golds[i].key:40} ← {describe(events[j])}")
        for i in strict.unmatched_gold:
            print(f"  MISS {golds[i].key:40} {'(optional)' if golds[i].optional else ''}")
        for j in strict.unmatched_predicted:
            print(f"  XTRA {describe(events[j])}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/examples")
