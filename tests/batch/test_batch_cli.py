"""`extract` and `ingest` with --workers 2 and --dask local give the same output as a plain run (real subprocesses)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests_support import ROOT

ARTICLES = {
    "checkpoint.txt": "Gunmen killed four police officers at a checkpoint near Ghazni on Tuesday, a provincial "
                      "spokesman said. The Taliban claimed responsibility for the attack.",
    "march.txt": "Hundreds of protesters marched through central Nairobi on Friday to demand lower food prices. "
                 "Police fired tear gas and arrested at least 12 people, witnesses said.",
    "market.txt": "An air strike hit a market in the Syrian town of Ariha on Monday, killing at least nine "
                  "civilians, according to a local monitoring group.",
    "goma.txt": "Fighting between the army and rebels near Goma displaced thousands of families last week. A "
                "roadside bomb wounded three soldiers north of the city on Sunday, officials said.",
    "budget.txt": "The city council approved a new budget for parks and libraries on Wednesday.",
    "broken.json": '{"text": "a record that never ends',
}
RUNS = {
    "plain": (),
    "workers": ("--workers", "2"),
    "dask": ("--dask", "local", "--workers", "2"),
}


def flashpoint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flashpoint", *args], capture_output=True, text=True, timeout=300,
                          cwd=ROOT)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def extracted(corpus) -> dict[str, subprocess.CompletedProcess]:
    return {name: flashpoint("extract", "--published", "2024-03-05", "--format", "jsonl", *options, str(corpus))
            for name, options in RUNS.items()}


@pytest.mark.parametrize("run", ["workers", "dask"])
def test_extract_output_is_byte_identical_to_a_plain_run(extracted, run):
    plain, other = extracted["plain"], extracted[run]
    assert plain.returncode == 0, plain.stderr
    assert other.returncode == 0, other.stderr
    assert plain.stdout.count("\n") >= 4
    assert other.stdout == plain.stdout


@pytest.mark.parametrize("run", list(RUNS))
def test_a_bad_file_is_reported_and_the_rest_processed(extracted, run):
    done = extracted[run]
    assert "broken.json" in done.stderr and "malformed JSON" in done.stderr
    assert "5 document(s) read" in done.stderr
    origins = {line.split('"doc": "')[1].split('"')[0] for line in done.stdout.splitlines()}
    assert {"checkpoint.txt", "market.txt", "goma.txt"} <= origins


@pytest.mark.parametrize("run", list(RUNS))
def test_no_progress_bar_when_stderr_is_not_a_terminal(extracted, run):
    stderr = extracted[run].stderr
    assert "\r" not in stderr and "\x1b[" not in stderr and "━" not in stderr
    assert "documents/s" in stderr.splitlines()[-1]  # the one-line summary


def stored_events(db: Path) -> list[str]:
    from flashpoint.store import Store

    with Store.open(db, read_only=True) as store:
        return [stored.event.model_dump_json() + f" reports={stored.reports}" for stored in store.iter_events()]


def test_ingest_with_two_workers_stores_what_a_plain_ingest_stores(corpus, tmp_path):
    listings = []
    for name, options in (("plain", ()), ("workers", ("--workers", "2"))):
        db = tmp_path / f"{name}.duckdb"
        done = flashpoint("ingest", "--published", "2024-03-05", "--db", str(db), *options, str(corpus))
        assert done.returncode == 0, done.stderr
        assert "broken.json" in done.stderr and "5 extracted" in done.stderr
        listings.append(stored_events(db))
    assert len(listings[0]) >= 4
    assert listings[1] == listings[0]
