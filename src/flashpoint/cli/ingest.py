"""`flashpoint ingest`: articles into the event database, merged across reports, once each."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

import typer
from rich.markup import escape

from flashpoint.cli.common import PUBLISHED_OPTION, err_console, load_settings, parse_day
from flashpoint.cli.extract import DASK_OPTION, PROGRESS_OPTION, WORKERS_OPTION, batch_runner, failure_printer
from flashpoint.cli.reading import ProblemPrinter, read_inputs
from flashpoint.model import Document
from flashpoint.settings import Settings

DB_OPTION = typer.Option(None, "--db", metavar="FILE",
                         help="Database file (default: FLASHPOINT_DB or flashpoint.duckdb).")


class LazyPipeline:
    """Opens the extractor only when a document needs extracting (re-ingesting stored documents stays fast)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._pipeline = None

    def open(self):
        if self._pipeline is None:
            from flashpoint.pipeline import Pipeline

            self._pipeline = Pipeline.open(self.settings)
        return self._pipeline

    def run(self, documents: Iterable[Document]) -> Iterator:
        stream = iter(documents)
        first = next(stream, None)
        if first is None:
            return
        yield from self.open().run(itertools.chain([first], stream))

    def key(self) -> str:
        """The extractor's version key: code version plus a hash of model, lexicon and gazetteer versions."""
        from flashpoint.batch import extractor_key

        return extractor_key(self.open().extractor)


def summary(stats) -> str:
    w = stats.written
    return (f"{stats.read} document(s): {w.documents} extracted, {stats.unchanged} unchanged, {w.copies} wire "
            f"cop{'y' if w.copies == 1 else 'ies'}; events: {w.events_created} new, {w.events_updated} updated, "
            f"{w.events_deleted} deleted; {w.reports_merged} report(s) merged into existing events")


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest(
        paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .html, .json, .jsonl) or - for stdin."),
        db: Path | None = DB_OPTION,
        published: str | None = PUBLISHED_OPTION,
        commit_every: int | None = typer.Option(None, "--commit-every", min=1,
                                                help="Whole documents per transaction (more is faster; a crash "
                                                     "loses at most these, and a re-run redoes them)."),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per document on standard error."),
        lexicon_dir: Path | None = typer.Option(None, "--lexicon-dir", help="Extra knowledge files to merge."),
        workers: int | None = WORKERS_OPTION,
        dask: str | None = DASK_OPTION,
        progress: bool | None = PROGRESS_OPTION,
    ) -> None:
        """Store articles and their events in the database, merging reports of one event across documents.

        Re-ingesting a stored document changes nothing; each document is written whole in one transaction, so an
        interrupted run can simply be run again. Wire copies are stored once, as further outlets of the original.

        Examples:

          flashpoint ingest articles/ --db events.duckdb

          flashpoint ingest --published 2020-02-03 - < article.txt

          flashpoint ingest --workers 2 archive.jsonl --db events.duckdb
        """
        from flashpoint.batch import BatchProgress, count_documents
        from flashpoint.store import Ingestor, Store

        settings = load_settings(db=db, lexicon_dir=lexicon_dir, commit_every=commit_every, workers=workers)
        console = err_console()
        printer = ProblemPrinter(console)
        documents, read_stats = read_inputs(paths, settings, parse_day(published), printer)
        show = console.is_terminal if progress is None else progress
        bar = BatchProgress(console, count_documents(paths) if show else None, show, label="ingesting")

        def stored(doc_id: str, what: str) -> None:
            bar.advance(1)
            bar.set_errors(read_stats.errors + runner.failures)
            if verbose:
                console.print(f"[dim]stored[/] {escape(doc_id)}: {escape(what)}")

        def extracted(stream: Iterable[Document]) -> Iterator:
            for result in runner.run(stream):
                bar.advance(0, len(result.document.text.split()), len(result.events))
                yield result

        with (batch_runner(settings, dask, console, failure_printer(console)) as runner, bar,
              Store.open(settings.db, memory_limit=settings.db_memory_limit) as store):
            ingestor = Ingestor(store, extracted, runner.extractor_key, commit_every=settings.commit_every,
                                progress=stored)
            stats = ingestor.ingest(documents)
            bar.set_errors(read_stats.errors + runner.failures)
        console.print(f"[dim]{escape(summary(stats))} → {escape(str(settings.db))}[/]")
        console.print(f"[dim]{escape(bar.summary())}[/]")
        if read_stats.documents == 0:
            raise typer.Exit(1)
