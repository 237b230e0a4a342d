"""Writing events: one JSON array, JSON Lines, or a Rich table — data on standard output only."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from rich.table import Table

from flashpoint.cli.common import out_console
from flashpoint.model import Event


def event_json(event: Event, indent: int | None = None) -> str:
    """Deterministic JSON of one event record (field order fixed by the model)."""
    return json.dumps(event.model_dump(mode="json"), ensure_ascii=False, indent=indent)


class EventWriter:
    """Streams events as they come: ``json`` writes one array, ``jsonl`` one record per line."""

    def __init__(self, fmt: str, stream=None):
        self.fmt = fmt
        self.stream = stream or sys.stdout
        self.count = 0

    def __enter__(self) -> EventWriter:
        if self.fmt == "json":
            self.stream.write("[")
        return self

    def write(self, event: Event) -> None:
        if self.fmt == "json":
            text = event_json(event, indent=2).replace("\n", "\n  ")
            self.stream.write(("," if self.count else "") + "\n  " + text)
        elif self.fmt == "jsonl":
            self.stream.write(event_json(event) + "\n")
        self.count += 1

    def __exit__(self, *exc: object) -> None:
        if self.fmt == "json":
            self.stream.write("\n]\n" if self.count else "]\n")
        self.stream.flush()


def events_table(events: Sequence[Event]) -> None:
    table = Table("type", "kind", "date", "place", "actors", "killed", "according to", show_lines=False)
    for event in events:
        table.add_row(
            _type(event), event.kind, _date(event), _place(event), _actors(event), _killed(event), _claimants(event)
        )
    out_console().print(table)


def _type(event: Event) -> str:
    if event.sub_event_type:
        return f"{event.event_type}: {event.sub_event_type}"
    if event.event_type:
        return event.event_type
    return f"PLOVER {event.plover.type}" if event.plover else "?"


def _date(event: Event) -> str:
    date = event.date
    if date.start is None:
        return "?"
    text = date.start.isoformat() if date.start == date.end else f"{date.start}..{date.end}"
    return f"{text} {date.time}" if date.time else text


def _place(event: Event) -> str:
    where = event.location
    if where is None:
        return ""
    name = where.name or f"{where.text} (unresolved)"
    return f"{where.relation} {name}" if where.relation and where.relation != "in" else name


def _actors(event: Event) -> str:
    one, two = event.actor("actor1"), event.actor("actor2")
    names = [a.name for a in (one, two) if a is not None]
    return " → ".join(names)


def _killed(event: Event) -> str:
    dead = event.fatalities
    if dead is None or dead.best is None:
        return ""
    return str(dead.best) if dead.low == dead.best else f"{dead.best} (≥{dead.low})"


def _claimants(event: Event) -> str:
    names = sorted({c.claimant.name for c in event.claims if c.claimant is not None})
    return "; ".join(names)
