"""While a real ingest process holds the database, readers get the last published snapshot."""

from __future__ import annotations

import os
import subprocess

from store.corpus import REPORTS, document, jsonl, many_reports
from store.support import cli_command, ingest

from flashpoint.store import Store


def test_readers_see_the_snapshot_while_ingest_writes(pipeline, tmp_path, clock):
    db = tmp_path / "busy.duckdb"
    with Store.open(db, clock=clock) as store:
        ingest(store, pipeline, [document(r) for r in REPORTS])  # ends by publishing a snapshot
        published = store.table_counts()["events"]
    archive = tmp_path / "more.jsonl"
    archive.write_text(jsonl(many_reports(12)), encoding="utf-8")
    process = subprocess.Popen(cli_command("ingest", "--db", str(db), "--verbose", str(archive)),
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                               env={**os.environ, "COLUMNS": "200"})
    try:
        line = process.stderr.readline()  # the first document stored: the writer holds the file
        assert line.startswith("stored"), line
        with Store.open(db, read_only=True) as reader:
            assert reader.snapshot
            assert reader.table_counts()["events"] == published
            assert len(reader.events().events) == published
    finally:
        process.communicate(timeout=300)
    assert process.returncode == 0
    with Store.open(db, read_only=True) as reader:
        assert not reader.snapshot
        assert reader.table_counts()["events"] == published + 12
    with Store.open(db, read_only=True, prefer_snapshot=True) as reader:
        assert reader.snapshot and reader.table_counts()["events"] == published + 12
