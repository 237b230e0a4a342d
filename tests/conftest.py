"""Shared fixtures: real components, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.nlp import load_pipeline
from flashpoint.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline (en_core_web_sm 3.8.0)."""
    return load_pipeline()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def pipeline(nlp):
    """The whole extractor with the real gazetteer (built on first use into the cache folder)."""
    from flashpoint.extract.places import Gazetteer
    from flashpoint.pipeline import Knowledge, Pipeline

    settings = Settings()
    return Pipeline(settings, nlp, Knowledge.load(settings), Gazetteer.open(settings))
