"""`flashpoint extract` as a user runs it: a real subprocess, data on stdout, one line per problem on stderr."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest
from tests_support import ROOT

EXAMPLE = ROOT / "examples" / "idlib-2020-02-03.txt"
REPORT = "Gunmen killed three police officers at a checkpoint in Kirkuk on Tuesday, police said."


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flashpoint", *args], capture_output=True, text=True, input=stdin, timeout=600,
        cwd=ROOT,
    )


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def example_events() -> list[dict]:
    done = run("extract", "--format", "json", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def actor(event: dict, role: str) -> dict:
    return next((a for a in event["actors"] if a["role"] == role), {})


def test_example_saraqib_attack(example_events):
    text = EXAMPLE.read_text(encoding="utf-8")
    matches = [
        e for e in example_events
        if e["kind"] == "specific" and e["event_type"] == "Explosions/Remote violence"
        and actor(e, "actor1").get("country") == "SYR" and actor(e, "actor2").get("country") == "TUR"
        and (e["fatalities"] or {}).get("best") == 8
    ]
    assert len(matches) == 1, [(e["trigger"]["text"], e["event_type"]) for e in example_events]
    event = matches[0]
    assert actor(event, "actor1")["sector"] == actor(event, "actor2")["sector"] == "MIL"
    assert event["date"]["start"] == "2020-02-03"
    assert km(event["location"]["lat"], event["location"]["lon"], 35.864, 36.806) <= 10
    for span in event["evidence"].values():
        assert text[span["start"] : span["end"]] == span["text"]


def test_example_retaliatory_strikes(example_events):
    text = EXAMPLE.read_text(encoding="utf-8")
    matches = [
        e for e in example_events
        if e["kind"] == "specific" and e["event_type"] == "Explosions/Remote violence"
        and actor(e, "actor1").get("country") == "TUR" and actor(e, "actor2").get("country") == "SYR"
    ]
    assert len(matches) == 1
    event = matches[0]
    assert event["fatalities"]["low"] == event["fatalities"]["best"] == 12
    assert event["fatalities"]["text"].lower() == "dozens"
    claimants = {c["claimant"]["name"] for c in event["claims"] if c["attribute"] == "fatalities" and c["claimant"]}
    assert claimants == {"Turkish officials"}
    for span in event["evidence"].values():
        assert text[span["start"] : span["end"]] == span["text"]


def test_json_output_is_byte_identical_across_runs(example_events):
    again = run("extract", "--format", "json", str(EXAMPLE))
    assert json.loads(again.stdout) == example_events
    assert again.stdout == run("extract", "--format", "json", str(EXAMPLE)).stdout


def test_bad_inputs_are_reported_and_the_rest_is_processed(tmp_path):
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "latin1.txt").write_bytes("Rebels shelled the café district in Goma on Friday.".encode("latin-1"))
    (tmp_path / "feed.jsonl").write_text('{"id": "r1", "text": "x"\n{"id": "r2", "published": "sometime", '
                                         f'"text": {json.dumps(REPORT)}}}\n', encoding="utf-8")
    (tmp_path / "quiet.txt").write_text("The weather in Lisbon was mild and sunny all week.", encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    done = run("extract", "--format", "jsonl", "--published", "2021-04-07", str(tmp_path),
               str(tmp_path / "empty_dir"))
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert {s["doc"] for e in events for s in e["sources"]} >= {"good.txt", "r2"}
    err = done.stderr
    assert "Traceback" not in err
    for expected in ("empty.txt: empty file", "binary.txt: binary", "latin1.txt: not UTF-8",
                     "feed.jsonl:1: malformed JSON", "feed.jsonl:2: unknown date format",
                     "quiet.txt: no events found", "empty_dir: no documents here"):
        assert expected in err, err


def test_nothing_readable_exits_non_zero_without_traceback(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    done = run("extract", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"))
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr and "missing.txt: no such file" in done.stderr


def test_bad_published_option_is_a_one_line_error():
    done = run("extract", "--published", "03/02/2020", str(EXAMPLE))
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "YYYY-MM-DD" in done.stderr


def test_schema_command_prints_the_published_schema():
    done = run("schema")
    assert done.returncode == 0
    assert done.stdout == (ROOT / "docs" / "event.schema.json").read_text(encoding="utf-8")
