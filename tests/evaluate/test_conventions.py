"""Reading gold vocabularies: sectors, countries and the ACLED actor-name forms."""

from __future__ import annotations


def test_sector_codes_and_words(conventions):
    assert conventions.sector("MIL") == "MIL"
    assert conventions.sector("CVLalb") == "CVL"  # CAMEO code with an ethnic/religious suffix
    assert conventions.sector("protesters") == "PRO"
    assert conventions.sector("Police") == "COP"
    assert conventions.sector("JRN") is None and conventions.sector(None) is None


def test_countries_by_name_and_cameo_code(conventions):
    assert conventions.country("Kenya") == "KEN"
    assert conventions.country("Turkey") == "TUR"
    assert conventions.country("JAP") == "JPN"
    assert conventions.country("IGO") is None
    assert conventions.country("Atlantis") is None


def test_acled_actor_forms(conventions):
    profile = conventions.acled_actor_profile
    assert profile("Military Forces of Yemen (2016-) Supreme Political Council") == ("YEM", "MIL")
    assert profile("Police Forces of the Democratic Republic of Congo (2019-)") == ("COD", "COP")
    assert profile("Civilians (Burkina Faso)") == ("BFA", "CVL")
    assert profile("Unidentified Armed Group (Niger)") == ("NER", "UAF")
    assert profile("Some Local Militia") == (None, None)


def test_forgiven_plover_types_are_the_verbal_quads(conventions):
    forgiven = conventions.forgiven_plover_types()
    assert {"THREATEN", "ACCUSE", "AGREE", "CONSULT"} <= forgiven
    assert not {"ASSAULT", "PROTEST", "MOBILIZE"} & forgiven
