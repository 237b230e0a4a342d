"""The report as Rich tables (``flashpoint eval --format table``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from flashpoint.evaluate import tables


def _table(title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    table = Table(*headers, title=title, title_justify="left")
    for row in rows:
        table.add_row(*row)
    return table


def print_report(report: dict, console: Console) -> None:
    for dataset in report["datasets"]:
        name = dataset.get("dataset") or "?"
        console.rule(f"{name} — {dataset['path']}")
        line = f"status: {dataset['status']}"
        if "records" in dataset:
            line += f" · records: {dataset['records']} · gold events: {dataset['gold_events']}"
        if dataset.get("problems"):
            line += f" · refused records: {len(dataset['problems'])}"
        console.print(line)
        if dataset.get("reason"):
            console.print(dataset["reason"])
        for note in dataset.get("notes", []):
            console.print(f"note: {note}")
        _print_scores(dataset, console)


def _print_scores(dataset: dict, console: Console) -> None:
    events = dataset.get("events")
    if events:
        console.print(_table("events", ("measure", "value"), tables.event_rows(events)))
        console.print(
            _table("fields on matched events", ("field", "strict match", "aligned"), tables.field_rows(events))
        )
        rows = tables.reliability_rows(events["calibration"])
        if rows:
            console.print(_table("reliability", ("confidence", "n", "mean confidence", "accuracy"), rows))
    if dataset.get("classification"):
        console.print(
            _table("classification", ("measure", "value"), tables.classification_rows(dataset["classification"]))
        )
    if dataset.get("targets"):
        console.print(_table("targets", ("measure", "value", "target", "met"), tables.target_rows(dataset["targets"])))
    grid = tables.geoparsing_rows(dataset.get("geoparsing") or {})
    if grid:
        console.print(_table("geoparsing", tables.GEOPARSING_HEADERS, grid))
    for key in ("geoparsing", "event_location"):
        if dataset.get(key) and not (key == "geoparsing" and grid):
            console.print(_table(key.replace("_", " "), ("measure", "value"), tables.flat_rows(dataset[key])))
