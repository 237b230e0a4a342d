"""JSON Lines: the full event record, one per line, exactly as stored."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from flashpoint.export.options import ExportOptions, ExportStats
from flashpoint.store import StoredEvent
from flashpoint.store.rows import record_json


def write_jsonl(events: Iterable[StoredEvent], out: TextIO, options: ExportOptions) -> ExportStats:
    stats = ExportStats()
    for stored in events:
        out.write(record_json(stored.event) + "\n")
        stats.written += 1
    return stats
