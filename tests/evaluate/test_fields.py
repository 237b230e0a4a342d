"""Field measures on hand-made (gold, predicted) pairs with known answers."""

from __future__ import annotations

import datetime as dt

from flashpoint.evaluate.fields import field_scores, predicted_fatalities
from flashpoint.evaluate.gold.records import GoldActor, GoldDate, GoldEvent, GoldLocation
from flashpoint.model import Actor

DAY = dt.date(2022, 3, 16)


def rates(pairs, conventions, figure="low"):
    return {name: (r.correct, r.total) for name, r in field_scores(pairs, conventions, figure).items()}


def test_only_annotated_fields_are_scored(conventions, make_event):
    gold = GoldEvent("g", plover_types=("ACCUSE",), scored=frozenset({"plover"}))
    assert rates([(gold, make_event(event_type=None, plover="ACCUSE"))], conventions) == {"plover_type": (1, 1)}


def test_day_precision_needs_the_same_single_day(conventions, make_event):
    gold = GoldEvent("g", date=GoldDate(DAY, DAY, "day", DAY), scored=frozenset({"date"}))
    assert rates([(gold, make_event(start=DAY))], conventions)["date"] == (1, 1)
    two_days = make_event(start=DAY, end=DAY + dt.timedelta(days=1))
    assert rates([(gold, two_days)], conventions) == {"date": (0, 1), "date_overlap": (1, 1)}
    assert rates([(gold, make_event(start=None))], conventions) == {"date": (0, 1), "date_overlap": (0, 1)}


def test_week_and_month_precision_accept_a_short_enough_span(conventions, make_event):
    week = GoldEvent("g", date=GoldDate(DAY - dt.timedelta(3), DAY + dt.timedelta(3), "week", DAY))
    inside = make_event(start=DAY - dt.timedelta(days=6), end=DAY)  # 7 days, gold day inside
    too_long = make_event(start=DAY - dt.timedelta(days=7), end=DAY)  # 8 days
    assert rates([(week, inside), (week, too_long)], conventions)["date"] == (1, 2)
    month = GoldEvent("g", date=GoldDate(DAY.replace(day=1), DAY.replace(day=31), "month", DAY))
    march = make_event(start=DAY.replace(day=1), end=DAY.replace(day=31))
    assert rates([(month, march)], conventions)["date"] == (1, 1)


def test_gold_range_wants_the_prediction_inside_it(conventions, make_event):
    gold = GoldEvent("g", date=GoldDate(DAY, DAY + dt.timedelta(days=4), "range"))
    assert rates([(gold, make_event(start=DAY + dt.timedelta(days=2)))], conventions)["date"] == (1, 1)
    spills = make_event(start=DAY + dt.timedelta(days=3), end=DAY + dt.timedelta(days=6))
    assert rates([(gold, spills)], conventions) == {"date": (0, 1), "date_overlap": (1, 1)}


def test_location_thresholds_country_and_admin1(conventions, make_event):
    gold = GoldEvent("g", location=GoldLocation(50.0, 30.0, 10, admin1="Kyiv Oblast", iso3="UKR"))
    about_20_km = make_event(lat=50.18, lon=30.0, admin1="Kyiv", iso3="UKR")
    got = rates([(gold, about_20_km)], conventions)
    assert got["location_10km"] == (0, 1) and got["location_25km"] == (1, 1) and got["location_161km"] == (1, 1)
    assert got["country"] == (1, 1) and got["admin1"] == (1, 1)
    unlocated = rates([(gold, make_event())], conventions)
    assert unlocated["location_161km"] == (0, 1) and unlocated["admin1"] == (0, 1)


def test_actor_names_ignore_period_suffix_and_case(conventions, make_event):
    gold = GoldEvent("g", actor1=GoldActor(("Police Forces of Kenya (2013-)",)), scored=frozenset({"actor1"}))
    assert rates([(gold, make_event(actor1="police forces of kenya (2022-)"))], conventions)["actor1"] == (1, 1)
    assert rates([(gold, make_event(actor1="Police Forces of Uganda"))], conventions)["actor1"] == (0, 1)


def test_actor_country_and_sector_is_an_alternative(conventions, make_event):
    gold = GoldEvent("g", actor1=GoldActor(("Kenyan police",), "KEN", "COP"), scored=frozenset({"actor1"}))
    same = Actor(role="actor1", name="Police of Kenya", country="KEN", sector="COP")
    other = Actor(role="actor1", name="Police of Kenya", country="KEN", sector="MIL")
    assert rates([(gold, make_event(actor1=same)), (gold, make_event(actor1=other))], conventions)["actor1"] == (1, 2)


def test_actor_annotated_as_absent(conventions, make_event):
    gold = GoldEvent(
        "g", actor1=GoldActor(("Protesters (Chile)",)), actor2=None, scored=frozenset({"actor1", "actor2"})
    )
    alone = make_event(actor1="Protesters (Chile)")
    with_police = make_event(actor1="Protesters (Chile)", actor2="Police Forces of Chile")
    assert rates([(gold, alone), (gold, with_police)], conventions)["actor2"] == (1, 2)


def test_fatalities_exact_within_and_split_by_deaths(conventions, make_event):
    ten = GoldEvent("g", fatalities=10, scored=frozenset({"fatalities"}))
    none = GoldEvent("h", fatalities=0, scored=frozenset({"fatalities"}))
    pairs = [
        (ten, make_event(fatalities=10)),
        (ten, make_event(fatalities=12)),
        (ten, make_event(fatalities=13)),
        (none, make_event()),
        (none, make_event(fatalities=1)),
    ]
    got = rates(pairs, conventions)
    assert got["fatalities_exact"] == (2, 5)
    assert got["fatalities_within"] == (3, 5)
    assert got["fatalities_exact_with_deaths"] == (1, 3)
    assert got["fatalities_within_with_deaths"] == (2, 3)
    assert got["fatalities_exact_no_deaths"] == (1, 2)


def test_fatality_figure_low_or_best(make_event):
    from flashpoint.model import Casualties

    ranged = make_event().model_copy(update={"fatalities": Casualties(low=4, best=6, high=9)})
    assert predicted_fatalities(ranged, "low") == 4 and predicted_fatalities(ranged, "best") == 6
    assert predicted_fatalities(make_event(), "best") == 0


def test_claimants_and_kind(conventions, make_event):
    gold = GoldEvent(
        "g",
        kind="background",
        claimants=(("Interior Ministry", "the ministry of the interior"), ("a local elder",)),
        scored=frozenset({"claims", "kind"}),
    )
    predicted = make_event(kind="specific", claimants=("the Interior Ministry",))
    assert rates([(gold, predicted)], conventions) == {"claimant": (1, 2), "kind": (0, 1)}
