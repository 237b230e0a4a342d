"""Benchmark: one vs two local worker processes, and how time grows with a 10× larger corpus.

    python benchmarks/bench_workers.py [--limit N] [--small N]

Prints JSON: the whole ``flashpoint extract --workers 1`` and ``--workers 2`` runs on ``articles.jsonl``
(start-up included) and their speed-up (target ≥ 1.35); then, with one extractor already open in this process,
the time for the first ``small`` reports of ``short.jsonl`` and for ten times as many, and that ratio (target ≤ 10.5).
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from pathlib import Path

from timing import cli, corpus_dir, emit, subset, texts, words

from flashpoint.batch import open_runner
from flashpoint.cli.common import err_console, load_settings
from flashpoint.cli.reading import ProblemPrinter, read_inputs


def workers(path: Path) -> dict:
    seconds = {}
    for count in (1, 2):
        seconds[count] = cli("extract", "--format", "jsonl", "--no-progress", "--workers", str(count),
                             str(path)).seconds
    count, total = len(texts(path)), words(path)
    return {
        "articles": count,
        "words": total,
        "one_worker_seconds": round(seconds[1], 2),
        "two_workers_seconds": round(seconds[2], 2),
        "two_workers_words_per_s": round(total / seconds[2]),
        "speedup": round(seconds[1] / seconds[2], 2),
    }


def scaling(path: Path, small: int) -> dict:
    """Extraction time (extractor already open) for ``small`` documents and for ten times as many."""
    settings = load_settings()
    printer = ProblemPrinter(err_console())
    stream, _ = read_inputs([path], settings, None, printer)
    documents = list(itertools.islice(stream, small * 10))  # read first: only extraction is timed
    if len(documents) < small * 10:
        raise SystemExit(f"{path} has fewer than {small * 10} documents")
    with open_runner(settings, workers=1) as runner:
        for _ in runner.run(documents[-20:]):  # warm-up: open the extractor
            pass
        seconds = {}
        for size in (small, small * 10):
            began = time.perf_counter()
            for _ in runner.run(documents[:size]):
                pass
            seconds[size] = time.perf_counter() - began
    return {"documents": [small, small * 10], "seconds": [round(seconds[small], 2), round(seconds[small * 10], 2)],
            "ratio": round(seconds[small * 10] / seconds[small], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="Only the first N articles for 1 vs 2 workers.")
    parser.add_argument("--small", type=int, default=60, help="The smaller corpus of the 10× check.")
    args = parser.parse_args()
    folder = corpus_dir()
    with tempfile.TemporaryDirectory() as scratch:
        path = subset(folder / "articles.jsonl", args.limit, Path(scratch))
        emit({"workers": workers(path), "tenfold": scaling(folder / "short.jsonl", args.small)})


if __name__ == "__main__":
    main()
