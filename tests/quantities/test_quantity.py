"""Quantity phrases read into low / best / high (numbers.v1.yaml conventions), without spaCy."""

from __future__ import annotations

import pytest

from flashpoint.extract.quantities import NumberVocabulary, parse_quantity, scan_quantities


@pytest.fixture(scope="module")
def vocab() -> NumberVocabulary:
    return NumberVocabulary.load()


@pytest.mark.parametrize(
    ("text", "low", "best", "high", "kind", "vague", "phrase"),
    [
        # digits and number words
        ("17 recruits", 17, 17, 17, "exact", False, "17"),
        ("1,350 residents", 1350, 1350, 1350, "exact", False, "1,350"),
        ("2.5 million refugees", 2_500_000, 2_500_000, 2_500_000, "exact", False, "2.5 million"),
        ("eleven guards", 11, 11, 11, "exact", False, "eleven"),
        ("twenty-three miners", 23, 23, 23, "exact", False, "twenty-three"),
        ("two hundred and six pilgrims", 206, 206, 206, "exact", False, "two hundred and six"),
        ("a dozen hostages", 12, 12, 12, "exact", False, "a dozen"),
        ("three dozen farmers", 36, 36, 36, "exact", False, "three dozen"),
        ("half a dozen nurses", 6, 6, 6, "exact", False, "half a dozen"),
        # ACLED's vague words
        ("tens of herders", 10, 10, None, "vague", True, "tens"),
        ("dozens of traders", 12, 12, None, "vague", True, "dozens"),
        ("hundreds of marchers", 100, 100, None, "vague", True, "hundreds"),
        ("hundreds of thousands of families", 100_000, 100_000, None, "vague", True, "hundreds of thousands"),
        ("tens of thousands", 10_000, 10_000, None, "vague", True, "tens of thousands"),
        # plural without a number: the smallest figure implied, best unknown
        ("several porters", 3, None, None, "unnumbered", True, "several"),
        ("a number of pupils", 2, None, None, "unnumbered", True, "a number of"),
        ("a few monks", 2, None, None, "unnumbered", True, "a few"),
        ("an unknown number of drivers", 2, None, None, "unnumbered", True, "an unknown number of"),
        ("several hundred voters", 300, None, None, "unnumbered", True, "several hundred"),
        # bounds
        ("at least 31 passengers", 31, 31, None, "lower", False, "at least 31"),
        ("more than 450 prisoners", 450, 450, None, "lower", False, "more than 450"),
        ("over two hundred sailors", 200, 200, None, "lower", False, "over two hundred"),
        ("60 or more", 60, 60, None, "lower", False, "60 or more"),
        ("up to 18 students", None, None, 18, "upper", False, "up to 18"),
        ("as many as forty", None, None, 40, "upper", False, "as many as forty"),
        ("about 70 workers", 70, 70, None, "approximate", False, "about 70"),
        ("some 250 demonstrators", 250, 250, None, "approximate", False, "some 250"),
        ("nearly 90 villagers", None, 90, 90, "below", False, "nearly 90"),
        ("at least dozens of clerks", 12, 12, None, "lower", True, "at least dozens"),
        # ranges
        ("between 30 and 45 inmates", 30, 30, 45, "range", False, "between 30 and 45"),
        ("from 14 to 19 cadets", 14, 14, 19, "range", False, "from 14 to 19"),
        ("35-50 guards", 35, 35, 50, "range", False, "35-50"),
        ("seven or eight gunmen", 7, 7, 8, "range", False, "seven or eight"),
        ("about 150-200 teachers", 150, 150, 200, "range", False, "about 150-200"),
        ("up to 30 or 40 fighters", None, None, 40, "upper", False, "up to 30 or 40"),
    ],
)
def test_parse_quantity(vocab, text, low, best, high, kind, vague, phrase):
    quantity = parse_quantity(text, vocab)
    assert quantity is not None
    assert (quantity.low, quantity.best, quantity.high) == (low, best, high)
    assert (quantity.kind, quantity.vague, quantity.text) == (kind, vague, phrase)
    assert text[quantity.start : quantity.end] == quantity.text


@pytest.mark.parametrize(
    "text",
    [
        "a nine-year insurgency",
        "a 20-kilogram device",
        "a 14-year-old boy",
        "at 4:45 in the morning",
        "120mm mortars",
        "a 15% rise",
        "40 percent of the vote",
        "the third convoy",
        "twice a week",
    ],
)
def test_non_counts_are_not_quantities(vocab, text):
    assert parse_quantity(text, vocab) is None


def test_offsets_point_into_the_given_text(vocab):
    text = "Reports said at least 12 and perhaps as many as 20 died."
    found = scan_quantities(text, vocab)
    assert [q.text for q in found] == ["at least 12", "as many as 20"]
    assert all(text[q.start : q.end] == q.text for q in found)


def test_a_range_needs_a_larger_second_figure(vocab):
    found = scan_quantities("killed 9, wounded 4", vocab)
    assert [(q.text, q.kind) for q in found] == [("9", "exact"), ("4", "exact")]
