"""ACLED ``notes`` carry coder remarks that are not news text; strip them before extraction, never parse them.

Examples of what goes: "[size=no report]", "Fatalities coded as 0 (VoJ reported 3).", "Unknown fatalities
coded as 10.", "Fatalities split between 3 events.", "(coded as <place> at geoprecision 2)", ", coded as
<actor> by default,", "*ACLED uses a location …", a leading category tag ("Looting: ", "Movement of forces: ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SIZE = re.compile(r"\s*\[size\s*=[^\]]*\]")
_CATEGORY_TAG = re.compile(r"^\s*[A-Z][a-z]+(?:[ /-][a-z]+){0,4}:\s+(?=[A-Z0-9])")
_PAREN_REMARK = re.compile(r"\s*\((?:[^()]*\bcoded\b[^()]*|[^()]*\bgeo-?precision\b[^()]*)\)", re.IGNORECASE)
_INLINE_REMARK = re.compile(r",\s+coded\b(?:[^,.()]|\([^()]*\))*(?=[,.])", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\[(*\"'0-9A-Z])|(?<=[a-z]\.)(?=[A-Z][a-z])")
_REMARK = re.compile(
    r"\bcoded\b"
    r"|\bfatalit\w*\s+(?:are\s+|were\s+|have\s+been\s+)?(?:split|spread|distributed|divided)\b"
    r"|\bACLED\b"
    r"|\bgeo-?precision\b"
    r"|\brounded (?:down|up) to\b",
    re.IGNORECASE,
)
_ABOUT_DEATHS = re.compile(r"fatalit|killed|dead|death|casualt|\bevents?\b", re.IGNORECASE)


@dataclass(frozen=True)
class CleanedNote:
    """The note as news text, and the remarks taken out of it."""

    text: str
    remarks: tuple[str, ...]

    @property
    def fatalities_from_remark(self) -> bool:
        """True when a removed remark talks about deaths: the row's fatality figure is coder policy."""
        return any(_ABOUT_DEATHS.search(remark) for remark in self.remarks)


def clean_note(notes: str) -> CleanedNote:
    """Remove coder remarks (sentences, clauses after ';', bracketed size tags, parenthesised coding
    notes)."""
    remarks: list[str] = [m.group().strip() for m in _CATEGORY_TAG.finditer(notes)]
    text = _CATEGORY_TAG.sub("", notes)
    remarks += [m.group().strip() for m in _SIZE.finditer(text)]
    text = _SIZE.sub("", text)
    remarks += [m.group().strip() for m in _PAREN_REMARK.finditer(text)]
    text = _PAREN_REMARK.sub("", text)
    remarks += [m.group().strip(", ") for m in _INLINE_REMARK.finditer(text)]
    text = _INLINE_REMARK.sub("", text)
    kept: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        if not _REMARK.search(sentence):
            kept.append(sentence)
            continue
        clauses = sentence.split(";")
        news = [c.strip() for c in clauses if c.strip() and not _REMARK.search(c)]
        remarks += [c.strip() for c in clauses if _REMARK.search(c)]
        if news:
            kept.append("; ".join(news).rstrip(".") + ".")
    return CleanedNote(" ".join(s.strip() for s in kept if s.strip()), tuple(remarks))
