"""Benchmark: end-to-end extraction vs spaCy alone, and CLI start-up.

    python benchmarks/bench_extract.py [--limit N] [--processes 1 2]

On the corpus's ``articles.jsonl`` (300 full-length news articles; ``tools/bench/build_corpus.py``), for each
process count: the whole ``flashpoint extract --format jsonl`` run (start-up included) against spaCy alone
(load the model, ``nlp.pipe`` the same texts with as many processes), both in fresh interpreters. Prints JSON:
seconds, articles/s, words/s and the ratio CLI ÷ spaCy (target ≤ 1.5), plus CLI start-up until the first document
is read (target ≤ 1.5 s) and the slowest imports on that path.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import cli, corpus_dir, emit, spacy_alone, subset, texts, words

FIRST_DOCUMENT = (
    "from flashpoint.cli import app\n"
    "from flashpoint.cli.common import err_console, load_settings\n"
    "from flashpoint.cli.reading import ProblemPrinter, read_inputs\n"
    "import sys\n"
    "documents, _ = read_inputs([sys.argv[1]], load_settings(), None, ProblemPrinter(err_console()))\n"
    "next(documents)\n"
    "print('first', flush=True)\n"
)
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def startup_seconds(path: Path, repeats: int = 3) -> float:
    """Median wall time from launching the interpreter to the first document read, as ``flashpoint`` does it."""
    runs = []
    for _ in range(repeats):
        began = time.perf_counter()
        with subprocess.Popen([sys.executable, "-c", FIRST_DOCUMENT, str(path)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True) as child:
            child.stdout.readline()
            runs.append(time.perf_counter() - began)
            child.wait()
    return round(statistics.median(runs), 3)


def slow_imports(top: int = 8) -> list[dict]:
    """The modules that cost most to import with ``flashpoint.cli`` (cumulative, nested two levels deep at most)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import flashpoint.cli"], capture_output=True,
                          text=True, check=True)
    found = []
    for line in done.stderr.splitlines():
        match = IMPORT_LINE.match(line)
        if match and len(match.group(3)) <= 5 and match.group(4) != "flashpoint.cli":
            found.append({"module": match.group(4), "seconds": round(int(match.group(2)) / 1e6, 3)})
    return sorted(found, key=lambda m: -m["seconds"])[:top]


def measure(path: Path, processes: int) -> dict:
    count, total_words = len(texts(path)), words(path)
    spacy = spacy_alone(path, processes).seconds
    run = cli("extract", "--format", "jsonl", "--no-progress", "--workers", str(processes), str(path)).seconds
    return {
        "processes": processes,
        "articles": count,
        "words": total_words,
        "spacy_seconds": round(spacy, 2),
        "flashpoint_seconds": round(run, 2),
        "flashpoint_articles_per_s": round(count / run, 2),
        "flashpoint_words_per_s": round(total_words / run),
        "spacy_words_per_s": round(total_words / spacy),
        "ratio_vs_spacy": round(run / spacy, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="Only the first N articles.")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = subset(corpus_dir() / "articles.jsonl", args.limit, Path(folder))
        emit({
            "startup_to_first_document_s": startup_seconds(path),
            "slowest_imports": slow_imports(),
            "runs": [measure(path, n) for n in args.processes],
        })


if __name__ == "__main__":
    main()
