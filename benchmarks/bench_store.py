"""Benchmark: ingest and merge synthetic-but-realistic reports into a fresh DuckDB store.

    python benchmarks/bench_store.py [EVENTS ...] [--commit-every N] [--out FILE.json]

For each size (default 10,000 and 100,000 events) prints JSON: wall time, documents and events per second, the
time spent in the store's write transactions (blocking, scoring, merging and SQL), resident memory sampled every
10 % of the stream (bounded: it does not grow with the archive), the merge quality against the generator's truth
(pairwise precision/recall of "same incident"), and the per-event cost relative to the smallest size.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from synthetic_events import SyntheticArchive

from flashpoint.store import Ingestor, Store


class Replay:
    """A stand-in extractor: returns the events the generator made for each document, in input order."""

    def __init__(self):
        self.pending: dict[str, list] = {}

    def feed(self, archive: SyntheticArchive):
        for document, events in archive.documents():
            self.pending[document.id] = events
            yield document

    def run(self, documents):
        for document in documents:
            yield _Result(document, self.pending.pop(document.id, []), [])


class _Result:
    def __init__(self, document, events, places):
        self.document, self.events, self.places = document, events, places


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def bench(events: int, commit_every: int, folder: Path, memory_limit: str | None = None) -> dict:
    archive = SyntheticArchive(events)
    replay = Replay()
    path = folder / f"bench-{events}.duckdb"
    samples, spent = [], [0.0]
    with Store.open(path, memory_limit=memory_limit) as store:
        write = store.write

        def timed_write(items, run_id=0):
            began = time.perf_counter()
            try:
                return write(items, run_id)
            finally:
                spent[0] += time.perf_counter() - began

        store.write = timed_write
        step = max(1, events // 10)
        began = time.perf_counter()

        def progress(doc_id: str, what: str) -> None:
            done = len(archive.truth)
            if done // step > len(samples):
                samples.append(round(rss_mb(), 1))
                print(f"  {done} events, {time.perf_counter() - began:.0f} s, {samples[-1]} MB", file=sys.stderr,
                      flush=True)

        began = time.perf_counter()
        stats = Ingestor(store, replay.run, lambda: "synthetic", commit_every=commit_every,
                         snapshot_seconds=3600, progress=progress).ingest(replay.feed(archive))
        wall = time.perf_counter() - began
        owner = dict(store.con.execute("SELECT report_id, event_id FROM reports").fetchall())
        size = path.stat().st_size
    return {
        "events_in": events, "documents": stats.read, "wire_copies": stats.written.copies,
        "events_stored": stats.written.events_created - stats.written.events_deleted,
        "reports_merged": stats.written.reports_merged, "commit_every": commit_every,
        "memory_limit": memory_limit, "wall_s": round(wall, 1), "write_s": round(spent[0], 1),
        "events_per_s": round(events / wall, 1), "documents_per_s": round(stats.read / wall, 1),
        "ms_per_event": round(1000 * wall / events, 3), "rss_mb_every_10pct": samples,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "db_mb": round(size / 2**20, 1), **pair_quality(archive.truth, owner),
    }


def pair_quality(truth: dict[str, int], owner: dict[str, str]) -> dict:
    """Pairwise precision/recall of 'these two reports are one incident'."""
    both = Counter((truth[r], owner[r]) for r in truth if r in owner)
    by_incident = Counter(truth[r] for r in truth if r in owner)
    by_event = Counter(owner[r] for r in truth if r in owner)

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    right, gold, found = pairs(both), pairs(by_incident), pairs(by_event)
    return {"merge_precision": round(right / found, 4) if found else None,
            "merge_recall": round(right / gold, 4) if gold else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--commit-every", type=int, default=50)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--memory-limit", default="512MB", help="DuckDB buffer pool cap")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            results.append(bench(size, args.commit_every, Path(folder), args.memory_limit))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    base = results[0]["ms_per_event"]
    for result in results:
        result["cost_per_event_vs_smallest"] = round(result["ms_per_event"] / base, 2)
    text = json.dumps(results, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
