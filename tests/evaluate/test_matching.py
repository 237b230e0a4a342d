"""The matcher and event-level scores on small hand-made cases with known answers."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.evaluate.events import CountingRule, score_events
from flashpoint.evaluate.gold.records import (
    GoldActor,
    GoldDate,
    GoldDocument,
    GoldEvent,
    GoldLocation,
    GoldSet,
)
from flashpoint.evaluate.matching import feasible, match
from flashpoint.model import Document

DAY = dt.date(2021, 6, 1)
TOWN = GoldLocation(lat=10.0, lon=20.0, tolerance_km=10, admin1="North", iso3="ABC")


def gold_event(key: str = "g1", **changes) -> GoldEvent:
    values = dict(
        key=key,
        kind="specific",
        event_types=("Battles",),
        sub_event_types=("Armed clash",),
        date=GoldDate(DAY, DAY, "day", DAY),
        location=TOWN,
        actor1=GoldActor(("Rebel Front",)),
        actor2=GoldActor(("Military Forces of Ruritania",), "ABC", "MIL"),
        fatalities=3,
        scored=frozenset(
            {"kind", "event_type", "sub_event_type", "date", "location", "actor1", "actor2", "fatalities"}
        ),
    )
    values.update(changes)
    return GoldEvent(**values)


@pytest.fixture(scope="module")
def right(make_event):
    """A prediction that agrees with gold_event() on every field; keyword arguments change it."""

    def build(id: str = "p1", **changes):
        values = dict(
            event_type="Battles",
            sub_event_type="Armed clash",
            start=DAY,
            lat=10.02,
            lon=20.01,
            admin1="North",
            iso3="ABC",
            actor1="Rebel Front",
            actor2="Military Forces of Ruritania (2010-)",
            fatalities=3,
            confidence=0.8,
        )
        values.update(changes)
        return make_event(id, **values)

    return build


def score(golds, predicted, conventions, rule=None):
    document = Document(id="d1", text="t", origin="test")
    gold = GoldSet("test", "-", [GoldDocument(document, tuple(golds))])
    rule = rule or CountingRule(frozenset({"specific", "background"}))
    return score_events(gold, {"d1": predicted}, rule, conventions)


def test_perfect(conventions, right):
    report = score([gold_event()], [right()], conventions)
    assert report["precision"] == {"correct": 1, "total": 1, "rate": 1.0}
    assert report["recall"]["rate"] == 1.0 and report["f1"] == 1.0
    assert report["spurious_per_document"] == 0.0
    assert all(v["rate"] == 1.0 for v in report["fields"]["strict"].values())


def test_empty_gold_and_prediction(conventions):
    report = score([], [], conventions)
    assert report["precision"]["rate"] is None and report["recall"]["rate"] is None and report["f1"] is None
    assert report["fields"]["strict"] == {} and report["calibration"]["ece"] is None


def test_one_spurious(conventions, right):
    spurious = right("p2", event_type="Protests", sub_event_type="Peaceful protest")
    report = score([gold_event()], [right(), spurious], conventions)
    assert report["precision"] == {"correct": 1, "total": 2, "rate": 0.5}
    assert report["recall"]["rate"] == 1.0
    assert report["f1"] == pytest.approx(0.6667)
    assert report["spurious_per_document"] == 1.0


def test_one_missed(conventions, right):
    report = score(
        [gold_event("g1"), gold_event("g2", event_types=("Riots",), sub_event_types=())], [right()], conventions
    )
    assert report["precision"]["rate"] == 1.0
    assert report["recall"] == {"correct": 1, "total": 2, "rate": 0.5}


def test_swapped_actors(conventions, right):
    swapped = right(actor1="Military Forces of Ruritania (2010-)", actor2="Rebel Front")
    fields = score([gold_event()], [swapped], conventions)["fields"]["strict"]
    assert fields["actor1"]["rate"] == 0.0 and fields["actor2"]["rate"] == 0.0
    assert fields["actors_any_order"]["rate"] == 1.0


def test_date_off_by_one_day(conventions, right):
    late = right(start=DAY + dt.timedelta(days=1))
    report = score([gold_event()], [late], conventions)
    assert report["matched"] == 0  # dates no longer overlap: a miss and a spurious event
    aligned = report["fields"]["aligned"]
    assert aligned["date"] == {"correct": 0, "total": 1, "rate": 0.0}
    assert aligned["event_type"]["rate"] == 1.0  # the aligned pairing still compares the other fields


def test_place_beyond_tolerance_is_not_a_match(right):
    far = right(lat=10.5, lon=20.0)  # ~55 km away, tolerance 10 km
    assert not feasible(gold_event(), far)
    assert feasible(gold_event(location=GoldLocation(10.0, 20.0, 100.0)), far)


def test_country_level_gold_needs_the_same_country(right):
    gold = gold_event(location=GoldLocation(iso3="ABC"))
    assert feasible(gold, right(lat=1.0, lon=1.0, iso3="ABC"))
    assert not feasible(gold, right(lat=1.0, lon=1.0, iso3="XYZ"))


def test_plover_type_decides_for_plover_only_events(right):
    gold = gold_event(event_types=(), sub_event_types=(), plover_types=("THREATEN",), location=None)
    assert feasible(gold, right(event_type=None, sub_event_type=None, plover="THREATEN"))
    assert not feasible(gold, right(event_type=None, sub_event_type=None, plover="ACCUSE"))


def test_type_list_accepts_any_listed_type(right):
    gold = gold_event(
        sub_event_types=("Air/drone strike", "Shelling/artillery/missile attack"),
        event_types=("Explosions/Remote violence",),
    )
    shelled = right(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")
    assert feasible(gold, shelled)


def test_assignment_is_optimal_not_greedy(right):
    # p1 fits both gold events, p2 only g1: greedy g1→p1 would leave g2 unmatched.
    g1 = gold_event("g1", date=GoldDate(DAY, DAY + dt.timedelta(days=5), "range"))
    g2 = gold_event("g2", date=GoldDate(DAY, DAY, "day", DAY))
    p1 = right("p1", start=DAY)
    p2 = right("p2", start=DAY + dt.timedelta(days=3))
    alignment = match([g1, g2], [p1, p2])
    assert alignment.pairs == ((0, 1), (1, 0))


def test_optional_event_counts_when_found_and_is_no_miss_when_absent(conventions, right):
    optional = gold_event("opt", optional=True, event_types=("Protests",), sub_event_types=())
    absent = score([gold_event(), optional], [right()], conventions)
    assert absent["recall"] == {"correct": 1, "total": 1, "rate": 1.0}
    protest = right("p2", event_type="Protests", sub_event_type=None)
    found = score([gold_event(), optional], [right(), protest], conventions)
    assert found["recall"] == {"correct": 2, "total": 2, "rate": 1.0}
    assert found["precision"]["rate"] == 1.0 and found["matched_optional"] == 1


def test_required_event_wins_over_optional_for_one_prediction(right):
    optional = gold_event("opt", optional=True)
    alignment = match([optional, gold_event("req")], [right()])
    assert alignment.pairs == ((1, 0),)


def test_uncounted_kinds_are_neither_hits_nor_spurious(conventions, right):
    hypothetical = right("p2", kind="hypothetical", event_type="Riots", sub_event_type=None)
    report = score([gold_event()], [right(), hypothetical], conventions)
    assert report["predicted"] == 1 and report["precision"]["rate"] == 1.0
    assert report["predicted_by_kind"] == {"hypothetical": 1, "specific": 1}


def test_unmatched_verbal_plover_events_can_be_forgiven(conventions, right):
    threat = right("p2", event_type=None, sub_event_type=None, plover="THREATEN")
    rule = CountingRule(frozenset({"specific"}), conventions.forgiven_plover_types())
    report = score([gold_event()], [right(), threat], conventions, rule)
    assert report["precision"] == {"correct": 1, "total": 1, "rate": 1.0}
    assert report["uncounted_unmatched_verbal"] == 1
    assault = right("p3", event_type=None, sub_event_type=None, plover="ASSAULT")
    assert score([gold_event()], [right(), assault], conventions, rule)["precision"]["total"] == 2


def test_acled_only_gold_leaves_plover_only_events_out_of_scope(conventions, right):
    assault = right("p2", event_type=None, sub_event_type=None, plover="ASSAULT")
    riot = right("p3", event_type="Riots", sub_event_type="Mob violence")
    rule = CountingRule(frozenset({"specific"}), acled_only=True)
    report = score([gold_event()], [right(), assault, riot], conventions, rule)
    assert report["precision"] == {"correct": 1, "total": 2, "rate": 0.5}


def test_calibration_counts_match_correctness(conventions, right):
    spurious = right("p2", event_type="Protests", sub_event_type=None, confidence=0.85)
    calibration = score([gold_event()], [right(confidence=0.8), spurious], conventions)["calibration"]
    assert calibration["n"] == 2
    assert calibration["bins"] == [{"bin": "0.8–0.9", "n": 2, "correct": 1, "mean_confidence": 0.825, "accuracy": 0.5}]
    assert calibration["ece"] == pytest.approx(0.325)


def test_gold_without_a_type_matches_only_its_kind(right):
    untyped = GoldEvent("total", kind="aggregate", scored=frozenset({"kind"}))
    assert feasible(untyped, right(kind="aggregate"))
    assert not feasible(untyped, right(kind="specific"))
