"""Batch runs: a lazy document stream extracted in chunks in this process, on local worker processes
(``--workers N``) or on a Dask cluster (``--dask``), results in input order, with progress on standard error."""

from flashpoint.batch.chunks import chunked, extract_chunk
from flashpoint.batch.outcome import ChunkResult, Failure, WorkerStats, extractor_key
from flashpoint.batch.progress import BatchProgress
from flashpoint.batch.runner import BatchRunner, Executor, open_runner
from flashpoint.batch.total import count_documents

__all__ = [
    "BatchProgress",
    "BatchRunner",
    "ChunkResult",
    "Executor",
    "Failure",
    "WorkerStats",
    "chunked",
    "count_documents",
    "extract_chunk",
    "extractor_key",
    "open_runner",
]
