"""Name keys for gazetteer look-up: one exact-ish key and one loose transliteration skeleton."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[’'`ʻʼʿʾ‘´\u02bb\u02bc\u2018\u2019]")
_SEPARATORS = re.compile(r"[-–—_/]+")
_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_ARTICLES = frozenset({"al", "el", "an", "ad", "as", "ar", "at", "ash", "az", "ed", "es", "en", "er", "et"})
_VOWELS = frozenset("aeiouy")


def fold(text: str) -> str:
    """Accents removed (Sarāqib → Saraqib), case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """The look-up key of a name: folded, lower-cased, apostrophes and dots dropped, hyphens as spaces."""
    text = fold(text).casefold()
    text = _APOSTROPHES.sub("", text).replace(".", "")
    text = _SEPARATORS.sub(" ", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def is_latin_key(key: str) -> bool:
    """Keys worth indexing for English text: ASCII letters, digits and spaces only."""
    return bool(key) and key.isascii() and any(ch.isalpha() for ch in key)


def without_articles(key: str) -> str:
    """The key without Arabic articles: "al qatranah" → "qatranah" (kept whole when nothing else is left)."""
    return " ".join(w for w in key.split() if w not in _ARTICLES) or key


def skeleton(key: str) -> str:
    """A loose transliteration key: Arabic articles dropped, q→k, inner vowels dropped, doubles collapsed.

    "saraqeb" and "saraqib" → "srkb"; "maarat al numan" and "maarrat an numan" → "mrtnmn".
    """
    words = [w for w in key.split() if w not in _ARTICLES] or key.split()
    letters = "".join(words).replace("q", "k").replace("ph", "f").replace("ou", "u")
    if not letters:
        return ""
    out = [letters[0]]
    for ch in letters[1:]:
        if ch in _VOWELS or not ch.isalpha():
            continue
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)
