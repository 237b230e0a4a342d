"""What a chunk of documents becomes on a worker: results, failures, the extractor's key and the worker's memory."""

from __future__ import annotations

import hashlib
import os
import resource
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from flashpoint.model import Document

if TYPE_CHECKING:
    from flashpoint.pipeline import DocumentResult
    from flashpoint.resolve.assemble import ExtractorInfo


@dataclass(frozen=True)
class Failure:
    """A document the extractor could not process; the others in its chunk are still extracted."""

    document: Document
    error: str

    def __str__(self) -> str:
        return f"{self.document.origin}: extraction failed: {self.error}"


@dataclass(frozen=True)
class WorkerStats:
    """Which process did the work and its peak resident memory so far (MB)."""

    worker: str
    peak_rss_mb: float


@dataclass
class ChunkResult:
    """The outcomes of one chunk, in input order (``DocumentResult`` or ``Failure`` each)."""

    outcomes: list[DocumentResult | Failure] = field(default_factory=list)
    extractor: str = ""
    stats: WorkerStats | None = None


def extractor_key(info: ExtractorInfo) -> str:
    """The extractor's version key: code version plus a hash of model, lexicon and gazetteer versions.

    The store compares these keys to decide what ``flashpoint reprocess`` must redo.
    """
    parts = [info.model or "", info.gazetteer or "", *(f"{k}={v}" for k, v in sorted(info.lexicons.items()))]
    return f"{info.version}+{hashlib.sha256('|'.join(parts).encode()).hexdigest()[:12]}"


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (Linux reports kilobytes)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def this_worker(name: str | None = None) -> WorkerStats:
    """This process's name (``pid-N`` unless given) and peak memory."""
    return WorkerStats(name or f"pid-{os.getpid()}", peak_rss_mb())
