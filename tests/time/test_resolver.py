"""TimeResolver.find: offsets, tokens, order, the publication date's role, the dateparser fallback, speed."""

from __future__ import annotations

import datetime as dt
import statistics
import time
from zoneinfo import ZoneInfo

from spacy.tokens import Span

from flashpoint.extract.time import TimeResolver, TimeVocabulary, local_date
from flashpoint.extract.time.fallback import DateparserFallback

THURSDAY = dt.date(2021, 3, 18)


def test_mentions_point_into_the_text_in_order(nlp, resolver):
    doc = nlp("On Sunday, rebels shelled the town.\n\nBy Tuesday night,  more than 40 had fled since 2 March.")
    mentions = resolver.find(doc, THURSDAY)
    assert [m.text for m in mentions] == ["Sunday", "Tuesday night", "since 2 March"]
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
        assert doc[m.token_start : m.token_end].text.startswith(m.text.split()[0])
    assert mentions[2].kind == "period" and (mentions[2].start_date, mentions[2].end_date) == (
        dt.date(2021, 3, 2), THURSDAY)


def test_past_and_future(nlp, resolver):
    mentions = resolver.find(nlp("Talks held last Friday failed; new talks will open next Tuesday."), THURSDAY)
    assert [(m.text, m.start_date, m.past) for m in mentions] == [
        ("last Friday", dt.date(2021, 3, 12), True), ("next Tuesday", dt.date(2021, 3, 23), False)]


def test_without_publication_date_only_full_dates_resolve(nlp, resolver):
    mentions = resolver.find(nlp("Two days ago, on 4 March 2021, troops fired at protesters in March."), None)
    by_text = {m.text: m for m in mentions}
    assert by_text["4 March 2021"].resolved and by_text["4 March 2021"].start_date == dt.date(2021, 3, 4)
    assert not by_text["March"].resolved and by_text["March"].start_date is None


def test_anchor_is_recorded(nlp, resolver):
    doc = nlp("Gunmen attacked the base on Tuesday. The next day, jets bombed their camp.")
    mention = resolver.find(doc, THURSDAY)[1]
    assert mention.text == "The next day" and mention.start_date == dt.date(2021, 3, 17)
    assert doc.text[mention.anchor[0] : mention.anchor[1]] == "Tuesday"


def test_timezone_moves_the_publication_day(nlp, resolver):
    late = dt.datetime(2021, 3, 18, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert local_date(late, "Asia/Kabul") == dt.date(2021, 3, 19)
    mention = resolver.find(nlp("Yesterday, a bomb exploded."), late, timezone="Asia/Kabul")[0]
    assert mention.start_date == dt.date(2021, 3, 18)


def test_heads_name_the_modified_word(nlp, resolver):
    doc = nlp("Rebels shelled the market on Friday.")
    mention = resolver.find(doc, THURSDAY)[0]
    assert [doc[i].text for i in mention.heads] == ["shelled"]


def test_spacy_date_entity_read_by_dateparser(nlp, resolver):
    doc = nlp("The order dated 2021-Feb-03 was revoked.")
    doc.ents = [Span(doc, *_token_range(doc, "2021-Feb-03"), label="DATE")]
    mention = resolver.find(doc, THURSDAY)[0]
    assert (mention.text, mention.start_date, mention.source) == ("2021-Feb-03", dt.date(2021, 2, 3), "dateparser")


def test_fallback_refuses_durations_and_ambiguous_numbers():
    fallback = DateparserFallback(("February", "Feb"))
    assert not fallback.wants("eight-year")
    assert not fallback.wants("3/2/2021")
    assert fallback.wants("3rd of February")
    assert fallback.parse("February 2019") is not None and fallback.parse("February 2019").day is None


def test_resolver_without_dateparser(nlp):
    quiet = TimeResolver(use_dateparser=False)
    assert quiet.fallback is None
    assert quiet.find(nlp("It rained on 3 March 2021."), None)[0].start_date == dt.date(2021, 3, 3)


def test_analyst_extension(tmp_path, nlp):
    (tmp_path / "time.v1.yaml").write_text("day_words:\n  the other night: -2\n", encoding="utf-8")
    vocab = TimeVocabulary.load(tmp_path)
    assert vocab.version == "time.v1+local"
    mention = TimeResolver(vocab).find(nlp("Militants struck the other night."), THURSDAY)[0]
    assert (mention.text, mention.start_date) == ("the other night", dt.date(2021, 3, 16))


def test_version_and_precision_table(resolver):
    assert resolver.version == "time.v1"
    assert resolver.vocabulary.precision_of(1) == (1, 1)
    assert resolver.vocabulary.precision_of(7) == (2, 3)
    assert resolver.vocabulary.precision_of(10) == (3, 4)
    assert resolver.vocabulary.precision_of(365) == (None, 5)


def test_find_is_deterministic(nlp, resolver):
    doc = nlp("On Sunday and again late Monday, jets struck; a week earlier, rebels had retreated.")
    assert resolver.find(doc, THURSDAY) == resolver.find(doc, THURSDAY)


def test_find_is_fast(nlp, resolver):
    paragraph = ("On Monday morning, officials said militants had attacked a checkpoint at 1:13 a.m., two days after "
                 "jets struck their camps in mid-February. The governor told reporters that the convoy carried food, "
                 "medicine and fuel for families who had fled the fighting in the north of the province. Aid "
                 "workers described crowded shelters, closed schools and long queues at the only working clinic, "
                 "where doctors said supplies would run out within weeks unless the road reopened. ")
    doc = nlp(paragraph * 9)  # about 600 words, 27 time expressions
    timings = []
    for _ in range(7):
        started = time.perf_counter()
        resolver.find(doc, THURSDAY)
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.05  # a few ms on an idle core; generous for a loaded test machine


def _token_range(doc, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    return span.start, span.end


def test_unquoted_yaml_keyword_is_refused(tmp_path):
    (tmp_path / "time.v1.yaml").write_text("holiday_openers: [on, at]\n", encoding="utf-8")
    try:
        TimeVocabulary.load(tmp_path)
    except ValueError as err:
        assert "quote" in str(err)
    else:
        raise AssertionError("an unquoted 'on' must be refused")
