"""The trigger lexicon: which words fire which event types (data/triggers.v1.yaml plus a user's extra files)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from flashpoint.data import fingerprint, read_text

BUNDLED = "triggers.v1.yaml"


@dataclass(frozen=True)
class PhraseToken:
    word: str | None  # lemma or lower-case form; None is the wildcard `*`
    pos: str | None = None


@dataclass(frozen=True)
class TriggerEntry:
    id: str
    phrases: tuple[tuple[PhraseToken, ...], ...]
    phrase_texts: tuple[str, ...]
    pos: frozenset[str]
    cls: str
    acled: tuple[str, str] | None
    plover: MappingProxyType
    requires: frozenset[str]
    requires_any_for: frozenset[str]
    excludes: tuple[str, ...]
    refine: MappingProxyType
    rank: int = 5
    label: str = ""
    vague: bool = False
    family: str | None = None

    @property
    def violent(self) -> bool:
        return self.cls in {"mechanism", "fighting", "attack", "outcome", "abduction", "sexual", "territory"}


class TriggerLexicon:
    """The loaded lexicon, indexed by each phrase's first word for fast matching."""

    def __init__(self, entries: list[TriggerEntry], version: str):
        self.entries = tuple(entries)
        self.version = version
        index: dict[str, list[tuple[TriggerEntry, int]]] = {}
        for entry in self.entries:
            for number, phrase in enumerate(entry.phrases):
                first = phrase[0].word or "*"
                index.setdefault(first, []).append((entry, number))
        self._index = MappingProxyType({key: tuple(value) for key, value in index.items()})

    @classmethod
    def load(cls, extra_dir: Path | None = None) -> TriggerLexicon:
        """The bundled lexicon, with entries from ``extra_dir/triggers*.yaml`` added or overriding by id."""
        texts = [read_text(BUNDLED)]
        if extra_dir is not None:
            texts += [p.read_text(encoding="utf-8") for p in sorted(Path(extra_dir).glob("triggers*.yaml"))]
        by_id: dict[str, TriggerEntry] = {}
        versions: list[str] = []
        for text in texts:
            data = yaml.safe_load(text) or {}
            versions.append(str(data.get("version", "user")))
            for raw in data.get("entries", []):
                entry = _entry(raw)
                by_id[entry.id] = entry
        version = versions[0] if len(texts) == 1 else "+".join(versions) + "@" + fingerprint(*texts)
        return cls(list(by_id.values()), version)

    def candidates(self, word: str) -> tuple[tuple[TriggerEntry, int], ...]:
        return self._index.get(word, ())


def _entry(raw: dict) -> TriggerEntry:
    phrases = tuple(str(p) for p in raw["phrases"])
    acled = raw.get("acled")
    return TriggerEntry(
        id=str(raw["id"]),
        phrases=tuple(_phrase(p) for p in phrases),
        phrase_texts=phrases,
        pos=frozenset(raw.get("pos", ())),
        cls=str(raw.get("class", "other")),
        acled=(str(acled[0]), str(acled[1])) if acled else None,
        plover=MappingProxyType(dict(raw.get("plover") or {})),
        requires=frozenset(str(w) for w in raw.get("requires", ())),
        requires_any_for=frozenset(str(w) for w in raw.get("requires_any_for", ())),
        excludes=tuple(str(w).lower() for w in raw.get("excludes", ())),
        refine=MappingProxyType({str(k): str(v) for k, v in (raw.get("refine") or {}).items()}),
        rank=int(raw.get("rank", 5)),
        label=str(raw.get("label", raw["id"])),
        vague=bool(raw.get("vague", False)),
        family=raw.get("family"),
    )


def _phrase(text: str) -> tuple[PhraseToken, ...]:
    tokens = []
    for part in text.lower().replace("-", " - ").split():
        if part == "-":
            continue
        if part == "*":
            tokens.append(PhraseToken(None))
        elif ":" in part:
            word, pos = part.split(":", 1)
            tokens.append(PhraseToken(word, pos.upper()))
        else:
            tokens.append(PhraseToken(part))
    return tuple(tokens)
