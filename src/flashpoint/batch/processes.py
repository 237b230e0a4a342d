"""Extraction on local worker processes (``--workers N``).

Each worker is a fresh interpreter (the ``spawn`` start method: a loaded spaCy model is never forked) that opens
its own Pipeline once and then takes chunks from a shared queue until it gets ``None``. The parent only reads
documents, hands out chunks and collects results, so whatever writes the output (or the store) stays in one process.
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
from collections.abc import Callable
from typing import Any

from flashpoint.batch.chunks import extract_chunk
from flashpoint.batch.outcome import ChunkResult, extractor_key
from flashpoint.errors import FlashpointError
from flashpoint.model import Document
from flashpoint.settings import Settings

POLL_SECONDS = 1.0  # how often a waiting parent checks that its workers are still alive
STOP_SECONDS = 30.0  # how long a worker may take to finish after being told to stop


def serve(settings: Settings, name: str, tasks: Any, results: Any) -> None:
    """A worker's whole life: open the Pipeline, report ready (with the extractor key), extract chunks, stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    try:
        from flashpoint.pipeline import Pipeline

        pipeline = Pipeline.open(settings)
    except Exception as err:  # reported to the parent, which stops the run with this message
        results.put(("failed", name, f"{type(err).__name__}: {err}"))
        return
    results.put(("ready", name, extractor_key(pipeline.extractor)))
    while (task := tasks.get()) is not None:
        sequence, chunk = task
        results.put(("done", sequence, extract_chunk(pipeline, chunk, worker=name)))


class ProcessExecutor:
    """``workers`` processes started on the first chunk; up to ``slots`` chunks queued or in work at once."""

    def __init__(self, settings: Settings, workers: int, start_method: str = "spawn", per_worker: int = 2,
                 prepare: Callable[[], None] | None = None):
        self.settings = settings
        self.prepare = prepare
        self.workers = workers
        self.slots = workers * per_worker
        self.start_method = start_method
        self._processes: list = []
        self._tasks: Any = None
        self._results: Any = None
        self._done: dict[int, ChunkResult] = {}
        self._next = 0
        self._key: str | None = None

    def submit(self, chunk: list[Document]) -> int:
        self._start()
        sequence, self._next = self._next, self._next + 1
        self._tasks.put((sequence, chunk))
        return sequence

    def result(self, handle: int) -> ChunkResult:
        while handle not in self._done:
            self._receive()
        return self._done.pop(handle)

    def key(self) -> str:
        self._start()
        while self._key is None:
            self._receive()
        return self._key

    def close(self) -> None:
        """Tell idle workers to stop, wait for them, and terminate any that do not."""
        if not self._processes:
            return
        for process in self._processes:
            if process.is_alive():
                self._tasks.put(None)
        for process in self._processes:
            process.join(timeout=STOP_SECONDS)
            if process.is_alive():
                process.terminate()
                process.join()
        self._processes = []
        for channel in (self._tasks, self._results):
            channel.cancel_join_thread()
            channel.close()

    def terminate(self) -> None:
        """Stop every worker now (an error or Ctrl-C in the parent)."""
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join()
        self._processes = []

    def _start(self) -> None:
        if self._processes:
            return
        if self.prepare is not None:
            self.prepare()
            self.prepare = None
        context = multiprocessing.get_context(self.start_method)
        self._tasks, self._results = context.Queue(), context.Queue()
        self._processes = [
            context.Process(target=serve, args=(self.settings, f"worker-{n}", self._tasks, self._results),
                            name=f"flashpoint-worker-{n}", daemon=True)
            for n in range(1, self.workers + 1)
        ]
        for process in self._processes:
            process.start()

    def _receive(self) -> None:
        try:
            message = self._results.get(timeout=POLL_SECONDS)
        except queue.Empty:
            self._check_alive()
            return
        kind, what, payload = message
        if kind == "failed":
            raise FlashpointError(f"{what} could not open the extractor: {payload}")
        if kind == "ready":
            self._key = self._key or payload
        else:
            self._done[what] = payload

    def _check_alive(self) -> None:
        for process in self._processes:
            if process.exitcode is not None:
                raise FlashpointError(f"{process.name} stopped unexpectedly (exit code {process.exitcode}); "
                                      "if it ran out of memory, try fewer --workers or a smaller FLASHPOINT_BATCH_SIZE")
