"""The streaming batch runner: documents in lazily, chunks out to an executor, results back in input order.

At most ``executor.slots`` chunks are read ahead and in work at once, so memory does not grow with the corpus;
each result is yielded as soon as every earlier one has been, so output is byte-identical to a plain run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from flashpoint.batch.chunks import chunked
from flashpoint.batch.outcome import ChunkResult, Failure, WorkerStats
from flashpoint.errors import FlashpointError
from flashpoint.model import Document
from flashpoint.settings import Settings

OnFailure = Callable[[Failure], None]
Prepare = Callable[[], None]


class Executor(Protocol):
    """Where chunks are extracted: this process, local worker processes, or a Dask cluster."""

    slots: int  # chunks in work at once
    workers: int

    def submit(self, chunk: list[Document]) -> Any: ...
    def result(self, handle: Any) -> ChunkResult: ...
    def key(self) -> str: ...
    def close(self) -> None: ...


class BatchRunner:
    """Runs a document stream through an executor; a context manager that stops its workers on exit."""

    def __init__(self, executor: Executor, chunk_size: int, on_failure: OnFailure | None = None):
        if chunk_size < 1:
            raise FlashpointError("the chunk size must be at least 1")
        self.executor = executor
        self.chunk_size = chunk_size
        self.on_failure = on_failure or _raise
        self.workers: dict[str, WorkerStats] = {}
        self.failures = 0
        self._key: str | None = None

    def __enter__(self) -> BatchRunner:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is None:
            self.executor.close()
        else:
            getattr(self.executor, "terminate", self.executor.close)()

    def run(self, documents: Iterable[Document]) -> Iterator[Any]:
        """``DocumentResult`` per extracted document, in input order; failures go to ``on_failure``."""
        pending: deque = deque()
        for chunk in chunked(documents, self.chunk_size):
            pending.append(self.executor.submit(chunk))
            while len(pending) >= self.executor.slots:
                yield from self._collect(pending.popleft())
        while pending:
            yield from self._collect(pending.popleft())

    def extractor_key(self) -> str:
        """The key of the extractor that did the work (asked of a worker if nothing has been extracted yet)."""
        if self._key is None:
            self._key = self.executor.key()
        return self._key

    def peak_rss_mb(self) -> dict[str, float]:
        """Peak resident memory of each worker that returned a result (MB)."""
        return {name: stats.peak_rss_mb for name, stats in sorted(self.workers.items())}

    def _collect(self, handle: Any) -> Iterator[Any]:
        result = self.executor.result(handle)
        self._key = self._key or result.extractor
        if result.stats is not None:
            self.workers[result.stats.worker] = result.stats
        for outcome in result.outcomes:
            if isinstance(outcome, Failure):
                self.failures += 1
                self.on_failure(outcome)
            else:
                yield outcome


def _raise(failure: Failure) -> None:
    raise FlashpointError(str(failure))


def open_runner(settings: Settings, workers: int | None = None, dask: str | None = None,
                on_failure: OnFailure | None = None, chunk_size: int | None = None, pipeline: Any = None,
                prepare: Prepare | None = None) -> BatchRunner:
    """A runner for these options: ``dask`` (a scheduler address or ``local``) wins over ``workers``; one
    worker and no Dask extracts in this process (with ``pipeline`` if one is already open).

    Nothing starts until the first chunk is submitted; ``prepare`` (e.g. building the gazetteer index once) is
    called just before, in this process, unless the work goes to a remote Dask cluster."""
    count = workers or settings.workers
    if count < 1:
        raise FlashpointError("--workers must be at least 1")
    executor: Executor
    if dask:
        try:
            from flashpoint.batch.cluster import DaskExecutor
        except ModuleNotFoundError as err:
            raise FlashpointError(f"--dask needs Dask ({err}): pip install 'dask[distributed]==2026.8.0'") from err
        executor = DaskExecutor(settings, dask, count, prepare=prepare)
    elif count > 1:
        from flashpoint.batch.processes import ProcessExecutor

        executor = ProcessExecutor(settings, count, prepare=prepare)
    else:
        from flashpoint.batch.serial import SerialExecutor

        executor = SerialExecutor(settings, pipeline, prepare=prepare)
    return BatchRunner(executor, chunk_size or settings.batch_size, on_failure)
