"""Ingest: documents in, stored once each, extracted, merged into the store's events — one transaction per
``commit_every`` whole documents (1 by default), so an interrupted run leaves whole documents only and a re-run
does the rest.

The extractor is handed in as a function (``Pipeline.run`` in the CLI), so this module depends on no later stage.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol

from flashpoint import __version__
from flashpoint.model import Document, Event, PlaceOut
from flashpoint.store.duplicates import Copy, DuplicateFinder, content_hash
from flashpoint.store.items import CopyOf, Extracted, WriteStats
from flashpoint.store.store import Store


class Result(Protocol):
    """What the extractor yields per document (``flashpoint.pipeline.DocumentResult``)."""

    document: Document
    events: list[Event]
    places: list[PlaceOut]


LOOKUP_CHUNK = 64  # documents looked up in the store at once before extraction
COPY_DAYS = 14  # wire copies are looked for among originals published this many days around a document
Extract = Callable[[Iterable[Document]], Iterable[Result]]
Progress = Callable[[str, str], None]  # (document id, what happened)


@dataclass
class RunStats:
    read: int = 0
    unchanged: int = 0
    written: WriteStats = field(default_factory=WriteStats)

    def counts(self) -> dict[str, int]:
        w = self.written
        return {"documents": self.read, "unchanged": self.unchanged, "copies": w.copies, "extracted": w.documents,
                "events_created": w.events_created, "events_updated": w.events_updated,
                "events_deleted": w.events_deleted}


class Ingestor:
    """Feeds new documents to the extractor and writes results as they come, in input order."""

    def __init__(self, store: Store, extract: Extract, extractor: Callable[[], str],
                 duplicates: DuplicateFinder | None = None, commit_every: int = 1, snapshot_seconds: float = 30.0,
                 progress: Progress | None = None):
        self.store = store
        self.extract = extract
        self.extractor = extractor  # the extractor's version key, asked for only once something is extracted
        self.duplicates = duplicates or DuplicateFinder()
        self.commit_every = commit_every
        self.snapshot_seconds = snapshot_seconds
        self.progress = progress or (lambda doc, what: None)

    def ingest(self, documents: Iterable[Document], command: str = "ingest") -> RunStats:
        """Store new and changed documents; documents stored before with the same text are left untouched."""
        return self._run(documents, command, reprocess=False)

    def reprocess(self, everything: bool = False) -> RunStats:
        """Extract stored documents again (those made by another extractor, or all) and re-merge their events."""
        ids = self.store.documents_to_reprocess(None if everything else self.extractor())
        return self._run(_stored_documents(self.store, ids), "reprocess", reprocess=True)

    def _run(self, documents: Iterable[Document], command: str, reprocess: bool) -> RunStats:
        stats = RunStats()
        run_id = self.store.start_run(command, __version__)
        plan = _Plan(self, stats, reprocess)
        buffer: list[Extracted | CopyOf] = []
        for result in self.extract(plan.feed(documents)):
            buffer.append(plan.extracted(result))
            buffer += plan.ready_copies({i.document.id for i in buffer if isinstance(i, Extracted)})
            if sum(isinstance(i, Extracted) for i in buffer) >= self.commit_every:
                self._flush(buffer, run_id, stats)
                plan.written(buffer)
                buffer = []
        self._flush(buffer, run_id, stats)
        plan.written(buffer)
        buffer = []
        # copies whose original failed to extract are extracted in its place, never stored pointing at nothing
        for result in self.extract(plan.orphans()):
            buffer.append(plan.extracted(result))
        buffer += plan.ready_copies(None)
        self._flush(buffer, run_id, stats)
        extractor = self.extractor() if stats.written.documents else None
        self.store.finish_run(run_id, stats.counts(), extractor)
        self.store.publish_snapshot()
        return stats

    def _flush(self, buffer: list[Extracted | CopyOf], run_id: int, stats: RunStats) -> None:
        if not buffer:
            return
        stats.written.add(self.store.write(buffer, run_id))
        for item in buffer:
            what = f"copy of {item.canonical}" if isinstance(item, CopyOf) else f"{len(item.events)} event(s)"
            self.progress(item.document.id, what)
        self.store.publish_snapshot(self.snapshot_seconds)


class _Plan:
    """Decides per document: unchanged (skip), wire copy (no extraction) or extract; keeps copies until their
    original is written."""

    def __init__(self, ingestor: Ingestor, stats: RunStats, reprocess: bool):
        self.ingestor = ingestor
        self.stats = stats
        self.reprocess = reprocess
        self.pending: dict[str, tuple[tuple[int, ...], tuple[str, ...], str]] = {}
        self.copies: list[CopyOf] = []

    def feed(self, documents: Iterable[Document]) -> Iterator[Document]:
        """The documents to extract, looked up in the store a chunk at a time (a few queries per chunk)."""
        stream = iter(documents)
        while chunk := list(itertools.islice(stream, LOOKUP_CHUNK)):
            yield from self._decide(chunk)

    def _decide(self, chunk: list[Document]) -> Iterator[Document]:
        store, finder = self.ingestor.store, self.ingestor.duplicates
        digests = [content_hash(d.text) for d in chunk]
        stored = store.document_hashes([d.id for d in chunk])
        signatures = [finder.signature(d.text) for d in chunk]
        bands = [finder.band_keys(s) for s in signatures]
        originals = {} if self.reprocess else store.originals_by_hash(digests)
        filed = {} if self.reprocess else store.signatures_by_band(sorted({b for keys in bands for b in keys}),
                                                                     _copy_days(chunk))
        for document, digest, signature, keys in zip(chunk, digests, signatures, bands, strict=True):
            self.stats.read += 1
            if not self.reprocess and stored.get(document.id) == digest:
                self.stats.unchanged += 1
                self.ingestor.progress(document.id, "unchanged")
                continue
            if not self.reprocess:
                original = self._original(document.id, digest, signature, keys, originals, filed)
                if original is not None:
                    self.copies.append(CopyOf(document, digest, original.canonical, original.similarity))
                    continue
            self.pending[document.id] = (signature, keys, digest)
            yield document

    def _original(self, doc_id: str, digest: str, signature: tuple[int, ...], bands: tuple[str, ...],
                  originals: dict[str, str], filed: dict[str, list]) -> Copy | None:
        exact = originals.get(digest) or next((d for d, (_, _, h) in self.pending.items() if h == digest), None)
        if exact is not None and exact != doc_id:
            return Copy(exact, 1.0)
        candidates = list(dict.fromkeys((d, s) for band in bands for d, s in filed.get(band, ()) if d != doc_id))
        candidates += [(d, s) for d, (s, b, _) in self.pending.items() if d != doc_id and set(b) & set(bands)]
        return self.ingestor.duplicates.best(signature, candidates)

    def extracted(self, result: Result) -> Extracted:
        signature, bands, digest = self.pending[result.document.id]
        return Extracted(result.document, list(result.events), digest, signature, bands, self.ingestor.extractor(),
                         list(result.places))

    def ready_copies(self, in_buffer: set[str] | None) -> list[CopyOf]:
        """Copies whose original is stored or in the buffer; at the end (``None``) every copy whose original was
        written — the others (original and heir both failed to extract) are dropped, and said so."""
        ready = [c for c in self.copies if (in_buffer is not None and c.canonical in in_buffer)
                 or c.canonical not in self.pending]
        if in_buffer is None:
            for lost in (c for c in self.copies if c not in ready):
                self.ingestor.progress(lost.document.id, f"not stored: {lost.canonical} failed to extract")
            self.copies = []
            return ready
        self.copies = [c for c in self.copies if c not in ready]
        return ready

    def orphans(self) -> list[Document]:
        """Copies whose original is still pending at the end (its extraction failed), now to be extracted
        themselves; one per original, the others stay its copies."""
        finder, adopted, out = self.ingestor.duplicates, {}, []
        for copy in self.copies:
            if copy.canonical in self.pending and copy.canonical not in adopted:
                adopted[copy.canonical] = copy.document.id
                signature = finder.signature(copy.document.text)
                self.pending[copy.document.id] = (signature, finder.band_keys(signature), copy.content_hash)
                out.append(copy.document)
        for failed, heir in adopted.items():
            del self.pending[failed]
            self.copies = [c for c in self.copies if c.document.id != heir]
            self.copies = [replace(c, canonical=heir) if c.canonical == failed else c for c in self.copies]
        return out

    def written(self, items: list[Extracted | CopyOf]) -> None:
        for item in items:
            self.pending.pop(item.document.id, None)


def _copy_days(chunk: list[Document]) -> tuple[int, int]:
    """Publication days (ordinals) within which wire copies of ``chunk`` are looked for (0 = undated)."""
    days = [d.published.toordinal() for d in chunk if d.published]
    if not days or len(days) < len(chunk):
        return 0, max(days, default=0) + COPY_DAYS
    return min(days) - COPY_DAYS, max(days) + COPY_DAYS


def _stored_documents(store: Store, ids: list[str], chunk: int = 100) -> Iterator[Document]:
    for start in range(0, len(ids), chunk):
        yield from store.documents(ids[start:start + chunk])
