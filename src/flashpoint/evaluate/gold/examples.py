"""Gold loader for the example format: ``<folder>/article.txt`` + ``<folder>/expected.yaml``.

Read with YAML's base loader (every scalar is text) so that a malformed date or number refuses one event, not
the file. Conventions (../shared/examples/README.md): a list of types accepts any of them; ``also:`` lists
acceptable actor names; ``optional: true`` events count when found and are not misses when absent. A field an
event leaves out is not scored for it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold import checks
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

DATASET = "examples"
GOLD_FILE = "expected.yaml"
ARTICLE_FILE = "article.txt"
KINDS = frozenset({"specific", "background", "aggregate", "generic", "hypothetical", "negated"})


def example_folders(path: Path) -> list[Path]:
    """The example folders under ``path`` (itself, if it is one), sorted by name."""
    if path.is_file():
        return [path.parent]
    if (path / GOLD_FILE).is_file():
        return [path]
    return sorted(p.parent for p in path.glob(f"*/{GOLD_FILE}"))


def is_examples(path: Path) -> bool:
    if path.is_file():
        return path.name == GOLD_FILE
    return path.is_dir() and bool(example_folders(path))


def load_examples(path: Path, conventions: Conventions, limit: int | None = None) -> GoldSet:
    gold = GoldSet(DATASET, str(path))
    for folder in example_folders(path)[:limit]:
        gold_file = folder / GOLD_FILE
        try:
            raw = yaml.load(gold_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
            if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
                raise GoldRecordError("expected a mapping with an `events:` list")
            published = checks.day(raw["published"], "published") if raw.get("published") else None
            text = (folder / ARTICLE_FILE).read_text(encoding="utf-8")
        except (OSError, yaml.YAMLError, GoldRecordError) as err:
            gold.problems.append(GoldProblem(str(gold_file), "-", _one_line(err)))
            continue
        events = []
        for index, item in enumerate(raw["events"], start=1):
            record = str(item.get("key", index)) if isinstance(item, dict) else str(index)
            try:
                events.append(_event(item, record, conventions))
            except GoldRecordError as err:
                gold.problems.append(GoldProblem(str(gold_file), record, str(err)))
        document = Document(
            id=gold.document_id(folder.name),
            text=text,
            published=published,
            published_from="record" if published else None,
            outlet=raw.get("outlet"),
            url=raw.get("url"),
            origin=f"gold:{gold_file}:-",
        )
        gold.documents.append(GoldDocument(document, tuple(events)))
    return gold


def _event(item: Any, record: str, conventions: Conventions) -> GoldEvent:
    if not isinstance(item, dict):
        raise GoldRecordError("an event must be a mapping")
    kind = item.get("kind")
    if kind is not None and kind not in KINDS:
        raise GoldRecordError(f"unknown event kind {kind!r}")
    types = checks.event_types(item.get("event_type"))
    claimants = _claimants(item)
    present = {
        "kind": "kind" in item,
        "event_type": bool(types),
        "sub_event_type": item.get("sub_event_type") is not None,
        "plover": item.get("plover") is not None,
        "date": item.get("date") is not None,
        "location": bool(item.get("location")),
        "actor1": bool(item.get("actor1")),
        "actor2": bool(item.get("actor2")),
        "fatalities": "fatalities" in item,
        "claims": bool(claimants),
    }
    return GoldEvent(
        key=record,
        kind=kind,
        event_types=types,
        sub_event_types=checks.sub_event_types(item.get("sub_event_type"), types),
        plover_types=checks.plover_types(item.get("plover")),
        date=_date(item["date"]) if item.get("date") is not None else None,
        location=_location(item["location"], conventions) if item.get("location") else None,
        actor1=_actor(item["actor1"], conventions) if item.get("actor1") else None,
        actor2=_actor(item["actor2"], conventions) if item.get("actor2") else None,
        fatalities=_fatalities(item["fatalities"]) if "fatalities" in item else None,
        claimants=claimants,
        optional=_flag(item.get("optional")),
        scored=frozenset(name for name, given in present.items() if given),
    )


def _date(value: Any) -> GoldDate:
    if isinstance(value, list):
        if len(value) != 2:
            raise GoldRecordError(f"a date range must be [start, end], got {value!r}")
        start, end = checks.day(value[0]), checks.day(value[1])
        if end < start:
            raise GoldRecordError(f"date range {start}–{end} ends before it starts")
        return GoldDate(start, end, "day" if start == end else "range", start if start == end else None)
    single = checks.day(value)
    return GoldDate(single, single, "day", single)


def _location(value: Any, conventions: Conventions) -> GoldLocation:
    if not isinstance(value, dict):
        raise GoldRecordError("location must be a mapping")
    precision = str(value.get("precision", "exact"))
    if "tolerance_km" in value:
        tolerance = checks.coordinate(value["tolerance_km"], "tolerance_km", 20_000.0)
    elif precision in conventions.tolerance_examples:
        tolerance = conventions.tolerance_examples[precision]
    else:
        raise GoldRecordError(f"unknown location precision {precision!r}")
    lat = lon = None
    if value.get("lat") is not None or value.get("lon") is not None:
        lat, lon = checks.latlon(value.get("lat"), value.get("lon"))
    elif tolerance is not None:
        raise GoldRecordError("a location needs lat and lon unless its precision is country")
    country = value.get("country")
    return GoldLocation(
        lat=lat,
        lon=lon,
        tolerance_km=None if lat is None else tolerance,
        admin1=value.get("admin1"),
        iso3=conventions.country(country) or (country if isinstance(country, str) else None),
        name=value.get("name"),
    )


def _actor(value: Any, conventions: Conventions) -> GoldActor:
    if isinstance(value, str):
        return GoldActor((value,))
    if not isinstance(value, dict) or not value.get("name"):
        raise GoldRecordError("an actor needs a name")
    also = [str(v) for v in checks.as_list(value.get("also"))]
    country = value.get("country")
    form_country, form_sector = conventions.acled_actor_profile(str(value["name"]))
    return GoldActor(
        names=(str(value["name"]), *also),
        country=(conventions.country(country) if country else None) or form_country,
        sector=conventions.sector(value.get("sector")) or form_sector,
    )


def _fatalities(value: Any) -> int:
    if isinstance(value, dict):
        for key in ("best", "low"):
            if value.get(key) is not None:
                return checks.count(value[key])
        raise GoldRecordError("fatalities need `best` or `low`")
    return checks.count(value)


def _claimants(item: dict) -> tuple[tuple[str, ...], ...]:
    """Each gold claim's source, as acceptable alternative names ('A / B' and 'A; B' give two)."""
    sources: list[str] = []
    for group in checks.as_list(item.get("contested")):
        for claim in checks.as_list(group.get("claims") if isinstance(group, dict) else None):
            if isinstance(claim, dict) and claim.get("source"):
                sources.append(str(claim["source"]))
    for count in checks.as_list(item.get("superseded_counts")):
        if isinstance(count, dict) and count.get("source"):
            sources.append(str(count["source"]))
    return tuple(
        tuple(part.strip() for part in re.split(r"\s*/\s*|;\s*", source) if part.strip()) for source in sources
    )


def _flag(value: Any) -> bool:
    """A YAML boolean read as text (the file is read without implicit typing, so bad dates stay per record)."""
    return str(value).strip().lower() in {"true", "yes", "on", "1"}


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())
