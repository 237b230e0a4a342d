"""`flashpoint serve`: the REST API and the web dashboard over an event database, read-only."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import typer

from flashpoint.cli.common import err_console, load_settings
from flashpoint.cli.ingest import DB_OPTION


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        db: Path | None = DB_OPTION,
        host: str | None = typer.Option(None, "--host", help="Address to listen on (default 127.0.0.1: this "
                                                             "machine only; the API has no authentication)."),
        port: int | None = typer.Option(None, "--port", min=1, max=65535, help="Port (default 8000)."),
        workers: int | None = typer.Option(None, "--workers", min=1, help="Server processes (default 1; one per "
                                                                          "core serves more clients at once)."),
        access_log: bool = typer.Option(False, "--access-log", help="Log every request on standard error."),
    ) -> None:
        """Serve the dashboard (map, timeline, events with their evidence) and the REST API.

        The database is only read: while `flashpoint ingest` writes it, the server reads the snapshot the writer
        publishes and switches to each newer one by itself.

        Examples:

          flashpoint serve --db events.duckdb            # then open http://127.0.0.1:8000/

          flashpoint serve --db events.duckdb --port 8080
        """
        import uvicorn

        from flashpoint.api import ApiOptions, create_app
        from flashpoint.store import Store

        settings = load_settings(db=db)
        options = ApiOptions.from_settings(settings, host=host, port=port, workers=workers)
        with Store.open(options.db, read_only=True, prefer_snapshot=True) as store:  # a clear error now, not later
            snapshot = store.snapshot
        console = err_console()
        if not _loopback(options.host):
            console.print(f"[yellow]warning:[/] listening on {options.host}: other machines can reach this server, "
                          "which has no authentication")
        source = f"{options.db} (its published snapshot)" if snapshot else str(options.db)
        console.print(f"serving {source} at http://{_url_host(options.host)}:{options.port}/ — API docs at /docs; "
                      "Ctrl+C stops")
        served = dict(host=options.host, port=options.port, log_level="warning", access_log=access_log,
                      server_header=False, proxy_headers=False)
        if options.workers == 1:
            uvicorn.run(create_app(options, settings), **served)
            return
        os.environ["FLASHPOINT_DB"] = str(options.db.resolve())  # each worker process builds the app from these
        uvicorn.run("flashpoint.api.app:app_from_settings", factory=True, workers=options.workers, **served)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
