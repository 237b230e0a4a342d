"""Actor-stage fixtures: the real bundled dictionary and normaliser, built once per session."""

from __future__ import annotations

import pytest

from flashpoint.extract.actors import ActorDictionary, ActorNormalizer


@pytest.fixture(scope="session")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="session")
def normalizer(dictionary: ActorDictionary) -> ActorNormalizer:
    return ActorNormalizer(dictionary)
