"""Gold data in one shape, whatever its file: documents, their gold events, and the records refused."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from flashpoint.model import Document

DatePrecision = Literal["day", "week", "month", "range"]


class GoldRecordError(ValueError):
    """One gold record cannot be used (does not parse, unknown type, value out of range)."""


@dataclass(frozen=True)
class GoldProblem:
    """A refused record, named so that a person can find it: file, record, what is wrong."""

    file: str
    record: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: record {self.record}: {self.message}"


@dataclass(frozen=True)
class GoldActor:
    """Acceptable names (any one matches) and the country+sector alternative (both must be known to count)."""

    names: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class GoldDate:
    """The gold day or span. For week/month precision, ``day`` is the coder's day and start/end the span."""

    start: dt.date
    end: dt.date
    precision: DatePrecision
    day: dt.date | None = None


@dataclass(frozen=True)
class GoldLocation:
    """Where: coordinates with a matching tolerance, or only a country (tolerance None)."""

    lat: float | None = None
    lon: float | None = None
    tolerance_km: float | None = None
    admin1: str | None = None
    iso3: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One coded event. ``scored`` names the fields the gold annotates; the others are not scored.

    A field in ``scored`` whose value is None means "annotated as absent" (e.g. an ACLED row without actor2).
    """

    key: str
    kind: str | None = None
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    plover_types: tuple[str, ...] = ()
    date: GoldDate | None = None
    location: GoldLocation | None = None
    actor1: GoldActor | None = None
    actor2: GoldActor | None = None
    fatalities: int | None = None
    claimants: tuple[tuple[str, ...], ...] = ()
    optional: bool = False
    scored: frozenset[str] = frozenset()

    @property
    def has_type(self) -> bool:
        return bool(self.event_types or self.plover_types)


@dataclass(frozen=True)
class GoldDocument:
    """A document to run extraction on, with its gold events (and, for classification data, its label)."""

    document: Document
    events: tuple[GoldEvent, ...] = ()
    label: str | None = None


@dataclass
class GoldSet:
    """What a loader read from one dataset: documents in a fixed order, and the records it refused."""

    dataset: str
    path: str
    documents: list[GoldDocument] = field(default_factory=list)
    problems: list[GoldProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set, repr=False)

    def document_id(self, record: str) -> str:
        """``<dataset>:<record>``, made unique: a repeated record id gets ``#2``, ``#3`` …"""
        base = candidate = f"{self.dataset}:{record}"
        number = 1
        while candidate in self.ids:
            number += 1
            candidate = f"{base}#{number}"
        self.ids.add(candidate)
        return candidate

    @property
    def n_events(self) -> int:
        return sum(len(doc.events) for doc in self.documents)
