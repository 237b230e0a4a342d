"""Who says so: claimants from reported speech, 'according to', reporting chains, quotes, pronouns."""

from __future__ import annotations

import pytest

from flashpoint.extract.claims import AttributionVocabulary, DocumentAttribution

COUNTRIES = {"nigerian": "NGA", "nigeria": "NGA", "malian": "MLI", "mali": "MLI", "french": "FRA"}


@pytest.fixture(scope="module")
def vocab():
    return AttributionVocabulary.load()


def claimant(nlp, vocab, text: str, word: str):
    doc = nlp(text)
    attribution = DocumentAttribution(doc, vocab, lambda w: COUNTRIES.get(w.lower().removesuffix("'s")))
    token = next(t for t in doc if t.text == word)
    return attribution.claimant_for(token)


def test_reported_speech_subject_is_the_claimant(nlp, vocab):
    found = claimant(nlp, vocab, "The Nigerian army said that gunmen killed nine farmers near Gusau.", "killed")
    assert found.name == "Nigerian army" and found.type == "military" and found.country == "NGA"


def test_according_to(nlp, vocab):
    found = claimant(nlp, vocab, "Twelve villagers died in the raid, according to local residents.", "raid")
    assert found.name == "local residents" and found.type == "witness"


def test_reporting_chain_keeps_both_sources(nlp, vocab):
    text = "At least 30 people were wounded, the state broadcaster reported, citing the health ministry."
    found = claimant(nlp, vocab, text, "wounded")
    assert found.name == "state broadcaster" and found.via == "health ministry" and found.type == "media"


def test_quote_spanning_sentences_belongs_to_its_speaker(nlp, vocab):
    text = ("“The bombing went on all night. Nobody could sleep,” said Amadou Diallo, a teacher in Mopti. "
            "He added that the market was empty.")
    found = claimant(nlp, vocab, text, "bombing")
    assert found.name == "Amadou Diallo" and found.type == "witness"


def test_pronoun_resolves_to_the_person_named_before(nlp, vocab):
    text = ("Malian Defence Minister Sadio Camara visited the base on Friday. "
            "He said the militants had shelled the camp twice.")
    found = claimant(nlp, vocab, text, "shelled")
    assert found.name == "Sadio Camara" and found.type in {"government", "military"} and found.country == "MLI"


def test_passive_speech_verb_with_agent(nlp, vocab):
    found = claimant(nlp, vocab, "The ambush was reported by the French military on Sunday.", "ambush")
    assert (found.name, found.type, found.country) == ("French military", "military", "FRA")


def test_nobody_is_not_a_claimant(nlp, vocab):
    assert claimant(nlp, vocab, "No group has claimed the attack on the convoy.", "attack") is None


def test_unattributed_sentence_has_no_claimant(nlp, vocab):
    assert claimant(nlp, vocab, "Rebels shelled the town of Bunia on Tuesday.", "shelled") is None
