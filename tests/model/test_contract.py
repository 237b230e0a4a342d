"""The event contract: the published JSON Schema matches the model, and the model refuses inconsistent records."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from tests_support import ROOT, minimal_event

from flashpoint.cli.schema import schema_text
from flashpoint.model import Event


def test_docs_schema_is_current():
    published = (ROOT / "docs" / "event.schema.json").read_text(encoding="utf-8")
    assert published == schema_text(), "docs/event.schema.json is stale: run `make docs`"


def test_sub_event_type_must_belong_to_event_type():
    with pytest.raises(ValidationError, match="not a sub-type"):
        minimal_event(event_type="Battles", sub_event_type="Air/drone strike")


def test_evidence_ids_must_exist():
    with pytest.raises(ValidationError, match="evidence id"):
        minimal_event(date={"start": "2020-01-01", "end": "2020-01-01", "evidence": ["e9"]})


def test_span_text_must_match_its_offsets():
    with pytest.raises(ValidationError, match="does not match"):
        minimal_event(evidence={"e1": {"doc": "d", "start": 0, "end": 3, "text": "four"}})


def test_disorder_type_follows_event_type():
    event = minimal_event(event_type="Protests", sub_event_type="Peaceful protest")
    assert event.disorder_type == "Demonstrations"
    assert isinstance(event, Event)
