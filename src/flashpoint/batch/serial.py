"""Extraction in this process: the Pipeline is opened when the first chunk arrives (nothing to do, nothing loaded)."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.batch.chunks import extract_chunk
from flashpoint.batch.outcome import ChunkResult, extractor_key
from flashpoint.model import Document
from flashpoint.settings import Settings


class SerialExecutor:
    """Runs each chunk when its result is asked for; one chunk in flight."""

    slots = 1
    workers = 1

    def __init__(self, settings: Settings, pipeline=None, prepare: Callable[[], None] | None = None):
        self.settings = settings
        self._pipeline = pipeline
        self._prepare = prepare

    def pipeline(self):
        """The Pipeline, opened (after ``prepare``) on first use."""
        if self._pipeline is None:
            from flashpoint.pipeline import Pipeline

            if self._prepare is not None:
                self._prepare()
            self._pipeline = Pipeline.open(self.settings)
        return self._pipeline

    def submit(self, chunk: list[Document]) -> list[Document]:
        return chunk

    def result(self, handle: list[Document]) -> ChunkResult:
        return extract_chunk(self.pipeline(), handle, worker="main")

    def key(self) -> str:
        return extractor_key(self.pipeline().extractor)

    def close(self) -> None:
        """Nothing to stop: the Pipeline lives as long as this object."""
