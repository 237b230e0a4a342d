"""The actor dictionary: countries, demonyms, state forces, armed groups and actor words, loaded from data files."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import yaml

from flashpoint.data import fingerprint, read_text
from flashpoint.extract.actors.text import cased_words, is_acronym, words

FILES = MappingProxyType(
    {
        "countries": "actor_countries.v1.csv",
        "demonyms": "demonyms.v1.csv",
        "states": "actor_states.v1.csv",
        "actors": "actors.v1.csv",
        "nouns": "actor_nouns.v1.csv",
        "roles": "actor_roles.v1.yaml",
    }
)
VERSION = "actors.v1"
Kind = Literal["entry", "country", "demonym"]
KIND_ORDER: tuple[Kind, ...] = ("entry", "country", "demonym")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Entry:
    """One dictionary actor (a state's forces, an armed group, a mission)."""

    id: str
    name: str  # may hold "{country}", filled from the event's country
    country: str | None
    sector: str | None
    inter: int | None
    wikidata: str | None
    scope: frozenset[str]
    provenance: str


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str  # as in "Civilians (<name>)"
    state: str  # as in "Military Forces of <state>"


@dataclass(frozen=True)
class NounRule:
    """Actor words ("soldiers", "armed men") and how they are named."""

    pattern: tuple[str, ...]
    template: str
    sector: str | None
    inter: int | None
    country_from: str
    scope: frozenset[str]


@dataclass(frozen=True)
class Match:
    """Dictionary words found in a word sequence: ``values`` are entry ids or ISO3 codes."""

    start: int
    end: int
    kind: Kind
    values: tuple[str, ...]


@dataclass(frozen=True)
class Roles:
    """Function words that mark argument roles (actor_roles.v1.yaml)."""

    locative: frozenset[str]
    agent: frozenset[str]
    patient: frozenset[str]
    other: frozenset[str]
    patient_possessor: frozenset[str]
    result_verbs: frozenset[str]
    light_verbs: frozenset[str]
    possessive: Mapping[str, str]
    relative: frozenset[str]
    backer: frozenset[str]
    pro: frozenset[str]
    name_stopwords: frozenset[str]
    event: frozenset[str]
    state_name: frozenset[str]
    agent_participles: frozenset[str] = frozenset()

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> Roles:
        """Roles from the texts of actor_roles files (later files override earlier keys)."""
        data: dict = {}
        for text in texts:
            data.update(yaml.load(text, Loader=_YAML_LOADER) or {})

        def words_of(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key, ()))

        possessive = {str(k).lower(): str(v) for k, v in data.get("possessive_pronouns", {}).items()}
        return cls(
            locative=words_of("locative_prepositions"),
            agent=words_of("agent_prepositions"),
            patient=words_of("patient_prepositions"),
            other=words_of("other_prepositions"),
            patient_possessor=words_of("patient_possessor_nouns"),
            result_verbs=words_of("result_verbs"),
            light_verbs=words_of("light_verbs"),
            possessive=MappingProxyType(possessive),
            relative=words_of("relative_pronouns"),
            backer=words_of("backer_words"),
            pro=words_of("pro_prefix"),
            name_stopwords=words_of("name_stopwords"),
            event=words_of("event_prepositions"),
            state_name=words_of("state_name_words"),
            agent_participles=words_of("agent_participles"),
        )

    @classmethod
    def bundled(cls) -> Roles:
        """The bundled role words alone (under a millisecond; no dictionary needed)."""
        return cls.from_texts([read_text(FILES["roles"])])


def _rows(text: str) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO("\n".join(lines)))]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _int(value: str) -> int | None:
    return int(value) if value else None


class ActorDictionary:
    """Service object: built once (``load``) and handed to the normaliser."""

    def __init__(self, texts: Mapping[str, Sequence[str]], version: str) -> None:
        self.version = version
        self.fingerprint = fingerprint(*(t for name in sorted(texts) for t in texts[name]))
        self._countries: dict[str, Country] = {}
        self._entries: dict[str, Entry] = {}
        self._by_name: dict[str, str] = {}
        self._lower: dict[tuple[str, ...], dict[Kind, set[str]]] = {}
        self._cased: dict[tuple[str, ...], dict[Kind, set[str]]] = {}
        self._rules: dict[tuple[str, ...], list[NounRule]] = {}
        self._load_countries(texts["countries"], texts["demonyms"])
        self._load_entries([*texts["states"], *texts["actors"]])
        self._load_rules(texts["nouns"])
        self.roles = Roles.from_texts(texts["roles"])
        self.max_words = max(len(key) for key in (*self._lower, *self._cased))
        self._lengths: dict[str, tuple[int, ...]] = {}
        starts: dict[str, set[int]] = {}
        for key in (*self._lower, *self._cased):
            starts.setdefault(key[0], set()).add(len(key))
        self._lengths = {word: tuple(sorted(lengths, reverse=True)) for word, lengths in starts.items()}
        self.head_words = frozenset(key[-1] for key in self._rules)
        self.max_rule_words = max(len(key) for key in self._rules)

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> ActorDictionary:
        """The bundled dictionary, with files of the same names in ``extra_dir`` merged over it."""
        texts: dict[str, list[str]] = {key: [read_text(name)] for key, name in FILES.items()}
        extras = False
        if extra_dir is not None:
            for key, name in FILES.items():
                path = Path(extra_dir) / name
                if path.is_file():
                    texts[key].append(path.read_text(encoding="utf-8"))
                    extras = True
        version = VERSION
        if extras:
            version = f"{VERSION}+{fingerprint(*(t for k in sorted(texts) for t in texts[k][1:]))}"
        return cls(texts, version)

    # -- loading -------------------------------------------------------------------------------------------------
    def _index(self, alias: str, kind: Kind, value: str) -> None:
        if is_acronym(alias):
            key, table = tuple(cased_words(alias)), self._cased
        else:
            key, table = tuple(words(alias)), self._lower
        if key:
            table.setdefault(key, {}).setdefault(kind, set()).add(value)

    def _load_countries(self, country_texts: Sequence[str], demonym_texts: Sequence[str]) -> None:
        for text in country_texts:
            for row in _rows(text):
                iso3 = row["iso3"]
                self._countries[iso3] = Country(iso3, row["name"], row.get("state") or row["name"])
                for alias in {row["name"], *_split(row.get("aliases", ""))}:
                    self._index(alias, "country", iso3)
        for text in demonym_texts:
            for row in _rows(text):
                self._index(row["word"], "demonym", row["iso3"])

    def _load_entries(self, texts: Sequence[str]) -> None:
        aliases: dict[str, set[str]] = {}
        for text in texts:
            for row in _rows(text):
                old = self._entries.get(row["id"])
                scope = frozenset(_split(row.get("scope", "")))
                entry = Entry(
                    id=row["id"],
                    name=row["name"] or (old.name if old else ""),
                    country=row["country"] or (old.country if old else None),
                    sector=row["sector"] or (old.sector if old else None),
                    inter=_int(row["inter"]) if row["inter"] else (old.inter if old else None),
                    wikidata=row.get("wikidata") or (old.wikidata if old else None),
                    scope=scope or (old.scope if old else frozenset()),
                    provenance="; ".join(p for p in (old.provenance if old else "", row["provenance"]) if p),
                )
                if not entry.name:
                    raise ValueError(f"actor dictionary row {row['id']!r} has no name and overrides no entry")
                self._entries[entry.id] = entry
                aliases.setdefault(entry.id, set()).update(_split(row.get("aliases", "")))
        for entry_id, names in aliases.items():
            name = self._entries[entry_id].name
            self._by_name[name] = entry_id
            if "{" not in name:
                names = names | {name}
                short, sep, long = name.partition(": ")
                if sep and " " not in short and "(" not in short:  # "HTS: Hayat Tahrir al Sham" → HTS, the long name
                    names = names | {short, long}
            for alias in names:
                self._index(alias, "entry", entry_id)

    def _load_rules(self, texts: Sequence[str]) -> None:
        for text in texts:
            for row in _rows(text):
                for form in _split(row["pattern"]):
                    rule = NounRule(
                        pattern=tuple(words(form)),
                        template=row["template"],
                        sector=row["sector"] or None,
                        inter=_int(row["inter"]),
                        country_from=row["country_from"] or "actor",
                        scope=frozenset(_split(row.get("scope", ""))),
                    )
                    self._rules.setdefault(rule.pattern, []).append(rule)

    # -- look-ups ------------------------------------------------------------------------------------------------
    def entry(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    def entry_named(self, name: str) -> Entry | None:
        """The entry with exactly this ACLED name."""
        entry_id = self._by_name.get(name)
        return self._entries.get(entry_id) if entry_id else None

    def state(self, kind: str, iso3: str) -> Entry | None:
        """The state entry ``kind`` ("mil", "pol", "gov") of a country."""
        return self._entries.get(f"{kind}-{iso3}")

    def country(self, iso3: str) -> Country | None:
        return self._countries.get(iso3)

    def _lookup(self, text: str, kind: Kind) -> str | None:
        for key, table in ((tuple(cased_words(text)), self._cased), (tuple(words(text)), self._lower)):
            values = table.get(key, {}).get(kind)
            if values:
                return sorted(values)[0]
        return None

    def demonym_country(self, word: str) -> str | None:
        """ISO3 of a demonym ("Turkish" → TUR, "Syrians" → SYR), else None."""
        return self._lookup(word, "demonym")

    def country_by_name(self, name: str) -> str | None:
        """ISO3 of a country name or alias ("Syria", "DRC", "Türkiye"), else None."""
        return self._lookup(name, "country")

    def rules_for(self, pattern: tuple[str, ...]) -> list[NounRule]:
        return self._rules.get(pattern, [])

    def scan(self, lower: Sequence[str], cased: Sequence[str]) -> list[Match]:
        """Leftmost-longest dictionary matches (entries, country names, demonyms) in a word sequence."""
        found: list[Match] = []
        i, n = 0, len(lower)
        lengths_of = self._lengths
        while i < n:
            lengths = sorted({*lengths_of.get(lower[i], ()), *lengths_of.get(cased[i], ())}, reverse=True)
            for length in lengths:
                if i + length > n:
                    continue
                hits: dict[Kind, set[str]] = {}
                for table, seq in ((self._cased, cased), (self._lower, lower)):
                    for kind, values in table.get(tuple(seq[i : i + length]), {}).items():
                        hits.setdefault(kind, set()).update(values)
                if hits:
                    kind = next(k for k in KIND_ORDER if k in hits)
                    found.append(Match(i, i + length, kind, tuple(sorted(hits[kind]))))
                    i += length
                    break
            else:
                i += 1
        return found
