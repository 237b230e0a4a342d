"""Event-location choices added in the second round: origins, the finest place, embedded names."""

from __future__ import annotations

from flashpoint.extract.places import choose_event_location


def chosen(nlp, geoparser, text, word):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == word)
    found = choose_event_location(doc, trigger, geoparser.parse(doc), focus=False)
    return found.text if found else None


def test_a_place_of_origin_is_not_where_it_happened(nlp, geoparser):
    text = "A student visiting from Kenya was among those wounded when gunmen opened fire at the market."
    assert chosen(nlp, geoparser, text, "wounded") is None


def test_the_finest_of_nested_places(nlp, geoparser):
    text = "Four people were killed in a mortar attack on Sadr City in eastern Baghdad on Sunday."
    assert chosen(nlp, geoparser, text, "killed") == "Sadr City"


def test_a_country_headline_gives_the_country(nlp, geoparser):
    assert chosen(nlp, geoparser, "German engineer killed in bombing in Yemen", "killed") == "Yemen"
