"""ACLED coder remarks are stripped from notes and never parsed; remark-based fatality figures are not scored."""

from __future__ import annotations

from flashpoint.evaluate.gold.acled_remarks import clean_note


def test_size_tags_and_fatality_remarks_are_removed():
    note = (
        "On 4 June 2021, residents of Townsville marched against fuel prices. [size=several hundred] "
        "Fatalities coded as 0 (Radio Example reported 2)."
    )
    cleaned = clean_note(note)
    assert cleaned.text == "On 4 June 2021, residents of Townsville marched against fuel prices."
    assert cleaned.remarks == ("[size=several hundred]", "Fatalities coded as 0 (Radio Example reported 2).")
    assert cleaned.fatalities_from_remark


def test_unknown_and_split_fatality_remarks():
    for remark in (
        "Unknown fatalities coded as 10.",
        "Fatalities split between 3 events.",
        "Fatalities are split across 2 events (4).",
        "Unclear fatalities coded as 3 due to lack of precision.",
    ):
        cleaned = clean_note(f"On 2 May 2021, militants raided a checkpoint near Riverton. {remark}")
        assert cleaned.text == "On 2 May 2021, militants raided a checkpoint near Riverton.", remark
        assert cleaned.fatalities_from_remark, remark


def test_inline_and_parenthesised_place_codings_go_but_fatalities_stay_scored():
    note = (
        "On 9 May 2021, gunmen attacked a patrol at an unnamed village (coded as Hilltown at geoprecision 2) "
        "and killed 4 soldiers. On the same day, troops shelled a camp in the north, coded as Lakeside "
        "(Lakeside, Northern), and destroyed two trucks."
    )
    cleaned = clean_note(note)
    assert "coded" not in cleaned.text and "geoprecision" not in cleaned.text
    assert "killed 4 soldiers" in cleaned.text and "destroyed two trucks" in cleaned.text
    assert not cleaned.fatalities_from_remark


def test_a_remark_clause_after_a_semicolon_goes_alone():
    cleaned = clean_note("Fighters claimed to have killed several guards; unknown reported fatalities coded as 3.")
    assert cleaned.text == "Fighters claimed to have killed several guards."
    assert cleaned.fatalities_from_remark


def test_news_sentences_that_mention_fatalities_stay():
    note = "On 3 March 2021, a bomb exploded in a market in Easton. No fatalities nor injuries were reported."
    cleaned = clean_note(note)
    assert cleaned.text == note and cleaned.remarks == ()
    assert not cleaned.fatalities_from_remark


def test_a_leading_category_tag_is_a_coder_remark():
    cleaned = clean_note("Property destruction: On 3 May 2021, unknown men burned a granary in Example Town.")
    assert cleaned.text == "On 3 May 2021, unknown men burned a granary in Example Town."
    assert cleaned.remarks == ("Property destruction:",)
    assert clean_note("On 3 May 2021, Example Town: residents marched.").remarks == ()
