"""Every expression class resolves to the analyst's span (cases written for these tests: cases.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


def _published(case: dict):
    return case["published"] if "published" in case else CASES["published"]


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: f"{c['class']}:{c['text'][:40]}")
def test_expression(case, nlp, resolver):
    mentions = resolver.find(nlp(case["text"]), _published(case))
    if case["expr"] is None:
        assert mentions == [], [m.text for m in mentions]
        return
    found = [m for m in mentions if m.text == case["expr"]]
    assert found, f"{case['expr']!r} not found in {[m.text for m in mentions]}"
    mention = found[0]
    assert mention.text == case["text"][mention.start : mention.end]
    if case.get("resolved", True) is False:
        assert not mention.resolved and mention.start_date is None and mention.past is None
        return
    assert mention.resolved
    assert (mention.start_date, mention.end_date) == (case["start"], case.get("end", case["start"]))
    if "time" in case:
        assert mention.time == case["time"]
    if "acled" in case:
        assert mention.acled_time_precision == case["acled"]
    if "ucdp" in case:
        assert mention.ucdp_date_prec == case["ucdp"]


def test_every_class_is_covered():
    classes = {c["class"] for c in CASES["cases"]}
    assert classes >= {"explicit", "weekday", "relative", "anchored", "part-of-month", "part-of-year", "season",
                       "year", "clock", "range", "duration"}
