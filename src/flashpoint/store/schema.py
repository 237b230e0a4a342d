"""The DuckDB tables of a flashpoint store (docs/store.md describes each)."""

from __future__ import annotations

SCHEMA_VERSION = "store.v1"

TABLES = (
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id INTEGER, command VARCHAR, version VARCHAR, extractor VARCHAR, started_at TIMESTAMP,
        finished_at TIMESTAMP, documents INTEGER, unchanged INTEGER, copies INTEGER, extracted INTEGER,
        events_created INTEGER, events_updated INTEGER, events_deleted INTEGER, problems INTEGER)""",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR, content_hash VARCHAR, copy_of VARCHAR, similarity DOUBLE, text VARCHAR, title VARCHAR,
        url VARCHAR, outlet VARCHAR, published DATE, published_from VARCHAR, language VARCHAR, origin VARCHAR,
        extractor VARCHAR, signature UBIGINT[], run_id INTEGER, ingested_at TIMESTAMP, seq BIGINT, day INTEGER,
        synthetic BOOLEAN DEFAULT false)""",
    """CREATE TABLE IF NOT EXISTS doc_bands (band VARCHAR, doc_id VARCHAR, day INTEGER)""",
    """CREATE TABLE IF NOT EXISTS places (
        doc_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR, geonameid BIGINT, lat DOUBLE,
        lon DOUBLE, admin1 VARCHAR, iso3 VARCHAR, feature_code VARCHAR, score DOUBLE, resolved BOOLEAN)""",
    """CREATE TABLE IF NOT EXISTS reports (
        report_id VARCHAR, doc_id VARCHAR, event_id VARCHAR, record VARCHAR, day INTEGER)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR, kind VARCHAR, event_type VARCHAR, sub_event_type VARCHAR, plover_type VARCHAR,
        date_start DATE, date_end DATE, iso3 VARCHAR, country VARCHAR, admin1 VARCHAR, location VARCHAR,
        lat DOUBLE, lon DOUBLE, fatalities_low INTEGER, fatalities_best INTEGER, n_reports INTEGER,
        n_sources INTEGER, docs VARCHAR[], record VARCHAR, created_at TIMESTAMP, updated_at TIMESTAMP,
        day INTEGER, day_hi INTEGER)""",
    """CREATE TABLE IF NOT EXISTS event_blocks (key VARCHAR, event_id VARCHAR, day INTEGER)""",
    """CREATE TABLE IF NOT EXISTS aliases (alias VARCHAR, event_id VARCHAR, day INTEGER)""",
    """CREATE TABLE IF NOT EXISTS merges (
        event_id VARCHAR, report_id VARCHAR, doc_id VARCHAR, score DOUBLE, explanation VARCHAR, policy VARCHAR,
        merged_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS deletions (event_id VARCHAR, reason VARCHAR, deleted_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS claims (
        event_id VARCHAR, n INTEGER, attribute VARCHAR, value VARCHAR, status VARCHAR, stance VARCHAR,
        claimant VARCHAR, claimant_type VARCHAR, claimant_country VARCHAR, evidence VARCHAR[], day INTEGER)""",
    """CREATE TABLE IF NOT EXISTS evidence (
        event_id VARCHAR, evidence_id VARCHAR, doc_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR,
        day INTEGER)""",
    """CREATE TABLE IF NOT EXISTS sources (
        event_id VARCHAR, doc_id VARCHAR, outlet VARCHAR, url VARCHAR, published DATE, title VARCHAR,
        copy_of VARCHAR, day INTEGER)""",
    """CREATE TABLE IF NOT EXISTS actors (
        event_id VARCHAR, role VARCHAR, name VARCHAR, text VARCHAR, country VARCHAR, sector VARCHAR,
        inter INTEGER, day INTEGER)""",
    """CREATE TABLE IF NOT EXISTS terms (term VARCHAR PRIMARY KEY, df INTEGER)""",
)

# Columns added to store.v1 after its first release: applied to older files when a writer opens them.
UPGRADES = ("ALTER TABLE documents ADD COLUMN IF NOT EXISTS synthetic BOOLEAN DEFAULT false",)

# ART indexes only for the point reads of the API (one document, one event, an absorbed id); batch lookups use
# IN-lists narrowed by ``day`` instead, and every index costs memory and insert time.
INDEXES = (
    "CREATE INDEX IF NOT EXISTS documents_id ON documents (doc_id)",
    "CREATE INDEX IF NOT EXISTS events_id ON events (event_id)",
    "CREATE INDEX IF NOT EXISTS aliases_alias ON aliases (alias)",
)

# Tables whose rows are derived from an event's record and rewritten whenever the event changes. Their ``day``
# (the first day blocking files the event under, as an ordinal; 0 when undated) lets DuckDB skip row groups of
# other days (zone maps), so the cost of a write does not grow with the store when documents come in date order.
# A document's ``day`` is its publication day; a report's, its own first blocking day.
EVENT_TABLES = ("events", "event_blocks", "aliases", "claims", "evidence", "sources", "actors")
