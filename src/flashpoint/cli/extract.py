"""`flashpoint extract`: articles in, evidenced events out (table, JSON or JSON Lines)."""

from __future__ import annotations

import itertools
from enum import StrEnum
from pathlib import Path

import typer

from flashpoint.cli.common import PUBLISHED_OPTION, err_console, load_settings, open_pipeline, parse_day
from flashpoint.cli.output import EventWriter, events_table
from flashpoint.cli.reading import ProblemPrinter, read_inputs


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract(
        paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .html, .json, .jsonl) or - for stdin."),
        output_format: Format = typer.Option(Format.table, "--format", "-f", help="table, json or jsonl."),
        published: str | None = PUBLISHED_OPTION,
        lexicon_dir: Path | None = typer.Option(None, "--lexicon-dir", help="Extra knowledge files to merge."),
    ) -> None:
        """Extract events from articles.

        Examples:

          flashpoint extract examples/idlib-2020-02-03.txt

          flashpoint extract --format jsonl archive.jsonl > events.jsonl
        """
        settings = load_settings(lexicon_dir=lexicon_dir)
        printer = ProblemPrinter(err_console())
        documents, stats = read_inputs(paths, settings, parse_day(published), printer)
        first = next(documents, None)
        if first is None:
            printer.summary(0, 0)
            raise typer.Exit(1)
        pipeline = open_pipeline(settings)
        rows = []
        with EventWriter(output_format.value) as writer:
            for result in pipeline.run(itertools.chain([first], documents)):
                if not result.events:
                    printer.note(result.document.origin, "no events found")
                if output_format is Format.table:
                    rows += result.events
                else:
                    for event in result.events:
                        writer.write(event)
        if rows:
            events_table(rows)
        printer.summary(stats.documents, len(rows) if output_format is Format.table else writer.count)
