"""Choosing an event's place among the places its sentence names."""

from __future__ import annotations

from flashpoint.extract.places import choose_event_location


def trigger(doc, word):
    return next(t for t in doc if t.text == word)


def test_locative_of_the_trigger_beats_the_speaker(nlp, geoparser):
    doc = nlp("Officials in Ankara said an airstrike killed five people near Maarat al-Numan on Monday.")
    chosen = choose_event_location(doc, trigger(doc, "killed"), geoparser.parse(doc))
    assert chosen is not None and chosen.text == "Maarat al-Numan"


def test_capital_that_speaks_is_not_the_place(nlp, geoparser):
    doc = nlp("Moscow condemned the bombing in Kharkiv, Ukraine.")
    chosen = choose_event_location(doc, trigger(doc, "bombing"), geoparser.parse(doc))
    assert chosen is not None and chosen.text == "Kharkiv"


def test_dateline_alone_gives_no_place(nlp, geoparser):
    doc = nlp("CAIRO — Police arrested twelve protesters on Friday.")
    assert choose_event_location(doc, trigger(doc, "arrested"), geoparser.parse(doc)) is None


def test_no_place_in_the_sentence(nlp, geoparser):
    doc = nlp("Gunmen killed two guards. Mogadishu remains tense.")
    assert choose_event_location(doc, trigger(doc, "killed"), geoparser.parse(doc)) is None


def test_where_the_speaker_was_is_not_the_place(nlp, geoparser):
    doc = nlp("The president, speaking during a visit to Nairobi on Monday, said four soldiers had died in an ambush.")
    assert choose_event_location(doc, trigger(doc, "ambush"), geoparser.parse(doc), focus=False) is None


def test_a_source_named_after_a_place_is_not_the_place(nlp, geoparser):
    doc = nlp("Hundreds of people marched in protest on Sunday, according to Al-Ahram.")
    assert choose_event_location(doc, trigger(doc, "marched"), geoparser.parse(doc), focus=False) is None


def test_the_story_town_stands_in_when_the_sentence_names_no_place(nlp, geoparser):
    doc = nlp("Mosul was calm on Monday. Residents of Mosul said the markets reopened. Gunmen shot a guard at a "
              "checkpoint.")
    chosen = choose_event_location(doc, trigger(doc, "shot"), geoparser.parse(doc))
    assert chosen is not None and chosen.place.name == "Mosul"
