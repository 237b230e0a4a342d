"""An event while a batch is being written: its member reports, merged record and features."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from flashpoint.model import Event, Source
from flashpoint.resolve.across import EventFeatures, features_of, merge_events


@dataclass
class WorkingEvent:
    id: str
    event: Event
    features: EventFeatures
    stored: str | None = None  # the record JSON as stored, None for an event new in this batch
    created_at: dt.datetime | None = None
    stored_days: tuple[int, int] | None = None  # (day, day_hi) of the stored rows
    stored_reports: int = 0
    reports: dict[str, Event] | None = None  # None until the members are loaded
    touched: bool = False
    joined: list[str] = field(default_factory=list)

    @property
    def docs(self) -> frozenset[str]:
        return self.features.docs

    @property
    def days(self) -> tuple[int, int]:
        """The first and last day blocking files the event under, as ordinals (0, 0 when never merged)."""
        return day_span(self.features)


    def rebuild(self, copies: Mapping[str, Sequence[Source]] | None = None) -> None:
        """Merge the member reports again (a vacant event keeps its last record until it is revived or dropped)."""
        if not self.reports:
            self.features = features_of(self.event, docs=frozenset())
            return
        members = list(self.reports.values())
        self.event = merge_events(members, self.id, copies)
        self.features = features_of(self.event, docs=frozenset(r.sources[0].doc for r in members if r.sources))


def day_span(features: EventFeatures) -> tuple[int, int]:
    start, end = features.block_start, features.block_end
    return (start.toordinal(), end.toordinal()) if start and end else (0, 0)
