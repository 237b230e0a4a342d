"""event_time: the date attached to a trigger's clause, clock and day combined, the publication-day rule."""

from __future__ import annotations

import datetime as dt

from flashpoint.extract.time import TimeResolver, event_time

THURSDAY = dt.date(2021, 3, 18)


def _when(nlp, resolver, text: str, word: str, published=THURSDAY, nth: int = 0):
    doc = nlp(text)
    trigger = [t for t in doc if t.text == word][nth]
    return resolver.event_time(doc, trigger, resolver.find(doc, published), published)


def test_own_clause_wins_over_the_reporting_clause(nlp, resolver):
    text = "Gunmen killed five villagers on Sunday, police said on Tuesday."
    assert _when(nlp, resolver, text, "killed").start == dt.date(2021, 3, 14)
    assert _when(nlp, resolver, text, "said").start == dt.date(2021, 3, 16)


def test_governing_verb_date_and_report_flag(nlp, resolver):
    when = _when(nlp, resolver, "The army said on Monday that rebels had shelled the town.", "shelled")
    assert when.start == dt.date(2021, 3, 15) and "report-date" in when.flags


def test_date_of_the_governing_clause(nlp, resolver):
    when = _when(nlp, resolver, "The minister warned last week that the army might strike after rebels seized "
                                "the dam.", "seized")
    assert (when.start, when.end, when.acled_time_precision, when.ucdp_date_prec) == (
        dt.date(2021, 3, 8), dt.date(2021, 3, 14), 2, 3)


def test_clock_and_weekday_in_one_phrase(nlp, resolver):
    when = _when(nlp, resolver, "Rebels fired on the base at 2:40 a.m. Friday, officials said.", "fired")
    assert (when.start, when.time, when.acled_time_precision) == (dt.date(2021, 3, 12), "02:40", 1)


def test_clock_joins_the_day_named_earlier(nlp, resolver):
    when = _when(nlp, resolver, "Shelling began on Tuesday and continued into the evening, including at 9 p.m.",
                 "began")
    assert (when.start, when.time) == (dt.date(2021, 3, 16), "21:00")


def test_complement_clause_counts_back_from_the_main_date(nlp, resolver):
    text = "Friday's raid came three days after gunmen killed a judge."
    assert _when(nlp, resolver, text, "killed").start == dt.date(2021, 3, 9)
    assert _when(nlp, resolver, text, "raid").start == dt.date(2021, 3, 12)


def test_sentence_opening_date_frames_every_clause(nlp, resolver):
    text = "On 2 March 2021, three soldiers were killed, two were wounded and a truck was burned."
    assert _when(nlp, resolver, text, "burned").start == dt.date(2021, 3, 2)


def test_publication_date_for_a_same_day_report(nlp, resolver):
    when = _when(nlp, resolver, "A suicide bomber has killed 13 soldiers in the capital.", "killed")
    assert (when.start, when.end, when.flags, when.mention) == (THURSDAY, THURSDAY, ("publication-date",), None)
    assert when.acled_time_precision == 1 and when.ucdp_date_prec == 1


def test_no_publication_date_for_background_or_hypothetical(nlp, resolver):
    assert _when(nlp, resolver, "Militants had seized the town.", "seized").flags == ("no-date",)
    assert _when(nlp, resolver, "Militants will attack the town.", "attack").start is None


def test_no_publication_date_when_the_report_is_about_another_day(nlp, resolver):
    when = _when(nlp, resolver, "Gunmen attacked a bus on Sunday. Five passengers died.", "died")
    assert when.start is None and when.flags == ("no-date",)


def test_narrative_dates_carry_the_previous_sentence_day(nlp):
    story = TimeResolver(narrative_dates=True)
    when = _when(nlp, story, "Gunmen attacked a bus on Sunday. Five passengers died.", "died")
    assert when.start == dt.date(2021, 3, 14) and when.flags == ("context-date",)
    assert when.mention is None and when.carried_from.text == "Sunday"
    assert when.as_record(["s1"]).text == "Sunday"
    assert _when(nlp, story, "Rebels took the town last week. Many fled.", "fled").carried_from is None
    assert _when(nlp, story, "Gunmen attacked a bus on Sunday. They had killed a judge.", "killed").start is None
    assert _when(nlp, story, "Gunmen attacked a bus on Sunday.\n\nFive passengers died.", "died").start is None


def test_unresolved_without_publication_date(nlp, resolver):
    assert _when(nlp, resolver, "Rebels attacked the town.", "attacked", published=None).flags == ("unresolved",)
    when = _when(nlp, resolver, "Rebels attacked the town on Sunday.", "attacked", published=None)
    assert when.start is None and when.mention is not None and "unresolved" in when.flags


def test_headline_line_is_not_the_lead_sentence(nlp, resolver):
    text = "Blast hits market\nA bomb exploded in the market on Monday, police said."
    assert _when(nlp, resolver, text, "hits").mention is None


def test_record_for_the_event_contract(nlp, resolver):
    record = _when(nlp, resolver, "Jets struck the depot in mid-February.", "struck").as_record(["s1"])
    assert record.model_dump(exclude_none=True) == {
        "start": dt.date(2021, 2, 11), "end": dt.date(2021, 2, 20), "text": "mid-February",
        "acled_time_precision": 3, "ucdp_date_prec": 4, "evidence": ["s1"], "flags": []}


def test_module_function_loads_its_own_vocabulary(nlp, resolver):
    doc = nlp("Rebels attacked the town on Sunday.")
    trigger = doc[1]
    assert event_time(doc, trigger, resolver.find(doc, THURSDAY), THURSDAY).start == dt.date(2021, 3, 14)


def test_event_noun_takes_the_date_of_its_relative_clause(nlp, resolver):
    text = "Crowds gathered on Tuesday as police studied the bomb blast that hit the market the day before."
    assert _when(nlp, resolver, text, "blast").start == dt.date(2021, 3, 15)
    assert _when(nlp, resolver, text, "gathered").start == dt.date(2021, 3, 16)
