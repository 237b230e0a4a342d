"""Actor mentions on sentences written for these tests, parsed by the real pipeline."""

from __future__ import annotations

from flashpoint.extract.actors import find_actor_mentions


def _mentions(nlp, normalizer, text, country=None):
    doc = nlp(text)
    return doc, find_actor_mentions(doc, normalizer, doc_country=country)


def _by_text(mentions):
    return {m.text: m.ref.name for m in mentions}


def test_offsets_index_the_document_text(nlp, normalizer):
    doc, mentions = _mentions(
        nlp, normalizer, "On Tuesday,  Somali soldiers\u00a0and AMISOM troops pushed al-Shabaab out.", "SOM"
    )
    assert mentions
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
        assert doc[m.token_start : m.token_end].text == m.text
        assert m.token_start <= m.head < m.token_end


def test_modifiers_make_the_whole_phrase(nlp, normalizer):
    _, mentions = _mentions(nlp, normalizer, "Yemeni government forces retook the port from Houthi fighters.", "YEM")
    names = _by_text(mentions)
    assert names["Yemeni government forces"] == "Military Forces of Yemen (2012-)"
    assert names["Houthi fighters"] == "Military Forces of Yemen (2016-) Supreme Political Council"


def test_possessive_pronoun_takes_the_clause_subjects_country(nlp, normalizer):
    text = "Kenya's interior ministry said that three of its police officers had been killed near the border."
    _, mentions = _mentions(nlp, normalizer, text, "SOM")
    officers = next(m for m in mentions if m.text == "its police officers")
    assert officers.ref.name == "Police Forces of Kenya" and officers.hint == "KEN"


def test_his_refers_to_a_titled_person(nlp, normalizer):
    text = "Chadian President Idriss Deby visited the front. The ambush on his soldiers was the deadliest this year."
    _, mentions = _mentions(nlp, normalizer, text, "TCD")
    person = next(m for m in mentions if m.ref.person)
    assert (person.ref.name, person.ref.country, person.ref.sector) == ("Idriss Deby", "TCD", "GOV")
    soldiers = next(m for m in mentions if m.text == "his soldiers")
    assert soldiers.ref.name == "Military Forces of Chad"


def test_coordinated_countries_become_separate_actors(nlp, normalizer):
    _, mentions = _mentions(nlp, normalizer, "Chadian and Nigerien troops shelled the island.", "NGA")
    names = {m.ref.name for m in mentions}
    assert {"Military Forces of Chad", "Military Forces of Niger (2011-)"} <= names


def test_civilians_take_the_documents_country(nlp, normalizer):
    _, mentions = _mentions(nlp, normalizer, "Gunmen on motorbikes killed nine villagers and a teacher.", "BFA")
    names = _by_text(mentions)
    assert names["villagers"] == "Civilians (Burkina Faso)"
    assert names["teacher"] == "Civilians (Burkina Faso)"
    assert names["Gunmen"] == "Unidentified Armed Group (Burkina Faso)"


def test_places_are_not_actors(nlp, normalizer):
    _, mentions = _mentions(nlp, normalizer, "Fighting spread from Sudan into Chad, and Egypt condemned it.")
    names = _by_text(mentions)
    assert "Sudan" not in names and "Chad" not in names
    assert names["Egypt"] == "Government of Egypt"


def test_unknown_organisation_in_an_argument_position(nlp, normalizer):
    _, mentions = _mentions(nlp, normalizer, "The Free Lakes Movement claimed the bombing.", "UGA")
    assert any(m.ref.name == "Free Lakes Movement" and m.ref.entry is None for m in mentions)


def test_deterministic_and_sorted(nlp, normalizer):
    text = "Russian and Ukrainian forces exchanged fire while civilians fled."
    first = _mentions(nlp, normalizer, text, "UKR")[1]
    second = _mentions(nlp, normalizer, text, "UKR")[1]
    assert first == second
    assert [m.start for m in first] == sorted(m.start for m in first)
