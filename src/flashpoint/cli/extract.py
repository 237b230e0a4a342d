"""`flashpoint extract`: articles in, evidenced events out (table, JSON or JSON Lines)."""

from __future__ import annotations

import itertools
from enum import StrEnum
from pathlib import Path

import typer
from rich.markup import escape

from flashpoint.cli.common import PUBLISHED_OPTION, err_console, load_settings, parse_day
from flashpoint.cli.output import EventWriter, events_table
from flashpoint.cli.reading import ProblemPrinter, read_inputs

WORKERS_OPTION = typer.Option(
    None, "--workers", "-w", min=1, metavar="N",
    help="Local worker processes, each with its own extractor (default: FLASHPOINT_WORKERS, else 1).",
)
DASK_OPTION = typer.Option(
    None, "--dask", metavar="SCHEDULER",
    help="Extract on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a LocalCluster of "
         "--workers processes (docs/scale.md).",
)
PROGRESS_OPTION = typer.Option(
    None, "--progress/--no-progress",
    help="Progress bar on standard error (default: only when standard error is a terminal).",
)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def batch_runner(settings, dask: str | None, console, on_failure):
    """The batch runner for these options (``settings.workers`` processes, or Dask); the gazetteer index is
    built here once, with a notice, before anything extracts."""
    from flashpoint.batch import open_runner
    from flashpoint.batch.prepare import ensure_gazetteer

    def prepare() -> None:
        ensure_gazetteer(settings, lambda message: console.print(escape(message)))

    return open_runner(settings, dask=dask, on_failure=on_failure, prepare=prepare)


def failure_printer(console):
    """Prints a document the extractor failed on as one error line; the run goes on."""
    def failed(failure) -> None:
        console.print(f"[red]error:[/] {escape(str(failure))}")

    return failed


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .html, .json, .jsonl) or - for stdin."),
        output_format: Format = typer.Option(Format.table, "--format", "-f", help="table, json or jsonl."),
        published: str | None = PUBLISHED_OPTION,
        lexicon_dir: Path | None = typer.Option(None, "--lexicon-dir", help="Extra knowledge files to merge."),
        workers: int | None = WORKERS_OPTION,
        dask: str | None = DASK_OPTION,
        progress: bool | None = PROGRESS_OPTION,
    ) -> None:
        """Extract events from articles.

        Examples:

          flashpoint extract examples/idlib-2020-02-03.txt

          flashpoint extract --format jsonl archive.jsonl > events.jsonl

          flashpoint extract --workers 2 --format jsonl archive.jsonl > events.jsonl
        """
        from flashpoint.batch import BatchProgress, count_documents

        settings = load_settings(lexicon_dir=lexicon_dir, workers=workers)
        console = err_console()
        printer = ProblemPrinter(console)
        documents, stats = read_inputs(paths, settings, parse_day(published), printer)
        first = next(documents, None)
        if first is None:
            printer.summary(0, 0)
            raise typer.Exit(1)
        show = console.is_terminal if progress is None else progress
        bar = BatchProgress(console, count_documents(paths) if show else None, show)
        rows = []
        with (batch_runner(settings, dask, console, failure_printer(console)) as runner, bar,
              EventWriter(output_format.value) as writer):
            for result in runner.run(itertools.chain([first], documents)):
                if not result.events:
                    printer.note(result.document.origin, "no events found")
                if output_format is Format.table:
                    rows += result.events
                else:
                    for event in result.events:
                        writer.write(event)
                bar.advance(1, len(result.document.text.split()), len(result.events))
                bar.set_errors(stats.errors + runner.failures)
            bar.set_errors(stats.errors + runner.failures)
        if rows:
            events_table(rows)
        events = len(rows) if output_format is Format.table else writer.count
        done = f"{stats.documents} document(s) read, {events} event(s), {bar.errors} error(s)"
        console.print(f"[dim]{escape(bar.summary(done))}[/]")
