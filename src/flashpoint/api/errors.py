"""Errors as clients see them: one JSON shape ({detail, errors}), the right status, never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from flashpoint.api.queries import CursorError
from flashpoint.api.schemas import ErrorItem, ErrorOut
from flashpoint.errors import FlashpointError

LOG = logging.getLogger("flashpoint.api")
ERROR_RESPONSES = {
    404: {"model": ErrorOut, "description": "Not found"},
    422: {"model": ErrorOut, "description": "Bad parameters"},
}


def error(status: int, detail: str, errors: list[ErrorItem] | None = None,
          headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorOut(detail=detail, errors=errors or []).model_dump(mode="json")
    return JSONResponse(body, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into ``ErrorOut``."""

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError) -> JSONResponse:
        items = [ErrorItem(loc=".".join(str(p) for p in e.get("loc", ())), msg=str(e.get("msg", "invalid")))
                 for e in exc.errors()]
        detail = "; ".join(f"{i.loc.split('.', 1)[-1]}: {i.msg}" for i in items) or "invalid request"
        return error(422, detail, items)

    @app.exception_handler(CursorError)
    async def bad_cursor(request: Request, exc: CursorError) -> JSONResponse:
        return error(422, str(exc), [ErrorItem(loc="query.cursor", msg=str(exc))])

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return error(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(FlashpointError)
    async def unavailable(request: Request, exc: FlashpointError) -> JSONResponse:
        LOG.warning("database unavailable: %s", exc)
        return error(503, "the event database is not available; see the server's log")

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        LOG.exception("error while serving %s %s", request.method, request.url.path)
        return error(500, "internal error; see the server's log")
