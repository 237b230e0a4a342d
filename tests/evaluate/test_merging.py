"""Cross-document merging scored through a real store, on report families written for these tests."""

from __future__ import annotations

from flashpoint.evaluate.harness import Harness
from flashpoint.evaluate.merging import pair_scores

FAMILIES = """\
version: test
reports:
  - {id: a1, incident: goma-shelling, outlet: Lakes Wire, published: 2023-05-09,
     text: "Artillery shells hit a camp for displaced people near Goma on Monday, killing four, aid workers said."}
  - {id: a2, incident: goma-shelling, outlet: Kivu Daily, published: 2023-05-09,
     text: "Four displaced people died on Monday when shells landed on their camp outside Goma, according to medics."}
  - {id: b1, incident: beni-raid, outlet: Lakes Wire, published: 2023-05-09,
     text: "Gunmen raided a village near Beni on Monday and abducted eleven farmers, local officials said."}
"""


def test_pairwise_scores_count_false_and_missed_merges():
    incident = {"r1": "x", "r2": "x", "r3": "y", "r4": "y"}
    events = {"r1": {"e1"}, "r2": {"e1"}, "r3": {"e1"}, "r4": {"e2"}}
    scores = pair_scores(events, incident)
    assert (scores["true_merges"], scores["false_merges"], scores["missed_merges"]) == (1, 2, 1)
    assert (scores["precision"], scores["recall"]) == (0.3333, 0.5)


def test_two_wordings_of_one_shelling_merge_and_a_raid_stays_apart(pipeline, tmp_path):
    gold = tmp_path / "merge_gold.yaml"
    gold.write_text(FAMILIES, encoding="utf-8")
    report = Harness(pipeline).run([gold])
    merging = report["datasets"][0]["merging"]
    assert (merging["true_merges"], merging["false_merges"], merging["missed_merges"]) == (1, 0, 0)
