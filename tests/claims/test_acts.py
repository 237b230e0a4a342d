"""Disputed procedural acts: one source says the other side was warned, the other says it was not."""

from __future__ import annotations

import datetime as dt

from flashpoint.model import Document


def test_warning_affirmed_and_denied_by_two_sources(pipeline):
    text = ("An airstrike hit a market in Mekelle on Monday, killing six people. An army spokesman said residents "
            "had been warned before the strike. Local officials said the army had not warned anyone.")
    document = Document(id="t", text=text, published=dt.date(2022, 6, 22), origin="test")
    events = next(pipeline.run([document])).events
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike" and e.kind == "specific")
    warnings = {(c.value, c.status, c.claimant.name) for c in strike.claims if c.attribute == "warning"}
    assert warnings == {(True, "contested", "army spokesman"), (False, "denied", "Local officials")}
    for claim in strike.claims:
        for ref in claim.evidence:
            span = strike.evidence[ref]
            assert text[span.start : span.end] == span.text


def test_an_unattributed_act_is_not_a_claim(pipeline):
    text = "Troops warned villagers to leave before shelling the town of Bakhmut on Monday."
    document = Document(id="t", text=text, published=dt.date(2022, 6, 22), origin="test")
    events = next(pipeline.run([document])).events
    assert not any(c.attribute == "warning" for e in events for c in e.claims)
