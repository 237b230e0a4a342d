"""Opening the DuckDB file: one writer process at a time, readers fall back to the last published snapshot.

DuckDB lets one process write a file and, while it does, no other process may open it. So a writer publishes a
consistent read-only copy (``<db>.snapshot``) at the end of every run and every ``snapshot_seconds`` during long
runs; a reader that finds the file locked opens that copy instead (docs/store.md).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

import duckdb

from flashpoint.errors import FlashpointError
from flashpoint.store.schema import INDEXES, SCHEMA_VERSION, TABLES, UPGRADES

LOCK_WORDS = ("lock", "Conflicting")


def snapshot_path(path: Path) -> Path:
    return path.with_name(path.name + ".snapshot")


def connect_writer(path: Path, wait_seconds: float) -> duckdb.DuckDBPyConnection:
    """A read-write connection, waiting up to ``wait_seconds`` for another process to let go of the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(path))
            break
        except duckdb.IOException as err:
            if not _locked(err) or time.monotonic() >= deadline:
                raise FlashpointError(f"cannot open {path} for writing: {_first_line(err)} "
                                      "(another flashpoint process is writing or reading it; wait for it)") from err
            time.sleep(0.2)
    _create(con)
    return con


def connect_reader(path: Path, prefer_snapshot: bool) -> tuple[duckdb.DuckDBPyConnection, bool]:
    """A read-only connection to the file, or to its snapshot while a writer holds the file (``True``)."""
    snapshot = snapshot_path(path)
    if prefer_snapshot and snapshot.is_file():
        return duckdb.connect(str(snapshot), read_only=True), True
    if not path.is_file():
        raise FlashpointError(f"no database at {path} (run `flashpoint ingest` first or give --db)")
    try:
        return duckdb.connect(str(path), read_only=True), False
    except duckdb.IOException as err:
        if _locked(err) and snapshot.is_file():
            return duckdb.connect(str(snapshot), read_only=True), True
        raise FlashpointError(f"cannot read {path}: {_first_line(err)} (a writer holds it and it has "
                              "published no snapshot yet; try again when it has stored a few documents)") from err


def publish_snapshot(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    """Checkpoint and copy the file beside itself, then rename into place (readers never see half a copy)."""
    con.execute("CHECKPOINT")
    target = snapshot_path(path)
    partial = target.with_name(target.name + ".partial")
    shutil.copyfile(path, partial)
    os.replace(partial, target)
    return target


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict]) -> None:
    """Insert many rows with one statement (columns as parallel lists, unnested by DuckDB)."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join("unnest(?)" for _ in columns)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {values}", [[row[c] for row in rows] for c in columns])


def delete_where_in(con: duckdb.DuckDBPyConnection, table: str, column: str, values: Sequence[str],
                    days: tuple[int, int] | None = None) -> None:
    """Delete rows whose ``column`` is one of ``values`` (and whose ``day`` is within ``days``, when given)."""
    if values:
        span = " AND day BETWEEN ? AND ?" if days else ""
        con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?)){span}", [list(values), *(days or ())])


def _create(con: duckdb.DuckDBPyConnection) -> None:
    for statement in TABLES + UPGRADES + INDEXES:
        con.execute(statement)
    found = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if found is None:
        con.execute("INSERT INTO meta VALUES ('schema', ?), ('reports', '0')", [SCHEMA_VERSION])
    elif found[0] != SCHEMA_VERSION:
        raise FlashpointError(f"database schema {found[0]} is not {SCHEMA_VERSION}; re-ingest into a new file")


def _locked(err: Exception) -> bool:
    return any(word in str(err) for word in LOCK_WORDS)


def _first_line(err: Exception) -> str:
    return str(err).splitlines()[0]
