"""Better unresolved than a far-away guess: a candidate must be grounded in the document's countries.

A document's *anchors* are the countries its context vouches for: the countries of the hints handed to the
geoparser (a source's region, the home countries of the armed groups a report names) and of the other names it
resolves with confidence (countries, divisions, towns matched by their own name). A candidate is grounded when its
country is anchored, when it spans countries (a sea, a continent), when it is a country or a first- or
second-level division named by one of its names, or when it is notable enough to be meant abroad (a capital, a
city of NOTABLE_POPULATION matched by its own name). With anchors present, ungrounded candidates are dropped; a
name left with none is unresolved — "Chora" in an Afghan report is not Chios, Greece; "Kinda" in Idlib is not a
Swedish municipality. A name matched by its own spelling (not a variant) is held to the anchors only when hints
frame the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from flashpoint.extract.places.gazetteer import Candidate, Place

NOTABLE_POPULATION = 100_000  # a town matched by its main name or an alias, this big, may be meant from abroad
NOTABLE_ALTERNATE = 1_000_000  # matched by an alternate (other-language) name: only a metropolis
ANCHOR_SCORE = 0.5  # a town anchors its country when resolved at least this confidently


def anchor_countries(picks: Iterable[tuple[Candidate, float] | None], hints: Sequence[Place]) -> set[str]:
    """Countries the context vouches for: hints, and the confidently resolved names of the text (``picks``:
    each other mention's chosen candidate and its probability)."""
    out = {h.country for h in hints if h.country}
    for pick in picks:
        if pick is None:
            continue
        candidate, probability = pick
        place = candidate.place
        if place.country is None:
            continue
        named = (place.is_area and candidate.match <= 2) or (candidate.match in (0, 2) and probability >= ANCHOR_SCORE)
        if named:
            out.add(place.country)
    return out


def grounded(candidate: Candidate, anchors: set[str], hinted: bool) -> bool:
    """May this candidate be what the name means, given the document's anchored countries? A place matched by
    its own name is held to the anchors only when hints frame the document (``hinted``): without them a text's
    other names alone are too weak a frame for its small towns ("Sharon, Cornwall and Salisbury")."""
    place = candidate.place
    if not anchors or place.country is None or place.country in anchors:
        return True
    if place.is_country or place.feature_code == "CONT":
        return True
    if (place.is_admin1 or place.feature_code == "ADM2") and candidate.match <= 2:
        return True  # a division named by one of its names: rarely a look-alike
    if candidate.match in (0, 2):
        return not hinted or place.feature_code == "PPLC" or place.population >= NOTABLE_POPULATION
    return candidate.match == 1 and place.population >= NOTABLE_ALTERNATE


def agreed_countries(picks: Iterable[tuple[Candidate, float] | None], hints: Sequence[Place]) -> set[str]:
    """The countries that country-level hints (an armed group's home) and the text agree on: the hinted countries
    the text's confident names also anchor, or all hinted countries when the text anchors none. An ambiguous
    name with a candidate there is not placed elsewhere ("Komsomolets" in a Ukrainian report is the Ukrainian
    village, though a Russian namesake is larger)."""
    hinted = {h.country for h in hints if h.is_country and h.country}
    if not hinted:
        return set()
    text = anchor_countries(picks, ())
    return hinted & text if text else hinted


def in_agreed(candidate: Candidate, agreed: set[str]) -> bool:
    place = candidate.place
    return place.country is None or place.is_country or place.country in agreed
