"""Services the routes need, built once per process and handed to each request by FastAPI's dependencies."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from flashpoint import __version__
from flashpoint.api.options import ApiOptions
from flashpoint.model import Document
from flashpoint.store import Store
from flashpoint.store.database import snapshot_path

if TYPE_CHECKING:
    from flashpoint.pipeline import DocumentResult, Pipeline

Stamp = tuple[int, int, int] | None


class StoreProvider:
    """The database opened read-only once — its published snapshot when there is one, so `flashpoint ingest` can
    write meanwhile (docs/store.md) — and reopened when a writer publishes a newer snapshot.

    Each request reads through its own cursor (a DuckDB connection is not shared between threads). DuckDB keeps
    one instance per file path in a process, so a newer snapshot is opened only after the requests reading the old
    one have finished: new requests wait for that moment (a few milliseconds).
    """

    def __init__(self, path: Path, memory_limit: str | None = None, reload_seconds: float = 1.0,
                 clock: Callable[[], float] = time.monotonic):
        self.path = Path(path)
        self.memory_limit = memory_limit
        self.reload_seconds = reload_seconds
        self.clock = clock
        self._cond = threading.Condition()
        self._store: Store | None = None
        self._stamp: Stamp = None
        self._checked = float("-inf")
        self._active = 0
        self._reloading = False

    @property
    def version(self) -> str:
        return Store.version

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A Store reading through a cursor of its own, for the duration of one request."""
        base = self._acquire()
        cursor = base.con.cursor()
        try:
            yield Store(cursor, base.path, read_only=True, snapshot=base.snapshot)
        finally:
            cursor.close()
            with self._cond:
                self._active -= 1
                self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._cond.wait_for(lambda: self._active == 0)
            if self._store is not None:
                self._store.close()
                self._store = None

    def _acquire(self) -> Store:
        with self._cond:
            self._cond.wait_for(lambda: not self._reloading)
            if self._stale():
                self._reloading = True
                try:
                    self._cond.wait_for(lambda: self._active == 0)
                    self._reopen()
                finally:
                    self._reloading = False
                    self._cond.notify_all()
            assert self._store is not None
            self._active += 1
            return self._store

    def _stale(self) -> bool:
        if self._store is None:
            return True
        now = self.clock()
        if now - self._checked < self.reload_seconds:
            return False
        self._checked = now
        return _stamp(snapshot_path(self.path)) != self._stamp

    def _reopen(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        stamp = _stamp(snapshot_path(self.path))
        self._store = Store.open(self.path, read_only=True, prefer_snapshot=True, memory_limit=self.memory_limit)
        # concurrent requests each get a cursor: one thread apiece keeps them from oversubscribing the cores
        self._store.con.execute("SET threads TO 1")
        self._stamp, self._checked = stamp, self.clock()


def _stamp(path: Path) -> Stamp:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


class ExtractorProvider:
    """The extractor, built on first use (loading spaCy and the gazetteer takes seconds), then kept for the life of
    the process; one extraction runs at a time."""

    def __init__(self, build: Callable[[], Pipeline]):
        self.build = build
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    @property
    def version(self) -> str:
        return __version__

    def extract(self, document: Document) -> DocumentResult:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self.build()
            return next(iter(self._pipeline.run([document])))


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.stores.reader() as store:
        yield store


def get_extractor(request: Request) -> ExtractorProvider:
    return request.app.state.extractor


def get_options(request: Request) -> ApiOptions:
    return request.app.state.options


StoreDep = Annotated[Store, Depends(get_store)]
ExtractorDep = Annotated[ExtractorProvider, Depends(get_extractor)]
OptionsDep = Annotated[ApiOptions, Depends(get_options)]
