"""What the writer stores for one document: its extracted events, or the fact that it is a wire copy."""

from __future__ import annotations

from dataclasses import dataclass, field

from flashpoint.model import Document, Event, PlaceOut


@dataclass(frozen=True)
class Extracted:
    """A document read and extracted: its events (the reports) and its places."""

    document: Document
    events: list[Event]
    content_hash: str
    signature: tuple[int, ...]
    bands: tuple[str, ...]
    extractor: str
    places: list[PlaceOut] = field(default_factory=list)


@dataclass(frozen=True)
class CopyOf:
    """A near-duplicate of a stored document: stored once more only as an outlet of ``canonical``."""

    document: Document
    content_hash: str
    canonical: str
    similarity: float


@dataclass
class WriteStats:
    documents: int = 0
    copies: int = 0
    events_created: int = 0
    events_updated: int = 0
    events_deleted: int = 0
    reports_merged: int = 0

    def add(self, other: WriteStats) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))
