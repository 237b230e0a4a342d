"""A real `flashpoint ingest` process killed mid-run leaves whole documents only; a re-run completes the rest and
ends with the same events as an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import time

from store.corpus import jsonl, many_reports
from store.support import cli_command, consistency_problems, ingest

from flashpoint.export import export_events
from flashpoint.ingest import DocumentReader, ReadOptions
from flashpoint.store import Store

COUNT = 40


def _wait_for_lines(process: subprocess.Popen, prefix: str, count: int, timeout: float) -> int:
    seen, deadline = 0, time.monotonic() + timeout
    while seen < count and time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        seen += line.startswith(prefix)
    return seen


def test_killed_ingest_leaves_a_consistent_database_and_a_rerun_completes(pipeline, tmp_path, clock):
    archive = tmp_path / "archive.jsonl"
    archive.write_text(jsonl(many_reports(COUNT)), encoding="utf-8")
    db = tmp_path / "killed.duckdb"
    process = subprocess.Popen(cli_command("ingest", "--db", str(db), "--verbose", str(archive)),
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                               env={**os.environ, "COLUMNS": "200"})
    try:
        assert _wait_for_lines(process, "stored", 3, timeout=240) == 3
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    documents = list(DocumentReader(ReadOptions(), lambda problem: None).read([archive]))
    with Store.open(db, clock=clock) as store:
        assert consistency_problems(store) == []
        stored = store.table_counts()["documents"]
        assert 3 <= stored < COUNT
        assert [r["finished_at"] for r in store.runs()] == [None]
        stats = ingest(store, pipeline, documents)
        assert stats.unchanged == stored and stats.written.documents == COUNT - stored
        assert consistency_problems(store) == []
        export_events(store, "jsonl", tmp_path / "resumed.jsonl")

    with Store.open(tmp_path / "clean.duckdb", clock=clock) as store:
        ingest(store, pipeline, documents)
        export_events(store, "jsonl", tmp_path / "clean.jsonl")
    assert (tmp_path / "resumed.jsonl").read_bytes() == (tmp_path / "clean.jsonl").read_bytes()
