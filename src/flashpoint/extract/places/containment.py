"""Which toponym of a text contains which: "Tadjo (Gorgadji, Seno)", "Band Sharan of Ab Kamari district, Badghis",
"Kinda in Idleb", "Paris, Texas" — and which names are two names of one place ("Chora (Charcheno)")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from flashpoint.extract.places.recognize import Toponym
from flashpoint.extract.places.rules import PlaceRules

MAX_GAP = 7
GAP_WORDS = frozenset({",", "in", "of", "the", "(", ")", "[", "]", "-"})
STRICT_WORDS = frozenset({"in", "of", "("})
COORDINATORS = frozenset({"and", "or"})
NAMING_KINDS = frozenset({"admin2", "populated", "generic"})


@dataclass(frozen=True)
class Link:
    """How one toponym relates to the others: the index of the toponym containing it, whether the text says so
    unmistakably (``strict``: brackets, "X of Y district", "X in Y", "X district, Y"), and the index of another
    name of the same place (``alias``)."""

    container: int | None = None
    strict: bool = False
    alias: int | None = None
    via: str | None = None  # what says so: "bracket", "comma" or "word" ("in", "of")


def link_toponyms(doc: Doc, toponyms: Sequence[Toponym], rules: PlaceRules) -> list[Link]:
    """One Link per toponym (text order). A comma alone ("Paris, Texas") gives a soft link; coordinated names
    ("between Korizena and Doumam (Gorom-Gorom, Oudalan)") share the container of the last one."""
    n = len(toponyms)
    container: list[int | None] = [None] * n
    strict = [False] * n
    alias: list[int | None] = [None] * n
    coordinated: list[int | None] = [None] * n
    via: list[str | None] = [None] * n
    allowed = GAP_WORDS | set(rules.area_nouns) | rules.part_adjectives | rules.directions
    for i in range(n - 1):
        first, second = toponyms[i], toponyms[i + 1]
        gap = doc[first.end : second.start]
        words = [t.lower_ for t in gap]
        if not words or len(words) > MAX_GAP:
            continue
        if second.bracket == "alias" and words[-1] in ("(", "["):
            alias[i], alias[i + 1] = i + 1, i
            continue
        if second.bracket == "container" and set(words) <= {"(", ",", ")", "]", "["} | set(rules.area_nouns):
            container[i], strict[i], via[i] = i + 1, True, "bracket"
            continue
        if any(w in COORDINATORS for w in words):
            if all(w in COORDINATORS or w in allowed for w in words) and "between" not in words:
                coordinated[i] = i + 1
            continue
        if not all(w in allowed for w in words):
            continue
        said = bool(STRICT_WORDS & set(words))
        if not said and "," not in words:
            continue  # "Aleppo province Idlib": no relation between them
        container[i] = i + 1
        via[i] = "bracket" if {"(", "["} & set(words) else "word" if said else "comma"
        named = first.kind in NAMING_KINDS or any(w in rules.area_nouns for w in words)
        strict[i] = said or named or _last_listed(doc, toponyms, i + 1) or (
            i > 0 and strict[i - 1] and container[i - 1] == i
        )
    for i in range(n - 1, -1, -1):
        if container[i] is None and alias[i] is not None and alias[i] > i and container[alias[i]] is not None:
            container[i], strict[i], via[i] = container[alias[i]], strict[alias[i]], via[alias[i]]
        if container[i] is None and coordinated[i] is not None and container[coordinated[i]] is not None:
            j = coordinated[i]
            container[i], strict[i], via[i] = container[j], strict[j], via[j]
    return [Link(container[i], strict[i], alias[i], via[i]) for i in range(n)]


def _last_listed(doc: Doc, toponyms: Sequence[Toponym], j: int) -> bool:
    """'near Pisky, Donetsk.' / 'Paris, Texas, where …': the name after the comma ends the list (no 'and', no
    further name after a comma), so it is the container, not one more item ('Sharon, Cornwall and Salisbury')."""
    end = toponyms[j].end
    after = [t.lower_ for t in doc[end : end + 2]]
    if after[:1] and after[0] in COORDINATORS:
        return False
    return not (after[:1] == [","] and j + 1 < len(toponyms) and toponyms[j + 1].start <= end + 2)
