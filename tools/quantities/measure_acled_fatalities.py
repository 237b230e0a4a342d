"""Dev-only: how often the count layer's fatality figure equals ACLED's `fatalities` on the shared ACLED notes.

Reads ../shared/data/external/acled-notes/*.csv (never copied into the repository), strips ACLED's coder remarks
with the eval harness's own cleaner (flashpoint.evaluate.gold.acled_remarks: "Fatalities coded as …", "[size=…]",
"(coded as … at geoprecision 2)"), parses each note with the real pipeline, finds counts with CountFinder and
compares two predictions with the gold column:

* ``largest``: the largest killed figure (best, else low) in the note, as a quick baseline;
* ``tally``:   the tally of all killed mentions of the note (revisions, sums, contests), its ``low``.

An unnumbered plural ("several", "a number of") becomes the ACLED export's default (settings.unknown_fatalities).
Rows whose removed remarks talk about deaths are reported apart, as the harness leaves them out of fatality
scoring: their gold follows a policy the text does not state (e.g. "Fatalities coded as 0 (VoJ reported 3)").

Crowd sizes: for notes whose "[size=…]" tag holds a figure (read with parse_quantity: "about 200", "dozens"),
the first crowd count found in the note must have the same low and best. PLOVER gold sentences
(../plover-gsr-cameo) with `dead`/`injured`: the first killed/injured count's best must equal them.

    python tools/quantities/measure_acled_fatalities.py [--show 20] [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from flashpoint.evaluate.gold.acled_remarks import clean_note
from flashpoint.extract.quantities import CountFinder, CountMention, NumberVocabulary, parse_quantity
from flashpoint.extract.quantities.tally import tally
from flashpoint.nlp import load_pipeline
from flashpoint.settings import Settings

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "external" / "acled-notes"
SIZE = re.compile(r"\[size\s*=\s*([^\]]*)\]")


def largest(mentions: Iterable[CountMention], unknown: int) -> int:
    figures = [
        (
            m.quantity.best
            if m.quantity.best is not None
            else unknown
            if m.quantity.kind == "unnumbered"
            else m.quantity.low
        )
        for m in mentions
        if m.what == "killed" and not m.high_only and not m.subset
    ]
    known = [f for f in figures if f is not None]
    return max(known) if known else 0


def tallied(mentions: list[CountMention], unknown: int, generic: frozenset[str]) -> int:
    result = tally(mentions, "killed", generic)
    if result is None or result.low is None:
        return 0
    current = [m for m, status in result.figures if status != "superseded" and not m.high_only]
    if result.best is None and any(m.quantity.kind == "unnumbered" for m in current):
        return max(unknown, result.low)
    return result.low


def plover_check(path: Path, nlp, finder: CountFinder) -> str:
    """ "dead a/b, injured c/d" on the PLOVER gold sentences that give them."""
    if not path.is_file():
        return "PLOVER gold not found"
    records = json.loads(path.read_text(encoding="utf-8"))
    results = []
    for key, what in (("dead", "killed"), ("injured", "injured")):
        chosen = [r for r in records if key in r]
        hits = 0
        for record, doc in zip(chosen, nlp.pipe(r["text"] for r in chosen), strict=True):
            found = [m for m in finder.find(doc) if m.what == what and not m.high_only]
            hits += bool(found) and found[0].quantity.best == int(record[key])
        results.append(f"{key} {hits}/{len(chosen)}")
    return "PLOVER gold sentences: " + ", ".join(results)


def rows(data: Path) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for path in sorted(data.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            found += list(csv.DictReader(handle))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=0, help="print this many misses of the tally prediction")
    args = parser.parse_args(argv)
    unknown = Settings().unknown_fatalities
    nlp = load_pipeline()
    finder = CountFinder(NumberVocabulary.load())
    records = rows(args.data)
    cleaned = [clean_note(r["notes"]) for r in records]
    texts = [c.text for c in cleaned]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    parsed = time.perf_counter()
    found = [finder.find(doc) for doc in docs]
    finished = time.perf_counter()
    buckets: dict[str, list[tuple[bool, bool]]] = {}
    misses = []
    generic = finder.vocab.generic_people
    for record, note, mentions in zip(records, cleaned, found, strict=True):
        gold = int(record["fatalities"])
        predicted = tallied(mentions, unknown, generic)
        hits = (largest(mentions, unknown) == gold, predicted == gold)
        policy = note.fatalities_from_remark
        names = ["all rows", "all rows with deaths" if gold else "all rows without deaths"]
        if not policy:
            names += ["scored rows", "scored rows with deaths" if gold else "scored rows without deaths"]
        for name in names:
            buckets.setdefault(name, []).append(hits)
        if not hits[1]:
            misses.append((gold, predicted, policy, note.text))
    print(
        f"{len(records)} ACLED notes; spaCy {parsed - started:.1f}s, CountFinder {finished - parsed:.2f}s "
        f"({1000 * (finished - parsed) / max(1, len(docs)):.2f} ms/note); version {finder.version}"
    )
    print(f"{'rows':28} {'n':>5} {'largest':>8} {'tally':>8}")
    for name, hits in sorted(buckets.items()):
        n = len(hits)
        print(f"{name:28} {n:5d} {sum(h[0] for h in hits) / n:8.1%} {sum(h[1] for h in hits) / n:8.1%}")
    sizes = [
        (parse_quantity(m.group(1), finder.vocab), i) for i, r in enumerate(records) if (m := SIZE.search(r["notes"]))
    ]
    sizes = [(q, i) for q, i in sizes if q is not None]
    crowd_hits = 0
    for size, index in sizes:
        crowds = [m.quantity for m in found[index] if m.what == "crowd"]
        crowd_hits += bool(crowds) and (crowds[0].low, crowds[0].best) == (size.low, size.best)
    print(
        f"crowd sizes: {crowd_hits}/{len(sizes)} notes with a [size=<figure>] tag "
        f"({crowd_hits / max(1, len(sizes)):.1%})"
    )
    print(plover_check(args.data.parent / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.txt", nlp, finder))
    for gold, predicted, policy, text in misses[: args.show]:
        print(f"- gold {gold} predicted {predicted}{' (remark)' if policy else ''}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
