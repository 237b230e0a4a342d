"""Re-ingesting stored documents changes nothing: every export is byte-identical before and after."""

from __future__ import annotations

from store.corpus import REPORTS, WIRE_COPY, document
from store.support import ingest

from flashpoint.export import FORMATS, export_events
from flashpoint.store import Ingestor, Store


def _exports(store: Store, folder) -> dict[str, bytes]:
    found = {}
    for fmt in FORMATS:
        target = folder / f"out.{fmt}"
        export_events(store, fmt, target)
        found[fmt] = target.read_bytes()
    return found


def test_reingest_changes_nothing(pipeline, db_path, clock, tmp_path):
    docs = [document(r) for r in (*REPORTS, WIRE_COPY)]
    with Store.open(db_path, clock=clock) as store:
        ingest(store, pipeline, docs)
        before = _exports(store, tmp_path)
        counts = store.table_counts()
        stats = ingest(store, pipeline, docs)
        assert stats.unchanged == len(docs) and stats.written.documents == 0
        assert _exports(store, tmp_path) == before
        assert {k: v for k, v in store.table_counts().items() if k != "runs"} == {
            k: v for k, v in counts.items() if k != "runs"}
    assert all(before.values())


def test_changed_text_replaces_the_document_and_keeps_event_ids(pipeline, db_path, clock):
    first = document(REPORTS[3])
    with Store.open(db_path, clock=clock) as store:
        ingest(store, pipeline, [first])
        (before,) = list(store.iter_events())
        changed = first.model_copy(update={"text": first.text.replace("killing four", "killing five")})
        stats = ingest(store, pipeline, [changed])
        assert stats.written.events_updated == 1 and stats.written.events_created == 0
        (after,) = list(store.iter_events())
        assert after.id == before.id
        assert after.event.fatalities.best == 5
        assert after.updated_at > before.updated_at and after.created_at == before.created_at
        assert store.table_counts()["documents"] == 1


def test_reprocess_keeps_ids_and_reports_changes(pipeline, db_path, clock):
    from flashpoint.store import Ingestor

    with Store.open(db_path, clock=clock) as store:
        ingest(store, pipeline, [document(r) for r in REPORTS])
        ids = sorted(s.id for s in store.iter_events())
        mark = clock()
        stats = Ingestor(store, pipeline.run, lambda: "test-extractor-2").reprocess()
        assert stats.written.documents == len(REPORTS)
        assert sorted(s.id for s in store.iter_events()) == ids
        assert store.changes(mark).updated == []  # same extraction: same records, nothing changed
        assert store.documents_to_reprocess("test-extractor-2") == []


def test_a_copy_whose_original_failed_is_stored_as_an_original(pipeline, db_path, clock):
    original, copy = document(REPORTS[0]), document(WIRE_COPY)

    def failing_original(documents):  # the original's extraction fails; every other document extracts
        return pipeline.run(d for d in documents if d.id != original.id)

    with Store.open(db_path, clock=clock) as store:
        Ingestor(store, failing_original, lambda: "test-extractor").ingest([original, copy])
        stored = dict(store.con.execute("SELECT doc_id, copy_of FROM documents").fetchall())
    assert stored == {copy.id: None}
