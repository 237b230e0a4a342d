"""Quotation spans of a document, so words inside a quote can be given to whoever said it."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

OPENING = frozenset("“«„")
CLOSING = frozenset("”»“")
STRAIGHT = '"'


class QuoteIndex:
    """Character ranges between matching quotation marks (curly pairs or straight double quotes)."""

    def __init__(self, doc: Doc):
        self.ranges = tuple(_quote_ranges(doc.text))
        self._starts = [start for start, _ in self.ranges]

    def enclosing(self, offset: int) -> tuple[int, int] | None:
        position = bisect.bisect_right(self._starts, offset) - 1
        if position < 0:
            return None
        start, end = self.ranges[position]
        return (start, end) if start <= offset < end else None


def _quote_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    for index, char in enumerate(text):
        if char == "\n" and index + 1 < len(text) and text[index + 1] == "\n" and opened is not None:
            # a quotation left open at a paragraph end continues only if the next paragraph reopens it
            ranges.append((opened, index))
            opened = None
        elif opened is None and (char in OPENING or char == STRAIGHT):
            opened = index
        elif opened is not None and (char in CLOSING or char == STRAIGHT) and index > opened:
            ranges.append((opened, index + 1))
            opened = None
    if opened is not None:
        ranges.append((opened, len(text)))
    return ranges
