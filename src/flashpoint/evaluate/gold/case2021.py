"""Gold loader for CASE 2021 Task 2 (snippet → one ACLED sub-event type, or one of 5 non-ACLED types).

The short codes map to ACLED strings through ``data/eval_case2021.v1.yaml``; the unseen types carry no gold
event (a right answer codes no ACLED event).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from flashpoint.data import read_yaml
from flashpoint.evaluate.gold import checks
from flashpoint.evaluate.gold.records import GoldDocument, GoldEvent, GoldProblem, GoldRecordError, GoldSet
from flashpoint.model import Document

DATASET = "case2021"
CODES_FILE = "eval_case2021.v1.yaml"
HEADER = frozenset({"id", "EventSnippet", "SubType"})
NONE_LABEL = "(no ACLED event)"


@dataclass(frozen=True)
class CaseCodes:
    """CASE code → (ACLED event type, sub-event type); ``unseen`` codes are not ACLED events."""

    version: str
    codes: MappingProxyType
    unseen: frozenset[str]

    @classmethod
    def load(cls) -> CaseCodes:
        raw = read_yaml(CODES_FILE)
        codes = {code: tuple(pair) for code, pair in raw["codes"].items()}
        for event_type, sub in codes.values():
            checks.sub_event_types(sub, checks.event_types(event_type))
        return cls(str(raw["version"]), MappingProxyType(codes), frozenset(raw["unseen"]))

    def label(self, code: str) -> str:
        """The ACLED sub-event string for a seen code, NONE_LABEL for an unseen one."""
        if code in self.unseen:
            return NONE_LABEL
        if code not in self.codes:
            raise GoldRecordError(f"unknown CASE 2021 label {code!r}")
        return self.codes[code][1]


def case_files(path: Path) -> list[Path]:
    candidates = [path] if path.is_file() else sorted(path.glob("*.tsv"))
    return [p for p in candidates if p.suffix.lower() == ".tsv" and _header(p) >= HEADER]


def is_case2021(path: Path) -> bool:
    return bool(case_files(path))


def load_case2021(path: Path, codes: CaseCodes, limit: int | None = None) -> GoldSet:
    gold = GoldSet(DATASET, str(path))
    for file in case_files(path):
        with file.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            for number, row in enumerate(reader, start=2):
                if limit is not None and number - 2 >= limit:
                    break
                record = row.get("id") or f"line {number}"
                try:
                    gold.documents.append(_document(row, gold.document_id(record), file, number, codes))
                except GoldRecordError as err:
                    gold.problems.append(GoldProblem(str(file), record, str(err)))
    return gold


def _document(row: dict, doc_id: str, file: Path, number: int, codes: CaseCodes) -> GoldDocument:
    text = (row.get("EventSnippet") or "").strip()
    if not text:
        raise GoldRecordError("empty snippet")
    code = (row.get("SubType") or "").strip()
    label = codes.label(code)
    events: tuple[GoldEvent, ...] = ()
    if label != NONE_LABEL:
        event_type, sub = codes.codes[code]
        events = (
            GoldEvent(
                key=doc_id,
                event_types=(event_type,),
                sub_event_types=(sub,),
                scored=frozenset({"event_type", "sub_event_type"}),
            ),
        )
    document = Document(id=doc_id, text=text, origin=f"gold:{file}:{number}")
    return GoldDocument(document, events, label=label)


def _header(path: Path) -> set[str]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return set(next(csv.reader(handle, delimiter="\t"), []))
    except (OSError, UnicodeDecodeError):
        return set()
