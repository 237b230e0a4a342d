"""Shared by the throughput benchmarks: where the corpus is, timed subprocess runs, and small formatting helpers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_dir() -> Path:
    """Where ``tools/bench/build_corpus.py`` writes by default (run it first)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "flashpoint" / "bench-corpus"
    if not (folder / "corpus.jsonl").is_file():
        sys.exit(f"no benchmark corpus in {folder}: run `python tools/bench/build_corpus.py` first")
    return folder


def subset(source: Path, limit: int | None, folder: Path) -> Path:
    """The first ``limit`` lines of a JSON Lines file, written beside the benchmark's other files."""
    if limit is None:
        return source
    target = folder / f"{source.stem}-{limit}.jsonl"
    with source.open(encoding="utf-8") as handle:
        lines = [line for _, line in zip(range(limit), handle, strict=False)]
    target.write_text("".join(lines), encoding="utf-8")
    return target


def texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


@dataclass(frozen=True)
class Timed:
    seconds: float
    stderr: str


def timed(*args: str, env: dict[str, str] | None = None) -> Timed:
    """Wall time of one whole subprocess (start-up included); output to /dev/null, stderr kept."""
    began = time.perf_counter()
    done = subprocess.run(list(args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, check=False)
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{done.stderr}")
    return Timed(seconds, done.stderr)


def cli(*args: str) -> Timed:
    """``flashpoint ARGS`` as a user runs it (``python -m flashpoint``)."""
    return timed(sys.executable, "-m", "flashpoint", *args)


def spacy_alone(path: Path, processes: int, batch_size: int = 32) -> Timed:
    """spaCy by itself over the same texts: load the model, ``nlp.pipe`` everything, in a fresh interpreter."""
    script = (
        "import json,sys\n"
        "from flashpoint.nlp import load_pipeline\n"
        "texts=[json.loads(l)['text'] for l in open(sys.argv[1],encoding='utf-8') if l.strip()]\n"
        "nlp=load_pipeline()\n"
        f"for _ in nlp.pipe(texts,batch_size={batch_size},n_process={processes}): pass\n"
    )
    return timed(sys.executable, "-c", script, str(path))


def words(path: Path) -> int:
    return sum(len(t.split()) for t in texts(path))


def machine() -> str:
    import platform

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return (f"{cpu}, {os.cpu_count()} logical CPUs (shared with other jobs), {memory} GB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def emit(payload: dict) -> None:
    print(json.dumps(payload, indent=2))
