"""The Store service: one DuckDB file of documents, reports, merged events and their provenance.

Open it once and pass it in: ``Store.open(path)`` to write (one process at a time), ``Store.open(path,
read_only=True)`` to read (the published snapshot while a writer holds the file). See docs/store.md.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import duckdb

from flashpoint.errors import FlashpointError
from flashpoint.model import Document, Event
from flashpoint.store import database
from flashpoint.store.filters import EventFilter
from flashpoint.store.items import CopyOf, Extracted, WriteStats
from flashpoint.store.schema import SCHEMA_VERSION
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

if TYPE_CHECKING:
    from flashpoint.resolve.across import PairScorer

Clock = Callable[[], dt.datetime]
STORED_COLUMNS = "e.record, e.created_at, e.updated_at, e.n_reports, e.n_sources"
ORDER = "coalesce(e.date_start, DATE '9999-12-31'), e.event_id"
STATS = MappingProxyType({
    "type": "coalesce(e.event_type, 'PLOVER ' || e.plover_type)",
    "country": "coalesce(e.iso3, '?')",
    "week": "strftime(date_trunc('week', e.date_start), '%Y-%m-%d')",
})


def utc_now() -> dt.datetime:
    """Now in UTC to the second, without a time zone (how the store keeps times)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class Store:
    """Documents, reports and merged events in DuckDB. ``version`` names the schema."""

    version = SCHEMA_VERSION

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool, snapshot: bool = False,
                 clock: Clock = utc_now, scorer: PairScorer | None = None):
        self.con = con
        self.path = path
        self.read_only = read_only
        self.snapshot = snapshot
        columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                              "WHERE table_name = 'documents'").fetchall()}
        # read-only opens of files written before the column existed (writers add it on open)
        self._has_synthetic = "synthetic" in columns
        self.clock = clock
        self.scorer = scorer  # the default PairScorer is built on the first write (readers never need it)
        self._published = time.monotonic()

    def _synthetic(self, alias: str) -> str:
        return f"{alias}.synthetic" if self._has_synthetic else "false"

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, *, prefer_snapshot: bool = False,
             wait_seconds: float = 30.0, clock: Clock = utc_now, scorer: PairScorer | None = None,
             memory_limit: str | None = None) -> Store:
        """Open (creating it for writing if needed). ``memory_limit`` caps DuckDB's buffer pool, e.g. '512MB'."""
        path = Path(path)
        if read_only:
            con, snapshot = database.connect_reader(path, prefer_snapshot)
        else:
            con, snapshot = database.connect_writer(path, wait_seconds), False
        if memory_limit:
            con.execute("SET memory_limit = ?", [memory_limit])
        return cls(con, path, read_only, snapshot, clock, scorer)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------------------
    def write(self, items: Sequence[Extracted | CopyOf], run_id: int = 0) -> WriteStats:
        """Store whole documents in one transaction: all of them or, on any failure, none."""
        self._writable()
        from flashpoint.resolve.across import PairScorer
        from flashpoint.store.batch import Batch

        self.scorer = self.scorer or PairScorer()
        self.con.begin()
        try:
            stats = Batch(self.con, self.scorer, self.clock(), run_id).run(items)
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()
        return stats

    def start_run(self, command: str, version: str) -> int:
        """Record the start of an ingest or reprocess run (a run never finished was interrupted)."""
        self._writable()
        run_id = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()[0]
        self.con.execute("INSERT INTO runs (run_id, command, version, started_at) VALUES (?, ?, ?, ?)",
                         [run_id, command, version, self.clock()])
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, int], extractor: str | None) -> None:
        names = ", ".join(f"{name} = ?" for name in counts)
        self.con.execute(f"UPDATE runs SET finished_at = ?, extractor = ?, {names} WHERE run_id = ?",
                         [self.clock(), extractor, *counts.values(), run_id])

    def runs(self) -> list[dict]:
        cursor = self.con.execute("SELECT * FROM runs ORDER BY run_id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def publish_snapshot(self, every_seconds: float = 0.0) -> Path | None:
        """Publish the read-only snapshot now, or only if ``every_seconds`` have passed since the last one."""
        self._writable()
        if every_seconds and time.monotonic() - self._published < every_seconds:
            return None
        self._published = time.monotonic()
        return database.publish_snapshot(self.con, self.path)

    def _writable(self) -> None:
        if self.read_only:
            raise FlashpointError(f"{self.path} is open read-only")

    # -- documents ----------------------------------------------------------------------------------------
    def document_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Content hash of each stored document among ``doc_ids``."""
        return dict(self.con.execute("SELECT doc_id, content_hash FROM documents WHERE doc_id IN (SELECT unnest(?))",
                                     [list(doc_ids)]).fetchall())

    def originals_by_hash(self, hashes: Sequence[str]) -> dict[str, str]:
        """For each content hash already stored as an original document: that document's id."""
        return dict(self.con.execute(
            "SELECT content_hash, min(doc_id) FROM documents WHERE content_hash IN (SELECT unnest(?)) "
            "AND copy_of IS NULL GROUP BY content_hash", [list(hashes)]).fetchall())

    def signatures_by_band(self, bands: Sequence[str], days: tuple[int, int] | None = None
                           ) -> dict[str, list[tuple[str, tuple[int, ...]]]]:
        """Original documents filed under each LSH band: (id, MinHash signature), in storing order; with
        ``days``, only documents published on those days (ordinals; 0 = undated)."""
        span = " AND day BETWEEN ? AND ?" if days else ""
        filed = self.con.execute(f"SELECT band, doc_id FROM doc_bands WHERE band IN (SELECT unnest(?)){span}",
                                 [list(bands), *(days or ())]).fetchall()
        if not filed:
            return {}
        signatures = {doc_id: (seq, tuple(signature)) for doc_id, signature, seq in self.con.execute(
            f"SELECT doc_id, signature, seq FROM documents WHERE doc_id IN (SELECT unnest(?)){span} "
            "AND copy_of IS NULL", [sorted({d for _, d in filed}), *(days or ())]).fetchall()}
        found: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
        for band, doc_id in sorted(filed, key=lambda row: (signatures.get(row[1], (0,))[0], row[0])):
            if doc_id in signatures:
                found.setdefault(band, []).append((doc_id, signatures[doc_id][1]))
        return found

    def documents_to_reprocess(self, extractor: str | None) -> list[str]:
        """Ids of original documents (not copies) extracted by another extractor, or all with ``None``."""
        sql = "SELECT doc_id FROM documents WHERE copy_of IS NULL AND (? IS NULL OR extractor IS DISTINCT FROM ?)"
        return [r[0] for r in self.con.execute(sql + " ORDER BY seq", [extractor, extractor]).fetchall()]

    def documents(self, doc_ids: Sequence[str]) -> list[Document]:
        rows = self.con.execute(
            "SELECT doc_id, text, title, url, outlet, published, published_from, language, origin, "
            f"{self._synthetic('documents')} FROM documents WHERE doc_id IN (SELECT unnest(?)) AND text IS NOT NULL "
            "ORDER BY seq",
            [list(doc_ids)]).fetchall()
        return [Document(id=r[0], text=r[1], title=r[2], url=r[3], outlet=r[4], published=r[5],
                         published_from=r[6], language=r[7], origin=r[8], synthetic=bool(r[9])) for r in rows]

    def document(self, doc_id: str) -> DocumentDetail | None:
        row = self.con.execute(
            "SELECT d.doc_id, coalesce(d.text, o.text), d.title, d.url, d.outlet, d.published, d.published_from, "
            f"d.language, d.origin, d.content_hash, d.copy_of, d.similarity, {self._synthetic('d')} "
            "FROM documents d "
            "LEFT JOIN documents o ON o.doc_id = d.copy_of WHERE d.doc_id = ?", [doc_id]).fetchone()
        if row is None:
            return None
        document = Document(id=row[0], text=row[1], title=row[2], url=row[3], outlet=row[4], published=row[5],
                            published_from=row[6], language=row[7], origin=row[8], synthetic=bool(row[12]))
        original = row[10] or row[0]
        copies = [r[0] for r in self.con.execute(
            "SELECT doc_id FROM documents WHERE copy_of = ? ORDER BY doc_id", [original]).fetchall()]
        uses = self.con.execute(
            'SELECT event_id, evidence_id, start, "end", text FROM evidence WHERE doc_id = ? '
            'ORDER BY start, "end", event_id, evidence_id', [original]).fetchall()
        events = sorted({u[0] for u in uses} | {r[0] for r in self.con.execute(
            "SELECT event_id FROM reports WHERE doc_id = ?", [original]).fetchall()})
        return DocumentDetail(document, row[9], row[10], row[11], copies, events,
                              [EvidenceUse(*u) for u in uses])

    # -- events -------------------------------------------------------------------------------------------
    def events(self, where: EventFilter | None = None, limit: int = 50, cursor: str | None = None) -> EventPage:
        """One page of events in date order; ``next`` is the cursor of the following page."""
        sql, params = (where or EventFilter()).where()
        count = self.con.execute(f"SELECT count(*) FROM events e WHERE {sql}", params).fetchone()[0]
        page_sql, page_params = sql, list(params)
        if cursor:
            day, event_id = _decode_cursor(cursor)
            page_sql += " AND (coalesce(e.date_start, DATE '9999-12-31') > ? OR (coalesce(e.date_start, " \
                        "DATE '9999-12-31') = ? AND e.event_id > ?))"
            page_params += [day, day, event_id]
        rows = self.con.execute(f"SELECT {STORED_COLUMNS} FROM events e WHERE {page_sql} ORDER BY {ORDER} "
                                "LIMIT ?", [*page_params, limit + 1]).fetchall()
        found = [_stored(r) for r in rows[:limit]]
        following = _encode_cursor(found[-1].event) if len(rows) > limit and found else None
        return EventPage(found, count, following)

    def iter_events(self, where: EventFilter | None = None, chunk: int = 1000) -> Iterator[StoredEvent]:
        """Every matching event in date order, read in chunks (memory stays bounded)."""
        sql, params = (where or EventFilter()).where()
        result = self.con.cursor().execute(f"SELECT {STORED_COLUMNS} FROM events e WHERE {sql} ORDER BY {ORDER}",
                                           params)
        while rows := result.fetchmany(chunk):
            yield from (_stored(r) for r in rows)

    def event(self, event_id: str) -> EventDetail | None:
        """One event by its id or by the id of a report it absorbed."""
        row = self.con.execute(
            f"SELECT {STORED_COLUMNS} FROM events e WHERE e.event_id = coalesce("
            "(SELECT min(event_id) FROM aliases WHERE alias = ?), ?)", [event_id, event_id]).fetchone()
        if row is None:
            return None
        stored = _stored(row)
        absorbed = [r[0] for r in self.con.execute(
            "SELECT alias FROM aliases WHERE event_id = ? ORDER BY alias", [stored.id]).fetchall()]
        merges = [MergeNote(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in self.con.execute(
            "SELECT report_id, doc_id, score, explanation, policy, merged_at FROM merges WHERE event_id = ? "
            "ORDER BY merged_at, report_id", [stored.id]).fetchall()]
        sources = [SourceRow(*r) for r in self.con.execute(
            "SELECT doc_id, outlet, url, published, title, copy_of FROM sources WHERE event_id = ? "
            "ORDER BY published NULLS LAST, doc_id", [stored.id]).fetchall()]
        return EventDetail(stored, absorbed, merges, sources)

    def stats(self, by: str, where: EventFilter | None = None) -> list[tuple[str | None, int]]:
        """Event counts by ``type``, ``country`` or ``week`` (of the start date)."""
        if by not in STATS:
            raise FlashpointError(f"stats by {by!r}: choose one of {', '.join(STATS)}")
        sql, params = (where or EventFilter()).where()
        return self.con.execute(f"SELECT {STATS[by]} AS k, count(*) FROM events e WHERE {sql} GROUP BY k "
                                "ORDER BY k NULLS LAST", params).fetchall()

    def changes(self, since: dt.datetime, where: EventFilter | None = None) -> Changes:
        """Events created or updated at or after ``since``, and events deleted since then."""
        changed = list(self.iter_events(_with_updated_since(where, since)))
        deleted = [Deletion(*r) for r in self.con.execute(
            "SELECT event_id, reason, deleted_at FROM deletions WHERE deleted_at >= ? ORDER BY deleted_at, event_id",
            [since]).fetchall()]
        return Changes(since, changed, deleted)

    def table_counts(self) -> dict[str, int]:
        names = ("documents", "reports", "events", "claims", "evidence", "sources", "actors", "places", "runs")
        return {n: self.con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}


def _stored(row: tuple) -> StoredEvent:
    record, created, updated, reports, sources = row
    return StoredEvent(Event.model_validate_json(record), created, updated, reports, sources)


def _with_updated_since(where: EventFilter | None, since: dt.datetime) -> EventFilter:
    return replace(where or EventFilter(kinds=()), updated_since=since)


def _encode_cursor(event: Event) -> str:
    day = event.date.start.isoformat() if event.date.start else "9999-12-31"
    return base64.urlsafe_b64encode(f"{day}|{event.id}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[dt.date, str]:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        day, event_id = text.split("|", 1)
        return dt.date.fromisoformat(day), event_id
    except (ValueError, UnicodeDecodeError) as err:
        raise FlashpointError(f"invalid page cursor {cursor!r}") from err
