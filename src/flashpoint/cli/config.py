"""`flashpoint config`: every setting, its value and where it can be set."""

from __future__ import annotations

import json

import typer
from rich.table import Table

from flashpoint.cli.common import load_settings, out_console
from flashpoint.settings import Settings


def register(app: typer.Typer) -> None:
    @app.command("config")
    def config(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
        """Show the effective settings (environment variables FLASHPOINT_<NAME> override the defaults)."""
        settings = load_settings()
        values = json.loads(settings.model_dump_json())
        if as_json:
            typer.echo(json.dumps(values, indent=2, sort_keys=True))
            return
        table = Table("setting", "environment variable", "value", "meaning")
        for name, field in Settings.model_fields.items():
            table.add_row(name, f"FLASHPOINT_{name.upper()}", json.dumps(values[name]), field.description or "")
        out_console().print(table)
