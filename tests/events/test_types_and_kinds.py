"""Event types, kinds and boundaries on short reports written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.model import Document, Event

PUBLISHED = dt.date(2023, 3, 15)  # a Wednesday


def extract(pipeline, text: str) -> list[Event]:
    document = Document(id="t", text=text, published=PUBLISHED, origin="test")
    return next(pipeline.run([document])).events


def kinds(events: list[Event]) -> list[tuple[str, str | None]]:
    return [(e.kind, e.sub_event_type or (e.plover.type if e.plover else None)) for e in events]


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        ("Soldiers and rebels clashed for hours near Goma on Monday.", "Battles", "Armed clash"),
        ("Government troops and rebels exchanged artillery fire near Hodeidah on Monday.", "Battles", "Armed clash"),
        ("Government forces recaptured the town of Sake from the rebels on Monday.", "Battles",
         "Government regains territory"),
        ("Al-Shabaab fighters seized the town of Bulo Burde on Monday after government troops withdrew.", "Battles",
         "Non-state actor overtakes territory"),
        ("A drone strike hit a house in Mir Ali on Monday.", "Explosions/Remote violence", "Air/drone strike"),
        ("Artillery shells landed on the outskirts of Kramatorsk on Monday.", "Explosions/Remote violence",
         "Shelling/artillery/missile attack"),
        ("Insurgents fired rocket-propelled grenades at a police post in Lashkar Gah on Monday.",
         "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("A suicide bomber blew himself up at a checkpoint in Mogadishu on Monday.", "Explosions/Remote violence",
         "Suicide bomb"),
        ("A roadside bomb struck a police vehicle in Kandahar on Monday.", "Explosions/Remote violence",
         "Remote explosive/landmine/IED"),
        ("Attackers threw a grenade into a bar in Bujumbura on Monday.", "Explosions/Remote violence", "Grenade"),
        ("Gunmen shot dead two farmers in their fields near Jos on Monday.", "Violence against civilians", "Attack"),
        ("Armed men kidnapped a priest from his parish in Kaduna on Monday.", "Violence against civilians",
         "Abduction/forced disappearance"),
        ("Hundreds of students marched peacefully through Dhaka on Monday to demand safer roads.", "Protests",
         "Peaceful protest"),
        ("Rioters set fire to a police station in Kisumu on Monday.", "Riots", "Violent demonstration"),
        ("Police arrested 14 opposition activists in Harare on Monday.", "Strategic developments", "Arrests"),
        ("The army and the rebels signed a ceasefire agreement in Juba on Monday.", "Strategic developments",
         "Agreement"),
        ("Three pistols and a box of bullets were seized in Tamale on Monday.", "Strategic developments",
         "Disrupted weapons use"),
        ("Explosive devices were discovered under a bridge near Gao on Monday.", "Strategic developments",
         "Disrupted weapons use"),
        ("Loud explosions shook the border villages near Kiryat Shmona on Monday as militants fired rockets at "
         "them.", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Armed men stole forty goats and two motorbikes from herders near Ansongo on Monday.",
         "Strategic developments", "Looting/property destruction"),
    ],
)
def test_each_acled_type(pipeline, text, event_type, sub_event_type):
    events = [e for e in extract(pipeline, text) if e.kind == "specific" and e.event_type]
    assert [(e.event_type, e.sub_event_type) for e in events] == [(event_type, sub_event_type)]
    assert events[0].date.start == dt.date(2023, 3, 13)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Militants attacked an army post in Kidal on Monday.", "specific"),
        ("Militants set fire to a school in Tessit on Tuesday. Last month, militants attacked an army post in Kidal.",
         "background"),
        ("More than 300 civilians have been killed in air strikes in the region since January.", "aggregate"),
        ("The militia has repeatedly attacked villages in the area.", "generic"),
        ("Insurgents tend to ambush convoys near Kunduz at dawn.", "generic"),
        ("Rescuers in Marib dread what are known as double-tap airstrikes.", "generic"),
        ("The rebels threatened to attack the capital.", "hypothetical"),
        ("The army denied shelling the village of Kalma.", "negated"),
    ],
)
def test_each_kind(pipeline, text, kind):
    violent = [e for e in extract(pipeline, text) if e.event_type in {
        "Battles", "Explosions/Remote violence", "Violence against civilians"}]
    assert [e.kind for e in violent][-1:] == [kind], kinds(violent)


def test_two_happenings_in_one_sentence_stay_two(pipeline):
    text = ("On Tuesday, gunmen killed three villagers in Bakassi, and separately, an airstrike hit a rebel camp "
            "near Ikom.")
    events = [e for e in extract(pipeline, text) if e.kind == "specific"]
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Attack"]


def test_three_sentences_about_one_happening_are_one_event(pipeline):
    text = ("A car bomb exploded outside a market in Baidoa on Tuesday. The blast killed at least seven people "
            "and wounded 20 others, officials said. Witnesses said the explosion destroyed several shops.")
    events = [e for e in extract(pipeline, text) if e.kind == "specific" and e.event_type]
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert (event.fatalities.low, event.fatalities.best) == (7, 7) and event.injured.best == 20
    assert event.date.start == dt.date(2023, 3, 14)


def test_three_competing_casualty_figures_are_all_kept(pipeline):
    text = ("Police said four people were killed when soldiers opened fire on a crowd in Kasese on Tuesday. "
            "A local hospital said nine people had died, while a human rights group put the death toll at 12.")
    events = [e for e in extract(pipeline, text) if e.kind == "specific" and e.fatalities]
    assert len(events) == 1
    event = events[0]
    claims = {(c.value, c.status) for c in event.claims if c.attribute == "fatalities"}
    assert claims == {(4, "contested"), (9, "contested"), (12, "contested")}
    assert event.fatalities.low == 4 and event.fatalities.high == 12


def test_possessive_names_the_victims_state(pipeline):
    text = "Mali's army said on Tuesday that jihadists had ambushed its soldiers near Boni, killing five."
    event = next(e for e in extract(pipeline, text) if e.kind == "specific" and e.event_type)
    victims = event.actor("actor2")
    assert victims is not None and victims.country == "MLI" and victims.sector == "MIL"


def test_passive_voice_perpetrator(pipeline):
    text = "Two aid workers were abducted by Boko Haram fighters near Monguno on Tuesday."
    event = next(e for e in extract(pipeline, text) if e.kind == "specific" and e.event_type)
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert "Boko Haram" in event.actor("actor1").name


def test_a_denial_is_a_denied_perpetrator_claim(pipeline):
    text = ("A bomb exploded at a bus station in Quetta on Tuesday, killing six people. The Baloch Liberation Army "
            "denied any involvement in the bombing.")
    event = next(e for e in extract(pipeline, text) if e.kind == "specific" and e.event_type)
    denied = [c for c in event.claims if c.attribute == "perpetrator" and c.status == "denied"]
    assert denied and "Baloch" in str(denied[0].value)


def test_an_industrial_blast_is_no_political_violence(pipeline):
    text = "Four workers were injured on Monday when a storage tank exploded at a chemical plant in Rayong."
    assert [e for e in extract(pipeline, text) if e.event_type] == []


def test_looting_during_an_attack_is_part_of_the_attack(pipeline):
    text = "Gunmen shot dead a shopkeeper and seized his motorbike in Tillaberi on Monday."
    events = [e for e in extract(pipeline, text) if e.event_type]
    assert [(e.event_type, e.sub_event_type, e.trigger.text) for e in events] == [
        ("Violence against civilians", "Attack", "shot dead")]


def test_gunmen_storming_a_village_attack_its_people(pipeline):
    text = "Gunmen made an incursion into the village of Tera and fired shots in the air on Monday."
    events = [e for e in extract(pipeline, text) if e.event_type]
    assert [(e.sub_event_type, [a.name for a in e.actors if a.role == "actor2"]) for e in events] == [
        ("Attack", ["Civilians (Niger)"])]


def test_looting_told_beside_the_attack_in_one_sentence_is_the_attack(pipeline):
    text = "Armed men attacked and wounded a gendarme and seized his motorcycle near Dori on Monday."
    events = [e for e in extract(pipeline, text) if e.event_type]
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Battles", "Armed clash")]


def test_an_attack_on_a_bar_is_an_attack_on_civilians(pipeline):
    text = "Militants attacked a bar in Djibo on Monday, then looted and torched it."
    events = [e for e in extract(pipeline, text) if e.event_type]
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Violence against civilians", "Attack")]
