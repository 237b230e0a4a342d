"""Field-by-field accuracy on paired (gold, predicted) events. Only fields the gold annotates are scored."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from flashpoint.evaluate import compare
from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold.records import GoldActor, GoldEvent
from flashpoint.evaluate.metrics import Rate
from flashpoint.model import Actor, Event

Figure = Literal["low", "best"]
FIELD_ORDER = (
    "event_type",
    "sub_event_type",
    "plover_type",
    "date",
    "date_overlap",
    "location_10km",
    "location_25km",
    "location_161km",
    "country",
    "admin1",
    "actor1",
    "actor2",
    "actors_any_order",
    "fatalities_exact",
    "fatalities_within",
    "fatalities_exact_with_deaths",
    "fatalities_within_with_deaths",
    "fatalities_exact_no_deaths",
    "claimant",
    "kind",
)


def predicted_fatalities(event: Event, figure: Figure = "low") -> int:
    """The predicted count compared with gold: ``low`` (ACLED's conservative figure) or ``best``, falling
    back to
    the other; no fatalities predicted → 0 (ACLED writes 0 when no deaths are reported)."""
    if event.fatalities is None:
        return 0
    first, second = (event.fatalities.low, event.fatalities.best)
    if figure == "best":
        first, second = second, first
    for value in (first, second):
        if value is not None:
            return value
    return 0


def field_scores(
    pairs: Iterable[tuple[GoldEvent, Event]], conventions: Conventions, figure: Figure = "low"
) -> dict[str, Rate]:
    """Rates per field over ``pairs``, in FIELD_ORDER (fields nobody scored are left out)."""
    rates = {name: Rate() for name in FIELD_ORDER}
    for gold, event in pairs:
        _types(gold, event, rates)
        _when(gold, event, rates, conventions)
        _where(gold, event, rates, conventions)
        _who(gold, event, rates)
        _deaths(gold, predicted_fatalities(event, figure), rates, conventions)
        if gold.claimants:
            names = [c.claimant.name for c in event.claims if c.claimant is not None]
            for alternatives in gold.claimants:
                rates["claimant"].add(compare.claimant_agrees(alternatives, names, conventions))
        if "kind" in gold.scored and gold.kind is not None:
            rates["kind"].add(event.kind == gold.kind)
    return {name: rate for name, rate in rates.items() if rate.total}


def _types(gold: GoldEvent, event: Event, rates: dict[str, Rate]) -> None:
    if gold.event_types:
        rates["event_type"].add(event.event_type in gold.event_types)
    if gold.sub_event_types:
        rates["sub_event_type"].add(event.sub_event_type in gold.sub_event_types)
    if gold.plover_types:
        rates["plover_type"].add(event.plover is not None and event.plover.type in gold.plover_types)


def _when(gold: GoldEvent, event: Event, rates: dict[str, Rate], conventions: Conventions) -> None:
    if gold.date is None:
        return
    rates["date"].add(compare.date_correct(gold.date, event, dict(conventions.span_limit_days)))
    rates["date_overlap"].add(compare.dates_overlap(gold.date, event))


def _where(gold: GoldEvent, event: Event, rates: dict[str, Rate], conventions: Conventions) -> None:
    where = gold.location
    if where is None:
        return
    if where.lat is not None:
        distance = compare.distance_km(where, event)
        for km in conventions.thresholds_km:
            key = f"location_{km}km"
            if key in rates:
                rates[key].add(distance is not None and distance <= km)
    predicted = event.location
    if where.iso3:
        rates["country"].add(predicted is not None and predicted.iso3 == where.iso3)
    if where.admin1:
        rates["admin1"].add(
            predicted is not None and compare.admin1_agrees(where.admin1, predicted.admin1, conventions)
        )


def _who(gold: GoldEvent, event: Event, rates: dict[str, Rate]) -> None:
    for role, wanted in (("actor1", gold.actor1), ("actor2", gold.actor2)):
        if role in gold.scored:
            rates[role].add(_actor_right(wanted, event.actor(role)))
    if {"actor1", "actor2"} <= gold.scored:
        straight = _actor_right(gold.actor1, event.actor("actor1")) and _actor_right(gold.actor2, event.actor("actor2"))
        swapped = _actor_right(gold.actor1, event.actor("actor2")) and _actor_right(gold.actor2, event.actor("actor1"))
        rates["actors_any_order"].add(straight or swapped)


def _actor_right(gold: GoldActor | None, actor: Actor | None) -> bool:
    """Annotated as absent: right when none is predicted. Otherwise compare.actor_agrees."""
    if gold is None:
        return actor is None
    return compare.actor_agrees(gold, actor)


def _deaths(gold: GoldEvent, got: int, rates: dict[str, Rate], conventions: Conventions) -> None:
    if "fatalities" not in gold.scored or gold.fatalities is None:
        return
    wanted = gold.fatalities
    exact = got == wanted
    within = abs(got - wanted) <= conventions.fatality_margin * wanted
    rates["fatalities_exact"].add(exact)
    rates["fatalities_within"].add(within)
    if wanted > 0:
        rates["fatalities_exact_with_deaths"].add(exact)
        rates["fatalities_within_with_deaths"].add(within)
    else:
        rates["fatalities_exact_no_deaths"].add(exact)
