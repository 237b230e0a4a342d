"""Small comparisons the matcher and the field measures share: names, places, distances, dates, types."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from rapidfuzz import fuzz

from flashpoint.evaluate.conventions import Conventions, strip_period
from flashpoint.evaluate.gold.records import GoldActor, GoldDate, GoldEvent, GoldLocation
from flashpoint.model import Actor, Event

EARTH_RADIUS_KM = 6371.0088
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(name: str | None) -> str:
    """Lower-case ASCII words: accents, punctuation and ACLED period suffixes removed."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", strip_period(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_NON_WORD.sub(" ", text.replace("'", "").replace("’", "")).split())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_km(gold: GoldLocation | None, event: Event) -> float | None:
    """Distance between gold and predicted coordinates; None when either has none."""
    where = event.location
    if gold is None or gold.lat is None or gold.lon is None or where is None:
        return None
    if where.lat is None or where.lon is None:
        return None
    return haversine_km(gold.lat, gold.lon, where.lat, where.lon)


def location_agrees(gold: GoldEvent, event: Event) -> bool:
    """Within the gold tolerance; country-only gold needs the same country; gold without a place: any."""
    where = gold.location
    if where is None:
        return True
    if where.lat is None:
        return event.location is not None and event.location.iso3 == where.iso3
    distance = distance_km(where, event)
    return distance is not None and where.tolerance_km is not None and distance <= where.tolerance_km


def span(event: Event) -> tuple[dt.date, dt.date] | None:
    """The predicted (start, end); a missing end is the start and vice versa; None when undated."""
    start = event.date.start or event.date.end
    end = event.date.end or event.date.start
    if start is None or end is None:
        return None
    return start, end


def dates_overlap(gold: GoldDate | None, event: Event) -> bool:
    """Gold without a date: any. Otherwise the predicted span must share a day with the gold span."""
    if gold is None:
        return True
    predicted = span(event)
    return predicted is not None and predicted[0] <= gold.end and predicted[1] >= gold.start


def date_correct(gold: GoldDate, event: Event, limits: dict) -> bool:
    """Day gold: the same single day. Week/month gold: the gold day inside a span of at most 7/31 days.
    A gold range: the predicted span inside it."""
    predicted = span(event)
    if predicted is None:
        return False
    start, end = predicted
    if gold.precision == "day":
        return start == end == gold.start
    if gold.precision in ("week", "month") and gold.day is not None:
        return start <= gold.day <= end and (end - start).days < int(limits[gold.precision])
    return gold.start <= start and end <= gold.end


def types_agree(gold: GoldEvent, event: Event) -> bool:
    """ACLED type when both have one, else PLOVER type; gold without any type needs only the same kind."""
    if gold.event_types and event.event_type is not None:
        return event.event_type in gold.event_types
    if gold.plover_types and event.plover is not None:
        return event.plover.type in gold.plover_types
    return not gold.has_type and (gold.kind is None or event.kind == gold.kind)


def actor_agrees(gold: GoldActor, actor: Actor | None) -> bool:
    """A normalised name (or surface text) among the gold names, or the same country and sector."""
    if actor is None:
        return False
    names = {normalise(n) for n in gold.names}
    if normalise(actor.name) in names or (actor.text and normalise(actor.text) in names):
        return True
    return bool(gold.country and gold.sector and actor.country == gold.country and actor.sector == gold.sector)


def admin1_agrees(gold: str, predicted: str | None, conventions: Conventions) -> bool:
    """Same first-order division, ignoring words like "province" and small spelling differences."""
    a, b = _admin(gold, conventions), _admin(predicted, conventions)
    return bool(a and b) and (a == b or fuzz.ratio(a, b) >= conventions.fuzzy_min_ratio)


def claimant_agrees(alternatives: tuple[str, ...], claimants: list[str], conventions: Conventions) -> bool:
    """Any predicted claimant close to any acceptable gold name (token-set similarity)."""
    wanted = [normalise(a) for a in alternatives]
    found = [normalise(c) for c in claimants]
    threshold = conventions.fuzzy_min_ratio
    return any(w and f and (w == f or fuzz.token_set_ratio(w, f) >= threshold) for w in wanted for f in found)


def _admin(name: str | None, conventions: Conventions) -> str:
    return " ".join(word for word in normalise(name).split() if word not in conventions.admin_words)
