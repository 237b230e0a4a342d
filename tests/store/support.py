"""Helpers of the store tests (imported as a plain module)."""

from __future__ import annotations

from collections.abc import Iterable

from flashpoint.model import Document
from flashpoint.store import Ingestor, RunStats, Store


def ingest(store: Store, pipeline, documents: Iterable[Document], commit_every: int = 1) -> RunStats:
    """Ingest with the real extractor (the session's pipeline) under a fixed extractor key."""
    return Ingestor(store, pipeline.run, lambda: "test-extractor", commit_every=commit_every).ingest(documents)


def events_by_doc(store: Store) -> dict[str, list[str]]:
    """Event id → sorted document ids of its sources."""
    return {s.id: sorted(src.doc for src in s.event.sources) for s in store.iter_events()}


def cli_command(*args: str) -> list[str]:
    """argv running the real `flashpoint` command line (with the store's commands) in a new process."""
    import sys
    from pathlib import Path

    tests = Path(__file__).resolve().parents[1]
    code = (f"import sys; sys.path.insert(0, {str(tests)!r}); from store.conftest import store_app; "
            "store_app(); from flashpoint.cli import main; main()")
    return [sys.executable, "-c", code, *args]


def consistency_problems(store: Store) -> list[str]:
    """Every stored document whole, every report in an event, every event made of stored reports."""
    checks = {
        "report of no event": "SELECT count(*) FROM reports r WHERE r.event_id NOT IN (SELECT event_id FROM events)",
        "report of no document": "SELECT count(*) FROM reports WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
        "event without reports": "SELECT count(*) FROM events WHERE event_id NOT IN (SELECT event_id FROM reports)",
        "event rows out of step": "SELECT abs((SELECT sum(n_reports) FROM events) - (SELECT count(*) FROM reports))",
        "evidence of no event": "SELECT count(*) FROM evidence WHERE event_id NOT IN (SELECT event_id FROM events)",
        "copy of nothing": "SELECT count(*) FROM documents WHERE copy_of IS NOT NULL AND copy_of NOT IN "
                           "(SELECT doc_id FROM documents)",
    }
    return [name for name, sql in checks.items() if store.con.execute(sql).fetchone()[0]]


def hand_report(doc: str, outlet: str, text: str, *, trigger: str, day: str, published: str,
                event_type: str = "Explosions/Remote violence", sub: str = "Air/drone strike",
                place: tuple[str, int, float, float, str, str] | None = ("Town", 1, 33.0, 44.0, "Province", "IRQ"),
                killed: int | None = None, actors: tuple[tuple[str, str, int], ...] = (), kind: str = "specific"):
    """A (Document, Event) pair built by hand, every span pointing into ``text``."""
    import datetime as dt

    from flashpoint.model import Document, Event

    start = text.index(trigger)
    evidence = {"e1": {"doc": doc, "start": 0, "end": len(text), "text": text}}
    record = {
        "id": f"ev-{doc}", "kind": kind, "event_type": event_type, "sub_event_type": sub,
        "trigger": {"text": trigger, "start": start, "end": start + len(trigger), "doc": doc,
                    "lexicon": "triggers.v1:test"},
        "date": {"start": day, "end": day, "acled_time_precision": 1, "evidence": ["e1"]},
        "location": None if place is None else {
            "name": place[0], "geonameid": place[1], "lat": place[2], "lon": place[3], "admin1": place[4],
            "iso3": place[5], "acled_geo_precision": 1, "evidence": ["e1"]},
        "actors": [{"role": role, "name": name, "acled_inter": inter, "evidence": ["e1"]}
                   for role, name, inter in actors],
        "fatalities": {"best": killed, "low": killed, "high": killed, "evidence": ["e1"]} if killed else None,
        "evidence": evidence,
        "sources": [{"doc": doc, "outlet": outlet, "published": published}],
        "extractor": {"version": "test"},
    }
    document = Document(id=doc, text=text, outlet=outlet, published=dt.date.fromisoformat(published),
                        origin=f"test:{doc}")
    return document, Event.model_validate(record)


def write_hand_reports(store: Store, pairs) -> None:
    """Store hand-built (Document, Event) pairs, one transaction per document."""
    from flashpoint.store import DuplicateFinder, Extracted, content_hash

    finder = DuplicateFinder()
    for document, event in pairs:
        signature = finder.signature(document.text)
        store.write([Extracted(document, [event], content_hash(document.text), signature, finder.band_keys(signature),
                               "test")])
