"""The geoparser on small texts written for these tests: relations, same-name places, unknown villages."""

from __future__ import annotations

import pytest


def by_text(mentions, text):
    found = [m for m in mentions if m.text == text]
    assert found, f"{text!r} not found among {[m.text for m in mentions]}"
    return found[0]


def test_offsets_index_the_document_text(nlp, geoparser):
    text = "Rockets fell on Aleppo and Hama overnight."
    for mention in geoparser.parse(nlp(text)):
        assert text[mention.start : mention.end] == mention.text
        assert text[mention.phrase_start : mention.phrase_end].endswith(mention.text)


def test_near_with_a_descriptor_phrase(parse):
    m = by_text(parse("Two soldiers died near the government-held town of Saraqib on Tuesday."), "Saraqib")
    assert m.relation == "near"
    assert m.place is not None and m.place.geonameid == 164816
    assert (m.acled_geo_precision, m.ucdp_where_prec) == (2, 2)


def test_direction_of_a_town(parse):
    m = by_text(parse("Militants attacked a checkpoint 10 km west of Homs, Syria."), "Homs")
    assert m.relation == "direction" and m.direction == "west"
    assert m.place is not None and m.place.country == "SYR"
    assert m.acled_geo_precision == 2


def test_outskirts(parse):
    m = by_text(parse("Fighting continued on the outskirts of Damascus, Syria's capital."), "Damascus")
    assert m.relation == "outskirts"
    assert m.acled_geo_precision == 2


def test_between_two_places(parse):
    mentions = parse("Clashes broke out on the road between Tripoli and Misrata in Libya.")
    first, second = by_text(mentions, "Tripoli"), by_text(mentions, "Misrata")
    assert first.relation == second.relation == "between"
    assert first.place.country == second.place.country == "LBY"
    assert first.ucdp_where_prec == 5


def test_province_gets_province_precision_and_capital_point(parse):
    m = by_text(parse("Airstrikes hit several villages in Idlib province on Friday."), "Idlib")
    assert m.place is not None and m.place.is_admin1 and m.place.country == "SYR"
    assert (m.acled_geo_precision, m.ucdp_where_prec) == (3, 4)
    assert m.point == pytest.approx((35.93, 36.63), abs=0.02)


def test_district_named_by_its_noun(parse):
    m = by_text(parse("Police arrested four men in Avoyelles Parish, Louisiana, last week."), "Avoyelles Parish")
    assert m.place is not None and m.place.feature_code == "ADM2" and m.place.admin1 == "Louisiana"


def test_containment_picks_the_place_inside(parse):
    m = by_text(parse("The fire destroyed a warehouse in Paris, Texas, on Monday."), "Paris")
    assert m.place is not None and m.place.country == "USA" and m.place.admin1 == "Texas"


def test_tripoli_follows_the_document_country(parse):
    libya = by_text(parse("Militias shelled Tripoli as the Libyan government met in Benghazi, Libya."), "Tripoli")
    lebanon = by_text(parse("Protesters marched in Tripoli and Beirut in northern Lebanon."), "Tripoli")
    assert libya.place.country == "LBY"
    assert lebanon.place.country == "LBN"


def test_georgia_the_country_or_the_state(parse):
    country = by_text(parse("Russian troops remain in Georgia near Tbilisi and South Ossetia."), "Georgia")
    state = by_text(parse("Storms hit Atlanta and Savannah in Georgia on Sunday."), "Georgia")
    assert country.place.is_country and country.place.country == "GEO"
    assert state.place.is_admin1 and state.place.country == "USA"


def test_aleppo_city_unless_the_text_says_governorate(parse):
    city = by_text(parse("Shells struck a market in Aleppo on Monday."), "Aleppo")
    province = by_text(parse("Shells struck villages across Aleppo governorate on Monday."), "Aleppo")
    assert city.place.feature_class == "P" and city.place.country == "SYR"
    assert province.place.is_admin1 and province.place.country == "SYR"


def test_homs_and_khartoum_north(parse):
    homs = by_text(parse("Government forces shelled Homs and Hama in central Syria."), "Homs")
    assert homs.place.country == "SYR"
    north = by_text(parse("Protesters blocked a bridge in Khartoum North, Sudan."), "Khartoum North")
    assert north.place is not None and north.place.country == "SDN"


def test_village_absent_from_the_gazetteer_is_flagged_not_guessed(parse, geoparser, nlp):
    text = "Gunmen burned houses in the village of Umm Qurayshat Zalba on Sunday."
    mentions = parse(text)
    m = by_text(mentions, "Umm Qurayshat Zalba")
    assert m.place is None and m.score is None and m.acled_geo_precision is None
    out = geoparser.to_output(mentions)
    record = next(r for r in out if r.text == "Umm Qurayshat Zalba")
    assert record.resolved is False and record.lat is None and record.lon is None


def test_names_the_model_mislabels_are_still_found(parse):
    mentions = parse("Rebels withdrew from Maarat al-Numan after the army entered the town of Saraqeb.")
    maarat = by_text(mentions, "Maarat al-Numan")
    assert maarat.place is not None and maarat.place.geonameid == 167611
    assert by_text(mentions, "Saraqeb").place.geonameid == 164816


def test_dateline_is_marked(parse):
    mentions = parse("BEIRUT — Israeli jets struck targets near Tyre, Lebanon, on Saturday.")
    dateline = by_text(mentions, "BEIRUT")
    assert dateline.dateline and dateline.place.country == "LBN"
    assert not by_text(mentions, "Tyre").dateline


def test_false_hits_are_avoided(parse):
    mentions = parse("The Washington Post reported that Syrian officials met Jordan Peterson in May.")
    texts = {m.text for m in mentions}
    assert "Washington" not in texts and "Syrian" not in texts and "May" not in texts
    assert "Jordan" not in texts


def test_output_is_deterministic(nlp, geoparser):
    text = "Clashes near Kidal and Gao in northern Mali killed six, officials in Bamako said."
    first = [r.model_dump() for r in geoparser.to_output(geoparser.parse(nlp(text)))]
    second = [r.model_dump() for r in geoparser.to_output(geoparser.parse(nlp(text)))]
    assert first == second
    assert [r["text"] for r in first] == ["Kidal", "Gao", "Mali", "Bamako"]
