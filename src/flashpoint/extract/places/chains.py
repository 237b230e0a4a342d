"""Token shapes of place names in conflict reporting: compound names and bracketed administrative chains.

* Compound names joined by hyphens or a Persian/Dari ezafe: "Pul-e Khumri", "Band-e-Sharan", "Dara i Pech",
  "Tin-Akoff", "Pobe-Mengao" — one name, not "Pul" and "Khumri".
* Bracketed chains, the convention of ACLED and of many conflict monitors: "Tadjo (Gorgadji, Seno)",
  "Kagara (Rafi LGA, Niger)", "Sirwah (Marib)", "Chora (Charcheno) district", "Demniol [Demni]": a name, then in
  brackets the names of what contains it, finest first — or, for one bracketed name that is no division, another
  name of the same place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Token

EZAFE = frozenset({"e", "i", "ye", "y", "o", "wa", "va"})
NAME_CONNECTORS = frozenset({"al", "el", "de", "del", "la", "le", "du", "des", "da", "do", "bin", "ibn", "abu", "es"})
MAX_NAME = 6
MAX_BRACKET = 14
OPEN = MappingProxyType({"(": ")", "[": "]"})


@dataclass(frozen=True)
class Chain:
    """A name followed by a bracket of names: ``head`` and ``inner`` are token ranges; ``kinds`` the area noun
    kind right after each inner name ("Rafi LGA" → admin2); ``alias`` when the bracket is "[…]" (another name)."""

    head: tuple[int, int]
    inner: tuple[tuple[int, int], ...]
    kinds: tuple[str | None, ...]
    alias: bool


def capitalised(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def compounds(doc: Doc) -> list[tuple[int, int]]:
    """Spans of names joined by hyphens or an ezafe ("Pul-e Khumri", "Dara i Pech", "Tin-Akoff")."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not capitalised(doc[i]):
            i += 1
            continue
        end = i + 1
        while True:
            step = _joint(doc, end)
            if step == 0:
                break
            end += step
        if end > i + 1:
            out.append((i, end))
        i = end
    return out


def _joint(doc: Doc, k: int) -> int:
    """How many tokens from ``k`` join the name ending at ``k - 1`` to a following capitalised word (0: none)."""
    if k >= len(doc) or k == 0:
        return 0
    tight = doc[k - 1].whitespace_ == ""
    first = doc[k]
    if first.text == "-" and tight:
        if k + 1 < len(doc) and capitalised(doc[k + 1]) and not first.whitespace_:
            return 2
        if k + 2 < len(doc) and doc[k + 1].lower_ in EZAFE and not first.whitespace_:
            third = doc[k + 2]
            if capitalised(third):
                return 3  # "Pul-e Khumri"
            if third.text == "-" and k + 3 < len(doc) and capitalised(doc[k + 3]) and not doc[k + 1].whitespace_:
                return 4  # "Band-e-Sharan"
        return 0
    if first.lower_ in EZAFE and first.text.islower() and k + 1 < len(doc) and capitalised(doc[k + 1]):
        return 2  # "Dara i Pech"
    return 0


def widen(start: int, end: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """A proposal that covers part of a compound name covers all of it."""
    for s, e in spans:
        if s < end and start < e:
            start, end = min(start, s), max(end, e)
    return start, end


def _name_left(doc: Doc, end: int, joined: Mapping[int, tuple[int, int]]) -> int | None:
    """Start of the capitalised name that ends at token ``end - 1`` (None when there is none)."""
    start = end
    while start > 0 and end - start < MAX_NAME:
        token = doc[start - 1]
        if (start - 1) in joined:
            start = joined[start - 1][0]
            continue
        if capitalised(token):
            start -= 1
            continue
        if token.lower_ in NAME_CONNECTORS and start < end and start - 2 >= 0 and capitalised(doc[start - 2]):
            start -= 1
            continue
        if token.text == "-" and not token.whitespace_ and start - 2 >= 0 and not doc[start - 2].whitespace_:
            start -= 1  # "Wadi al-Rabi"
            continue
        break
    return start if start < end else None


def _piece(doc: Doc, start: int, end: int, area_nouns: Mapping[str, str]) -> tuple[tuple[int, int], str | None]:
    """A bracketed piece: a capitalised name, maybe followed by an area noun ("Rafi LGA", "Central Equatoria
    state"); ((-1, -1), None) when it is not a name."""
    kind = None
    if end - start > 1:
        two = f"{doc[end - 2].lower_} {doc[end - 1].lower_}"
        if two in area_nouns and end - start > 2:
            kind, end = area_nouns[two], end - 2
        elif doc[end - 1].lower_ in area_nouns:
            kind, end = area_nouns[doc[end - 1].lower_], end - 1
    if end <= start or not capitalised(doc[start]) or end - start > MAX_NAME:
        return (-1, -1), None
    for token in doc[start:end]:
        if not (capitalised(token) or token.text in ("-", "'", "’") or token.lower_ in NAME_CONNECTORS
                or token.lower_ in EZAFE):
            return (-1, -1), None
    return (start, end), kind


def find_chains(doc: Doc, area_nouns: Mapping[str, str]) -> list[Chain]:
    """Every 'Name (Name, Name)' / 'Name [Name]' / 'Name district (Name)' in the text."""
    joined: dict[int, tuple[int, int]] = {}
    for s, e in compounds(doc):
        for k in range(s, e):
            joined[k] = (s, e)
    out: list[Chain] = []
    for i, token in enumerate(doc):
        close = OPEN.get(token.text)
        if close is None or i == 0:
            continue
        head_end = i
        if doc[i - 1].text == "]":  # "Demniol [Demni] (Gorgadji, Seno)": the name before the alias
            head_end = next((k for k in range(i - 2, max(0, i - MAX_BRACKET), -1) if doc[k].text == "["), i)
        if doc[head_end - 1].lower_ in area_nouns and not capitalised(doc[head_end - 1]):
            head_end -= 1  # "Bossaso town (Bossaso, Bari)", "Lainya county (Central Equatoria state)"
        head_start = _name_left(doc, head_end, joined)
        if head_start is None:
            continue
        last = next((k for k in range(i + 1, min(len(doc), i + MAX_BRACKET)) if doc[k].text == close), None)
        if last is None or last == i + 1:
            continue
        pieces, kinds, first = [], [], i + 1
        for k in range(i + 1, last + 1):
            if k == last or doc[k].text == ",":
                piece, kind = _piece(doc, first, k, area_nouns)
                if piece[0] < 0:
                    pieces = []
                    break
                pieces.append(piece)
                kinds.append(kind)
                first = k + 1
        if pieces:
            out.append(Chain((head_start, head_end), tuple(pieces), tuple(kinds), token.text == "["))
    return out
