"""`flashpoint eval`: run extraction on gold data and score it field by field."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flashpoint.cli.common import err_console, load_settings, open_pipeline, out_console

if TYPE_CHECKING:
    from flashpoint.evaluate.harness import Extractor

EXAMPLES = """
Examples:

  flashpoint eval ../shared/examples

  flashpoint eval ../shared/data/external/acled-notes --limit 100 --format json --out report.json

  flashpoint eval ../shared/examples ../shared/data/external --markdown docs/accuracy.md

  flashpoint eval ../shared/data/external --gold-only        # check gold files, extract nothing
"""


class Format(StrEnum):
    table = "table"
    json = "json"


def build_extractor() -> Extractor:
    """The extraction pipeline, built once (spaCy, gazetteer, knowledge)."""
    return open_pipeline(load_settings())


def command_line(gold: list[Path], limit: int | None, markdown: Path) -> str:
    words = ["flashpoint eval", *(str(p) for p in gold)]
    words += [f"--limit {limit}"] if limit is not None else []
    return " ".join([*words, f"--markdown {markdown}"])


def register(app: typer.Typer) -> None:
    @app.command("eval", epilog=EXAMPLES)
    def eval_command(
        gold: Annotated[list[Path], typer.Argument(help="Gold dataset folders or files (folders of datasets expand).")],
        output_format: Annotated[
            Format, typer.Option("--format", help="table (Rich) or json, on stdout.")
        ] = Format.table,
        out: Annotated[Path | None, typer.Option(help="Also write the JSON report to this file.")] = None,
        limit: Annotated[int | None, typer.Option(min=1, help="Score the first N records of each gold file.")] = None,
        markdown: Annotated[
            Path | None, typer.Option("--markdown", "--write-docs", help="Write the accuracy page (docs/accuracy.md).")
        ] = None,
        gold_only: Annotated[
            bool, typer.Option("--gold-only", help="Check and count the gold files; extract nothing.")
        ] = False,
        check_baseline: Annotated[
            Path | None,
            typer.Option(help="Fail if a headline number is > 2 points below this baseline file."),
        ] = None,
        write_baseline_to: Annotated[
            Path | None,
            typer.Option("--write-baseline", help="Record the headline numbers as the new baseline."),
        ] = None,
    ) -> None:
        """Score extraction against gold data: events (precision, recall, F1) and every field, with counts."""
        from flashpoint.evaluate.baseline import TOLERANCE, read_baseline, write_baseline
        from flashpoint.evaluate.harness import Harness
        from flashpoint.evaluate.markdown import accuracy_markdown
        from flashpoint.evaluate.targets import headline, regressions

        messages = err_console()
        harness = Harness(extractor=None if gold_only else build_extractor(), limit=limit, progress=messages.print)
        report = harness.run(gold)
        emit(report, output_format, out)
        if markdown is not None:
            markdown.write_text(accuracy_markdown(report, command_line(gold, limit, markdown)), encoding="utf-8")
            messages.print(f"wrote {markdown}")
        numbers = headline(report, harness.conventions)
        if write_baseline_to is not None:
            write_baseline(write_baseline_to, numbers, gold, limit)
            messages.print(f"wrote {write_baseline_to}")
        failures = [f"gold error: {p}" for d in report["datasets"] for p in d.get("problems", [])]
        if check_baseline is not None:
            baseline = read_baseline(check_baseline)
            tolerance = float(baseline.get("tolerance", TOLERANCE))
            failures += [f"regression: {line}" for line in regressions(numbers, baseline["numbers"], tolerance)]
        for failure in failures:
            messages.print(f"[bold red]{failure}[/]")
        if failures:
            raise typer.Exit(1)


def emit(report: dict, output_format: Format, out: Path | None) -> None:
    """The report on stdout (Rich tables or JSON) and, if asked, as a JSON file."""
    from flashpoint.evaluate.render import print_report

    text = json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if output_format is Format.json:
        typer.echo(text, nl=False)
    else:
        print_report(report, out_console())
    if out is not None:
        out.write_text(text, encoding="utf-8")
