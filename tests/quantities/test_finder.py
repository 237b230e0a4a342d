"""Counts found in parsed sentences with the real pipeline, each attached to its outcome word."""

from __future__ import annotations

import pytest

from flashpoint.extract.quantities import CountFinder, CountMention, NumberVocabulary


@pytest.fixture(scope="module")
def finder() -> CountFinder:
    return CountFinder(NumberVocabulary.load())


@pytest.fixture
def find(nlp, finder):
    def run(text: str) -> list[CountMention]:
        doc = nlp(text)
        mentions = finder.find(doc)
        for m in mentions:  # every offset indexes the text as given
            assert doc.text[m.quantity.start : m.quantity.end] == m.quantity.text
            if m.who is not None:
                assert doc.text[m.who_start : m.who_end] == m.who
        return mentions

    return run


def figures(mentions: list[CountMention]) -> list[tuple[str, int | None, int | None, int | None]]:
    return [(m.what, m.quantity.low, m.quantity.best, m.quantity.high) for m in mentions]


def test_version_records_code_and_knowledge(finder):
    assert finder.version.startswith("countfinder.v1+numbers.v1+casualties.v1:")


@pytest.mark.parametrize(
    ("text", "expected", "who"),
    [
        ("Gunmen killed nine villagers near the river on Tuesday.", ("killed", 9, 9, 9), "villagers"),
        ("Twenty-three miners died when the shaft collapsed.", ("killed", 23, 23, 23), "miners"),
        ("At least 40 people were killed in the raid.", ("killed", 40, 40, None), "people"),
        ("Up to 15 recruits were killed.", ("killed", None, None, 15), "recruits"),
        ("Between 12 and 20 recruits were killed.", ("killed", 12, 12, 20), "recruits"),
        ("Dozens of traders were killed in the market.", ("killed", 12, 12, None), "traders"),
        ("Hundreds of residents were wounded.", ("injured", 100, 100, None), "residents"),
        ("Several guards were killed at the gate.", ("killed", 3, None, None), "guards"),
        ("A number of passengers were injured.", ("injured", 2, None, None), "passengers"),
        ("Police arrested 14 demonstrators after the rally.", ("arrested", 14, 14, 14), "demonstrators"),
        ("Militants kidnapped three aid workers near the border.", ("abducted", 3, 3, 3), "aid workers"),
        ("More than 2,000 residents fled the town.", ("displaced", 2000, 2000, None), "residents"),
        ("Two journalists remain missing.", ("missing", 2, 2, 2), "journalists"),
        ("About 500 students marched through the capital.", ("crowd", 500, 500, None), "students"),
        ("Hundreds of protesters gathered outside the ministry.", ("crowd", 100, 100, None), "protesters"),
        ("The eight-year conflict has killed 1,200 people.", ("killed", 1200, 1200, 1200), "people"),
        ("The storm of shelling left 14 dead.", ("killed", 14, 14, 14), None),
        ("The raid killed 6 and injured 11.", ("killed", 6, 6, 6), None),
    ],
)
def test_one_count(find, text, expected, who):
    mentions = find(text)
    assert figures(mentions)[:1] == [expected]
    assert mentions[0].who == who


def test_injured_and_killed_are_kept_apart(find):
    mentions = find("Four soldiers died and four others were hurt, while a bomb killed 6 and injured 11.")
    assert figures(mentions) == [
        ("killed", 4, 4, 4),
        ("injured", 4, 4, 4),
        ("killed", 6, 6, 6),
        ("injured", 11, 11, 11),
    ]


def test_breakdown_by_group_sums_to_the_total(find):
    (mention,) = find("The explosion left seven police officers and two bystanders dead.")
    assert (mention.what, mention.quantity.best, mention.quantity.kind) == ("killed", 9, "sum")
    assert mention.groups == (("police officers", 7), ("bystanders", 2))
    assert mention.quantity.text == "seven police officers and two"


def test_breakdown_with_a_person_named_without_a_number(find):
    (mention,) = find("Police detained a journalist and two activists on Friday.")
    assert (mention.what, mention.quantity.best) == ("arrested", 3)
    assert mention.groups == (("journalist", 1), ("activists", 2))


def test_revision_within_a_report(find):
    mentions = find(
        "Initially, officials said three guards had been killed; by evening the toll had climbed to eleven."
    )
    assert [(m.quantity.best, m.revision) for m in mentions] == [(3, "initial"), (11, "revised")]


def test_killed_or_wounded_is_a_high_bound_only(find):
    (mention,) = find("The blast killed or wounded 30 people.")
    assert (mention.what, mention.high_only) == ("killed", True)


def test_casualties_mix_dead_and_wounded(find):
    (mention,) = find("The shelling caused 17 casualties.")
    assert (mention.what, mention.quantity.best, mention.high_only) == ("killed", 17, True)


@pytest.mark.parametrize(
    "text",
    [
        "More than 300 civilians have been killed since January.",
        "In all, nine people were killed in the two attacks.",
        "So far, 41 people have died in the clashes.",
    ],
)
def test_totals_over_time_or_places_are_aggregates(find, text):
    (mention,) = find(text)
    assert mention.aggregate


def test_a_single_event_is_not_an_aggregate(find):
    (mention,) = find("A bomb killed eight soldiers at a checkpoint on Monday.")
    assert not mention.aggregate


def test_a_part_of_a_count_is_a_subset(find):
    total, part = find("Ten people were killed, including three children.")
    assert (total.quantity.best, total.subset) == (10, False)
    assert (part.quantity.best, part.subset, part.who) == (3, True, "children")


def test_counts_that_add_to_earlier_ones(find):
    first, second = find("Rebels killed two soldiers. Three other soldiers were also killed.")
    assert not first.additive and second.additive


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A shopkeeper was stabbed to death in the market.", ("killed", 1, "A shopkeeper")),
        ("A policeman was injured in the blast.", ("injured", 1, "A policeman")),
        ("Militants shot dead a tribal elder.", ("killed", 1, "a tribal elder")),
        ("No one was hurt in the fire.", ("injured", 0, "No one")),
        ("No fatalities were reported.", ("killed", 0, "No fatalities")),
        ("The patrol was ambushed, causing no injuries.", ("injured", 0, "no injuries")),
    ],
)
def test_counts_without_a_number(find, text, expected):
    (mention,) = find(text)
    assert (mention.what, mention.quantity.best, mention.quantity.text) == expected


def test_no_casualties_is_zero_dead_and_zero_hurt(find):
    mentions = find("The rocket attack on the depot caused no casualties.")
    assert [(m.what, m.quantity.best, m.high_only) for m in mentions] == [("injured", 0, False), ("killed", 0, False)]


def test_a_pronoun_takes_the_count_of_people_just_named(find):
    abducted, killed = find("The militants abducted two teachers and killed them.")
    assert (abducted.what, killed.what) == ("abducted", "killed")
    assert killed.quantity.best == 2 and killed.who == "teachers"


@pytest.mark.parametrize(
    "text",
    [
        "A 14-year-old girl was killed when a 20-kilogram bomb exploded in 2019.",
        "The nine-year war has displaced families across the two provinces.",
        "Officials said 60 percent of the wounded were children.",
        "He was killed at 4:45 on 3 March.",
        "Militants stole 45 goats and killed two herders.",
    ],
)
def test_numbers_that_are_not_counts_of_people(find, text):
    for mention in find(text):
        assert mention.quantity.best in (None, 0, 1, 2)


def test_mentions_follow_text_order_and_one_per_number(find):
    mentions = find("Two guards were killed and 5 were wounded; later 3 more guards died of their wounds.")
    assert [m.quantity.text for m in mentions] == ["Two", "5", "3"]
    assert [m.what for m in mentions] == ["killed", "injured", "killed"]
    assert mentions[2].additive
