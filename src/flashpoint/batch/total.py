"""How many documents a run will read, counted cheaply before it starts (for the progress bar's ETA)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from flashpoint.ingest.readers import DOCUMENT_SUFFIXES, JSONL_SUFFIXES, SIDECAR_SUFFIX

BLOCK = 1 << 20


def count_documents(paths: Sequence[Path]) -> int | None:
    """Files count one each, JSON Lines files one per line; ``None`` when unknowable without reading
    everything (standard input, a JSON array)."""
    total = 0
    for raw in paths:
        if str(raw) == "-":
            return None
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if _is_document(p, path)) if path.is_dir() else [path]
        for file in files:
            count = _count_file(file)
            if count is None:
                return None
            total += count
    return total


def _is_document(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return (path.suffix.lower() in DOCUMENT_SUFFIXES and not path.name.endswith(SIDECAR_SUFFIX)
            and not any(part.startswith(".") for part in parts) and path.is_file())


def _count_file(path: Path) -> int | None:
    if not path.is_file():
        return 0
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return _count_lines(path)
    if suffix == ".json":
        with path.open("rb") as handle:
            head = handle.read(4096).lstrip()[:1]
        return None if head == b"[" else 1
    return 1


def _count_lines(path: Path) -> int:
    """Lines, counted a block at a time (blank lines, rare in JSON Lines, make the estimate a little high)."""
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")
