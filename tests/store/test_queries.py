"""Reading the store: filters, cursor pages, one event with its provenance, a document, stats, changes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from store.conftest import TickingClock
from store.corpus import REPORTS, document
from store.support import hand_report, ingest, write_hand_reports
from typer.testing import CliRunner

from flashpoint.store import EventFilter, Near, Store

REPORTS_BY_HAND = (
    dict(doc="strike-a", outlet="Outlet A", text="An airstrike hit a market in Hit on Monday, killing four people.",
         trigger="airstrike", day="2023-05-01", published="2023-05-02", killed=4,
         place=("Hit", 1, 33.64, 42.83, "Anbar", "IRQ"),
         actors=(("actor1", "Military Forces of Iraq (2020-)", 1), ("actor2", "Civilians (Iraq)", 7))),
    dict(doc="strike-b", outlet="Outlet B", text="Four people died when warplanes struck the market of Hit on Monday.",
         trigger="struck", day="2023-05-01", published="2023-05-02", killed=4,
         place=("Hit", 1, 33.64, 42.83, "Anbar", "IRQ"),
         actors=(("actor1", "Military Forces of Iraq (2020-)", 1), ("actor2", "Civilians (Iraq)", 7))),
    dict(doc="clash-c", outlet="Outlet C", text="Fighters clashed with the army near Ramadi on Tuesday.",
         trigger="clashed", day="2023-05-02", published="2023-05-03", event_type="Battles", sub="Armed clash",
         place=("Ramadi", 2, 33.42, 43.30, "Anbar", "IRQ"), actors=(("actor1", "Islamic State (Iraq)", 2),)),
    dict(doc="march-d", outlet="Outlet D", text="Thousands marched through Kabul on Friday to demand jobs.",
         trigger="marched", day="2023-05-05", published="2023-05-05", event_type="Protests", sub="Peaceful protest",
         place=("Kabul", 3, 34.53, 69.17, "Kabul", "AFG"), actors=(("actor1", "Protesters (Afghanistan)", 6),)),
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("queries") / "events.duckdb"
    with Store.open(path, clock=TickingClock()) as writer:
        write_hand_reports(writer, [hand_report(**r) for r in REPORTS_BY_HAND])
    reader = Store.open(path, read_only=True)
    yield reader
    reader.close()


def _ids(store: Store, **where) -> set[str]:
    return {s.event.location.name if s.event.location else s.id for s in store.iter_events(EventFilter(**where))}


def test_filters(store):
    assert _ids(store, country="AFG") == {"Kabul"}
    assert _ids(store, country="irq") == {"Hit", "Ramadi"}
    assert _ids(store, event_type="peaceful protest") == {"Kabul"}
    assert _ids(store, event_type="Explosions/Remote violence") == {"Hit"}
    assert _ids(store, near=Near(33.6, 42.8, 10)) == {"Hit"}
    assert _ids(store, near=Near(33.6, 42.8, 60)) == {"Hit", "Ramadi"}
    assert _ids(store, since=dt.date(2023, 5, 2)) == {"Ramadi", "Kabul"}
    assert _ids(store, until=dt.date(2023, 5, 1)) == {"Hit"}
    assert _ids(store, actor="islamic state") == {"Ramadi"}
    assert _ids(store, kinds=("generic",)) == set()


def test_cursor_pages_cover_every_event_once(store):
    seen, cursor = [], None
    while True:
        page = store.events(limit=1, cursor=cursor)
        assert page.count == 3
        seen += [s.id for s in page.events]
        cursor = page.next
        if cursor is None:
            break
    assert seen == [s.id for s in store.iter_events()] and len(seen) == 3


def test_event_detail_and_document_offsets(store):
    merged = next(s for s in store.iter_events() if s.reports == 2)
    assert merged.id == "ev-strike-a" and merged.independent_sources == 2
    detail = store.event("ev-strike-b")
    assert detail.stored.id == "ev-strike-a" and detail.absorbed == ["ev-strike-b"]
    assert [m.report_id for m in detail.merges] == ["ev-strike-b"]
    assert detail.merges[0].explanation["parts"]["place"] == 1.0
    assert [s.doc_id for s in detail.sources] == ["strike-a", "strike-b"]
    doc = store.document("strike-b")
    assert doc.event_ids == ["ev-strike-a"]
    assert doc.evidence and all(doc.document.text[u.start:u.end] == u.text for u in doc.evidence)
    assert store.document("nothing") is None and store.event("ev-nothing") is None


def test_stats(store):
    assert dict(store.stats("country")) == {"AFG": 1, "IRQ": 2}
    assert dict(store.stats("type")) == {"Battles": 1, "Explosions/Remote violence": 1, "Protests": 1}
    assert dict(store.stats("week")) == {"2023-05-01": 3}


def test_changes_since_and_deletions(pipeline, db_path):
    clock = TickingClock()
    with Store.open(db_path, clock=clock) as store:
        ingest(store, pipeline, [document(REPORTS[3])])
        mark = clock()
        assert store.changes(mark).updated == []
        ingest(store, pipeline, [document(REPORTS[4])])
        assert [s.event.event_type for s in store.changes(mark).updated] == ["Protests"]
        bab = document(REPORTS[3])
        ingest(store, pipeline, [bab.model_copy(update={"text": "The weather in the town was sunny."})])
        gone = store.changes(mark).deleted
        assert len(gone) == 1 and "reprocessing" in gone[0].reason


def test_events_and_export_commands(cli_app, store, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli_app, ["events", "--db", str(store.path), "--country", "IRQ", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 2
    result = runner.invoke(cli_app, ["events", "--db", str(store.path), "--near", "33.6,42.8,10", "-f", "csv"])
    assert result.exit_code == 0 and result.stdout.count("\n") == 2
    out = tmp_path / "x.csv"
    result = runner.invoke(cli_app, ["export", "--db", str(store.path), "-f", "acled-csv", "--out", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").count("\n") == 4
    result = runner.invoke(cli_app, ["events", "--db", str(store.path), "--near", "1,2"])
    assert result.exit_code != 0


def test_a_file_written_before_the_synthetic_column_still_reads(tmp_path):
    path = tmp_path / "older.duckdb"
    with Store.open(path, clock=TickingClock()) as writer:
        write_hand_reports(writer, [hand_report(**REPORTS_BY_HAND[0])])
        writer.con.execute("DROP INDEX documents_id")
        writer.con.execute("ALTER TABLE documents DROP COLUMN synthetic")
        writer.con.execute("CREATE INDEX documents_id ON documents (doc_id)")
    with Store.open(path, read_only=True) as reader:
        assert [d.synthetic for d in reader.documents(["strike-a"])] == [False]
        assert reader.document("strike-a").document.synthetic is False
    with Store.open(path) as writer:  # a writer brings the file up to date
        assert writer.con.execute("SELECT synthetic FROM documents").fetchall() == [(False,)]
