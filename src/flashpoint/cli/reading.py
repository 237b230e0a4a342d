"""Reading inputs for a command and printing what went wrong with them, one line each, on standard error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from flashpoint.ingest import DocumentReader, Problem, ReadOptions, ReadStats
from flashpoint.model import Document
from flashpoint.settings import Settings


class ProblemPrinter:
    """Prints input problems as they happen: 'error: file: message' / 'warning: file: message'."""

    def __init__(self, console: Console):
        self.console = console

    def __call__(self, problem: Problem) -> None:
        colour = "red" if problem.level == "error" else "yellow"
        self.console.print(f"[{colour}]{problem.level}:[/] {escape(str(problem))}")

    def note(self, origin: str, message: str) -> None:
        self.console.print(f"[dim]note:[/] {escape(origin)}: {escape(message)}")

    def summary(self, documents: int, events: int) -> None:
        self.console.print(f"[dim]{documents} document(s) read, {events} event(s)[/]")


def read_inputs(paths: Sequence[Path], settings: Settings, published: dt.date | None,
                printer: ProblemPrinter) -> tuple[Iterator[Document], ReadStats]:
    """A lazy stream of documents and the counters it fills as it is consumed."""
    options = ReadOptions(published=published, max_chars=settings.max_document_chars, languages=settings.languages)
    reader = DocumentReader(options, printer)
    return reader.read(paths), reader.stats
