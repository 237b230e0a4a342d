"""Benchmark: peak resident memory (RSS) per worker, and the parent's memory as the stream goes by.

    python benchmarks/bench_memory.py [--limit N] [--workers N]

Runs the batch runner over the first ``limit`` documents of ``corpus.jsonl`` with local worker processes and then
with a Dask LocalCluster, and prints JSON: each worker's peak RSS in MB (target < 1,500) and the parent's current
RSS after each quarter of the stream (it should stay flat: documents are read lazily, a bounded number in flight).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from timing import corpus_dir, emit, subset, texts

from flashpoint.batch import open_runner
from flashpoint.cli.common import err_console, load_settings
from flashpoint.cli.reading import ProblemPrinter, read_inputs

PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20


def current_rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return round(int(handle.read().split()[1]) * PAGE_MB, 1)


def measure(path: Path, workers: int, dask: str | None) -> dict:
    settings = load_settings(workers=workers)
    total = len(texts(path))
    marks = {total * q // 4 for q in (1, 2, 3, 4)}
    parent = []
    documents, _ = read_inputs([path], settings, None, ProblemPrinter(err_console()))
    with open_runner(settings, dask=dask, on_failure=lambda failure: None) as runner:
        for done, _ in enumerate(runner.run(documents), start=1):
            if done in marks:
                parent.append(current_rss_mb())
        peaks = runner.peak_rss_mb()
    return {"workers_peak_rss_mb": peaks, "max_worker_peak_rss_mb": max(peaks.values(), default=0.0),
            "parent_rss_mb_by_quarter": parent}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400, help="The first N documents of corpus.jsonl.")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = subset(corpus_dir() / "corpus.jsonl", args.limit, Path(scratch))
        emit({"documents": args.limit,
              "processes": measure(path, args.workers, None),
              "dask_local": measure(path, args.workers, "local")})


if __name__ == "__main__":
    main()
