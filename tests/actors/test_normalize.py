"""Actor phrases → ACLED-style names, countries, sectors and inter codes (phrases written for these tests)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "event_country", "name", "country", "sector", "inter"),
    [
        ("Ethiopian government troops", "ETH", "Military Forces of Ethiopia (2018-)", "ETH", "MIL", 1),
        ("Turkish soldiers", "IRQ", "Military Forces of Turkey (2016-)", "TUR", "MIL", 8),
        ("Kenyan police officers", "KEN", "Police Forces of Kenya", "KEN", "COP", 1),
        ("the Iraqi government", "IRQ", "Government of Iraq (2018-)", "IRQ", "GOV", 1),
        ("unidentified gunmen", "MLI", "Unidentified Armed Group (Mali)", "MLI", "UAF", 3),
        ("armed men on motorbikes", "NER", "Unidentified Armed Group (Niger)", "NER", "UAF", 3),
        ("Sudanese civilians", "SDN", "Civilians (Sudan)", "SDN", "CVL", 7),
        ("two shepherds", "YEM", "Civilians (Yemen)", "YEM", "CVL", 7),
        ("hundreds of demonstrators", "IRQ", "Protesters (Iraq)", "IRQ", "PRO", 6),
        ("an angry mob", "NGA", "Rioters (Nigeria)", "NGA", "RIO", 5),
        ("opposition fighters", "SYR", "Opposition Rebels (Syria)", "SYR", "REB", 2),
        ("pro-government militiamen", "SYR", "Militia (Pro-Government)", None, "REB", 3),
        ("al-Shabaab militants", "SOM", "Al Shabaab", "SOM", "REB", 2),
        ("the Islamic State group", "IRQ", "Islamic State (Iraq)", "IRQ", "REB", 2),
        ("Islamic State fighters", "MOZ", "Islamic State (Mozambique)", "MOZ", "REB", 2),
        ("Wagner mercenaries", "CAF", "Wagner Group", "RUS", "MIL", 8),
        ("the Rapid Support Forces", "SDN", "Rapid Support Forces", "SDN", "REB", 2),
        ("Hayat Tahrir al-Sham", "SYR", "HTS: Hayat Tahrir al Sham", "SYR", "REB", 2),
        ("the Kurdistan Workers' Party", "TUR", "PKK: Kurdistan Workers Party", "TUR", "REB", 2),
        ("Jaish al-Islam", "SYR", "Jaysh al Islam", "SYR", "REB", 2),
        ("Houthi fighters", "YEM", "Military Forces of Yemen (2016-) Supreme Political Council", "YEM", "REB", 1),
        ("U.S. forces", "SYR", "Military Forces of the United States (2017-)", "USA", "MIL", 8),
        ("the Syrian Arab Army", "SYR", "Military Forces of Syria (2000-)", "SYR", "MIL", 1),
    ],
)
def test_phrases(normalizer, text, event_country, name, country, sector, inter):
    ref = normalizer.normalize(text, event_country=event_country)
    assert ref is not None
    assert (ref.name, ref.country, ref.sector, ref.acled_inter) == (name, country, sector, inter)


def test_inter_label(normalizer):
    ref = normalizer.normalize("Russian troops", event_country="UKR")
    assert ref.acled_inter == 8 and ref.acled_inter_label == "External/Other forces"


def test_dictionary_entries_record_their_id(normalizer):
    assert normalizer.normalize("Chadian soldiers").entry == "actors.v1:mil-TCD"
    assert normalizer.normalize("villagers", event_country="MLI").entry == "actor_nouns.v1:villagers"


def test_a_sponsor_is_not_the_actors_country(normalizer):
    ref = normalizer.normalize("Rwandan-backed fighters", event_country="COD")
    assert ref.name == "Unidentified Armed Group (Democratic Republic of Congo)"
    assert (ref.country, ref.backer) == ("COD", "RWA")
    led = normalizer.normalize("French-led forces", event_country="MLI")
    assert led.name.startswith("Military Forces of France") and led.acled_inter == 8


def test_possessor_country_from_context(normalizer):
    assert normalizer.normalize("its soldiers", country="NGA").name == "Military Forces of Nigeria (2015-)"


def test_two_groups_a_source_cannot_tell_apart(normalizer):
    ref = normalizer.normalize("JNIM or ISGS fighters", event_country="BFA")
    assert ref.name == "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"


def test_unknown_organisation_keeps_its_text(normalizer):
    ref = normalizer.normalize("the Northern Valley Defence League", organisation=True)
    assert (ref.name, ref.country, ref.sector, ref.entry) == ("Northern Valley Defence League", None, None, None)
    assert normalizer.normalize("the Northern Valley Defence League") is None


def test_text_that_is_not_an_actor(normalizer):
    assert normalizer.normalize("the bridge") is None
    assert normalizer.normalize("") is None


def test_people_get_country_and_sector_from_their_title(normalizer):
    ref = normalizer.normalize_person("Amina Diallo", title="Malian Defence Minister", event_country="MLI")
    assert (ref.name, ref.country, ref.sector, ref.person) == ("Amina Diallo", "MLI", "GOV", True)
    general = normalizer.normalize_person("Omar Haddad", title="Libyan General")
    assert (general.country, general.sector) == ("LBY", "MIL")
    assert normalizer.normalize_person("Sam Jones").country is None


def test_armed_turns_a_state_into_its_military(normalizer):
    state = normalizer.normalize("Turkey")
    assert state.name == "Government of Turkey"
    armed = normalizer.armed(state, event_country="SYR")
    assert (armed.name, armed.sector, armed.acled_inter) == ("Military Forces of Turkey (2016-)", "MIL", 8)
    rebels = normalizer.normalize("Taliban fighters")
    assert normalizer.armed(rebels) is rebels


def test_crowd_renames_civilians_for_protest_events(normalizer):
    residents = normalizer.normalize("residents", event_country="KEN")
    assert normalizer.crowd(residents, "protesters", event_country="KEN").name == "Protesters (Kenya)"
    police = normalizer.normalize("police", event_country="KEN")
    assert normalizer.crowd(police, "protesters", event_country="KEN") is police


def test_deterministic(normalizer):
    first = [normalizer.normalize(t, event_country="SYR") for t in ("rebels", "Russian jets", "ISIS")]
    second = [normalizer.normalize(t, event_country="SYR") for t in ("rebels", "Russian jets", "ISIS")]
    assert first == second


def test_slash_joined_groups(normalizer):
    ref = normalizer.normalize("Boko Haram/IS fighters", event_country="NGA")
    assert ref.name == "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"


def test_scoped_alias_applies_only_in_its_country(normalizer):
    assert normalizer.normalize("volunteer fighters", event_country="BFA").name.startswith("VDP:")
    assert normalizer.normalize("volunteer fighters", event_country="KEN").name == "Unidentified Armed Group (Kenya)"


def test_named_group_with_an_actor_word_is_not_a_state(normalizer):
    ref = normalizer.normalize("the Free Lakes Army", event_country="UGA")
    assert (ref.name, ref.sector, ref.entry) == ("Free Lakes Army", "REB", None)
    state = normalizer.normalize("the Ugandan National Defence Force", event_country="UGA")
    assert state.name == "Military Forces of Uganda"
