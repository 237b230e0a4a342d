"""Choosing the place an event happened at among the places its sentence and context mention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from flashpoint.extract.places.geoparser import PlaceMention
from flashpoint.extract.places.relations import precision_codes

SPEECH_LEMMAS = frozenset({
    "say", "tell", "announce", "state", "claim", "deny", "accuse", "warn", "report", "add", "confirm", "condemn",
    "insist", "urge", "call", "demand", "threaten", "vow", "declare", "notify", "criticize", "criticise",
})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "compound"})
MAX_HOPS = 4
AREA_HEADS = frozenset({
    "province", "governorate", "district", "region", "city", "town", "village", "area", "state", "capital",
    "countryside", "outskirts", "suburbs", "suburb", "neighbourhood", "neighborhood", "border", "streets", "coast",
})
CONTAINER_WORDS = frozenset({",", "in", "of", "the", "'s", "’s", "near", "outside", "(", ")", "-", "—"})
MAX_CONTAINER_GAP = 7


def choose_event_location(
    doc: Doc, trigger: Token, mentions: Sequence[PlaceMention], focus: bool = True
) -> PlaceMention | None:
    """The mention where the event at ``trigger`` happened, or None when the text gives none.

    Prefers a locative attached to the trigger's clause ("shelling near X", "killed in X"), then other places of
    the same sentence (nearest first, located phrases before bare names); never a speaker ("Ankara said"),
    never the dateline alone. When the sentence names no place and ``focus`` is set, the document's focal
    province (the first-level division named most often, outside speakers) stands in — coded at province
    precision, never finer — else its focal town (a town named at least twice and more often than any other).
    A chosen name the gazetteer does not know falls back to another name of it ("Chora (Charcheno)") or to the
    finest place the text says contains it ("Tadjo (Gorgadji, Seno)": Seno), with that container's precision (a
    town: "near" it; a district: ACLED 2 / UCDP 3; a province: 3 / 4).
    """
    sentence = trigger.sent
    ranked: list[tuple[tuple[float, ...], PlaceMention]] = []
    for mention in mentions:
        if mention.dateline or not (sentence.start <= mention.token_start < sentence.end):
            continue
        head = _root(doc, mention)
        if _is_speaker(head) or _is_agent(head) or _is_modifier(head, mention) or _is_origin(head, trigger) \
                or _speaker_whereabouts(head, trigger):
            continue
        if mention.embedded:
            continue
        hops = _hops_to(head, trigger)
        attached = hops is not None
        located = mention.relation is not None
        distance = abs(mention.token_start - trigger.i)
        ranked.append(((0 if attached else 1, 0 if located else 1, hops or 0, distance), mention))
    if not ranked:
        return (_focal_province(doc, mentions) or _focal_town(doc, mentions)) if focus else None
    ranked.sort(key=lambda item: (item[0], item[1].token_start))
    best = _finest(doc, ranked[0][1], [m for _, m in ranked])
    return best if best.place is not None else _container_of(best, mentions)


def _container_of(mention: PlaceMention, mentions: Sequence[PlaceMention]) -> PlaceMention:
    """An unresolved mention standing for its resolved alias or finest resolved container: the mention's own text
    and offsets, that place and its precision, the phrase stretched over the container; the
    mention itself when there is none."""
    seen: set[int] = set()
    current = mention
    while True:
        alias = current.alias
        if alias is not None and 0 <= alias < len(mentions) and mentions[alias].place is not None:
            found = mentions[alias]
            break
        index = current.container
        if index is None or index in seen or not 0 <= index < len(mentions):
            return mention
        seen.add(index)
        current = mentions[index]
        if current.place is not None:
            found = current
            break
    place = found.place
    relation = mention.relation
    if place is not None and not place.is_area and relation in (None, "in"):
        relation = "near"  # somewhere in or around the town the text says holds the unknown village
    acled, ucdp = precision_codes(place, relation, False)
    return replace(
        mention, place=place, score=found.score, runner_up=None, relation=relation,
        phrase_end=max(mention.phrase_end, found.end), acled_geo_precision=acled, ucdp_where_prec=ucdp,
        kind=found.kind,
    )


def _finest(doc: Doc, best: PlaceMention, others: Sequence[PlaceMention]) -> PlaceMention:
    """'Sadr City in eastern Baghdad', 'Khanasir in the southern countryside of Aleppo': the place inside."""
    for _ in range(len(others)):
        inner = next((m for m in others if m is not best and _contains(doc, best, m)), None)
        if inner is None:
            return best
        best = inner
    return best


def _contains(doc: Doc, outer: PlaceMention, inner: PlaceMention) -> bool:
    if inner.token_end > outer.token_start or _level(inner) < _level(outer):
        return False
    gap = doc[inner.token_end : outer.token_start]
    return 0 < len(gap) <= MAX_CONTAINER_GAP and all(
        t.lower_ in CONTAINER_WORDS or t.lower_ in AREA_HEADS or t.pos_ == "ADJ" for t in gap
    )


def _level(mention: PlaceMention) -> int:
    place = mention.place
    if place is None or not place.is_area:
        return 3
    return 0 if place.is_country or place.country is None else 1 if place.is_admin1 else 2


def _root(doc: Doc, mention: PlaceMention) -> Token:
    span = doc[mention.token_start : mention.token_end]
    return span.root


def _is_speaker(token: Token) -> bool:
    """'Ankara said', "Russia's military said", 'according to Al-Ahram': a place standing for the one who speaks."""
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return True
    current = token
    for _ in range(3):
        if current.dep_ in SUBJECT_DEPS and current.head.lemma_ in SPEECH_LEMMAS:
            return True
        if current.dep_ not in ("poss", "compound") or current.head is current:
            return False
        current = current.head
    return False


def _speaker_whereabouts(token: Token, trigger: Token) -> bool:
    """'X, speaking during a visit to Ukraine, said …': where the speaker was, told by a verb of their own that
    hangs off the speech verb rather than inside what they reported."""
    through_verb = False
    current = token
    for _ in range(MAX_HOPS + 2):
        head = current.head
        if head is current or current.i == trigger.i:
            return False
        if head.lemma_ in SPEECH_LEMMAS and head.pos_ == "VERB":
            reported = current.dep_ in {"ccomp", "xcomp", "dobj", "conj", "parataxis"}
            return through_verb and not reported and trigger.i not in {t.i for t in current.subtree}
        through_verb = through_verb or current.pos_ == "VERB"
        current = head
    return False


def _is_origin(token: Token, trigger: Token) -> bool:
    """'a woman visiting from Canada', 'pilgrims from Egypt': where someone comes from, not where it happened."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "from" and prep.head.i != trigger.i


def _is_agent(token: Token) -> bool:
    """'strikes by Turkey': the one who acts, not where."""
    return (token.dep_ == "pobj" and token.head.lower_ == "by") or token.dep_ == "agent"


def _is_modifier(token: Token, mention: PlaceMention) -> bool:
    """'the Idlib director', 'Syria's military': a place name qualifying another noun, not a locative."""
    if token.dep_ not in ("compound", "amod", "nmod", "poss"):
        return False
    return mention.kind is None and token.head.pos_ in ("NOUN", "PROPN") and token.head.lower_ not in AREA_HEADS


def _hops_to(token: Token, trigger: Token) -> int | None:
    """Dependency hops from a place up to the trigger without crossing another clause's verb."""
    current = token
    for hop in range(MAX_HOPS + 1):
        if current.i == trigger.i:
            return hop
        if current.head is current:
            return None
        if hop > 0 and current.pos_ in ("VERB", "AUX") and current.i != trigger.i:
            return None
        current = current.head
    return None


def _focal_province(doc: Doc, mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    counts: dict[int, list[PlaceMention]] = {}
    for mention in mentions:
        place = mention.place
        if mention.dateline or place is None or not place.is_admin1 or _is_speaker(_root(doc, mention)):
            continue
        counts.setdefault(place.pid, []).append(mention)
    if not counts:
        return None
    best = max(counts.values(), key=lambda group: (len(group), -group[0].start))
    return best[0] if len(best) >= 2 else None


def _focal_town(doc: Doc, mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    counts: dict[int, list[PlaceMention]] = {}
    for mention in mentions:
        place = mention.place
        if mention.dateline or place is None or place.is_area or mention.embedded:
            continue
        if _is_speaker(_root(doc, mention)):
            continue
        counts.setdefault(place.pid, []).append(mention)
    ranked = sorted(counts.values(), key=lambda group: (-len(group), group[0].start))
    if not ranked or len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    return ranked[0][0]
