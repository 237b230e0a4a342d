"""Loader for Halterman's event–location gold sentences (``labeled_text.jsonl.zip``, MIT licence).

The file is one JSON array of Prodigy records; the gold standard is the records with ``source == "RELABEL"``.
Span character offsets are unreliable in some records (``start == end``), so spans are rebuilt from the token
indices and the record's own token table.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

MEMBER = "labeled_text.jsonl"


@dataclass(frozen=True)
class EventLocationRecord:
    id: str
    text: str
    verb: tuple[int, int]  # character span of the event verb
    locations: tuple[tuple[int, int], ...]  # character spans of the gold event locations (empty: none stated)


def load_records(path: Path, source: str = "RELABEL") -> list[EventLocationRecord]:
    """Gold records from the zip (or an unzipped JSON file), in file order; records without a verb are skipped."""
    if path.is_dir():
        path = path / "labeled_text.jsonl.zip"
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            data = json.loads(archive.read(MEMBER))
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for n, record in enumerate(data):
        if record.get("source") != source or record.get("answer", "accept") != "accept":
            continue
        tokens = {t["id"]: (t["start"], t["end"]) for t in record.get("tokens", [])}
        spans = []
        for span in record.get("spans", []):
            first, last = tokens.get(span["token_start"]), tokens.get(span["token_end"])
            if first is None or last is None:
                continue
            spans.append((span["label"], (first[0], last[1])))
        verbs = [s for label, s in spans if label == "VERB"]
        if not verbs:
            continue
        locations = tuple(sorted(s for label, s in spans if label == "LOCATION"))
        out.append(
            EventLocationRecord(str(record.get("_id") or n).strip(), record["text"], verbs[0], locations)
        )
    return out
