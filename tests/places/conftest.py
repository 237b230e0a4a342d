"""The real gazetteer (built once into the user's cache on first use) and a geoparser over it."""

from __future__ import annotations

import pytest

from flashpoint.extract.places import Gazetteer, Geoparser
from flashpoint.settings import Settings


@pytest.fixture(scope="session")
def gazetteer():
    gaz = Gazetteer.open(Settings())
    yield gaz
    gaz.close()


@pytest.fixture(scope="session")
def geoparser(gazetteer):
    return Geoparser(gazetteer)


@pytest.fixture(scope="session")
def parse(nlp, geoparser):
    def run(text: str):
        return geoparser.parse(nlp(text))

    return run
