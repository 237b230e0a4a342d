"""Second-round recognition and resolution rules, on sentences written for these tests."""

from __future__ import annotations

from flashpoint.extract.places import choose_event_location


def texts(mentions):
    return [m.text for m in mentions]


def test_a_surname_the_text_gives_a_person_is_not_a_place(parse):
    mentions = parse("Coach Dana Ripley praised the team. Ripley said the boys trained in Ripley, Ohio.")
    alone = [m for m in mentions if m.text == "Ripley" and m.relation is None]
    assert not alone  # "Ripley said": the coach
    assert any(m.text == "Ripley" and m.relation == "in" for m in mentions)  # "in Ripley, Ohio": the town


def test_titles_and_patron_saints_are_not_places(parse):
    mentions = parse("Pope Francis prayed at the church of St. Peter and St. Paul in Nairobi.")
    assert texts(mentions) == ["Nairobi"]


def test_institution_names_carry_their_jurisdiction(nlp, geoparser):
    doc = nlp("The Tarrant County Sheriff's Office arrested two men after a robbery in Fort Worth.")
    mentions = geoparser.parse(doc)
    county = next(m for m in mentions if m.text.startswith("Tarrant"))
    assert county.embedded and county.place is not None and county.place.admin1 == "Texas"
    chosen = choose_event_location(doc, next(t for t in doc if t.text == "robbery"), mentions)
    assert chosen is not None and chosen.text == "Fort Worth"


def test_newspapers_named_after_places_stay_organisations(parse):
    assert "Houston" not in texts(parse("The Houston Chronicle reported the strike on Tuesday."))


def test_states_in_a_list_are_states_not_namesake_towns(parse):
    mentions = parse("Cases were reported in Delaware, Maine, Vermont and Oregon last week.")
    assert all(m.place is not None and m.place.is_admin1 and m.place.country == "USA" for m in mentions)


def test_the_name_after_the_comma_is_the_state(parse):
    mentions = parse("Two schools closed in Buffalo, New York, after the outbreak.")
    state = next(m for m in mentions if m.text == "New York")
    assert state.place.is_admin1


def test_a_province_outnumbering_its_namesake_town_is_the_province(parse):
    m = parse("Snow closed roads across Quebec on Monday.")[0]
    assert m.place.is_admin1 and m.place.country == "CAN"


def test_second_level_divisions_outside_the_us(parse):
    m = next(m for m in parse("Bird flu was found on a farm in Suffolk, England.") if m.text == "Suffolk")
    assert m.place.feature_code == "ADM2" and m.place.country == "GBR"


def test_regions_and_seas_beyond_one_country(parse):
    mentions = parse("Storms over the Atlantic delayed ships bound for West Africa.")
    assert [m.place.feature_code for m in mentions] == ["OCN", "RGN"]


def test_chinese_provinces_are_named_without_sheng(parse):
    m = parse("Floods hit villages in Jiangsu province.")[0]
    assert m.place.is_admin1 and m.place.name == "Jiangsu"


def test_dateline_after_a_headline(parse):
    mentions = parse("Council approves new budget. TORRINGTON — The council met on Monday night.")
    assert mentions and mentions[0].dateline and mentions[0].place.admin1 == "Connecticut"


def test_a_local_papers_home_region_decides_same_name_towns(nlp, geoparser):
    from flashpoint.extract.places import home_region

    stories = [
        "The council in Fargo met on Monday. Crews in Bismarck and Minot cleared snow.",
        "Police in Grand Forks and Williston arrested two men. Jamestown schools closed.",
        "Dickinson and Mandan will share a new water plant.",
    ]
    region = home_region(geoparser.gazetteer, [geoparser.parse(nlp(s)) for s in stories])
    assert region is not None and region.name == "North Dakota"
    doc = nlp("A fire destroyed a barn near Mayville on Sunday.")
    framed = geoparser.parse(doc, hints=[region])
    assert framed[0].place.admin1 == "North Dakota"


def test_a_country_the_tagger_calls_a_person_is_still_the_country(parse):
    mentions = parse("Mali's army said jihadists had ambushed its soldiers near the border.")
    assert mentions and mentions[0].text == "Mali" and mentions[0].place.is_country
