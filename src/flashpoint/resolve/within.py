"""Resolution within one document: mentions → happenings → contract events."""

from __future__ import annotations

from collections.abc import Sequence

from flashpoint.extract.claims import ActClaim, ResponsibilityClaim
from flashpoint.extract.events.mention import EventMention
from flashpoint.model import Document, Event
from flashpoint.resolve.assemble import ExtractorInfo, assemble
from flashpoint.resolve.clusters import attach_statements, cluster_mentions


def resolve_document(mentions: list[EventMention], document: Document, extractor: ExtractorInfo,
                     responsibility: Sequence[ResponsibilityClaim] = (), acts: Sequence[ActClaim] = ()) -> list[Event]:
    """One event per happening, in the order the document first tells them, with the responsibility and
    procedural claims made about it."""
    clusters = cluster_mentions(mentions)
    attach_statements(clusters, list(responsibility), list(acts))
    events = [assemble(cluster, document, extractor) for cluster in clusters]
    return sorted(events, key=lambda e: (e.trigger.start, e.id))
