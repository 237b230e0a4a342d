"""`/api/events`: filtered, sorted, paged lists (JSON, GeoJSON, CSV) and one event with claims, evidence, sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from flashpoint.api.deps import OptionsDep, StoreDep
from flashpoint.api.errors import ERROR_RESPONSES
from flashpoint.api.formats import csv_text, geojson_text
from flashpoint.api.params import ListParams
from flashpoint.api.present import event_detail_out, event_summary
from flashpoint.api.queries import EventQueries
from flashpoint.api.schemas import EventDetailOut, EventsPage

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERROR_RESPONSES)
OTHER_FORMATS = {200: {"content": {"application/geo+json": {}, "text/csv": {}},
                       "description": "A page of events; with format=geojson or csv the total is in X-Total-Count "
                                      "and the next page's cursor in X-Next-Cursor"}}


@router.get("", response_model=EventsPage, responses=OTHER_FORMATS)
def list_events(params: Annotated[ListParams, Query()], store: StoreDep, options: OptionsDep,
                request: Request) -> Response:
    """Events matching the filters, one page at a time (follow `next`); default kinds: specific, background."""
    limit = params.limit or options.page_size
    if limit > options.max_page_size:
        raise HTTPException(422, f"limit: at most {options.max_page_size} events per page")
    queries = EventQueries(store)
    if params.format == "json":  # built as plain JSON: lists are the hot path (see benchmarks/bench_api_load.py)
        found = queries.summaries(params.build(), params.sort, limit, params.cursor)
        return JSONResponse({"data": [event_summary(s, params.full) for s in found.events], "count": found.count,
                             "next": found.next})
    page = queries.page(params.build(), params.sort, limit, params.cursor)
    headers = {"X-Total-Count": str(page.count)} | ({"X-Next-Cursor": page.next} if page.next else {})
    if params.format == "geojson":
        text = geojson_text(page.events, request.app.state.export_options)
        return Response(text, media_type="application/geo+json", headers=headers)
    return Response(csv_text(page.events), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/{event_id}", response_model=EventDetailOut)
def get_event(event_id: Annotated[str, Path(max_length=200)], store: StoreDep) -> EventDetailOut:
    """One event (also found by the id of a report it absorbed): fields, claims grouped by attribute, evidence
    spans with what each supports, sources, and why each report was merged."""
    detail = store.event(event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r}")
    docs = {d.id: d for d in store.documents([s.doc_id for s in detail.sources])}
    return event_detail_out(detail, lambda doc_id: doc_id in docs and docs[doc_id].synthetic)
