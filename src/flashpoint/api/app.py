"""The FastAPI application: JSON API under /api, OpenAPI docs at /docs, the dashboard at / (docs/api.md)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from flashpoint import __version__
from flashpoint.api import errors
from flashpoint.api.deps import ExtractorProvider, StoreProvider
from flashpoint.api.limits import BodySizeLimit
from flashpoint.api.options import ApiOptions
from flashpoint.api.routes import documents, events, extract, meta, stats
from flashpoint.export import ExportOptions
from flashpoint.settings import Settings
from flashpoint.web import static_dir

PAGE_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
               "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
SWAGGER = "/static/vendor/swagger-ui-dist"


def create_app(options: ApiOptions, settings: Settings | None = None, *, stores: StoreProvider | None = None,
               extractor: ExtractorProvider | None = None) -> FastAPI:
    """The app over ``options.db`` (read-only). ``stores`` and ``extractor`` default to the real ones; the extractor
    is built on the first /api/extract call."""
    settings = settings or Settings()
    stores = stores or StoreProvider(options.db, options.db_memory_limit, options.reload_seconds)
    extractor = extractor or ExtractorProvider(lambda: _open_pipeline(settings))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="flashpoint", version=f"{__version__} ({options.version})", lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  description="Evidenced conflict events: list and filter them, read one with its claims and the "
                              "sentences that support them, and try the extractor on an article.")
    app.state.options = options
    app.state.stores = stores
    app.state.extractor = extractor
    app.state.export_options = ExportOptions(acled_inter=settings.acled_inter,
                                             unknown_fatalities=settings.unknown_fatalities)
    errors.install(app)
    for router in (events.router, documents.router, stats.router, extract.router, meta.router):
        app.include_router(router)
    _pages(app)
    app.add_middleware(BodySizeLimit, max_bytes=options.max_body_bytes)
    if options.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(options.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["content-type"])
    return app


def app_from_settings() -> FastAPI:
    """The app as configured by the environment (FLASHPOINT_DB …): what each of several server processes runs."""
    settings = Settings()
    return create_app(ApiOptions.from_settings(settings), settings)


def _pages(app: FastAPI) -> None:
    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(static / "index.html", headers={"Content-Security-Policy": PAGE_POLICY,
                                                            "X-Content-Type-Options": "nosniff",
                                                            "Referrer-Policy": "no-referrer"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="flashpoint API",
                                   swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{SWAGGER}/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")


def _open_pipeline(settings: Settings):
    from flashpoint.pipeline import Pipeline

    return Pipeline.open(settings)
