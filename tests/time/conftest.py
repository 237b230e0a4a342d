"""Fixtures for the time tests: one resolver (it compiles the vocabulary) for the session."""

from __future__ import annotations

import pytest

from flashpoint.extract.time import TimeResolver


@pytest.fixture(scope="session")
def resolver() -> TimeResolver:
    return TimeResolver()
