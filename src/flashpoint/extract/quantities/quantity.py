"""Read quantity phrases ("at least 25", "dozens", "between 30 and 40", "five or six") into low / best / high."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from text_to_num import text2num

from flashpoint.extract.quantities.vocabulary import NumberVocabulary, PhraseSet

WORD = re.compile(
    r"\d+(?:[.,:/]\d+)*[A-Za-z°]*"  # 25, 1,200, 1.5, 1:13 (a time), 82mm (a unit): the last two are not counts
    r"|[A-Za-z](?:\.[A-Za-z])+\.?"  # a.m., p.m.
    r"|[A-Za-z]+(?:['’][A-Za-z]+)?"
    r"|[%+°~\-–—/]"
)
LONGEST_NUMBER_WORD = 9  # "seventeen"; hyphenated numbers are read word by word
DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Quantity:
    """A figure with its bounds. ``low`` is the most conservative value, ``best`` the most likely, ``high`` the
    highest credible; an unknown one is None. ``start``/``end`` index the text the phrase was read from."""

    low: int | None
    best: int | None
    high: int | None
    text: str
    start: int
    end: int
    vague: bool = False
    kind: str = "exact"  # exact lower upper approximate below range vague unnumbered singular zero sum

    def shifted(self, offset: int) -> Quantity:
        """The same quantity with offsets moved by ``offset`` (from a sentence to its document)."""
        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass(frozen=True)
class _Word:
    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True)
class _Core:
    low: int | None
    best: int | None
    high: int | None
    end: int  # index of the word after the core
    kind: str
    vague: bool


def _words(text: str) -> list[_Word]:
    return [_Word(m.group(), m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)]


def _match(words: list[_Word], i: int, phrases: PhraseSet) -> int:
    """Length of the longest phrase that starts at word ``i``, or 0."""
    found = phrases.match([w.lower for w in words[i : i + phrases.longest]], 0)
    return len(found) if found else 0


def _digits(word: str) -> float | None:
    match = DIGITS.fullmatch(word)
    return float(match.group().replace(",", "")) if match else None


def _word_number(word: str) -> int | None:
    if len(word) > LONGEST_NUMBER_WORD or not word.isalpha():
        return None
    try:
        return int(text2num(word, "en"))
    except ValueError:
        return None


def _number(words: list[_Word], i: int, vocab: NumberVocabulary) -> tuple[int, int] | None:
    """A number written in digits or words starting at ``i``: (value, index after it)."""
    if i >= len(words):
        return None
    first = words[i].lower
    value = _digits(first)
    if value is not None:
        j = i + 1
    else:
        if first in vocab.scales or _word_number(first) is None:
            return None
        j = i + 1  # extend over number words joined by "-" or "and" ("twenty-three", "one hundred and five")
        while j < len(words):
            if words[j].lower in ("-", "and") and j + 1 < len(words) and _word_number(words[j + 1].lower) is not None:
                j += 2
            elif words[j].lower not in vocab.scales and _word_number(words[j].lower) is not None:
                j += 1
            else:
                break
        while j > i:
            try:
                value = float(text2num(" ".join(w.lower for w in words[i:j] if w.lower != "-"), "en"))
                break
            except ValueError:
                j -= 1
        if value is None:
            return None
    if (
        j < len(words)
        and words[j].lower in vocab.multipliers
        and not (j + 1 < len(words) and words[j + 1].lower == "-")
    ):
        value *= vocab.multipliers[words[j].lower]
        j += 1
    if value != int(value):
        return None
    return int(value), j


def _scale(words: list[_Word], i: int, vocab: NumberVocabulary) -> tuple[int, int] | None:
    """A plural scale word, chained by "of": "dozens", "hundreds of thousands"."""
    if i >= len(words) or words[i].lower not in vocab.scales:
        return None
    value, j = vocab.scales[words[i].lower], i + 1
    while j + 1 < len(words) and words[j].lower == "of" and words[j + 1].lower in vocab.scales:
        value *= vocab.scales[words[j + 1].lower]
        j += 2
    return value, j


def _core(words: list[_Word], i: int, vocab: NumberVocabulary) -> _Core | None:
    """The figure itself at word ``i``: an exact phrase, a number, a scale word or an unnumbered phrase."""
    length = _match(words, i, vocab.exact_phrases)
    if length:
        value = vocab.exact[tuple(w.lower for w in words[i : i + length])]
        return _Core(value, value, value, i + length, "exact", False)
    number = _number(words, i, vocab)
    if number is not None:
        value, j = number
        return _Core(value, value, value, j, "exact", False)
    scale = _scale(words, i, vocab)
    if scale is not None:
        value, j = scale
        return _Core(value, value, None, j, "vague", True)
    length = _match(words, i, vocab.unnumbered_phrases)
    if length:
        value, j = vocab.unnumbered[tuple(w.lower for w in words[i : i + length])], i + length
        if j < len(words) and words[j].lower in vocab.multipliers:
            value, j = value * vocab.multipliers[words[j].lower], j + 1
        return _Core(value, None, None, j, "unnumbered", True)
    return None


def _range_end(words: list[_Word], core: _Core, vocab: NumberVocabulary, opened: bool) -> tuple[int, int] | None:
    """The upper figure of a range after ``core`` ("to 40", "-40", "or six"): (value, index after it)."""
    j = core.end
    if core.kind != "exact" or j + 1 >= len(words) or words[j].lower not in vocab.range_links:
        return None
    if words[j].lower == "and" and not opened:
        return None
    number = _number(words, j + 1, vocab)
    if number is None or core.low is None or number[0] <= core.low:
        return None
    return number


def _bounded(core: _Core, kind: str) -> _Core:
    """Apply a bound word to an exact or vague figure (see numbers.v1.yaml, `bounds`)."""
    value = core.best if core.best is not None else core.low
    if kind == "lower":
        return replace(core, low=value, best=value, high=None, kind="lower")
    if kind == "upper":
        return replace(core, low=None, best=None, high=value, kind="upper")
    if kind == "approximate":
        return replace(core, low=value, best=value, high=None, kind="approximate")
    return replace(core, low=None, best=value, high=value, kind="below")


def _at(words: list[_Word], i: int, vocab: NumberVocabulary) -> _Core | None:
    """The quantity phrase that starts at word ``i`` (bounds and ranges included), if any."""
    word = words[i].lower
    if word not in vocab.starters and not word[0].isdigit() and _word_number(word) is None:
        return None
    opened = words[i].lower in vocab.range_openers
    if opened:
        core = _core(words, i + 1, vocab)
        upper = _range_end(words, core, vocab, opened=True) if core else None
        if core is not None and upper is not None:
            return replace(core, high=upper[0], end=upper[1], kind="range")
        return None
    bounds = sorted(((_match(words, i, phrases), kind) for kind, phrases in vocab.bounds.items()), reverse=True)
    if bounds[0][0]:
        length, kind = bounds[0]
        core = _core(words, i + length, vocab)
        upper = _range_end(words, core, vocab, opened=False) if core is not None else None
        if core is not None and upper is not None:  # "about 100-150"; "up to 10 or 12" keeps only its top
            if kind == "upper":
                return replace(core, low=None, best=None, high=upper[0], end=upper[1], kind="upper")
            return replace(core, high=upper[0], end=upper[1], kind="range")
        if core is not None and core.kind in ("exact", "vague"):
            return _bounded(core, kind)
    core = _core(words, i, vocab)
    if core is None:
        return None
    upper = _range_end(words, core, vocab, opened=False)
    if upper is not None:
        return replace(core, high=upper[0], end=upper[1], kind="range")
    if core.kind in ("exact", "vague"):
        after = core.end + 1 if core.end < len(words) and words[core.end].lower == "-" else core.end
        for kind, phrases in vocab.suffix_bounds.items():
            length = _match(words, after, phrases)
            if length:
                return replace(_bounded(core, kind), end=after + length)
    return core


def _non_count(words: list[_Word], core: _Core, vocab: NumberVocabulary) -> bool:
    """A percentage, a time, a measure or a compound modifier ("eight-year war", "12-kilogram bomb")."""
    j = core.end
    if _match(words, j, vocab.non_count_after):
        return True
    if j + 1 < len(words) and words[j].lower == "-" and words[j].end == words[j + 1].start:
        follower = words[j + 1].lower
        return follower.isalpha() and follower not in vocab.count_compounds
    return False


def scan_quantities(text: str, vocab: NumberVocabulary) -> list[Quantity]:
    """Every quantity phrase in ``text``, left to right, not overlapping; offsets relative to ``text``."""
    words = _words(text)
    found: list[Quantity] = []
    i = 0
    while i < len(words):
        core = _at(words, i, vocab)
        if core is None:
            i += 1
            continue
        if not _non_count(words, core, vocab):
            start, end = words[i].start, words[core.end - 1].end
            found.append(Quantity(core.low, core.best, core.high, text[start:end], start, end, core.vague, core.kind))
        i = core.end
    return found


def parse_quantity(text: str, vocab: NumberVocabulary) -> Quantity | None:
    """The first quantity phrase in ``text`` ("at least 25 people" → low 25, best 25), or None."""
    found = scan_quantities(text, vocab)
    return found[0] if found else None
