"""Bytes to text: UTF-8 first, other encodings detected (charset-normalizer), binary refused."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from flashpoint.errors import FlashpointError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_OK = frozenset("\n\r\t\f\v")


class UnreadableInput(FlashpointError):
    """The bytes are not text in any encoding we can detect."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    detected: bool  # True when not UTF-8: the caller warns


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` exactly (no normalisation), or raise UnreadableInput saying why."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding, encoding != "utf-8-sig")
            except UnicodeDecodeError as err:
                raise UnreadableInput(f"starts with a {encoding} byte-order mark but does not decode") from err
    if b"\x00" in data[:8192]:
        raise UnreadableInput("binary file (contains NUL bytes), not a text document")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableInput("not UTF-8 and no other text encoding fits")
    text = str(best)
    if _control_ratio(text) > 0.02:
        raise UnreadableInput("binary file (control characters), not a text document")
    return Decoded(text, best.encoding, True)


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in _CONTROL_OK)
    return bad / len(sample)
