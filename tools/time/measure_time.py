"""Measure flashpoint's time resolver against dateparser (run by hand; numbers go to docs/time.md).

    python tests/time/measure_time.py [--shared ../shared] [--limit N]

1. The hand-written cases in tests/time/cases.yaml, per expression class: flashpoint's ``find`` on the sentence,
   ``dateparser.parse`` on the exact expression (the most favourable setting for it), and
   ``dateparser.search.search_dates`` on the sentence (what it would do as a finder), each against the span.
2. ACLED notes (../shared/data/external/acled-notes): the event date of each note (publication stand-in: the
   row's timestamp) from ``event_time`` on the first sentence's root verb, and from dateparser's first date.
3. Speed of ``find`` on parsed ~600-word documents.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import re
import statistics
import time
from pathlib import Path

import yaml

from flashpoint.extract.time import TimeResolver
from flashpoint.nlp import load_pipeline

HERE = Path(__file__).resolve().parent
CASES = HERE.parents[1] / "tests" / "time" / "cases.yaml"
CODER_REMARKS = re.compile(r"(?i)\[[^\]]*\]|(?:^|(?<=\.\s))(?:unknown |unclear |the )?fatalit(?:y|ies)\b[^.]*"
                           r"\bcoded\b[^.]*\.?")


def dateparser_value(text: str, published: dt.date | None) -> dt.date | None:
    import dateparser

    settings = {"PREFER_DATES_FROM": "past"}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


def dateparser_search(text: str, published: dt.date | None) -> list[tuple[str, dt.date]]:
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past"}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
    return [(s, d.date()) for s, d in search_dates(text, languages=["en"], settings=settings) or []]


def within(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def measure_cases(nlp, resolver: TimeResolver) -> None:
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    rows: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for case in data["cases"]:
        published = case.get("published", data["published"]) if "published" in case else data["published"]
        doc = nlp(case["text"])
        mentions = resolver.find(doc, published)
        row = rows[case["class"]]
        row["n"] += 1
        expr = case["expr"]
        found = dateparser_search(case["text"], published)
        if expr is None:
            row["ours"] += not mentions
            row["dp_parse"] += 1  # nothing to parse: not applicable, counted right
            row["dp_parse_inside"] += 1
            row["dp_search"] += not found
            row["dp_search_inside"] += not found
            continue
        start, end = case.get("start"), case.get("end", case.get("start"))
        mine = next((m for m in mentions if m.text == expr), None)
        if case.get("resolved", True) is False:
            row["ours"] += mine is not None and not mine.resolved
            row["dp_parse"] += dateparser_value(expr, published) is None
            row["dp_parse_inside"] += dateparser_value(expr, published) is None
            row["dp_search"] += not found
            row["dp_search_inside"] += not found
            continue
        row["ours"] += mine is not None and (mine.start_date, mine.end_date) == (start, end) and (
            "time" not in case or mine.time == case["time"])
        exact = start == end and "time" not in case
        value = dateparser_value(expr, published)
        row["dp_parse"] += exact and value == start
        row["dp_parse_inside"] += within(value, start, end)
        hits = [d for s, d in found if expr.lower() in s.lower() or s.lower() in expr.lower()]
        row["dp_search"] += exact and bool(hits) and hits[0] == start
        row["dp_search_inside"] += bool(hits) and within(hits[0], start, end)
        row["dp_search_extra"] += len(found) - len(hits)
    print("\n## Hand-written cases (tests/time/cases.yaml)\n")
    print("Right = the exact span (and clock time); dateparser returns one datetime, so a span or a clock time is")
    print("never exactly right: the 'inside' columns count its date as right when it falls inside the span.\n")
    print("| class | cases | flashpoint find | dateparser.parse(expression) | (inside) | search_dates(sentence) "
          "| (inside) |")
    print("|---|---|---|---|---|---|---|")
    total = collections.Counter()
    keys = ("ours", "dp_parse", "dp_parse_inside", "dp_search", "dp_search_inside")
    for name in sorted(rows):
        row = rows[name]
        total.update(row)
        print(f"| {name} | {row['n']} | " + " | ".join(str(row[k]) for k in keys) + " |")
    print(f"| **all** | {total['n']} | " + " | ".join(f"{total[k]} ({total[k] / total['n']:.0%})" for k in keys) + " |")
    print(f"\nsearch_dates also returned {total['dp_search_extra']} dates for words that are not the expression.")


def acled_rows(shared: Path) -> list[dict[str, str]]:
    rows = []
    for path in sorted((shared / "data/external/acled-notes").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


def gold_date(text: str) -> dt.date:
    for fmt in ("%d-%b-%y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def measure_acled(nlp, resolver: TimeResolver, shared: Path, limit: int | None) -> None:
    rows = acled_rows(shared)[:limit]
    counts = collections.Counter()
    precision = collections.Counter()
    misses: list[str] = []
    notes = [CODER_REMARKS.sub("", r["notes"]).strip() for r in rows]
    for row, doc in zip(rows, nlp.pipe(notes, batch_size=64), strict=True):
        if not len(doc):
            continue
        gold = gold_date(row["event_date"])
        published = dt.datetime.fromtimestamp(int(row["timestamp"]), dt.UTC).date()
        mentions = resolver.find(doc, published)
        root = next(iter(doc.sents)).root
        if root.pos_ != "VERB":
            root = next((t for t in doc if t.pos_ == "VERB"), root)
        when = resolver.event_time(doc, root, mentions, published)
        counts["n"] += 1
        counts["ours_exact"] += when.start == gold
        counts["ours_within"] += within(gold, when.start, when.end) if when.start and when.end else False
        counts["ours_none"] += when.start is None
        precision[(row["time_precision"], when.acled_time_precision)] += 1
        counts["prec_agree"] += str(when.acled_time_precision) == row["time_precision"]
        if when.start != gold and len(misses) < 12:
            misses.append(f"{gold} tp{row['time_precision']} → {when.start}..{when.end} {when.flags} | "
                          f"{doc.text[:110]}")
        found = dateparser_search(doc.text, published)
        counts["dp_exact"] += bool(found) and found[0][1] == gold
        counts["dp_none"] += not found
    n = counts["n"]
    print(f"\n## ACLED notes ({n} rows; publication date = row timestamp)\n")
    print("| method | event date = gold | gold within span | no date |")
    print("|---|---|---|---|")
    print(f"| flashpoint event_time (root verb of 1st sentence) | {counts['ours_exact'] / n:.1%} | "
          f"{counts['ours_within'] / n:.1%} | {counts['ours_none'] / n:.1%} |")
    print(f"| dateparser search_dates, first date | {counts['dp_exact'] / n:.1%} | – | {counts['dp_none'] / n:.1%} |")
    print(f"\nACLED time_precision agreement: {counts['prec_agree'] / n:.1%}; (gold, ours): "
          + ", ".join(f"{k}: {v}" for k, v in sorted(precision.items(), key=lambda kv: -kv[1])))
    print("\nFirst misses:\n" + "\n".join(f"- {m}" for m in misses))


def measure_speed(nlp, resolver: TimeResolver, shared: Path) -> None:
    text = (shared / "examples/idlib-2020-02-03/article.txt").read_text(encoding="utf-8")
    words = text.split()
    chunks = [" ".join(words[i : i + 600]) for i in range(0, len(words) - 300, 300)]
    docs = list(nlp.pipe(chunks))
    published = dt.date(2020, 2, 3)
    timings = []
    for _ in range(20):
        for doc in docs:
            started = time.perf_counter()
            resolver.find(doc, published)
            timings.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    list(nlp.pipe(chunks))
    spacy_ms = (time.perf_counter() - started) * 1000 / len(chunks)
    print(f"\n## Speed\n\nfind on a parsed ~600-word document: median {statistics.median(timings):.1f} ms "
          f"(p90 {sorted(timings)[int(len(timings) * 0.9)]:.1f} ms); spaCy parse of the same: {spacy_ms:.0f} ms.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parents[2] / "shared")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    nlp = load_pipeline()
    resolver = TimeResolver()
    measure_cases(nlp, resolver)
    measure_acled(nlp, resolver, args.shared, args.limit)
    measure_speed(nlp, resolver, args.shared)


if __name__ == "__main__":
    main()
