"""Parquet with typed columns (dates, integers, lists), written by DuckDB from rows streamed in chunks."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from flashpoint.export.flat import COLUMNS, flat_row
from flashpoint.export.options import ExportOptions, ExportStats
from flashpoint.store import StoredEvent
from flashpoint.store.rows import record_json

CHUNK = 1000


def write_parquet(events: Iterable[StoredEvent], path: Path, options: ExportOptions) -> ExportStats:
    stats = ExportStats()
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE events (" + ", ".join(f'"{n}" {t}' for n, t in COLUMNS) + ")")
        chunk: list[dict] = []
        for stored in events:
            chunk.append(flat_row(stored, record_json(stored.event)))
            if len(chunk) >= CHUNK:
                _insert(con, chunk)
                chunk = []
            stats.written += 1
        _insert(con, chunk)
        target = str(path).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM events ORDER BY rowid) TO '{target}' (FORMAT parquet)")
    finally:
        con.close()
    return stats


def _insert(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    if rows:
        names = [n for n, _ in COLUMNS]
        casts = ", ".join(f"CAST(unnest(?) AS {t})" for _, t in COLUMNS)
        con.execute(f"INSERT INTO events SELECT {casts}", [[row[n] for row in rows] for n in names])
