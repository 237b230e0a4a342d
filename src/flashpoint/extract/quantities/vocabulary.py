"""The knowledge the count layer reads: data/numbers.v1.yaml and data/casualties.v1.yaml (plus a user's files)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from flashpoint.data import fingerprint, read_text

NUMBERS_FILE = "numbers.v1.yaml"
CASUALTIES_FILE = "casualties.v1.yaml"
OUTCOMES = ("killed", "injured", "arrested", "abducted", "displaced", "missing", "crowd")

Phrase = tuple[str, ...]


def _merge(base: Any, extra: Any) -> Any:
    """``extra`` over ``base``: mappings key by key, lists by union (order kept), anything else replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


@dataclass(frozen=True)
class PhraseSet:
    """Word sequences indexed by their first word; ``match`` finds the longest one starting at a position."""

    by_first: Mapping[str, tuple[Phrase, ...]]
    longest: int

    @classmethod
    def of(cls, phrases: Iterable[Phrase]) -> PhraseSet:
        index: dict[str, list[Phrase]] = {}
        for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
            index.setdefault(phrase[0], []).append(phrase)
        longest = max((len(found[0]) for found in index.values()), default=0)
        return cls(MappingProxyType({first: tuple(found) for first, found in sorted(index.items())}), longest)

    def match(self, words: list[str], i: int) -> Phrase | None:
        """The longest phrase equal to ``words[i:…]`` (lower-case words), or None."""
        if i >= len(words):
            return None
        for phrase in self.by_first.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return phrase
        return None

    def __iter__(self) -> Iterator[Phrase]:
        return (phrase for found in self.by_first.values() for phrase in found)


def _phrases(words: Iterable[Any]) -> PhraseSet:
    return PhraseSet.of(tuple(_text(word).split()) for word in words)


def _phrase_map(mapping: Mapping[Any, Any]) -> Mapping[Phrase, int]:
    items = {tuple(_text(key).split()): int(value) for key, value in mapping.items()}
    return MappingProxyType(dict(sorted(items.items(), key=lambda kv: (-len(kv[0]), kv[0]))))


def _text(item: Any) -> str:
    """A word from a YAML list; YAML reads bare no/yes/on/off as booleans, so those must be quoted."""
    if isinstance(item, bool):
        raise ValueError(f'a word list holds the boolean {item!r}: quote words such as "no" in the YAML file')
    return str(item).lower()


def _words(items: Iterable[Any]) -> frozenset[str]:
    return frozenset(_text(item) for item in items)


@dataclass(frozen=True)
class OutcomeWords:
    """The lemmas that express one outcome, by the role the counted people play."""

    verbs: frozenset[str]
    intransitive: frozenset[str]
    adjectives: frozenset[str]
    nouns: frozenset[str]


WORD_CLASSES = MappingProxyType({"VERB": "verb", "AUX": "verb", "ADJ": "adj", "NOUN": "noun", "PROPN": "noun"})


def _outcome_index(outcomes: Mapping[str, OutcomeWords]) -> Mapping[tuple[str, str], str]:
    """(word class, lemma) → outcome; on a clash the outcome first in alphabetical order wins."""
    index: dict[tuple[str, str], str] = {}
    for what in sorted(outcomes, reverse=True):
        words = outcomes[what]
        for word_class, lemmas in (
            ("verb", words.verbs | words.intransitive),
            ("adj", words.adjectives),
            ("noun", words.nouns),
        ):
            index.update({(word_class, lemma): what for lemma in lemmas})
    return MappingProxyType(dict(sorted(index.items())))


@dataclass(frozen=True)
class NumberVocabulary:
    """Vague words, bounds, outcome words and cues, loaded once and handed to the parser and the finder."""

    version: str
    scales: Mapping[str, int]
    multipliers: Mapping[str, int]
    exact: Mapping[Phrase, int]
    exact_phrases: PhraseSet
    unnumbered: Mapping[Phrase, int]
    unnumbered_phrases: PhraseSet
    bounds: Mapping[str, PhraseSet]
    suffix_bounds: Mapping[str, PhraseSet]
    range_openers: frozenset[str]
    range_links: frozenset[str]
    non_count_after: PhraseSet
    count_compounds: frozenset[str]
    starters: frozenset[str]  # words a quantity phrase can start with, besides digits and number words
    date_words: frozenset[str]
    outcomes: Mapping[str, OutcomeWords]
    outcome_index: Mapping[tuple[str, str], str]  # (word class, lemma) → outcome; classes verb, adj, noun
    outcome_words: frozenset[str]  # every outcome and mixed word, for a quick first test
    weak: frozenset[str]
    to_death_excluded: frozenset[str]
    place_verbs: frozenset[str]
    protest_nouns: frozenset[str]
    mixed_nouns: frozenset[str]
    revision_verbs: frozenset[str]
    initial_adverbs: frozenset[str]
    initial_modifiers: frozenset[str]
    revised_modifiers: frozenset[str]
    aggregate_phrases: PhraseSet
    aggregate_not_after: frozenset[str]
    aggregate_since: frozenset[str]
    aggregate_event_nouns: frozenset[str]
    aggregate_spread: frozenset[str]
    transparent_nouns: frozenset[str]
    copulas: frozenset[str]
    subset_preps: PhraseSet
    additive: frozenset[str]
    generic_people: frozenset[str]
    zero: frozenset[str]
    person_nouns: frozenset[str]
    person_suffixes: tuple[str, ...]
    non_person_nouns: frozenset[str]
    armed_nouns: frozenset[str]
    singular_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> NumberVocabulary:
        """The bundled files, with same-named files in ``extra_dir`` merged over them."""
        texts = [read_text(NUMBERS_FILE), read_text(CASUALTIES_FILE)]
        numbers, casualties = (yaml.safe_load(text) for text in texts)
        if extra_dir is not None:
            for index, name in enumerate((NUMBERS_FILE, CASUALTIES_FILE)):
                path = Path(extra_dir) / name
                if path.is_file():
                    text = path.read_text(encoding="utf-8")
                    texts.append(text)
                    extra = yaml.safe_load(text) or {}
                    if index == 0:
                        numbers = _merge(numbers, extra)
                    else:
                        casualties = _merge(casualties, extra)
        version = f"{numbers['version']}+{casualties['version']}:{fingerprint(*texts)}"
        return cls.from_data(numbers, casualties, version)

    @classmethod
    def from_data(cls, numbers: Mapping[str, Any], casualties: Mapping[str, Any], version: str) -> NumberVocabulary:
        """Build from already-parsed YAML mappings (the layout of the bundled files)."""
        outcomes = {
            what: OutcomeWords(
                verbs=_words(words.get("verbs") or ()),
                intransitive=_words(words.get("intransitive") or ()),
                adjectives=_words(words.get("adjectives") or ()),
                nouns=_words(words.get("nouns") or ()),
            )
            for what, words in casualties["outcomes"].items()
        }
        bounds = {kind: _phrases(words) for kind, words in sorted(numbers["bounds"].items())}
        exact, unnumbered = _phrase_map(numbers["exact"]), _phrase_map(numbers["unnumbered"])
        starters = {p[0] for found in (*bounds.values(), exact, unnumbered) for p in found}
        starters |= {_text(w) for w in (*numbers["range"]["openers"], *numbers["scales"])}
        revision = casualties["revision"]
        aggregate = casualties["aggregate"]
        return cls(
            version=version,
            scales=MappingProxyType({str(k).lower(): int(v) for k, v in sorted(numbers["scales"].items())}),
            multipliers=MappingProxyType({str(k).lower(): int(v) for k, v in sorted(numbers["multipliers"].items())}),
            exact=exact,
            exact_phrases=PhraseSet.of(exact),
            unnumbered=unnumbered,
            unnumbered_phrases=PhraseSet.of(unnumbered),
            bounds=MappingProxyType(bounds),
            suffix_bounds=MappingProxyType(
                {kind: _phrases(words) for kind, words in sorted(numbers["suffix_bounds"].items())}
            ),
            range_openers=_words(numbers["range"]["openers"]),
            range_links=_words(numbers["range"]["links"]),
            non_count_after=_phrases(numbers["non_count_after"]),
            count_compounds=_words(numbers["count_compounds"]),
            starters=frozenset(starters),
            date_words=_words(numbers["date_words"]),
            outcomes=MappingProxyType(dict(sorted(outcomes.items()))),
            outcome_index=_outcome_index(outcomes),
            outcome_words=frozenset(w for _, w in _outcome_index(outcomes)) | _words(casualties["mixed_nouns"]),
            weak=_words(casualties["weak"]),
            to_death_excluded=_words(casualties["to_death_excluded"]),
            place_verbs=_words(casualties["place_verbs"]),
            protest_nouns=_words(casualties["protest_nouns"]),
            mixed_nouns=_words(casualties["mixed_nouns"]),
            revision_verbs=_words(revision["verbs"]),
            initial_adverbs=_words(revision["initial_adverbs"]),
            initial_modifiers=_words(revision["initial_modifiers"]),
            revised_modifiers=_words(revision["revised_modifiers"]),
            aggregate_phrases=_phrases(aggregate["phrases"]),
            aggregate_not_after=_words(aggregate["not_after"]),
            aggregate_since=_words(aggregate["since"]),
            aggregate_event_nouns=_words(aggregate["event_nouns"]),
            aggregate_spread=_words(aggregate["spread_words"]),
            transparent_nouns=_words(casualties["transparent_nouns"]),
            copulas=_words(casualties["copulas"]),
            subset_preps=_phrases(casualties["subset_preps"]),
            additive=_words(casualties["additive"]),
            generic_people=_words(casualties["generic_people"]),
            zero=_words(casualties["zero"]),
            person_nouns=_words(casualties["person_nouns"]),
            person_suffixes=tuple(sorted(_words(casualties["person_suffixes"]))),
            non_person_nouns=_words(casualties["non_person_nouns"]),
            armed_nouns=_words(casualties["armed_nouns"]),
            singular_pronouns=_words(casualties["singular_pronouns"]),
            plural_pronouns=_words(casualties["plural_pronouns"]),
        )

    def outcome_of(self, lemma: str, pos: str) -> str | None:
        """The outcome a word expresses ("killed", "injured" …), by lemma and coarse part of speech."""
        word_class = WORD_CLASSES.get(pos)
        return self.outcome_index.get((word_class, lemma.lower())) if word_class else None

    def is_person_noun(self, lemma: str) -> bool:
        """A singular noun that names a person ("civilian", "policeman", "son")."""
        lemma = lemma.lower()
        if lemma in self.non_person_nouns:
            return False
        return lemma in self.person_nouns or any(
            lemma.endswith(suffix) and len(lemma) > len(suffix) + 2 for suffix in self.person_suffixes
        )
