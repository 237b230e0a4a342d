"""`flashpoint schema`: the JSON Schema of the event record."""

from __future__ import annotations

import json

import typer

from flashpoint.model import event_json_schema


def schema_text() -> str:
    return json.dumps(event_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema() -> None:
        """Print the JSON Schema of an event record (docs/event.schema.json is a copy)."""
        typer.echo(schema_text(), nl=False)
