"""Find the basic time expressions of a text: each rule of the table (patterns.py) near its key words."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from flashpoint.extract.time.builders import SpecBuilder
from flashpoint.extract.time.keys import Hits, KeyWords
from flashpoint.extract.time.patterns import Rule, rules
from flashpoint.extract.time.specs import Spec
from flashpoint.extract.time.vocabulary import TimeVocabulary

REACH = 80  # characters around a key word within which a rule's match must lie


@dataclass(frozen=True)
class Atom:
    """A basic time expression: its characters, its class and what it says."""

    start: int
    end: int
    kind: str
    spec: Spec
    source: str = "rules"


class Grammar:
    """The compiled rules of one vocabulary; ``scan`` lists the basic expressions of a text."""

    def __init__(self, vocab: TimeVocabulary) -> None:
        self.vocab = vocab
        self.rules = rules(vocab)
        self.keys = KeyWords(vocab)
        builder = SpecBuilder(vocab)
        self._builders: dict[str, Callable[[re.Match[str], str], Spec | None]] = {
            rule.builder: getattr(builder, rule.builder) for rule in self.rules
        }

    def scan(self, text: str, doc: Doc | None = None) -> list[Atom]:
        """The basic expressions of ``text`` (whose parsed ``doc`` speeds up the search), longest first where they
        overlap, in text order."""
        hits = self.keys.find(text, doc, REACH)
        found: list[tuple[int, int, int, Atom]] = []
        for order, rule in enumerate(self.rules):
            build = self._builders[rule.builder]
            for match in _matches(rule, text, hits):
                spec = build(match, text)
                if spec is None:
                    continue
                start, end = match.span("x") if "x" in rule.regex.groupindex else _trim(match)
                found.append((-(end - start), order, start, Atom(start, end, rule.kind, spec)))
        starts: list[int] = []
        kept: list[Atom] = []
        for _, _, _, atom in sorted(found, key=lambda f: (f[0], f[1], f[2])):
            i = bisect.bisect_left(starts, atom.start)
            if (i == 0 or kept[i - 1].end <= atom.start) and (i == len(kept) or atom.end <= kept[i].start):
                starts.insert(i, atom.start)
                kept.insert(i, atom)
        return kept


def _matches(rule: Rule, text: str, hits: Hits) -> Iterator[re.Match[str]]:
    """Matches of ``rule`` near its key words only (the whole text is never scanned by every rule)."""
    windows = sorted(w for key in rule.keys for w in hits.get(key, ()))
    merged: list[list[int]] = []
    for start, end in windows:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        yield from rule.regex.finditer(text, start, min(end, len(text)))


def _trim(match: re.Match[str]) -> tuple[int, int]:
    """The match without a trailing possessive."""
    start, end = match.span()
    if match.group().endswith(("'s", "’s")):
        end -= 2
    return start, end
