"""Rates, F1, macro-F1 and calibration on numbers worked out by hand."""

from __future__ import annotations

import pytest

from flashpoint.evaluate.metrics import Rate, calibration, f1, macro_f1


def test_rate_keeps_its_counts():
    rate = Rate()
    for ok in (True, False, True):
        rate.add(ok)
    assert rate.as_dict() == {"correct": 2, "total": 3, "rate": 0.6667}
    assert Rate().as_dict() == {"correct": 0, "total": 0, "rate": None}


def test_f1():
    assert f1(0.5, 1.0) == pytest.approx(0.6667)
    assert f1(0.0, 0.0) == 0.0
    assert f1(None, 1.0) is None


def test_macro_f1_averages_over_labels():
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("c", "b")]
    # a: P 1/1 R 1/2 → 0.6667; b: P 1/3 R 1/1 → 0.5; c: P 0 R 0 → 0
    assert macro_f1(pairs, ["a", "b", "c"]) == pytest.approx((2 / 3 + 0.5 + 0) / 3, abs=1e-4)
    assert macro_f1([], ["a"]) is None


def test_calibration_error_and_reliability_table():
    points = [(0.95, True), (0.95, True), (0.95, False), (0.15, False), (1.0, True)]
    result = calibration(points)
    assert result["n"] == 5
    assert [(b["bin"], b["n"], b["correct"]) for b in result["bins"]] == [("0.1–0.2", 1, 0), ("0.9–1.0", 4, 3)]
    # |0 - 0.15| * 1/5 + |0.75 - 0.9625| * 4/5
    assert result["ece"] == pytest.approx(0.15 / 5 + 0.2125 * 4 / 5)


def test_perfectly_calibrated_has_zero_error():
    points = [(0.5, True), (0.5, False)] * 3
    assert calibration(points)["ece"] == 0.0
    assert calibration([])["ece"] is None


def test_geoparsing_corpora_pool_by_counts_not_by_averaging_rates():
    from flashpoint.evaluate.geoparsing import pooled

    def corpus(articles, tp, fp, fn, correct):
        scores = {"gold": tp + fn, "predicted": tp + fp, "tp": tp, "fp": fp, "fn": fn, "resolved": tp,
                  "correct_161": correct}
        return {"articles": articles, "flashpoint": scores, "baseline": scores}

    both = pooled([corpus(10, 90, 10, 10, 81), corpus(1, 9, 1, 1, 0)])
    assert both["articles"] == 11
    assert (both["flashpoint"]["precision"], both["flashpoint"]["accuracy_161"]) == (0.9, 0.8182)
