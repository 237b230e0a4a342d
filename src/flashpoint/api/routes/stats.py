"""`/api/stats`: how many events match, by type, country, week and day (for the dashboard's timeline)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from flashpoint.api.deps import StoreDep
from flashpoint.api.errors import ERROR_RESPONSES
from flashpoint.api.params import FilterParams
from flashpoint.api.queries import EventQueries
from flashpoint.api.schemas import CountOut, StatsOut

router = APIRouter(prefix="/api/stats", tags=["stats"], responses=ERROR_RESPONSES)


@router.get("", response_model=StatsOut)
def get_stats(params: Annotated[FilterParams, Query()], store: StoreDep) -> StatsOut:
    """Counts of the events matching the filters (the same filters as /api/events)."""
    where = params.build()
    queries = EventQueries(store)
    countries = queries.by_country(where)
    return StatsOut(
        total=sum(n for *_, n in countries),
        by_type=[CountOut(key=k, count=n) for k, n in store.stats("type", where)],
        by_country=[CountOut(key=k, label=name, count=n) for k, name, n in countries],
        by_week=[CountOut(key=k, count=n) for k, n in store.stats("week", where) if k is not None],
        by_day=[CountOut(key=k, count=n) for k, n in queries.by_day(where)],
    )
