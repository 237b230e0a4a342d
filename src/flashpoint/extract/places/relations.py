"""Spatial relations around a toponym ("near the town of X", "west of X", "X province") and precision codes."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from flashpoint.extract.places.gazetteer import Place
from flashpoint.extract.places.rules import PlaceRules

MAX_DESCRIPTOR = 7
_DESCRIPTOR_TAGS = frozenset({"DT", "JJ", "JJR", "JJS", "VBN", "HYPH", "CD", "PRP$", "NN", "NNS", "POS"})
_DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "mi"})
WATER = frozenset({"H"})


@dataclass(frozen=True)
class Locative:
    """What the words around a toponym say: relation, direction, the phrase's token range, the kind of area."""

    relation: str | None
    direction: str | None
    phrase_start: int
    phrase_end: int
    kind: str | None  # admin1 | admin2 | populated | generic (from "X province", "the town of X")
    part: bool  # "northern Syria": a part of the named area


def read_locative(doc: Doc, start: int, end: int, rules: PlaceRules) -> Locative:
    """Look left of token ``start`` for a relation word and right of ``end`` for an area noun."""
    kind = None
    phrase_end = end
    if end < len(doc):
        noun = doc[end].lower_
        two = f"{noun} {doc[end + 1].lower_}" if end + 1 < len(doc) else ""
        if two in rules.area_nouns:
            kind, phrase_end = rules.area_nouns[two], end + 2
        elif noun in rules.area_nouns:
            kind, phrase_end = rules.area_nouns[noun], end + 1
    if kind is None:
        kind = _appositive_kind(doc, end, rules)
    relation = direction = None
    part = False
    phrase_start = start
    i = start - 1
    steps = 0
    while i >= 0 and steps <= MAX_DESCRIPTOR:
        token = doc[i]
        found = _relation_ending_at(doc, i, rules)
        if found is not None:
            relation, first = found
            phrase_start = first
            break
        low = token.lower_
        if low == "of" and i > 0 and doc[i - 1].lower_ in rules.directions:
            relation, direction = "direction", doc[i - 1].lower_.replace("ern", "").replace("-", "")
            phrase_start = i - 1
            if i > 2 and doc[i - 2].lower_ in _DISTANCE_UNITS:
                phrase_start = i - 3 if doc[i - 3].like_num else i - 2
            break
        if i == start - 1 and low in rules.part_adjectives:
            part = True
            direction = low.replace("ern", "").replace("-", "")
            phrase_start = i
        elif low == "of" and i > 0 and doc[i - 1].lower_ in rules.area_nouns:
            kind = kind or rules.area_nouns[doc[i - 1].lower_]
        elif token.tag_ not in _DESCRIPTOR_TAGS and low not in rules.area_nouns:
            break
        if token.ent_type_ in ("GPE", "LOC", "ORG", "PERSON") and i < start - 1:
            break
        i -= 1
        steps += 1
    if relation is None:
        phrase_start = start if not part else phrase_start
    return Locative(relation, direction, phrase_start, phrase_end, kind, part)


def _appositive_kind(doc: Doc, end: int, rules: PlaceRules) -> str | None:
    """"X, a key town in …" / "X, the provincial capital": the noun of an apposition right after the name."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return None
    for token in doc[end + 2 : end + 6]:
        if token.lower_ in rules.area_nouns:
            return rules.area_nouns[token.lower_]
        if token.tag_ not in ("JJ", "NN", "VBN", "HYPH", "RBS", "JJS"):
            return None
    return None


def _relation_ending_at(doc: Doc, i: int, rules: PlaceRules) -> tuple[str, int] | None:
    for words, relation in rules.relations.get(doc[i].lower_, ()):
        first = i - len(words) + 1
        if first < 0:
            continue
        if all(doc[first + k].lower_ == w for k, w in enumerate(words)):
            return relation, first
    return None


def precision_codes(place: Place | None, relation: str | None, part: bool) -> tuple[int | None, int | None]:
    """(ACLED geo_precision, UCDP where_prec) for a resolved place read with this relation."""
    if place is None:
        return None, None
    if place.feature_class in WATER:
        return 3, 7
    if place.is_country:
        return 3, 5 if part or relation in ("near", "direction", "between") else 6
    if place.feature_code in ("CONT", "RGN", "PEN") or (place.feature_class == "L" and not place.country):
        return 3, 5
    if place.is_admin1:
        return 3, 5 if part or relation == "between" else 4
    if place.feature_code.startswith("ADM"):
        return 2, 5 if relation == "between" else 3
    if relation == "between":
        return 2, 5
    if relation in ("near", "outskirts", "direction") or part:
        return 2, 2
    return 1, 1
