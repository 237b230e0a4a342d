"""Response and request models of the API: what clients see, distinct from the store's rows and views."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from flashpoint.model import Claimant, Event


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorItem(Out):
    loc: str = Field(description="where the problem is, e.g. 'query.limit'")
    msg: str


class ErrorOut(Out):
    """Every error: a one-line message, and for bad parameters one item per problem."""

    detail: str
    errors: list[ErrorItem] = Field(default_factory=list)


class EventOut(Out):
    """One event in a list: the fields a table or a map shows (``record``: the full event, with ``full=true``)."""

    id: str
    kind: str
    event_type: str | None
    sub_event_type: str | None
    disorder_type: str | None
    plover_type: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    location: str | None
    admin1: str | None
    country: str | None
    iso3: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    actor1: str | None
    actor2: str | None
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    contested_claims: int = Field(description="claims whose value other claimants dispute")
    outlets: list[str] = Field(description="outlets (or document ids) that reported it")
    independent_sources: int = Field(description="documents that told it, wire copies not counted")
    confidence: float
    updated_at: dt.datetime
    record: Event | None = None


class EventsPage(Out):
    data: list[EventOut]
    count: int = Field(description="all events matching the filters")
    next: str | None = Field(description="cursor of the following page (null on the last page)")


class SourceOut(Out):
    doc: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    title: str | None
    copy_of: str | None = Field(description="the document this one reprints (a wire copy, not independent)")
    synthetic: bool = Field(description="a report written for a demo or a test, not real reporting")


class ClaimOut(Out):
    attribute: str
    value: str | int | float | bool | None
    status: str
    stance: str | None
    claimant: Claimant | None
    evidence: list[str]
    quotes: list[str] = Field(description="the text of each evidence span, in order")


class ClaimGroupOut(Out):
    """The claims about one attribute (fatalities, mechanism …): contested ones are shown side by side."""

    attribute: str
    contested: bool
    claims: list[ClaimOut]


class EvidenceOut(Out):
    id: str
    doc: str
    start: int
    end: int
    text: str
    supports: list[str] = Field(description="which fields and claims cite this span")


class MergeOut(Out):
    report_id: str
    doc: str
    score: float | None
    explanation: dict[str, Any] = Field(description="each part of the score and its reason")
    policy: str
    merged_at: dt.datetime


class EventDetailOut(Out):
    """One event with its claims grouped by attribute, its evidence and its sources."""

    id: str
    event: Event
    created_at: dt.datetime
    updated_at: dt.datetime
    reports: int = Field(description="reports (extracted events) merged into it")
    independent_sources: int
    absorbed: list[str] = Field(description="ids of reports merged into this event (they lead here too)")
    sources: list[SourceOut]
    claim_groups: list[ClaimGroupOut]
    evidence: list[EvidenceOut]
    merges: list[MergeOut]


class DocumentEvidenceOut(Out):
    event_id: str
    evidence_id: str
    start: int
    end: int
    text: str


class DocumentOut(Out):
    """A stored document: its text, and every evidence span of every event in it (offsets into ``text``)."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    language: str | None
    synthetic: bool
    text: str | None
    content_hash: str
    copy_of: str | None = Field(description="for a wire copy: the original, whose text is shown")
    similarity: float | None
    copies: list[str]
    event_ids: list[str]
    evidence: list[DocumentEvidenceOut]


class CountOut(Out):
    key: str | None
    label: str | None = None
    count: int


class StatsOut(Out):
    total: int
    by_type: list[CountOut]
    by_country: list[CountOut]
    by_week: list[CountOut] = Field(description="by the Monday of the start date's week")
    by_day: list[CountOut]


class ExtractIn(BaseModel):
    """An article to try the extractor on (nothing is stored)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article text")
    published: dt.date | None = Field(None, description="publication date: relative dates resolve against it")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)


class ExtractOut(Out):
    doc: str = Field(description="the id evidence spans refer to")
    events: list[Event]
    warnings: list[str]
    extractor: str


class MetaOut(Out):
    flashpoint: str
    api: str
    store: str
    database: str = Field(description="the database file's name")
    snapshot: bool = Field(description="true when reading the snapshot a writer published")
    events: int
    documents: int
