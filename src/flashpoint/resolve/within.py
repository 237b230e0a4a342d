"""Resolution within one document: mentions → happenings → contract events."""

from __future__ import annotations

from flashpoint.extract.events.mention import EventMention
from flashpoint.model import Document, Event
from flashpoint.resolve.assemble import ExtractorInfo, assemble
from flashpoint.resolve.clusters import cluster_mentions


def resolve_document(mentions: list[EventMention], document: Document, extractor: ExtractorInfo) -> list[Event]:
    """One event per happening, in the order the document first tells them."""
    events = [assemble(cluster, document, extractor) for cluster in cluster_mentions(mentions)]
    return sorted(events, key=lambda e: (e.trigger.start, e.id))
