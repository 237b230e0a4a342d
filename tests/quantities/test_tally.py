"""One event's figure from its counts: revisions, sums, contests, bounds (and the founding example)."""

from __future__ import annotations

import pytest

from flashpoint.extract.quantities import CountFinder, NumberVocabulary
from flashpoint.extract.quantities.tally import tally


@pytest.fixture(scope="module")
def vocab() -> NumberVocabulary:
    return NumberVocabulary.load()


@pytest.fixture(scope="module")
def finder(vocab) -> CountFinder:
    return CountFinder(vocab)


@pytest.fixture
def tally_of(nlp, finder, vocab):
    def run(text: str, what: str = "killed"):
        return tally(finder.find(nlp(text)), what, vocab.generic_people)

    return run


def statuses(result) -> list[tuple[int | None, str]]:
    return [(m.quantity.best, status) for m, status in result.figures]


def test_a_revised_toll_supersedes_the_first_figure(tally_of):
    result = tally_of(
        "Police said two guards were killed in the morning attack. "
        "By nightfall the death toll had risen to six, according to the hospital."
    )
    assert (result.low, result.best, result.high) == (6, 6, 6)
    assert statuses(result) == [(2, "superseded"), (6, "current")]


def test_an_initial_figure_is_superseded_even_without_a_rise(tally_of):
    result = tally_of("Officials initially said four pilgrims had died. Hospital staff counted seven dead pilgrims.")
    assert (result.low, result.best) == (7, 7)
    assert statuses(result)[0] == (4, "superseded")


def test_groups_in_one_sentence_add_up(tally_of):
    result = tally_of("Three policemen were killed and four attackers also died in the exchange of fire.")
    assert (result.low, result.best, result.high) == (7, 7, 7)
    assert result.groups == (("policemen", 3), ("attackers", 4))


def test_a_different_group_in_a_later_sentence_adds_up(tally_of):
    result = tally_of("The ambush killed five soldiers. Troops later killed eleven militants in a counter-attack.")
    assert result.best == 16


def test_competing_figures_stay_contested_and_low_is_the_smallest(tally_of):
    result = tally_of("The ministry said 12 people were killed in the strike. Local medics said 19 people were killed.")
    assert (result.low, result.best, result.high) == (12, 12, 19)
    assert statuses(result) == [(12, "contested"), (19, "contested")]


def test_a_repeated_figure_corroborates(tally_of):
    result = tally_of("A car bomb killed nine people. All nine people were killed instantly, police said.")
    assert (result.low, result.best) == (9, 9)
    assert {status for _, status in result.figures} == {"current"}


def test_a_lower_bound_has_no_high(tally_of):
    result = tally_of("At least 25 worshippers were killed in the blast.")
    assert (result.low, result.best, result.high) == (25, 25, None)


def test_killed_or_wounded_gives_only_a_high_bound(tally_of):
    result = tally_of("The mortar round killed or wounded 14 soldiers.")
    assert (result.low, result.best, result.high) == (None, None, 14)


def test_injured_are_tallied_apart(tally_of):
    text = "The blast killed 3 guards and wounded 20 shoppers."
    assert tally_of(text).best == 3
    assert tally_of(text, "injured").best == 20


def test_nothing_to_tally(tally_of):
    assert tally_of("The convoy reached the city on Sunday.") is None


def test_founding_example_fatalities(nlp, finder, vocab, shared_dir):
    """Eight Turkish personnel (five soldiers, three civilian staff); the first report of four is superseded.

    Which mentions belong to the event is the events stage's choice; here: the killed counts of Turkish
    personnel (not the Syrian soldiers or the civilians of the aggregate)."""
    path = shared_dir / "examples" / "idlib-2020-02-03" / "article.txt"
    if not path.is_file():
        pytest.skip("the founding example is not in ../shared")
    mentions = finder.find(nlp(path.read_text(encoding="utf-8")))
    turkish = [
        m
        for m in mentions
        if m.what == "killed" and not m.aggregate and "Syrian" not in (m.who or "") and m.who_head != "civilian"
    ]
    result = tally(turkish, "killed", vocab.generic_people)
    assert (result.low, result.best, result.high) == (8, 8, 8)
    assert result.groups == (("Turkish soldiers", 5), ("Turkish civilian personnel", 3))
    assert [m.quantity.best for m, status in result.figures if status == "superseded"] == [4]
