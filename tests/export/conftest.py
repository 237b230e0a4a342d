"""A store holding the store tests' reports (real extractor, real DuckDB file), shared by the export tests."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from store.corpus import REPORTS, WIRE_COPY, document

from flashpoint.store import Ingestor, Store


@pytest.fixture(scope="module")
def filled_store(pipeline, tmp_path_factory):
    ticks = itertools.count(1)
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    store = Store.open(path, clock=lambda: dt.datetime(2024, 1, 1) + dt.timedelta(seconds=next(ticks)))
    Ingestor(store, pipeline.run, lambda: "test").ingest([document(r) for r in (*REPORTS, WIRE_COPY)])
    yield store
    store.close()
