"""`flashpoint reprocess`: extract stored documents again with this version and re-merge their events."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from flashpoint.cli.common import err_console, load_settings
from flashpoint.cli.ingest import DB_OPTION, LazyPipeline, summary


def register(app: typer.Typer) -> None:
    @app.command("reprocess")
    def reprocess(
        db: Path | None = DB_OPTION,
        everything: bool = typer.Option(False, "--all", help="Every document, not only those another version made."),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per document on standard error."),
        lexicon_dir: Path | None = typer.Option(None, "--lexicon-dir", help="Extra knowledge files to merge."),
    ) -> None:
        """Re-extract stored documents (after an upgrade or a lexicon change) and re-merge their events.

        Events keep their ids where the same report comes back; events left without reports are deleted and
        listed by `flashpoint events --changed-since`.

        Examples:

          flashpoint reprocess --db events.duckdb

          flashpoint reprocess --all --lexicon-dir my-lexicons/
        """
        from flashpoint.store import Ingestor, Store

        settings = load_settings(db=db, lexicon_dir=lexicon_dir)
        console = err_console()
        pipeline = LazyPipeline(settings)

        def progress(doc_id: str, what: str) -> None:
            if verbose:
                console.print(f"[dim]reprocessed[/] {escape(doc_id)}: {escape(what)}")

        with Store.open(settings.db) as store:
            stats = Ingestor(store, pipeline.run, pipeline.key, progress=progress).reprocess(everything)
        console.print(f"[dim]{escape(summary(stats))}[/]")
