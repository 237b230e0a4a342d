"""Query parameters of the event routes, validated into the store's filter (422 with a message otherwise)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from flashpoint.api.queries import SORTS, SearchFilter
from flashpoint.model.event import EventKind
from flashpoint.store import DEFAULT_KINDS, Near

KINDS = get_args(EventKind)
SortName = Literal[tuple(SORTS)]  # type: ignore[valid-type]


class FilterParams(BaseModel):
    """The filters of `flashpoint events`, plus ``q`` (text in the place, an actor or the evidence)."""

    model_config = ConfigDict(extra="ignore")

    country: str | None = Field(None, pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code, e.g. SYR")
    type: str | None = Field(None, max_length=100, description="ACLED event type or sub-event type, or PLOVER type")
    since: dt.date | None = Field(None, description="events ending on or after this day")
    until: dt.date | None = Field(None, description="events starting on or before this day")
    near: str | None = Field(None, max_length=100, description="LAT,LON,KM: events within KM km of a point",
                             examples=["35.9,36.8,25"])
    actor: str | None = Field(None, max_length=200, description="an actor whose name contains this")
    q: str | None = Field(None, max_length=200, description="text in the place, an actor or the evidence")
    kinds: str | None = Field(None, max_length=200, description="comma-separated event kinds, or 'all' "
                              "(default specific,background)", examples=["specific,background"])
    changed_since: dt.datetime | None = Field(None, description="events created or updated at or after this time "
                                                                "(UTC when no zone is given)")

    @field_validator("country", "type", "since", "until", "near", "actor", "q", "kinds", "changed_since",
                     mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("near")
    @classmethod
    def _near(cls, value: str | None) -> str | None:
        if value is not None:
            _parse_near(value)
        return value

    @field_validator("kinds")
    @classmethod
    def _kinds(cls, value: str | None) -> str | None:
        if value is not None:
            unknown = [k for k in _split(value) if k != "all" and k not in KINDS]
            if unknown or not _split(value):
                raise ValueError(f"unknown kind {(unknown or [value])[0]!r}: use {', '.join(KINDS)} or all")
        return value

    @model_validator(mode="after")
    def _range(self) -> FilterParams:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        return self

    def build(self) -> SearchFilter:
        kinds = _split(self.kinds) if self.kinds else DEFAULT_KINDS
        changed = self.changed_since
        if changed is not None and changed.tzinfo is not None:
            changed = changed.astimezone(dt.UTC).replace(tzinfo=None)
        return SearchFilter(
            country=self.country.upper() if self.country else None, event_type=self.type, since=self.since,
            until=self.until, near=_parse_near(self.near) if self.near else None, actor=self.actor,
            kinds=() if "all" in kinds else tuple(sorted(set(kinds))), updated_since=changed,
            text=self.q.strip() if self.q else None,
        )


class ListParams(FilterParams):
    """Filters plus paging, order and output format."""

    sort: SortName = Field("date", description="order: date, fatalities or updated; '-' first for descending")
    limit: int | None = Field(None, ge=1, description="events per page (the server's page size when not given; "
                                                      "a hard maximum applies)")
    cursor: str | None = Field(None, max_length=500, description="the `next` cursor of the previous page")
    format: Literal["json", "geojson", "csv"] = Field("json", description="json (a page object), geojson (a "
                                                                         "FeatureCollection) or csv")
    full: bool = Field(False, description="include each event's full record (json format)")


def _split(value: str) -> tuple[str, ...]:
    return tuple(k.strip() for k in value.split(",") if k.strip())


def _parse_near(value: str) -> Near:
    parts = value.split(",")
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError as err:
        raise ValueError("near must be LAT,LON,KM, e.g. 35.9,36.8,25") from err
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
        raise ValueError("near: latitude within ±90, longitude within ±180, 0 < km ≤ 20000")
    return Near(lat, lon, km)
