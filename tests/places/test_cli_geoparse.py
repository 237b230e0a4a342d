"""`flashpoint geoparse` and `flashpoint gazetteer` through Typer's runner (commands registered on a test app)."""

from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from flashpoint.cli import gazetteer as gazetteer_cli
from flashpoint.cli import geoparse as geoparse_cli


def app() -> typer.Typer:
    test_app = typer.Typer()
    geoparse_cli.register(test_app)
    gazetteer_cli.register(test_app)
    return test_app


def test_geoparse_jsonl_keeps_ids_and_offsets(tmp_path):
    records = [
        {"id": "a-1", "text": "Shelling near Saraqib killed two people, officials in Damascus said."},
        {"id": "b-2", "text": "Nothing happened here."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app(), ["geoparse", str(path), "--format", "jsonl", "--published", "2020-02-03"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line["id"] for line in lines] == ["a-1", "b-2"]
    first = lines[0]["places"]
    assert [p["text"] for p in first] == ["Saraqib", "Damascus"]
    text = records[0]["text"]
    for place in first:
        assert text[place["start"] : place["end"]] == place["text"]
        assert set(place) >= {"geonameid", "name", "lat", "lon", "admin1", "country", "feature_code", "score"}
    assert first[0]["geonameid"] == 164816 and first[1]["country"] == "SYR"
    assert lines[1]["places"] == []


def test_gazetteer_lookup(tmp_path):
    result = CliRunner().invoke(app(), ["gazetteer", "lookup", "Saraqeb"])
    assert result.exit_code == 0
    assert "Saraqib" in result.stdout and "164816" in result.stdout
