"""Where a text's time key words are: the grammar's rules run only in windows around them (fast on long texts)."""

from __future__ import annotations

import re

from spacy.attrs import LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc

from flashpoint.extract.time.vocabulary import TimeVocabulary

WORD = re.compile(r"[A-Za-z]+\.?")
DIGITS = re.compile(r"\d[\d:/.h-]*\d(?:\s?[aApP]\.?[mM](?![a-z]))?|\d\s?[aApP]\.?[mM](?![a-z])|\d")
YEAR = re.compile(r"(?:1[89]|20)\d\d")
CLOCK_WORDS = ("hrs", "local", "noon", "midday", "midnight", "gmt", "utc", "a.m.", "p.m.", "am", "pm")
Hits = dict[str, list[tuple[int, int]]]


class KeyWords:
    """Case-sensitive names (months, weekdays) and lower-case words (units, day words…), each with its classes."""

    def __init__(self, vocab: TimeVocabulary) -> None:
        cased: dict[str, set[str]] = {}
        lower: dict[str, set[str]] = {}
        for form in [*vocab.months, *(m.upper() for m in vocab.months)]:
            cased.setdefault(form, set()).add("month")
            cased.setdefault(form + ".", set()).add("month")
        for name in [*vocab.weekdays, *(d.upper() for d in vocab.weekdays)]:
            cased.setdefault(name, set()).add("weekday")
        for name in vocab.holidays:
            cased.setdefault(name.split()[0], set()).add("holiday")
        groups = {
            "dayword": [w.split()[-1] for w in vocab.day_words],
            "night": list(vocab.night_words),
            "unit": [*vocab.units, "weekend", *vocab.parts_of_day, *vocab.recent,
                     *(w.split()[-1] for w in vocab.words["same_day_phrases"])],
            "season": list(vocab.seasons),
            "clock": list(CLOCK_WORDS),
        }
        for name, words in groups.items():
            for word in words:
                lower.setdefault(word.lower(), set()).add(name)
        self.cased = {k: tuple(sorted(v)) for k, v in cased.items()}
        self.lower = {k: tuple(sorted(v)) for k, v in lower.items()}
        self._cased_ids = frozenset(hash_string(w) for w in self.cased)
        self._lower_ids = frozenset(hash_string(w) for w in self.lower)

    def find(self, text: str, doc: Doc | None = None, reach: int = 80) -> Hits:
        """Windows (``reach`` characters either side) around each key word, by class."""
        hits: Hits = {}

        def add(classes: tuple[str, ...], start: int, end: int) -> None:
            for name in classes:
                hits.setdefault(name, []).append((max(0, start - reach), end + reach))

        if doc is not None and len(doc):
            cased, lower = self._cased_ids, self._lower_ids
            rows = doc.to_array([ORTH, LOWER]).tolist()
            for i in [i for i, (orth, low) in enumerate(rows) if orth in cased or low in lower]:
                token = doc[i]
                add(self.cased.get(token.text, ()) + self.lower.get(token.lower_, ()), token.idx,
                    token.idx + len(token))
        else:
            for match in WORD.finditer(text):
                word = match.group()
                add(self.cased.get(word, self.cased.get(word.rstrip("."), ())) + self.lower.get(
                    word.lower(), self.lower.get(word.lower().rstrip("."), ())), match.start(), match.end())
        for match in DIGITS.finditer(text):
            add(_digit_classes(match.group()), match.start(), match.end())
        return hits


def _digit_classes(run: str) -> tuple[str, ...]:
    classes = []
    if re.search(r"\d[/.-]\d", run):
        classes.append("digitsep")
    if re.search(r"\d[:h.]\d|[aApP]\.?[mM]$", run) or len(run) == 4:
        classes.append("clock")
    if YEAR.search(run):
        classes.append("year")
    return tuple(classes)
