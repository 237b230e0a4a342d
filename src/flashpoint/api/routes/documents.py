"""`/api/documents/{id}`: a stored document's text with the offsets of every evidence span in it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path

from flashpoint.api.deps import StoreDep
from flashpoint.api.errors import ERROR_RESPONSES
from flashpoint.api.present import document_out
from flashpoint.api.schemas import DocumentOut

router = APIRouter(prefix="/api/documents", tags=["documents"], responses=ERROR_RESPONSES)


@router.get("/{doc_id:path}", response_model=DocumentOut)
def get_document(doc_id: Annotated[str, Path(max_length=1000)], store: StoreDep) -> DocumentOut:
    """The document's text (a wire copy shows its original's) and the spans its events cite, as character offsets
    into that text."""
    detail = store.document(doc_id)
    if detail is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return document_out(detail)
