"""Text similarity of two reports: TF-IDF cosine over content words of their evidence sentences.

Document frequencies come from the store (every report ingested so far), smoothed so that a young store still
behaves like plain term-frequency cosine. Stop words are spaCy's English list (data, not code).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from flashpoint.model import Event

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
IDF_PRIOR = 20  # pseudo-documents: with few reports stored, every term weighs about the same


def event_terms(event: Event) -> Counter[str]:
    """Term counts of the event's outermost evidence spans (sentences), lower-cased, stop words removed."""
    return Counter(terms(event_text(event)))


def event_text(event: Event) -> str:
    """The event's outermost evidence spans (its sentences) in document order, joined by spaces."""
    spans = sorted(event.evidence.values(), key=lambda s: (s.doc, s.start, -s.end))
    kept: list[str] = []
    covered: tuple[str, int] | None = None
    for span in spans:
        if covered is not None and covered[0] == span.doc and span.end <= covered[1]:
            continue
        covered = (span.doc, span.end)
        kept.append(span.text)
    return " ".join(kept)


def terms(text: str) -> list[str]:
    words = (w.lower() for w in WORD.findall(text))
    return [w for w in words if w not in STOP_WORDS]


class TermStats:
    """Document frequencies of terms over the reports of a store: ``idf`` for the cosine."""

    def __init__(self, df: Mapping[str, int], documents: int):
        self.df = dict(df)
        self.documents = documents

    def idf(self, term: str) -> float:
        return math.log((self.documents + IDF_PRIOR + 1) / (self.df.get(term, 0) + IDF_PRIOR / 2 + 1)) + 1.0

    def add(self, term_sets: Iterable[Iterable[str]]) -> None:
        for seen in term_sets:
            self.documents += 1
            for term in set(seen):
                self.df[term] = self.df.get(term, 0) + 1


def cosine(a: Mapping[str, int], b: Mapping[str, int], stats: TermStats) -> float:
    """TF-IDF cosine (sublinear tf) of two term-count maps, 0 when either is empty."""
    if not a or not b:
        return 0.0
    wa = {t: (1 + math.log(n)) * stats.idf(t) for t, n in a.items()}
    wb = {t: (1 + math.log(n)) * stats.idf(t) for t, n in b.items()}
    dot = sum(w * wb[t] for t, w in wa.items() if t in wb)
    norm = math.sqrt(sum(w * w for w in wa.values())) * math.sqrt(sum(w * w for w in wb.values()))
    return dot / norm if norm else 0.0
