"""Benchmark: Dask LocalCluster with 1 and 2 workers against ``--workers 2``.

    python benchmarks/bench_dask.py [--limit N]

Prints JSON: the whole ``flashpoint extract`` run on ``articles.jsonl`` (start-up, cluster start included) with
``--dask local --workers 1``, ``--dask local --workers 2`` and ``--workers 2``; Dask's 2-vs-1 speed-up and how far
Dask with 2 workers is from ``--workers 2`` (target: within 15 %).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import cli, corpus_dir, emit, subset, texts

RUNS = {
    "dask_1_worker": ("--dask", "local", "--workers", "1"),
    "dask_2_workers": ("--dask", "local", "--workers", "2"),
    "processes_2_workers": ("--workers", "2"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="Only the first N articles.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = subset(corpus_dir() / "articles.jsonl", args.limit, Path(scratch))
        seconds = {name: cli("extract", "--format", "jsonl", "--no-progress", *options, str(path)).seconds
                   for name, options in RUNS.items()}
        emit({
            "articles": len(texts(path)),
            "seconds": {name: round(value, 2) for name, value in seconds.items()},
            "dask_speedup_2_vs_1": round(seconds["dask_1_worker"] / seconds["dask_2_workers"], 2),
            "dask_2_vs_processes_2": round(seconds["dask_2_workers"] / seconds["processes_2_workers"], 2),
        })


if __name__ == "__main__":
    main()
