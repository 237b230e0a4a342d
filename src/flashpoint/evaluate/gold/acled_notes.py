"""Gold loader for ACLED exports with ``notes``: each note (coder remarks stripped) is a document with one event.

The row's ``timestamp`` day stands in for the publication date. Rows whose fatality figure comes from a coder
remark ("Fatalities coded as 0 (VoJ reported 3)") are left out of fatality scoring.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
from pathlib import Path

from flashpoint.evaluate.conventions import Conventions, strip_period
from flashpoint.evaluate.gold import checks
from flashpoint.evaluate.gold.acled_remarks import clean_note
from flashpoint.evaluate.gold.records import (
    GoldActor,
    GoldDate,
    GoldDocument,
    GoldEvent,
    GoldLocation,
    GoldProblem,
    GoldRecordError,
    GoldSet,
)
from flashpoint.model import Document

DATASET = "acled-notes"
REQUIRED = frozenset({"notes", "event_date", "event_type", "sub_event_type", "latitude", "longitude", "timestamp"})
DATE_FORMATS = ("%d %B %Y", "%d-%b-%y", "%Y-%m-%d", "%d/%m/%Y")
SCORED = frozenset({"event_type", "sub_event_type", "date", "location", "actor1", "actor2"})


def acled_files(path: Path) -> list[Path]:
    """CSV files under ``path`` (or ``path`` itself) whose header has ACLED's notes and coded columns."""
    candidates = [path] if path.is_file() else sorted(path.glob("*.csv"))
    return [p for p in candidates if p.suffix.lower() == ".csv" and _header(p) >= REQUIRED]


def is_acled(path: Path) -> bool:
    return bool(acled_files(path))


def load_acled_notes(path: Path, conventions: Conventions, limit: int | None = None) -> GoldSet:
    """Read every ACLED CSV under ``path``; ``limit`` keeps the first N rows of each file."""
    gold = GoldSet(DATASET, str(path))
    excluded = 0
    for file in acled_files(path):
        with file.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                if limit is not None and number - 2 >= limit:
                    break
                record = row.get("event_id_cnty") or f"line {number}"
                try:
                    doc, from_remark = _document(row, file, number, conventions, gold.document_id(record))
                except GoldRecordError as err:
                    gold.problems.append(GoldProblem(str(file), record, str(err)))
                    continue
                excluded += from_remark
                gold.documents.append(doc)
    gold.notes.append(f"{excluded} rows left out of fatality scoring: their figure comes from a coder remark")
    return gold


def acled_date(value: str, precision: int, conventions: Conventions) -> GoldDate:
    """The gold date: the day for precision 1; the week around it (2) or its month (3)."""
    day = _parse_day(value)
    kind = conventions.acled_time_precision.get(precision, "day")
    if kind == "week":
        return GoldDate(day - dt.timedelta(days=3), day + dt.timedelta(days=3), "week", day)
    if kind == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return GoldDate(day.replace(day=1), day.replace(day=last), "month", day)
    return GoldDate(day, day, "day", day)


def _document(row: dict, file: Path, number: int, conventions: Conventions, doc_id: str) -> tuple[GoldDocument, bool]:
    cleaned = clean_note(row["notes"] or "")
    if not cleaned.text:
        raise GoldRecordError("notes are empty once coder remarks are removed")
    event_types = checks.event_types(row["event_type"])
    lat, lon = checks.latlon(row["latitude"], row["longitude"])
    precision = _int(row.get("geo_precision"), 1)
    fatalities_scored = not cleaned.fatalities_from_remark
    event = GoldEvent(
        key=row.get("event_id_cnty") or str(number),
        kind="specific",
        event_types=event_types,
        sub_event_types=checks.sub_event_types(row["sub_event_type"], event_types),
        date=acled_date(row["event_date"], _int(row.get("time_precision"), 1), conventions),
        location=GoldLocation(
            lat=lat,
            lon=lon,
            tolerance_km=conventions.tolerance_acled.get(precision, conventions.tolerance_default),
            admin1=row.get("admin1") or None,
            iso3=row.get("iso3") or conventions.country(row.get("country")),
            name=row.get("location") or None,
        ),
        actor1=_actor(row.get("actor1", ""), conventions),
        actor2=_actor(row.get("actor2", ""), conventions),
        fatalities=checks.count(row["fatalities"]) if fatalities_scored else None,
        scored=SCORED | ({"fatalities"} if fatalities_scored else set()),
    )
    published = _timestamp_day(row["timestamp"])
    document = Document(
        id=doc_id,
        text=cleaned.text,
        published=published,
        published_from="record",
        origin=f"gold:{file}:{number}",
    )
    return GoldDocument(document, (event,)), not fatalities_scored


def _actor(name: str, conventions: Conventions) -> GoldActor | None:
    name = (name or "").strip()
    if not name:
        return None
    country, sector = conventions.acled_actor_profile(name)
    return GoldActor((strip_period(name),), country, sector)


def _parse_day(value: str) -> dt.date:
    text = (value or "").strip()
    for form in DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
        return checks.day(parsed, "event_date")
    raise GoldRecordError(f"event_date {text!r} is not in a known form ({', '.join(DATE_FORMATS)})")


def _timestamp_day(value: str) -> dt.date:
    try:
        moment = dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (TypeError, ValueError, OverflowError, OSError) as err:
        raise GoldRecordError(f"timestamp {value!r} is not Unix time") from err
    return checks.day(moment.date(), "timestamp")


def _int(value: str | None, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def _header(path: Path) -> set[str]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return set(next(csv.reader(handle), []))
    except (OSError, UnicodeDecodeError):
        return set()
