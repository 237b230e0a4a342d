"""A document as read: the text every evidence offset points into, and its metadata."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PublishedFrom = Literal["record", "option", "dateline", "html"]


class Document(BaseModel):
    """One article. ``text`` is exactly what was decoded: offsets are never taken after normalisation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="the record's id unchanged, else the file path relative to its argument, else a hash")
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_from: PublishedFrom | None = None
    published_time: dt.time | None = None
    timezone: str | None = None
    language: str | None = None
    origin: str = Field(description="where it was read from: 'path' or 'path:line'")
    encoding: str = "utf-8"
    synthetic: bool = False
