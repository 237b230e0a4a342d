"""Extraction on a Dask cluster (``--dask tcp://host:8786`` or ``--dask local``).

Every Dask worker opens one Pipeline when a ``PipelinePlugin`` is registered with it (and when it joins later),
and keeps it as the plugin's attribute; tasks extract whole chunks with it. Results come back to the client, which
yields them in input order, so output (and the store, written by the client only) is the same as a plain run.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from flashpoint.batch.chunks import extract_chunk
from flashpoint.batch.outcome import ChunkResult, extractor_key
from flashpoint.errors import FlashpointError
from flashpoint.model import Document
from flashpoint.settings import Settings

PLUGIN_NAME = "flashpoint-pipeline"
LOCAL = "local"
CONNECT_SECONDS = 30


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin holding the worker's Pipeline (one per worker; a lock serialises its threads)."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pipeline: Any = None
        self.lock: Any = None

    async def setup(self, worker: Any) -> None:
        """Open the Pipeline in a thread so the worker keeps answering the scheduler meanwhile."""
        from flashpoint.pipeline import Pipeline

        self.lock = threading.Lock()
        self.pipeline = await asyncio.to_thread(Pipeline.open, self.settings)

    def __getstate__(self) -> dict:
        return {"settings": self.settings, "pipeline": None, "lock": None}


def extract_on_worker(chunk: list[Document]) -> ChunkResult:
    """The task run on a Dask worker: extract one chunk with the worker's own Pipeline."""
    worker = get_worker()
    plugin = worker.plugins[PLUGIN_NAME]
    with plugin.lock:
        return extract_chunk(plugin.pipeline, chunk, worker=f"dask-{worker.name}")


def key_on_worker() -> str:
    """The extractor key of the Pipeline on the worker this task runs on."""
    return extractor_key(get_worker().plugins[PLUGIN_NAME].pipeline.extractor)


class DaskExecutor:
    """Chunks submitted as Dask tasks; the cluster is reached (or a LocalCluster started) on the first chunk."""

    def __init__(self, settings: Settings, address: str, workers: int = 1, per_thread: int = 2,
                 prepare: Callable[[], None] | None = None):
        self.settings = settings
        self.prepare = prepare
        self.address = address
        self.workers = workers
        self.per_thread = per_thread
        self.slots = workers * per_thread
        self._client: Any = None
        self._cluster: Any = None

    def submit(self, chunk: list[Document]) -> Any:
        client = self._start()
        return client.submit(extract_on_worker, chunk, pure=False)

    def result(self, handle: Any) -> ChunkResult:
        return handle.result()

    def key(self) -> str:
        return self._start().submit(key_on_worker, pure=False).result()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    terminate = close

    def _start(self) -> Any:
        if self._client is not None:
            return self._client
        if self.address == LOCAL:
            if self.prepare is not None:
                self.prepare()
            self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
        else:
            try:
                self._client = Client(self.address, timeout=CONNECT_SECONDS)
            except (OSError, TimeoutError) as err:
                raise FlashpointError(f"cannot reach the Dask scheduler at {self.address} ({err}); start one with "
                                      "`dask scheduler` or use --dask local") from err
        self._client.register_plugin(PipelinePlugin(self.settings), name=PLUGIN_NAME)
        threads = sum(self._client.nthreads().values()) or self.workers
        self.workers = len(self._client.nthreads()) or self.workers
        self.slots = threads * self.per_thread
        return self._client
