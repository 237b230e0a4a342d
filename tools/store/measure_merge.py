"""Measure cross-document merging on gold pairs (docs/store.md reports the numbers).

    python tools/store/measure_merge.py [--acled ../shared/data/external/acled-notes] [--limit N] [--out FILE]

Two gold sets:

1. ``eval/merge_gold.yaml``: reports written for flashpoint, grouped by incident. Reports of one
   incident are positives; reports of different incidents on the same day in the same province, or at the same
   place on another day, are the hard negatives. Scored as pairwise precision / recall / F1 of "same event".
2. ACLED notes (read from ../shared, never copied): every row is a distinct event that ACLED has already
   de-duplicated, so two rows whose events end up merged are a false merge. Hard negatives are pairs of rows of
   one event type in the same country and admin1 within one day; reported as the share of them merged.

Each policy (merge weights) is run on the same extracted reports, so only the merging differs. `flashpoint eval`
reports the default policy's figures on the accuracy page (flashpoint.evaluate.merging); this script compares
policies.
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
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from flashpoint.evaluate.gold.acled_remarks import clean_note
from flashpoint.evaluate.merging import load_merge_gold, pair_scores, stored_events
from flashpoint.model import Document
from flashpoint.pipeline import Pipeline
from flashpoint.resolve.across import MergePolicy, PairScorer
from flashpoint.settings import Settings
from flashpoint.store import DuplicateFinder

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ACLED = HERE.parents[2] / "shared" / "data" / "external" / "acled-notes"
POLICIES = {
    "tf-idf (default)": MergePolicy(),
    "no text": replace(MergePolicy(), text=0.0),
    "tf-idf, threshold 3.0": replace(MergePolicy(), threshold=3.0),
    "tf-idf, threshold 4.0": replace(MergePolicy(), threshold=4.0),
}
EMBEDDING_POLICY = replace(MergePolicy(), text_baseline=0.45)  # paraphrases ≈ 0.75, unrelated reports ≈ 0.2


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
    gold_docs, incident = load_merge_gold(ROOT / "eval" / "merge_gold.yaml")
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
    for name, scorer in scorers.items():
        began = time.perf_counter()
        entry = {"gold_families": pair_scores(stored_events(gold_results, scorer), incident)}
        if acled_results:
            entry["acled_notes"] = acled_false_merges(stored_events(acled_results, scorer), rows)
        entry["merge_seconds"] = round(time.perf_counter() - began, 1)
        report["policies"][name] = entry
        print(name, json.dumps(entry), file=sys.stderr)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
