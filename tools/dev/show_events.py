"""Print the events of articles compactly, for reading output against an analyst's coding (development aid)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from flashpoint.model import Document
from flashpoint.pipeline import Pipeline


def show_mentions(pipeline: Pipeline) -> None:
    """Print every mention before resolution, and the cluster each joins."""
    import flashpoint.pipeline as module
    from flashpoint.resolve.clusters import cluster_mentions

    original = module.resolve_document

    def spy(mentions, document, extractor, responsibility=(), acts=()):
        clusters = cluster_mentions(mentions)
        number = {id(m): n for n, c in enumerate(clusters) for m in c.mentions}
        for m in mentions:
            where = m.location.name if m.location else "-"
            date = f"{m.date.start}..{m.date.end}" if m.date else "-"
            print(f"  M{m.sentence:02d} c{number[id(m)]:02d} [{m.kind}{'/ana' if m.anaphoric else ''}] "
                  f"{m.trigger.text!r} {m.event_type}/{m.sub_event_type} @{where} {date} "
                  f"{[a.name for a in m.actors]} {[(c.what, c.best, c.revision) for c in m.counts]} "
                  f"by={m.claimant.name if m.claimant else '-'}")
        return original(mentions, document, extractor, responsibility, acts)

    module.resolve_document = spy


def main(paths: list[str]) -> None:
    pipeline = Pipeline.open()
    if paths and paths[0] == "--mentions":
        paths = paths[1:]
        show_mentions(pipeline)
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        published = dt.date.fromisoformat(path.parent.name[-10:]) if path.parent.name[-10:-6].isdigit() else None
        result = next(pipeline.run([Document(id=path.parent.name, text=text, published=published, origin=name)]))
        print(f"===== {path.parent.name} ({len(result.events)} events)")
        for e in result.events:
            where = e.location
            place = f"{where.relation or ''} {where.name or where.text}" if where else "-"
            actors = " | ".join(f"{a.role}={a.name}" for a in e.actors)
            dead = f"killed={e.fatalities.best}/{e.fatalities.low}/{e.fatalities.high}" if e.fatalities else ""
            types = f"{e.event_type}: {e.sub_event_type}" if e.event_type else f"PLOVER {e.plover.type}"
            print(f"- [{e.kind}] {types} «{e.trigger.text}» {e.date.start}..{e.date.end} {e.date.time or ''} @{place}")
            print(f"    {actors} {dead} conf={e.confidence}")
            for c in e.claims:
                who = c.claimant.name if c.claimant else "-"
                print(f"    claim {c.attribute}={c.value} [{c.status}{'/' + c.stance if c.stance else ''}] by {who}")


if __name__ == "__main__":
    main(sys.argv[1:])
