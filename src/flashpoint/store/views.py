"""What the store hands to readers (CLI, exports, the API): events with their bookkeeping, documents, changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from flashpoint.model import Document, Event


@dataclass(frozen=True)
class StoredEvent:
    event: Event
    created_at: dt.datetime
    updated_at: dt.datetime
    reports: int  # reports (extracted events) merged into it
    independent_sources: int  # documents that told it, wire copies not counted

    @property
    def id(self) -> str:
        return self.event.id


@dataclass(frozen=True)
class EventPage:
    events: list[StoredEvent]
    count: int  # all events matching the filter
    next: str | None  # cursor of the following page, None on the last page


@dataclass(frozen=True)
class MergeNote:
    """Why a report joined an event: the score, each part and its reason (``explanation``)."""

    report_id: str
    doc_id: str
    score: float | None
    explanation: dict
    policy: str
    merged_at: dt.datetime


@dataclass(frozen=True)
class SourceRow:
    doc_id: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    title: str | None
    copy_of: str | None  # the document this one is a wire copy of


@dataclass(frozen=True)
class EventDetail:
    stored: StoredEvent
    absorbed: list[str]  # report ids merged into this event (the event keeps its own id)
    merges: list[MergeNote]
    sources: list[SourceRow]


@dataclass(frozen=True)
class EvidenceUse:
    event_id: str
    evidence_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DocumentDetail:
    document: Document  # for a wire copy: its metadata and the original's text
    content_hash: str
    copy_of: str | None
    similarity: float | None
    copies: list[str]
    event_ids: list[str]
    evidence: list[EvidenceUse]  # offsets into ``document.text``


@dataclass(frozen=True)
class Deletion:
    event_id: str
    reason: str
    deleted_at: dt.datetime


@dataclass(frozen=True)
class Changes:
    since: dt.datetime
    updated: list[StoredEvent] = field(default_factory=list)  # created or changed at or after ``since``
    deleted: list[Deletion] = field(default_factory=list)
