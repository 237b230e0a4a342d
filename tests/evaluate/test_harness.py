"""The harness end to end on small gold written here, with a stand-in extractor that returns given events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from flashpoint.cli import eval as eval_cli
from flashpoint.evaluate.baseline import read_baseline
from flashpoint.evaluate.harness import Harness

EXPECTED = """\
published: 2021-07-05
events:
  - key: depot-raid
    kind: specific
    event_type: Battles
    sub_event_type: Armed clash
    date: 2021-07-04
    location: {name: Port Town, admin1: Coast, country: KEN, lat: -3.2, lon: 40.1, precision: exact}
    actor1: {name: Military Forces of Kenya, country: KEN, sector: military}
    fatalities: {best: 2}
  - key: minister-warning
    kind: specific
    plover: THREATEN
    date: 2021-07-05
    actor1: {name: Interior Minister, country: KEN, sector: government}
"""


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "examples" / "port-town"
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text("Soldiers clashed with raiders at a depot. The minister warned.", "utf-8")
    (folder / "expected.yaml").write_text(EXPECTED, encoding="utf-8")
    return tmp_path / "examples"


@pytest.fixture
def perfect(gold_dir, echo_event, canned_extractor):
    gold = Harness(None).load(*Harness(None).resolve(gold_dir)[0])
    return canned_extractor({d.document.id: [echo_event(e, e.key) for e in d.events] for d in gold.documents})


def app() -> typer.Typer:
    cli = typer.Typer()
    eval_cli.register(cli)

    @cli.callback()
    def _root() -> None:
        """Test root."""

    return cli


def test_perfect_extractor_scores_one_everywhere(gold_dir, perfect):
    report = Harness(perfect).run([gold_dir])
    (dataset,) = report["datasets"]
    assert dataset["status"] == "scored" and dataset["dataset"] == "examples"
    assert dataset["events"]["f1"] == 1.0
    assert {v["rate"] for v in dataset["events"]["fields"]["aligned"].values()} == {1.0}
    assert report["extractor"] == [
        {"gazetteer": None, "lexicons": {}, "model": None, "name": "flashpoint", "version": "test"}
    ]


def test_report_is_deterministic(gold_dir, perfect):
    first = json.dumps(Harness(perfect).run([gold_dir]), sort_keys=True)
    assert json.dumps(Harness(perfect).run([gold_dir]), sort_keys=True) == first


def test_unknown_path_and_left_out_dataset(tmp_path):
    (tmp_path / "ucdp").mkdir()
    (tmp_path / "ucdp" / "ucdpged.csv").write_text("id\n1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("nothing", encoding="utf-8")
    report = Harness(None).run([tmp_path / "ucdp", tmp_path / "notes.txt"])
    left_out, unknown = report["datasets"]
    assert (
        left_out["dataset"] == "ucdp-ged"
        and left_out["status"] == "left out"
        and "no article text" in left_out["reason"]
    )
    assert unknown["status"] == "error" and "not a gold dataset" in unknown["problems"][0]


def test_geoparsing_without_a_geoparser_is_not_available(tmp_path):
    (tmp_path / "GeoVirus.xml").write_text("<articles/>", encoding="utf-8")
    (dataset,) = Harness(None).run([tmp_path])["datasets"]
    assert dataset["dataset"] == "geoparsing" and dataset["status"] == "not available"


def test_folder_of_datasets_is_expanded(gold_dir, tmp_path):
    (tmp_path / "ucdp").mkdir()
    (tmp_path / "ucdp" / "ucdpged.csv").write_text("id\n", encoding="utf-8")
    names = [d["dataset"] for d in Harness(None).run([tmp_path])["datasets"]]
    assert names == ["examples", "ucdp-ged"]


def test_cli_table_json_markdown_and_baseline(gold_dir, perfect, tmp_path, monkeypatch):
    monkeypatch.setattr(eval_cli, "build_extractor", lambda: perfect)
    runner = CliRunner()
    table = runner.invoke(app(), ["eval", str(gold_dir)])
    assert table.exit_code == 0, table.output
    assert "fields on matched events" in table.output and "1.0000 (1/1)" in table.output
    page, baseline = tmp_path / "accuracy.md", tmp_path / "baseline.json"
    as_json = runner.invoke(
        app(), ["eval", str(gold_dir), "--format", "json", "--markdown", str(page), "--write-baseline", str(baseline)]
    )
    assert as_json.exit_code == 0, as_json.output
    report = json.loads(as_json.stdout)
    assert report["datasets"][0]["events"]["recall"] == {"correct": 2, "total": 2, "rate": 1.0}
    text = page.read_text(encoding="utf-8")
    assert f"flashpoint eval {gold_dir} --markdown {page}" in text and "| precision | 1.0000 (2/2) |" in text
    assert read_baseline(baseline)["numbers"]["examples"]["events.f1"] == 1.0
    checked = runner.invoke(app(), ["eval", str(gold_dir), "--check-baseline", str(baseline)])
    assert checked.exit_code == 0, checked.output


def test_cli_fails_on_a_regression(gold_dir, perfect, tmp_path, monkeypatch):
    monkeypatch.setattr(eval_cli, "build_extractor", lambda: perfect)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"numbers": {"examples": {"events.f1": 1.0}}}), encoding="utf-8")
    perfect.events.clear()
    result = CliRunner().invoke(app(), ["eval", str(gold_dir), "--check-baseline", str(baseline)])
    assert result.exit_code == 1 and "regression: examples events.f1" in result.output


def test_cli_gold_only_names_bad_records_and_goes_on(gold_dir, tmp_path):
    bad = gold_dir / "zz-bad"
    bad.mkdir()
    (bad / "article.txt").write_text("Text.", encoding="utf-8")
    (bad / "expected.yaml").write_text("events:\n  - key: odd\n    event_type: Parade\n", encoding="utf-8")
    result = CliRunner().invoke(app(), ["eval", str(gold_dir), "--gold-only", "--format", "json"])
    assert result.exit_code == 1
    assert f"gold error: {bad / 'expected.yaml'}: record odd: unknown ACLED event type 'Parade'" in result.output
    report = json.loads(result.stdout)
    assert report["datasets"][0]["records"] == 2 and report["datasets"][0]["status"] == "gold only"
