"""A large event database for the API load test: synthetic reports (synthetic_events.py) merged by the real store,
the extractor replaced by a replay of the generated events. Built once and kept (it takes minutes)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench_store import Replay
from synthetic_events import SyntheticArchive

from flashpoint.store import Ingestor, Store
from flashpoint.store.database import snapshot_path


def build(path: Path, reports: int, memory_limit: str = "512MB") -> Path:
    """``reports`` generated reports ingested into ``path`` (reused when it exists), a snapshot published."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".building")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    archive = SyntheticArchive(reports)
    replay = Replay()
    began = time.perf_counter()
    step = max(1, reports // 10)
    shown = [0]

    def progress(doc_id: str, what: str) -> None:
        done = len(archive.truth)
        if done // step > shown[0]:
            shown[0] = done // step
            print(f"  building: {done} reports, {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)

    with Store.open(partial, memory_limit=memory_limit) as store:
        Ingestor(store, replay.run, lambda: "synthetic", commit_every=500, snapshot_seconds=1e9,
                 progress=progress).ingest(replay.feed(archive))
        store.con.execute("CHECKPOINT")
    partial.rename(path)
    snapshot_path(partial).unlink(missing_ok=True)  # published under the temporary name: readers use the file
    print(f"  built {path} in {time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    return path
