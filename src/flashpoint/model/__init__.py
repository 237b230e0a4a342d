"""The typed contract between stages: documents in, events (and places) out."""

from flashpoint.model.document import Document
from flashpoint.model.event import (
    Actor,
    Casualties,
    Claim,
    Claimant,
    Count,
    CountGroup,
    Event,
    EventDate,
    Extractor,
    Location,
    MentionedPlace,
    Plover,
    Source,
    Span,
    Trigger,
    event_json_schema,
)
from flashpoint.model.place import GeoparseResult, PlaceOut

__all__ = [
    "Actor",
    "Casualties",
    "Claim",
    "Claimant",
    "Count",
    "CountGroup",
    "Document",
    "Event",
    "EventDate",
    "Extractor",
    "GeoparseResult",
    "Location",
    "MentionedPlace",
    "PlaceOut",
    "Plover",
    "Source",
    "Span",
    "Trigger",
    "event_json_schema",
]
