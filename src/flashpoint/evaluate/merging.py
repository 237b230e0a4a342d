"""Cross-document merging scored on gold: which reports the store puts into one event.

Two measures, both through a real store (a temporary DuckDB file) with the default merge policy:

- families of reports known to tell one incident (``merge_gold.yaml``: several outlets' wordings of one incident,
  beside other incidents on the same day in the same province): pairwise precision / recall / F1 of "same event";
- ACLED notes, each a distinct, already de-duplicated event: the share of hard pairs (one event type, same
  country and admin1, within a day) that end up in one event — every such merge is a false merge.
"""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

from flashpoint.evaluate.datasets import MERGE_GOLD_FILE
from flashpoint.evaluate.gold.records import GoldSet
from flashpoint.model import Document, Event
from flashpoint.pipeline import DocumentResult
from flashpoint.store import Ingestor, Store


def load_merge_gold(path: Path) -> tuple[list[Document], dict[str, str]]:
    """The reports (as documents) and each report's incident key."""
    file = path if path.is_file() else path / MERGE_GOLD_FILE
    raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    docs, incident = [], {}
    for item in raw["reports"]:
        docs.append(Document(id=item["id"], text=item["text"], outlet=item["outlet"],
                             published=dt.date.fromisoformat(str(item["published"])), origin=MERGE_GOLD_FILE))
        incident[item["id"]] = item["incident"]
    return docs, incident


def stored_events(results: Sequence[DocumentResult], scorer=None) -> dict[str, set[str]]:
    """Ingest extracted ``results`` into a fresh store; document id → ids of the merged events it reports (a wire
    copy also reports its original's events, marked ``copy-of:<id>``)."""
    by_id = {r.document.id: r for r in results}
    found: dict[str, set[str]] = defaultdict(set)
    with tempfile.TemporaryDirectory() as folder:
        options = {"scorer": scorer} if scorer is not None else {}
        with Store.open(Path(folder) / "merge.duckdb", **options) as store:
            Ingestor(store, lambda docs: (by_id[d.id] for d in docs), lambda: "eval", commit_every=50,
                     snapshot_seconds=1e9).ingest([r.document for r in results])
            for doc_id, event_id in store.con.execute("SELECT doc_id, event_id FROM reports").fetchall():
                found[doc_id].add(event_id)
            for doc_id, original in store.con.execute(
                    "SELECT doc_id, copy_of FROM documents WHERE copy_of IS NOT NULL").fetchall():
                found[doc_id] |= found[original] | {f"copy-of:{original}"}
    return found


def results_from(gold: GoldSet, predictions: Mapping[str, Sequence[Event]]) -> list[DocumentResult]:
    """Extracted results rebuilt from a harness run (no place list: the store only needs the events)."""
    return [DocumentResult(g.document, list(predictions.get(g.document.id, ())), []) for g in gold.documents]


def pair_scores(events: Mapping[str, set[str]], incident: Mapping[str, str]) -> dict:
    """Pairwise precision / recall / F1 of "these two reports are one event", with the wrong pairs."""
    tp = fp = fn = 0
    wrong = []
    for a, b in itertools.combinations(sorted(incident), 2):
        same = incident[a] == incident[b]
        merged = bool(events.get(a, set()) & events.get(b, set()))
        tp += same and merged
        fp += merged and not same
        fn += same and not merged
        if merged != same:
            wrong.append(f"{a} ~ {b}: {'false merge' if merged else 'missed'}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"reports": len(incident), "incidents": len(set(incident.values())),
            "pairs": len(incident) * (len(incident) - 1) // 2, "same_event_pairs": tp + fn, "true_merges": tp,
            "false_merges": fp, "missed_merges": fn, "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4), "errors": wrong}


def acled_false_merges(events: Mapping[str, set[str]], gold: GoldSet) -> dict:
    """Share of hard pairs of distinct ACLED events (one type, same country and admin1, within a day) merged."""
    groups: dict[tuple, list[tuple[str, dt.date]]] = defaultdict(list)
    for item in gold.documents:
        truth = item.events[0] if item.events else None
        if truth is None or truth.date is None or truth.location is None:
            continue
        key = (truth.location.iso3, truth.location.admin1, truth.event_types[:1])
        groups[key].append((item.document.id, truth.date.day or truth.date.start))
    hard = merged = 0
    for members in groups.values():
        for (a, day_a), (b, day_b) in itertools.combinations(members, 2):
            if abs((day_a - day_b).days) <= 1:
                hard += 1
                merged += bool(events.get(a, set()) & events.get(b, set()))
    return {"notes": len(gold.documents), "hard_pairs": hard, "hard_pairs_merged": merged,
            "false_merge_rate": round(merged / hard, 4) if hard else None}
