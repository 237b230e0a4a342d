"""Gold loader for the PETRARCH2 unit-test records: CAMEO codings scored in PLOVER terms.

Codings of one sentence with the same PLOVER type are one gold event (PLOVER codes compound actors once).
Sentences expecting an error, or using test-only codes outside CAMEO, are left out; ``noevents`` sentences
keep no gold event, so any prediction there is spurious. Actors are fictional: their names come from the
suite's actor dictionary, so actor scores here test direction, not real-world actor recognition.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold.cameo import CameoToPlover, find_table
from flashpoint.evaluate.gold.records import GoldActor, GoldDocument, GoldEvent, GoldProblem, GoldSet
from flashpoint.model import Document

DATASET = "petrarch2"
RECORDS_FILE = "PETR.UnitTest.records.xml"
ACTORS_FILE = "PETR.Validate.actors.txt"
_ENTRY = re.compile(r"^([A-Z][A-Z0-9_ .'-]*?)_?\s*(?:\[([A-Z]{3}[A-Z]*)[^\]]*\])?\s*(?:#.*)?$")
_CODE_LINE = re.compile(r"^\s*\[([A-Z]{3}[A-Z]*)")


def records_file(path: Path) -> Path | None:
    candidate = path if path.is_file() else path / RECORDS_FILE
    return candidate if candidate.name == RECORDS_FILE and candidate.is_file() else None


def is_petrarch(path: Path) -> bool:
    return records_file(path) is not None


def actor_names(path: Path) -> dict[str, tuple[str, ...]]:
    """Actor code → names in the suite's actor dictionary ("ARNOR_ [ARN]" → "Arnor")."""
    names: dict[str, list[str]] = {}
    pending: list[str] = []
    code: str | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.startswith("<"):
            pending, code = [], None
            continue
        code_only = _CODE_LINE.match(line)
        if code_only:
            code = code_only.group(1)
            names.setdefault(code, []).extend(pending)
            continue
        if line.startswith("+"):
            synonym = _title(line[1:])
            if code:
                names.setdefault(code, []).append(synonym)
            pending.append(synonym)
            continue
        entry = _ENTRY.match(line.strip())
        if entry:
            pending, code = [_title(entry.group(1))], entry.group(2)
            if code:
                names.setdefault(code, []).extend(pending)
    return {code: tuple(dict.fromkeys(found)) for code, found in sorted(names.items())}


def load_petrarch(path: Path, conventions: Conventions, limit: int | None = None) -> GoldSet:
    file = records_file(path)
    gold = GoldSet(DATASET, str(path))
    table_path = find_table(path if path.is_dir() else path.parent)
    if file is None or table_path is None:
        gold.problems.append(GoldProblem(str(path), "-", f"needs {RECORDS_FILE} and {'CAMEO2PLOVER-2021.txt'}"))
        return gold
    table = CameoToPlover.read(table_path)
    dictionary_path = file.parent / ACTORS_FILE
    names = actor_names(dictionary_path) if dictionary_path.is_file() else {}
    try:
        sentences = ET.parse(file).getroot().iter("Sentence")
    except ET.ParseError as err:
        gold.problems.append(GoldProblem(str(file), "-", f"XML does not parse: {err}"))
        return gold
    skipped = {"error": 0, "non-CAMEO code": 0}
    for sentence in sentences:
        if limit is not None and len(gold.documents) >= limit:
            break
        record = sentence.get("id", "?")
        codings = [c.attrib for c in sentence.findall("EventCoding")]
        text = " ".join((sentence.findtext("Text") or "").split())
        if not text:
            gold.problems.append(GoldProblem(str(file), record, "no <Text>"))
            continue
        if any("error" in c for c in codings):
            skipped["error"] += 1
            continue
        events = _events(record, codings, table, names, conventions)
        if events is None:
            skipped["non-CAMEO code"] += 1
            continue
        document = Document(id=gold.document_id(record), text=text, origin=f"gold:{file}:{record}")
        gold.documents.append(GoldDocument(document, events))
    gold.notes.append(
        f"left out: {skipped['error']} sentences expecting a coder error, "
        f"{skipped['non-CAMEO code']} using test-only codes outside CAMEO2PLOVER"
    )
    return gold


def _events(
    record: str, codings: list[dict], table: CameoToPlover, names: dict, conventions: Conventions
) -> tuple[GoldEvent, ...] | None:
    grouped: dict[str, tuple[list[str], list[str]]] = {}
    for coding in codings:
        if "noevents" in coding:
            continue
        plover = table.plover(coding.get("eventcode", ""))
        if plover is None:
            return None
        sources, targets = grouped.setdefault(plover, ([], []))
        sources.append(coding.get("sourcecode", "").strip('"'))
        targets.append(coding.get("targetcode", "").strip('"'))
    return tuple(
        GoldEvent(
            key=f"{record}:{plover}",
            plover_types=(plover,),
            actor1=_actor(sources, names, conventions),
            actor2=_actor(targets, names, conventions),
            scored=frozenset({"plover", "actor1", "actor2"}),
        )
        for plover, (sources, targets) in sorted(grouped.items())
    )


def _actor(codes: list[str], names: dict, conventions: Conventions) -> GoldActor | None:
    codes = [c for c in codes if c and c != "---"]
    if not codes:
        return None
    found = tuple(dict.fromkeys(name for code in codes for name in names.get(code) or names.get(code[:3], ())))
    first = codes[0]
    return GoldActor(found or tuple(codes), conventions.country(first[:3]), conventions.sector(first[3:6] or None))


def _title(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).title()
