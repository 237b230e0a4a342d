"""Real reports through the real extractor into a real DuckDB file: merges across documents."""

from __future__ import annotations

from store.corpus import REPORTS, WIRE_COPY, document
from store.support import events_by_doc, ingest

from flashpoint.store import Store

AZAZ = ("azaz-daily", "azaz-radio", "azaz-wire")


def test_three_reports_of_one_attack_are_one_event_and_another_attack_stays_apart(pipeline, db_path, clock):
    with Store.open(db_path, clock=clock) as store:
        ingest(store, pipeline, [document(r) for r in REPORTS])
        groups = sorted(events_by_doc(store).values())
        assert list(AZAZ) in groups
        assert ["bab-wire"] in groups
        assert ["kabul-protest"] in groups
        azaz = next(s for s in store.iter_events() if len(s.event.sources) == 3)
        assert azaz.independent_sources == 3
        assert azaz.reports == 3
        assert not any({"bab-wire", "azaz-wire"} <= set(docs) for docs in groups)


def test_merged_event_keeps_every_claim_and_never_averages(pipeline, db_path, clock):
    with Store.open(db_path, clock=clock) as store:
        ingest(store, pipeline, [document(r) for r in REPORTS[:3]])
        event = _merged(store).event
        assert (event.fatalities.low, event.fatalities.high) == (8, 11)
        assert event.fatalities.best in (8, 11)
        figures = {c.value: c.status for c in event.claims if c.attribute == "fatalities"}
        assert figures.keys() == {8, 11}
        assert set(figures.values()) == {"contested"}
        for span in event.evidence.values():
            text = store.document(span.doc).document.text
            assert text[span.start:span.end] == span.text


def test_merged_event_keeps_its_id_and_records_the_reports_it_absorbed(pipeline, db_path, clock):
    docs = [document(r) for r in REPORTS[:3]]
    with Store.open(db_path, clock=clock) as store:
        ingest(store, pipeline, docs[:1])
        (first,) = [s.id for s in store.iter_events()]
        ingest(store, pipeline, docs[1:])
        assert _merged(store).id == first
        detail = store.event(first)
        assert len(detail.absorbed) == 2
        assert store.event(detail.absorbed[0]).stored.id == first
        assert all(note.score is not None and note.explanation["parts"]["place"] > 0 for note in detail.merges)


def test_wire_copy_is_stored_once_and_counts_as_one_source(pipeline, db_path, clock):
    with Store.open(db_path, clock=clock) as store:
        stats = ingest(store, pipeline, [document(REPORTS[0]), document(WIRE_COPY)])
        assert stats.written.copies == 1
        stored = next(s for s in store.iter_events() if s.event.location and s.event.location.geonameid)
        assert sorted(s.outlet for s in stored.event.sources) == ["Gulf Courier", "Levant Wire"]
        assert stored.independent_sources == 1
        copy = store.document("azaz-wire-reprint")
        assert copy.copy_of == "azaz-wire" and copy.similarity >= 0.8
        assert store.con.execute("SELECT count(*) FROM documents WHERE text IS NOT NULL").fetchone()[0] == 1


def test_merging_does_not_depend_on_batching(pipeline, tmp_path, clock):
    docs = [document(r) for r in REPORTS]
    results = []
    for n, every in enumerate((1, 10)):
        with Store.open(tmp_path / f"{n}.duckdb", clock=clock) as store:
            ingest(store, pipeline, docs, commit_every=every)
            results.append(sorted(events_by_doc(store).values()))
    assert results[0] == results[1]


def _merged(store: Store):
    """The event the three Azaz reports were merged into."""
    return next(s for s in store.iter_events() if sorted(src.doc for src in s.event.sources) == list(AZAZ))
