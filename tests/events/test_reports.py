"""The whole path on short conflict reports written for these tests (one per kind of violence)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.model import Document, Event


def extract(pipeline, text: str, published: str) -> list[Event]:
    document = Document(id="t", text=text, published=dt.date.fromisoformat(published), origin="test")
    return next(pipeline.run([document])).events


def only(events: list[Event], **where) -> Event:
    found = [e for e in events if all(getattr(e, k) == v for k, v in where.items())]
    assert len(found) == 1, [(e.kind, e.event_type, e.sub_event_type, e.trigger.text) for e in events]
    return found[0]


def assert_evidence_reproduces_text(event: Event, text: str) -> None:
    for span in event.evidence.values():
        assert text[span.start : span.end] == span.text


AIRSTRIKE = (
    "Russian warplanes struck the town of Maarrat Misrin in Idlib province on Tuesday, killing five civilians, "
    "including two children, according to the Syrian Observatory for Human Rights."
)
IED = (
    "A roadside bomb exploded next to a military convoy near Baidoa on Sunday, killing three Somali soldiers and "
    "wounding four others, a police officer told reporters."
)
PROTEST = (
    "Hundreds of teachers marched through central Nairobi on Monday to demand higher pay. Police fired tear gas to "
    "disperse the crowd and arrested 12 protesters, witnesses said."
)
ABDUCTION = (
    "Gunmen abducted 15 passengers from a bus on the Kaduna-Abuja highway late on Friday, police in Kaduna State "
    "said on Saturday."
)
CLASH = (
    "Fighters of the Rapid Support Forces clashed with army troops in El Fasher on Wednesday. At least 20 people "
    "were killed in the fighting, medics said."
)


def test_airstrike(pipeline):
    events = extract(pipeline, AIRSTRIKE, "2021-03-11")
    event = only(events, kind="specific")
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert event.date.start == event.date.end == dt.date(2021, 3, 9)
    assert event.location is not None and event.location.iso3 == "SYR"
    assert event.actor("actor1").country == "RUS"
    assert event.actor("actor2").sector == "CVL"
    assert event.civilian_targeting
    assert (event.fatalities.low, event.fatalities.best) == (5, 5)
    assert any(c.claimant and "Observatory" in c.claimant.name for c in event.claims)
    assert_evidence_reproduces_text(event, AIRSTRIKE)


def test_roadside_bomb(pipeline):
    event = only(extract(pipeline, IED, "2022-06-13"), kind="specific")
    assert (event.event_type, event.sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert event.date.start == dt.date(2022, 6, 12)
    assert event.location.iso3 == "SOM" and event.location.relation == "near"
    assert event.fatalities.best == 3 and event.injured.best == 4
    assert event.actor("actor2").sector == "MIL"
    assert_evidence_reproduces_text(event, IED)


def test_protest_with_intervention_and_arrests(pipeline):
    events = extract(pipeline, PROTEST, "2023-09-12")
    protests = [e for e in events if e.event_type == "Protests"]
    assert len(protests) == 1
    protest = protests[0]
    assert protest.sub_event_type == "Protest with intervention"
    assert protest.location.name == "Nairobi"
    assert any(c.what == "crowd" and c.low == 100 for c in protest.counts)
    assert any(c.what == "arrested" and c.best == 12 for e in events for c in e.counts)
    for event in events:
        assert_evidence_reproduces_text(event, PROTEST)


def test_abduction(pipeline):
    event = only(extract(pipeline, ABDUCTION, "2021-07-10"), kind="specific")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Abduction/forced disappearance")
    assert event.date.start == dt.date(2021, 7, 9)
    assert event.location.iso3 == "NGA"
    assert any(c.what == "abducted" and c.best == 15 for c in event.counts)
    assert event.actor("actor1").name.startswith("Unidentified Armed Group")


def test_armed_clash_told_in_two_sentences_is_one_event(pipeline):
    events = [e for e in extract(pipeline, CLASH, "2024-05-16") if e.kind == "specific"]
    assert len(events) == 1
    event = events[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor("actor1").name == "Rapid Support Forces"
    assert event.actor("actor2").country == "SDN" and event.actor("actor2").sector == "MIL"
    assert event.location.iso3 == "SDN"
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (20, 20, None)
    assert event.date.start == dt.date(2024, 5, 15)


@pytest.mark.parametrize("text", [AIRSTRIKE, IED, PROTEST, ABDUCTION, CLASH])
def test_output_is_deterministic(pipeline, text):
    first = [e.model_dump_json() for e in extract(pipeline, text, "2024-01-10")]
    second = [e.model_dump_json() for e in extract(pipeline, text, "2024-01-10")]
    assert first == second


def test_the_blast_refers_back_to_the_bombing_not_to_an_attack_without_means(pipeline):
    text = ("A car bomb killed nine soldiers at a checkpoint in Gao on Tuesday. It came two days after rebels "
            "killed four villagers in an attack near Menaka. Five men were arrested over the blast.")
    events = extract(pipeline, text, "2023-03-15")
    assert only(events, kind="specific", event_type="Explosions/Remote violence").location.name == "Gao"
    attack = only(events, kind="specific", event_type="Violence against civilians")
    assert (attack.sub_event_type, attack.trigger.text, attack.location.name) == ("Attack", "attack", "Ménaka")
