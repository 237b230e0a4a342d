"""Gold loader for PLOVER_GSR_CAMEO.txt: one coded sentence → one gold event (PLOVER type, source/target actors).

The records use PLOVER 0.5b1 categories; DEMAND, DISAPPROVE, INVESTIGATE and FIGHT are read as their current
types (eval_conventions ``plover_legacy_types``). Every date is a placeholder (2000-01-01) and is not scored;
``dead`` is scored where given.
"""

from __future__ import annotations

import json
from pathlib import Path

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold import checks
from flashpoint.evaluate.gold.records import (
    GoldActor,
    GoldDocument,
    GoldEvent,
    GoldProblem,
    GoldRecordError,
    GoldSet,
)
from flashpoint.model import Document

DATASET = "plover-gsr"
RECORDS_FILE = "PLOVER_GSR_CAMEO.txt"


def records_file(path: Path) -> Path | None:
    candidate = path if path.is_file() else path / RECORDS_FILE
    return candidate if candidate.name == RECORDS_FILE and candidate.is_file() else None


def is_plover_gsr(path: Path) -> bool:
    return records_file(path) is not None


def load_plover_gsr(path: Path, conventions: Conventions, limit: int | None = None) -> GoldSet:
    gold = GoldSet(DATASET, str(path))
    file = records_file(path)
    if file is None:
        gold.problems.append(GoldProblem(str(path), "-", f"no {RECORDS_FILE}"))
        return gold
    try:
        records = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        gold.problems.append(GoldProblem(str(file), "-", f"does not parse as JSON: {err}"))
        return gold
    for index, record in enumerate(records if isinstance(records, list) else []):
        if limit is not None and len(gold.documents) >= limit:
            break
        key = str(record.get("id", index)) if isinstance(record, dict) else str(index)
        if isinstance(record, dict) and record.get("event") == "DOCUMENT":
            continue
        try:
            gold.documents.append(_document(record, key, gold.document_id(key), file, conventions))
        except GoldRecordError as err:
            gold.problems.append(GoldProblem(str(file), key, str(err)))
    return gold


def _document(record: object, key: str, doc_id: str, file: Path, conventions: Conventions) -> GoldDocument:
    if not isinstance(record, dict):
        raise GoldRecordError("a record must be a JSON object")
    text = " ".join(str(record.get("text") or "").split())
    if not text:
        raise GoldRecordError("no text")
    category = str(record.get("event") or "")
    plover = checks.plover_types(conventions.plover_legacy.get(category, category))
    target = _actor(record.get("target"), conventions)
    scored = {"plover", "actor1"} | ({"actor2"} if target else set())
    fatalities = None
    if record.get("dead") not in (None, ""):
        fatalities = checks.count(record["dead"], "dead")
        scored.add("fatalities")
    event = GoldEvent(
        key=key,
        plover_types=plover,
        actor1=_actor(record.get("source"), conventions),
        actor2=target,
        fatalities=fatalities,
        scored=frozenset(scored),
    )
    document = Document(id=doc_id, text=text, origin=f"gold:{file}:{key}")
    return GoldDocument(document, (event,))


def _actor(entries: object, conventions: Conventions) -> GoldActor | None:
    if not isinstance(entries, list) or not entries:
        return None
    names = tuple(str(e["actorText"]) for e in entries if isinstance(e, dict) and e.get("actorText"))
    first = entries[0] if isinstance(entries[0], dict) else {}
    code = str(first.get("code") or "")
    sector = conventions.sector(first.get("sector")) or (code if code in ("IGO", "NGO") else None)
    return GoldActor(names, conventions.country(code), sector)
