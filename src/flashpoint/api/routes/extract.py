"""`POST /api/extract`: try the extractor on pasted text; events come back, nothing is stored."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from flashpoint.api.deps import ExtractorDep
from flashpoint.api.errors import ERROR_RESPONSES
from flashpoint.api.schemas import ErrorOut, ExtractIn, ExtractOut
from flashpoint.model import Document

router = APIRouter(prefix="/api/extract", tags=["extract"],
                   responses={**ERROR_RESPONSES, 413: {"model": ErrorOut, "description": "Request body too large"}})


@router.post("", response_model=ExtractOut)
async def extract(article: ExtractIn, extractor: ExtractorDep) -> ExtractOut:
    """The events of one article, with evidence offsets into the text as sent. The extractor is loaded on the first
    call (a few seconds) and runs one article at a time."""
    doc_id = "pasted-" + hashlib.sha256(article.text.encode()).hexdigest()[:12]
    document = Document(id=doc_id, text=article.text, title=article.title, url=article.url, outlet=article.outlet,
                        published=article.published, published_from="record" if article.published else None,
                        origin="api")
    result = await run_in_threadpool(extractor.extract, document)
    return ExtractOut(doc=doc_id, events=result.events, warnings=result.warnings, extractor=extractor.version)
