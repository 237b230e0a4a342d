"""Word splitting shared by the dictionary and the phrase matcher: accent-free, with a lower-case and a cased form."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s\b", re.IGNORECASE)


def strip_accents(text: str) -> str:
    """ "Türkiye" → "Turkiye"."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def cased_words(text: str) -> list[str]:
    """Words of ``text`` without accents, periods or apostrophes ("U.S.-led" → US, led; "Syria's" → Syria, s)."""
    text = _POSSESSIVE.sub(" s", strip_accents(text)).replace("'", "").replace("’", "").replace(".", "")
    return _WORD.findall(text)


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` (see ``cased_words``)."""
    return [w.lower() for w in cased_words(text)]


def is_acronym(alias: str) -> bool:
    """Short all-capital aliases ("HTS", "U.S.", "IS-K") match case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)
