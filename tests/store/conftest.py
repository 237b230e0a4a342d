"""Fixtures of the store tests: a ticking clock, a real DuckDB file, the CLI app with the store's commands."""

from __future__ import annotations

import datetime as dt

import pytest
import typer


class TickingClock:
    """A clock that moves one second per call (timestamps differ yet are reproducible)."""

    def __init__(self, start: dt.datetime = dt.datetime(2024, 1, 1)):
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "events.duckdb"


def store_app() -> typer.Typer:
    """The flashpoint app, with ingest/events/export/reprocess registered if the lead has not yet."""
    from flashpoint.cli import app, events, export, ingest, reprocess

    names = {command.name for command in app.registered_commands}
    for module in (ingest, events, export, reprocess):
        if module.__name__.rsplit(".", 1)[1] not in names:
            module.register(app)
    return app


@pytest.fixture(scope="session")
def cli_app() -> typer.Typer:
    return store_app()
