"""Progress of a batch run on standard error: a Rich bar while it runs (only on a terminal), one line at the end."""

from __future__ import annotations

import time
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn


class BatchProgress:
    """Counts documents, words, events and errors; shows them live when ``enabled`` (default: stderr is a terminal).

    Use as a context manager; ``advance`` after each document, ``set_errors`` as problems are counted,
    ``summary`` at the end.
    """

    def __init__(self, console: Console, total: int | None = None, enabled: bool | None = None,
                 label: str = "extracting", clock=time.perf_counter):
        self.console = console
        self.total = total
        self.enabled = console.is_terminal if enabled is None else enabled
        self.label = label
        self.clock = clock
        self.documents = self.words = self.events = self.errors = 0
        self.began = clock()
        self._bar: Progress | None = None
        self._task: Any = None

    def __enter__(self) -> BatchProgress:
        self.began = self.clock()
        if self.enabled:
            columns = [SpinnerColumn(), TextColumn("{task.description}")]
            if self.total:
                columns += [BarColumn(), TextColumn("{task.completed}/{task.total}")]
            else:
                columns.append(TextColumn("{task.completed} docs"))
            columns += [TextColumn("{task.fields[rate]} docs/s · {task.fields[events]} events · "
                                   "{task.fields[errors]} errors"), TimeElapsedColumn()]
            if self.total:
                columns.append(TimeRemainingColumn())
            self._bar = Progress(*columns, console=self.console, transient=True, redirect_stderr=False,
                                 redirect_stdout=False)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total, rate="0.0", events=0, errors=0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def advance(self, documents: int = 1, words: int = 0, events: int = 0) -> None:
        self.documents += documents
        self.words += words
        self.events += events
        self._refresh(documents)

    def set_errors(self, count: int) -> None:
        """The number of problems so far (input errors and failed documents)."""
        if count != self.errors:
            self.errors = count
            self._refresh(0)

    def elapsed(self) -> float:
        return self.clock() - self.began

    def rate(self) -> float:
        """Documents per second so far."""
        elapsed = self.elapsed()
        return self.documents / elapsed if elapsed > 0 else 0.0

    def summary(self, what: str | None = None) -> str:
        """One line: ``what`` (default: documents and events) with the time taken and the rates."""
        elapsed = self.elapsed()
        words = self.words / elapsed if elapsed > 0 else 0.0
        head = what or (f"{self.documents} document(s), {self.events} event(s), {self.errors} error(s)")
        return f"{head} in {elapsed:.1f} s ({self.rate():.1f} documents/s, {words:,.0f} words/s)"

    def _refresh(self, documents: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=documents, rate=f"{self.rate():.1f}", events=self.events,
                             errors=self.errors)
