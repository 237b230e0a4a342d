"""The geoparser's word lists (``places_rules.v1.yaml``), read once into an immutable object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from flashpoint.data import fingerprint, read_text, read_yaml

RULES_FILE = "places_rules.v1.yaml"


@dataclass(frozen=True)
class PlaceRules:
    relations: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]  # last word → (words, relation), longest first
    place_cues: frozenset[str]
    directions: frozenset[str]
    part_adjectives: frozenset[str]
    area_nouns: Mapping[str, str]  # noun → admin1 | admin2 | populated | generic
    org_nouns: frozenset[str]
    institution_nouns: frozenset[str]
    never_alone: frozenset[str]
    titles: frozenset[str]
    dedication_prefixes: frozenset[str]
    church_nouns: frozenset[str]
    version: str

    @classmethod
    def load(cls) -> PlaceRules:
        data = read_yaml(RULES_FILE)
        relations = sorted(
            ((tuple(phrase.lower().split()), relation) for relation, phrases in data["relations"].items()
             for phrase in phrases),
            key=lambda item: (-len(item[0]), item),
        )
        area_nouns = {noun.lower(): kind for kind, nouns in data["area_nouns"].items() for noun in nouns}
        by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, relation in relations:
            by_last.setdefault(words[-1], []).append((words, relation))
        return cls(
            relations=MappingProxyType({k: tuple(v) for k, v in by_last.items()}),
            place_cues=frozenset(w.lower() for w in data["place_cues"]),
            directions=frozenset(w.lower() for w in data["directions"]),
            part_adjectives=frozenset(w.lower() for w in data["part_adjectives"]),
            area_nouns=MappingProxyType(area_nouns),
            org_nouns=frozenset(w.lower() for w in data["org_nouns"]),
            institution_nouns=frozenset(w.lower() for w in data["institution_nouns"]),
            never_alone=frozenset(w.lower() for w in data["never_alone"]),
            titles=frozenset(w.lower() for w in data["titles"]),
            dedication_prefixes=frozenset(w.lower() for w in data["dedication_prefixes"]),
            church_nouns=frozenset(w.lower() for w in data["church_nouns"]),
            version=f"places_rules.v{data['version']}+{fingerprint(read_text(RULES_FILE))}",
        )
