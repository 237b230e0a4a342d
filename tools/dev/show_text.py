"""Print the events of short texts given on the command line (development aid)."""

from __future__ import annotations

import datetime as dt
import sys

from flashpoint.model import Document
from flashpoint.pipeline import Pipeline


def main(texts: list[str]) -> None:
    pipeline = Pipeline.open()
    for text in texts:
        doc = Document(id="t", text=text, published=dt.date(2023, 3, 15), origin="cli")
        print("=====", text)
        for e in next(pipeline.run([doc])).events:
            types = f"{e.event_type}: {e.sub_event_type}" if e.event_type else f"PLOVER {e.plover.type}"
            where = e.location.name if e.location else "-"
            print(f"  [{e.kind}] {types} «{e.trigger.text}» {e.date.start}..{e.date.end} @{where} "
                  f"{[(a.role, a.name) for a in e.actors]} flags={e.flags}")
            for c in e.claims:
                who = c.claimant.name if c.claimant else "-"
                print(f"      claim {c.attribute}={c.value} [{c.status}/{c.stance}] by {who}")


if __name__ == "__main__":
    main(sys.argv[1:])
