"""Writing one batch of documents in one transaction: detach replaced reports, place each new report in a
stored event (by blocking and scoring) or a new one, attach wire copies, then rewrite the touched events."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence

import duckdb

from flashpoint.model import Document, Event, Source
from flashpoint.resolve.across import (
    EventFeatures,
    PairScorer,
    TermStats,
    block_keys,
    features_of,
    probe_keys,
)
from flashpoint.resolve.across.blocking import WINDOW_DAYS
from flashpoint.store.database import delete_where_in, insert
from flashpoint.store.items import CopyOf, Extracted, WriteStats
from flashpoint.store.rows import actor_rows, claim_rows, event_row, evidence_rows, record_json, source_rows
from flashpoint.store.schema import EVENT_TABLES
from flashpoint.store.working import WorkingEvent, day_span

MEMBER_DAYS = 31  # members of an event are looked for this many days around it first (then everywhere)


def key_day(key: str) -> int:
    """The day (ordinal) of a blocking key 'family|area|YYYY-MM-DD'."""
    return dt.date.fromisoformat(key.rsplit("|", 1)[1]).toordinal()


def document_day(document: Document) -> int:
    return document.published.toordinal() if document.published else 0


def _probe_days(features) -> tuple[int, int]:
    spans = [day_span(f) for f in features if f.mergeable]
    if not spans:
        return 0, 0
    return min(s[0] for s in spans) - WINDOW_DAYS, max(s[1] for s in spans) + WINDOW_DAYS


class Batch:
    """The state of one write transaction (built and used once by ``StoreWriter.write``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, scorer: PairScorer, now: dt.datetime, run_id: int):
        self.con = con
        self.scorer = scorer
        self.now = now
        self.run_id = run_id
        self.events: dict[str, WorkingEvent] = {}
        self.index: dict[str, set[str]] = defaultdict(set)
        self.merges: list[dict] = []
        self.stats = WriteStats()
        self.terms: TermStats = TermStats({}, 0)
        self.replaced: set[str] = set()
        self.features: dict[str, EventFeatures] = {}
        self.member_rows: dict[str, list[tuple[str, str, str]]] = defaultdict(list)

    def run(self, items: Sequence[Extracted | CopyOf]) -> WriteStats:
        extracted = [i for i in items if isinstance(i, Extracted)]
        copies = [i for i in items if isinstance(i, CopyOf)]
        features = self.features = {r.id: features_of(r) for item in extracted for r in item.events}
        ids = [i.document.id for i in items]
        self.replaced = {row[0] for row in self._rows("SELECT doc_id FROM documents WHERE doc_id IN "
                                                       "(SELECT unnest(?))", ids)}
        old = self._rows("SELECT report_id, doc_id, event_id FROM reports WHERE doc_id IN (SELECT unnest(?)) "
                         "ORDER BY doc_id, report_id", sorted(self.replaced))
        probes = sorted({key for f in features.values() for key in probe_keys(f)})
        days = _probe_days(features.values())
        found = self._rows("SELECT DISTINCT event_id FROM event_blocks WHERE day BETWEEN ? AND ? "
                           "AND key IN (SELECT unnest(?))", *days, probes) if probes else []
        self._load(sorted({row[0] for row in found}), days)
        self._load(sorted({row[2] for row in old}))
        self._load_terms(features.values())
        previous = self._detach(old)
        for item in extracted:
            self._place(item, features, previous.get(item.document.id, {}))
        self._attach(copies)
        self._finish(extracted, copies)
        return self.stats

    # -- loading -------------------------------------------------------------------------------------------
    def _rows(self, sql: str, *params) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

    def _load(self, event_ids: list[str], days: tuple[int, int] | None = None) -> None:
        """Load stored events (filed on ``days`` when given, which lets DuckDB skip other days) and their
        member reports."""
        wanted = [e for e in event_ids if e not in self.events]
        if not wanted:
            return
        span = " AND day_hi >= ? AND day <= ?" if days else ""
        rows = self._rows(f"SELECT event_id, record, docs, created_at, day, day_hi, n_reports FROM events "
                          f"WHERE event_id IN (SELECT unnest(?)){span} ORDER BY event_id", wanted, *(days or ()))
        for event_id, record, docs, created_at, day, day_hi, reports in rows:
            event = Event.model_validate_json(record)
            self._add(WorkingEvent(event_id, event, features_of(event, docs=frozenset(docs)), record, created_at,
                                   (day, day_hi), reports))
        dated = [(r[4], r[5]) for r in rows if r[4]]
        window = (min(d[0] for d in dated) - MEMBER_DAYS, max(d[1] for d in dated) + MEMBER_DAYS) if dated else None
        self._load_members(wanted, window)
        short = [r[0] for r in rows if len(self.member_rows[r[0]]) < r[6]]
        if short and window:
            for event_id in short:
                self.member_rows.pop(event_id, None)
            self._load_members(short, None)

    def _load_members(self, event_ids: list[str], window: tuple[int, int] | None) -> None:
        span = " AND day BETWEEN ? AND ?" if window else ""
        members = self._rows("SELECT event_id, report_id, doc_id, record FROM reports WHERE event_id IN "
                             f"(SELECT unnest(?)){span} ORDER BY event_id, report_id", event_ids, *(window or ()))
        for event_id, report_id, doc_id, record in members:
            self.member_rows[event_id].append((report_id, doc_id, record))

    def _members(self, working: WorkingEvent) -> dict[str, Event]:
        if working.reports is None:
            rows = self.member_rows.pop(working.id, [])
            working.reports = {rid: Event.model_validate_json(rec) for rid, doc, rec in rows
                               if doc not in self.replaced}
        return working.reports

    def _load_terms(self, features) -> None:
        words = sorted({t for f in features for t in f.terms} | {t for w in self.events.values()
                                                                   for t in w.features.terms})
        df = dict(self._rows("SELECT term, df FROM terms WHERE term IN (SELECT unnest(?))", words))
        total = self._rows("SELECT value FROM meta WHERE key = 'reports'")[0][0]
        self.terms = TermStats(df, int(total))

    def _add(self, working: WorkingEvent) -> None:
        self.events[working.id] = working
        for key in block_keys(working.features):
            self.index[key].add(working.id)

    # -- placing reports ----------------------------------------------------------------------------------
    def _detach(self, old: list[tuple]) -> dict[str, dict[str, str]]:
        """Take a replaced document's reports out of their events; remember where each report was."""
        previous: dict[str, dict[str, str]] = defaultdict(dict)
        for report_id, doc_id, event_id in old:
            previous[doc_id][report_id] = event_id
            working = self.events[event_id]
            self._members(working).pop(report_id, None)
            working.touched = True
        for event_id in sorted({e for _, _, e in old}):
            self.events[event_id].rebuild()
        return previous

    def _place(self, item: Extracted, features: dict[str, EventFeatures], previous: dict[str, str]) -> None:
        doc = item.document.id
        pairs, waiting = [], []
        for report in item.events:
            if report.id in previous:
                self._join(self.events[previous[report.id]], report, None)
                continue
            feature = features[report.id]
            waiting.append(report)
            scored = []
            for event_id in sorted({e for key in probe_keys(feature) for e in self.index.get(key, ())}):
                working = self.events[event_id]
                if doc not in working.docs:
                    scored.append((self.scorer.score(feature, working.features, self.terms), event_id))
            pairs += [(-score.total, report.id, event_id, score) for score, event_id in self.scorer.matches(scored)]
        taken_reports, taken_events = set(), set()
        chosen = {}
        for _, report_id, event_id, score in sorted(pairs, key=lambda p: p[:3]):
            if report_id not in taken_reports and event_id not in taken_events:
                taken_reports.add(report_id)
                taken_events.add(event_id)
                chosen[report_id] = (event_id, score)
        for report in waiting:
            if report.id in chosen:
                event_id, score = chosen[report.id]
                self._join(self.events[event_id], report, score)
            else:
                self._create(report, features[report.id])
        self.terms.add(features[r.id].terms for r in item.events)

    def _join(self, working: WorkingEvent, report: Event, score) -> None:
        self._members(working)[report.id] = report
        working.touched = True
        working.rebuild()
        for key in block_keys(working.features):
            self.index[key].add(working.id)
        explanation = score.explanation() if score is not None else {"reason": "same report as before reprocessing"}
        self.merges.append({
            "event_id": working.id, "report_id": report.id, "doc_id": report.sources[0].doc,
            "score": round(score.total, 4) if score is not None else None,
            "explanation": json.dumps(explanation, ensure_ascii=False), "policy": self.scorer.version,
            "merged_at": self.now,
        })
        if score is not None:
            self.stats.reports_merged += 1

    def _create(self, report: Event, feature: EventFeatures) -> None:
        working = WorkingEvent(report.id, report, feature, reports={report.id: report}, touched=True)
        self._add(working)

    def _attach(self, copies: list[CopyOf]) -> None:
        """Wire copies: the events of their original documents list them among their sources."""
        if not copies:
            return
        originals = {c.canonical for c in copies}
        found = self._rows("SELECT DISTINCT event_id FROM reports WHERE doc_id IN (SELECT unnest(?))",
                           sorted(originals))
        self._load(sorted(row[0] for row in found))
        for working in self.events.values():
            if originals & working.docs:
                working.touched = True

    # -- writing ------------------------------------------------------------------------------------------
    def _finish(self, extracted: list[Extracted], copies: list[CopyOf]) -> None:
        touched = sorted(e for e, w in self.events.items() if w.touched)
        for event_id in touched:
            self._members(self.events[event_id])
        docs = sorted({d for e in touched for d in self.events[e].docs})
        copy_sources, copy_of = self._copies(docs, copies)
        rewritten, removed = [], []
        for event_id in touched:
            working = self.events[event_id]
            if not working.reports:
                removed.append(event_id)
                continue
            if any(doc in copy_sources for doc in working.docs):  # merged already; wire copies add sources
                working.rebuild(copy_sources)
            record = record_json(working.event)
            if record != working.stored:
                rewritten.append((working, record))
        self._write_documents(extracted, copies)
        delete_where_in(self.con, "merges", "doc_id", sorted(self.replaced))
        delete_where_in(self.con, "reports", "doc_id", sorted(self.replaced))
        owner = {rid: w.id for w in self.events.values() for rid in (w.reports or ())}
        insert(self.con, "reports", [
            {"report_id": r.id, "doc_id": item.document.id, "event_id": owner[r.id], "record": record_json(r),
             "day": day_span(self.features[r.id])[0]}
            for item in extracted for r in item.events])
        stale = [w for w, _ in rewritten if w.stored_days] + [self.events[e] for e in removed]
        if stale:
            days = (min(w.stored_days[0] for w in stale), max(w.stored_days[1] for w in stale))
            for table in EVENT_TABLES:
                delete_where_in(self.con, table, "event_id", [w.id for w in stale], days)
        self._write_events(rewritten, copy_of)
        insert(self.con, "merges", self.merges)
        insert(self.con, "deletions", [{"event_id": e, "reason": "its reports were withdrawn on reprocessing",
                                        "deleted_at": self.now} for e in removed])
        delete_where_in(self.con, "deletions", "event_id", [w.id for w, _ in rewritten if w.stored is None])
        self._write_terms(extracted)
        self.stats.documents += len(extracted)
        self.stats.copies += len(copies)
        self.stats.events_created += sum(1 for w, _ in rewritten if w.stored is None)
        self.stats.events_updated += sum(1 for w, _ in rewritten if w.stored is not None)
        self.stats.events_deleted += len(removed)

    def _copies(self, docs: list[str], copies: list[CopyOf]) -> tuple[dict[str, list[Source]], dict[str, str]]:
        rows = self._rows("SELECT doc_id, copy_of, outlet, url, published, title FROM documents "
                          "WHERE copy_of IN (SELECT unnest(?)) AND doc_id NOT IN (SELECT unnest(?)) ORDER BY doc_id",
                          docs, [c.document.id for c in copies])
        found: dict[str, list[Source]] = defaultdict(list)
        copy_of = {}
        for doc_id, original, outlet, url, published, title in rows:
            found[original].append(Source(doc=doc_id, outlet=outlet, url=url, published=published, title=title))
            copy_of[doc_id] = original
        for copy in copies:
            d = copy.document
            found[copy.canonical].append(Source(doc=d.id, outlet=d.outlet, url=d.url, published=d.published,
                                                title=d.title))
            copy_of[d.id] = copy.canonical
        return dict(found), copy_of

    def _write_documents(self, extracted: list[Extracted], copies: list[CopyOf]) -> None:
        delete_where_in(self.con, "documents", "doc_id", [i.document.id for i in [*extracted, *copies]])
        delete_where_in(self.con, "doc_bands", "doc_id", [i.document.id for i in extracted])
        delete_where_in(self.con, "places", "doc_id", [i.document.id for i in extracted])
        seq = self._rows("SELECT coalesce(max(seq), 0) FROM documents")[0][0]
        rows = []
        for n, item in enumerate([*extracted, *copies], start=seq + 1):
            d = item.document
            own = isinstance(item, Extracted)
            rows.append({
                "doc_id": d.id, "content_hash": item.content_hash, "copy_of": None if own else item.canonical,
                "similarity": None if own else item.similarity, "text": d.text if own else None, "title": d.title,
                "url": d.url, "outlet": d.outlet, "published": d.published, "published_from": d.published_from,
                "language": d.language, "origin": d.origin, "extractor": item.extractor if own else None,
                "signature": list(item.signature) if own else None, "run_id": self.run_id,
                "ingested_at": self.now, "seq": n, "day": document_day(d), "synthetic": d.synthetic,
            })
        insert(self.con, "documents", rows)
        insert(self.con, "doc_bands", [{"band": band, "doc_id": i.document.id, "day": document_day(i.document)}
                                       for i in extracted for band in i.bands])
        insert(self.con, "places", [
            {"doc_id": i.document.id, "start": p.start, "end": p.end, "text": p.text, "name": p.name,
             "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "admin1": p.admin1, "iso3": p.country,
             "feature_code": p.feature_code, "score": p.score, "resolved": p.resolved}
            for i in extracted for p in i.places])

    def _write_events(self, rewritten: list[tuple[WorkingEvent, str]], copy_of: dict[str, str]) -> None:
        rows, blocks, aliases, claims, evidence, sources, actors = [], [], [], [], [], [], []
        for working, record in rewritten:
            event = working.event
            days = working.days
            row = event_row(event, record, sorted(working.docs), len(working.docs), days)
            row["created_at"] = working.created_at or self.now
            row["updated_at"] = self.now
            rows.append(row)
            blocks += [{"key": key, "event_id": event.id, "day": key_day(key)} for key in block_keys(working.features)]
            aliases += [{"alias": rid, "event_id": event.id, "day": days[0]} for rid in sorted(working.reports)
                        if rid != event.id]
            claims += claim_rows(event, days[0])
            evidence += evidence_rows(event, days[0])
            sources += source_rows(event, copy_of, days[0])
            actors += actor_rows(event, days[0])
        for table, values in (("events", rows), ("event_blocks", blocks), ("aliases", aliases), ("claims", claims),
                              ("evidence", evidence), ("sources", sources), ("actors", actors)):
            insert(self.con, table, values)

    def _write_terms(self, extracted: list[Extracted]) -> None:
        counts: dict[str, int] = defaultdict(int)
        reports = 0
        for item in extracted:
            for report in item.events:
                reports += 1
                for term in self.features[report.id].terms:
                    counts[term] += 1
        if not counts:
            return
        terms = sorted(counts)
        self.con.execute("INSERT INTO terms SELECT unnest(?), unnest(?) ON CONFLICT (term) DO UPDATE "
                         "SET df = terms.df + excluded.df", [terms, [counts[t] for t in terms]])
        self.con.execute("UPDATE meta SET value = CAST(CAST(value AS BIGINT) + ? AS VARCHAR) WHERE key = 'reports'",
                         [reports])
