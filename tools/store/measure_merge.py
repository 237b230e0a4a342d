"""Measure cross-document merging on gold pairs (docs/store.md reports the numbers).

    python tools/store/measure_merge.py [--acled ../shared/data/external/acled-notes] [--limit N] [--out FILE]

Two gold sets:

1. ``merge_gold.yaml`` (beside this script): reports written for flashpoint, grouped by incident. Reports of one
   incident are positives; reports of different incidents on the same day in the same province, or at the same
   place on another day, are the hard negatives. Scored as pairwise precision / recall / F1 of "same event".
2. ACLED notes (read from ../shared, never copied): every row is a distinct event that ACLED has already
   de-duplicated, so two rows whose events end up merged are a false merge. Hard negatives are pairs of rows of
   one event type in the same country and admin1 within one day; reported as the share of them merged.

Each policy (merge weights) is run on the same extracted reports, so only the merging differs.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import pickle
import random
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import yaml

from flashpoint.evaluate.gold.acled_remarks import clean_note
from flashpoint.model import Document
from flashpoint.pipeline import Pipeline
from flashpoint.resolve.across import MergePolicy, PairScorer
from flashpoint.settings import Settings
from flashpoint.store import DuplicateFinder, Ingestor, Store

HERE = Path(__file__).resolve().parent
ACLED = HERE.parents[2] / "shared" / "data" / "external" / "acled-notes"
POLICIES = {
    "tf-idf (default)": MergePolicy(),
    "no text": replace(MergePolicy(), text=0.0),
    "tf-idf, threshold 3.0": replace(MergePolicy(), threshold=3.0),
    "tf-idf, threshold 4.0": replace(MergePolicy(), threshold=4.0),
}
EMBEDDING_POLICY = replace(MergePolicy(), text_baseline=0.45)  # paraphrases ≈ 0.75, unrelated reports ≈ 0.2


def gold_documents() -> tuple[list[Document], dict[str, str]]:
    raw = yaml.safe_load((HERE / "merge_gold.yaml").read_text(encoding="utf-8"))
    docs, incident = [], {}
    for item in raw["reports"]:
        docs.append(Document(id=item["id"], text=item["text"], outlet=item["outlet"],
                             published=dt.date.fromisoformat(str(item["published"])), origin="merge_gold"))
        incident[item["id"]] = item["incident"]
    return docs, incident


def acled_documents(folder: Path, limit: int | None) -> tuple[list[Document], list[dict]]:
    docs, rows = [], []
    for file in sorted(folder.glob("*.csv")):
        with file.open(encoding="utf-8", newline="") as handle:
            for row in itertools.islice(csv.DictReader(handle), limit):
                text = clean_note(row["notes"] or "").text
                if not text:
                    continue
                day = dt.datetime.fromtimestamp(int(row["timestamp"]), tz=dt.UTC).date()
                docs.append(Document(id=row["event_id_cnty"], text=text, published=day, origin=file.name))
                rows.append(row)
    return docs, rows


def store_with(results: list, scorer: PairScorer, folder: Path, name: str) -> dict[str, set[str]]:
    """Replay extracted results into a fresh store with ``scorer``; document id → ids of its merged events."""
    with Store.open(folder / f"{name}.duckdb", scorer=scorer) as store:
        by_id = {r.document.id: r for r in results}
        Ingestor(store, lambda docs: (by_id[d.id] for d in docs), lambda: "measure", commit_every=50,
                 snapshot_seconds=1e9).ingest([r.document for r in results])
        found: dict[str, set[str]] = defaultdict(set)
        for doc_id, event_id in store.con.execute("SELECT doc_id, event_id FROM reports").fetchall():
            found[doc_id].add(event_id)
        for doc_id, original in store.con.execute("SELECT doc_id, copy_of FROM documents "
                                                  "WHERE copy_of IS NOT NULL").fetchall():
            found[doc_id] |= found[original]
            found[doc_id].add(f"copy-of:{original}")
    return found


def pair_scores(events: dict[str, set[str]], incident: dict[str, str]) -> dict:
    tp = fp = fn = 0
    wrong = []
    for a, b in itertools.combinations(sorted(incident), 2):
        same = incident[a] == incident[b]
        merged = bool(events.get(a, set()) & events.get(b, set()))
        tp += same and merged
        fp += merged and not same
        fn += same and not merged
        if merged != same:
            wrong.append(f"{a}~{b}:{'false merge' if merged else 'missed'}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs_same": tp + fn, "tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3), "errors": wrong}


def acled_false_merges(events: dict[str, set[str]], rows: list[dict]) -> dict:
    by_key = defaultdict(list)
    for row in rows:
        by_key[(row["iso3"] or row["country"], row["admin1"], row["event_type"])].append(row)
    hard = merged_hard = 0
    for group in by_key.values():
        for a, b in itertools.combinations(group, 2):
            if abs((_day(a) - _day(b)).days) <= 1:
                hard += 1
                merged_hard += bool(events.get(a["event_id_cnty"], set()) & events.get(b["event_id_cnty"], set()))
    ids = [r["event_id_cnty"] for r in rows]
    copies = {doc for doc in ids if any(e.startswith("copy-of:") for e in events.get(doc, ()))}
    owners, merged_owners = defaultdict(set), defaultdict(set)
    for doc in ids:
        for event in events.get(doc, ()):
            owners[event].add(doc)
            if doc not in copies and not event.startswith("copy-of:"):
                merged_owners[event].add(doc)
    return {"rows": len(rows), "hard_pairs": hard, "hard_pairs_merged": merged_hard,
            "false_merge_rate_hard": round(merged_hard / hard, 4) if hard else None,
            "rows_stored_as_copies": len(copies),
            "row_pairs_together_any": _pairs(owners), "row_pairs_merged_by_scoring": _pairs(merged_owners),
            "rows_in_a_false_merge": sum(len(d) for d in owners.values() if len(d) > 1)}


def _pairs(owners: dict[str, set[str]]) -> int:
    return len({pair for docs in owners.values() for pair in itertools.combinations(sorted(docs), 2)})


def _day(row: dict) -> dt.date:
    for form in ("%d %B %Y", "%d-%b-%y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(row["event_date"], form).date()
        except ValueError:
            continue
    raise ValueError(row["event_date"])


def copy_detection(docs: list[Document]) -> dict:
    """Wire-copy detection on constructed articles (8 gold reports joined, ~160 words): reprints with a byline
    and credit line added, the last sentence cut, or both, must be found; different reports must not."""
    finder, rng = DuplicateFinder(), random.Random(1)
    articles = [" ".join(d.text for d in rng.sample(docs, 8)) for _ in range(40)]
    variants = {
        "byline and credit added": lambda t: f"NAIROBI (Sahel Wire) - {t} (Reporting by staff; editing by desk)",
        "last sentence cut": lambda t: t[:t.rstrip(".").rfind(".") + 1],
        "both": lambda t: "NAIROBI (Sahel Wire) - " + t[:t.rstrip(".").rfind(".") + 1],
    }
    found = {name: sum(finder.similarity(finder.signature(t), finder.signature(make(t))) >= finder.threshold
                       for t in articles) for name, make in variants.items()}
    signatures = [finder.signature(d.text) for d in docs]
    closest = max(finder.similarity(a, b) for a, b in itertools.combinations(signatures, 2))
    return {"articles": len(articles), "reprints_found": found, "threshold": finder.threshold,
            "most_similar_distinct_reports": round(closest, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--acled", type=Path, default=ACLED)
    parser.add_argument("--limit", type=int, default=None, help="rows per ACLED file")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--tokenizer", type=Path, help="all-MiniLM-L6-v2 tokenizer.json: adds the embedding run")
    parser.add_argument("--cache", type=Path, help="pickle of the extracted reports (made once, then reused)")
    args = parser.parse_args()
    scorers = {name: PairScorer(policy) for name, policy in POLICIES.items()}
    if args.tokenizer:
        from embeddings import EmbeddingSimilarity

        scorers["minilm embeddings"] = PairScorer(EMBEDDING_POLICY, EmbeddingSimilarity(args.tokenizer))
    gold_docs, incident = gold_documents()
    acled_docs, rows = acled_documents(args.acled, args.limit) if args.acled.is_dir() else ([], [])
    if args.cache and args.cache.is_file():
        gold_results, acled_results = pickle.loads(args.cache.read_bytes())
    else:
        pipeline = Pipeline.open(Settings())
        gold_results = list(pipeline.run(gold_docs))
        print(f"extracting {len(acled_docs)} ACLED notes …", file=sys.stderr)
        acled_results = list(pipeline.run(acled_docs))
        if args.cache:
            args.cache.write_bytes(pickle.dumps((gold_results, acled_results)))
    report = {"gold": {"reports": len(gold_docs), "incidents": len(set(incident.values()))},
              "wire_copies": copy_detection(gold_docs), "policies": {}}
    with tempfile.TemporaryDirectory() as folder:
        for n, (name, scorer) in enumerate(scorers.items()):
            began = time.perf_counter()
            entry = {"gold_families": pair_scores(store_with(gold_results, scorer, Path(folder), f"g{n}"), incident)}
            if acled_results:
                entry["acled_notes"] = acled_false_merges(
                    store_with(acled_results, scorer, Path(folder), f"a{n}"), rows)
            entry["merge_seconds"] = round(time.perf_counter() - began, 1)
            report["policies"][name] = entry
            print(name, json.dumps(entry), file=sys.stderr)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
