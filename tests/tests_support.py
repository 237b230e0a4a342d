"""Helpers shared by tests (imported as a plain module; tests/ is on sys.path via conftest)."""

from __future__ import annotations

from pathlib import Path

from flashpoint.model import Event

ROOT = Path(__file__).resolve().parents[1]


def minimal_event(**fields) -> Event:
    record = {
        "id": "ev-test",
        "kind": "specific",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "trigger": {"text": "airstrike", "start": 0, "end": 9, "lexicon": "triggers.v1:airstrike"},
        "extractor": {"version": "test"},
    }
    record.update(fields)
    return Event.model_validate(record)
