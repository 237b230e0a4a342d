"""The `flashpoint` command: one module per verb, assembled here."""

from __future__ import annotations

import sys

import typer

from flashpoint import __version__
from flashpoint.cli import config, events, export, extract, gazetteer, geoparse, ingest, reprocess, schema, serve
from flashpoint.cli import eval as eval_command
from flashpoint.cli.common import err_console
from flashpoint.errors import FlashpointError

app = typer.Typer(
    name="flashpoint",
    help="Turn conflict reporting into an auditable event dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"flashpoint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Turn conflict reporting into an auditable event dataset."""


for module in (extract, geoparse, ingest, events, export, reprocess, gazetteer, eval_command, schema, config, serve):
    module.register(app)


def main() -> None:
    """Entry point: expected failures become one line on standard error and exit code 1."""
    try:
        app()
    except FlashpointError as err:
        err_console().print(f"[bold red]error:[/] {err}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err_console().print("interrupted", highlight=False)
        sys.exit(130)
