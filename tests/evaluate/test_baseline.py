"""The CI accuracy check: a fast subset of the evaluation through the real pipeline, against eval/baseline.json.

Fails when a headline number drops more than two points (0.02) below the recorded value. Updating the baseline
is a deliberate commit (see eval/README.md).
"""

from __future__ import annotations

from pathlib import Path

from flashpoint.evaluate.baseline import read_baseline
from flashpoint.evaluate.harness import Harness
from flashpoint.evaluate.targets import headline, regressions

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "eval" / "baseline.json"


def test_headline_numbers_hold(shared_dir, pipeline):
    baseline = read_baseline(BASELINE)
    assert baseline["numbers"], "no baseline recorded: see eval/README.md"
    paths = [(ROOT / p).resolve() for p in baseline["gold"]]
    report = Harness(pipeline, limit=baseline["limit"]).run(paths)
    current = headline(report, Harness(None).conventions)
    dropped = regressions(current, baseline["numbers"], baseline.get("tolerance", 0.02))
    assert not dropped, "headline numbers dropped below eval/baseline.json:\n" + "\n".join(dropped)
