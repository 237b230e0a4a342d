"""The event store: documents, reports and merged events in one DuckDB file (docs/store.md)."""

from flashpoint.store.duplicates import DuplicateFinder, content_hash
from flashpoint.store.filters import DEFAULT_KINDS, EventFilter, Near, parse_near
from flashpoint.store.ingest import Ingestor, RunStats
from flashpoint.store.items import CopyOf, Extracted, WriteStats
from flashpoint.store.store import Store, utc_now
from flashpoint.store.views import (
    Changes,
    Deletion,
    DocumentDetail,
    EventDetail,
    EventPage,
    EvidenceUse,
    MergeNote,
    SourceRow,
    StoredEvent,
)

__all__ = [
    "DEFAULT_KINDS",
    "Changes",
    "CopyOf",
    "Deletion",
    "DocumentDetail",
    "DuplicateFinder",
    "EventDetail",
    "EventFilter",
    "EventPage",
    "EvidenceUse",
    "Extracted",
    "Ingestor",
    "MergeNote",
    "Near",
    "RunStats",
    "SourceRow",
    "Store",
    "StoredEvent",
    "WriteStats",
    "content_hash",
    "parse_near",
    "utc_now",
]
