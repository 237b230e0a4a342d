"""Geoparse output: every toponym of a document resolved (or flagged unresolved), Mordecai-style."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PlaceOut(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    start: int
    end: int
    geonameid: int | None = None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    feature_code: str | None = None
    score: float | None = None
    resolved: bool = True


class GeoparseResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    places: list[PlaceOut]
