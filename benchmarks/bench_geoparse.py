"""Benchmark: open the gazetteer and geoparse the founding example article (target < 2 s in all).

    python benchmarks/bench_geoparse.py [ARTICLE]

Prints JSON: seconds to open the gazetteer, to parse with spaCy, to geoparse the parsed doc (median of 5), and
the total of opening + spaCy + geoparsing. The gazetteer must already be built (``flashpoint gazetteer build``).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from flashpoint.extract.places import Gazetteer, Geoparser
from flashpoint.nlp import load_pipeline
from flashpoint.settings import Settings

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "examples" / "idlib-2020-02-03" / "article.txt"


def main() -> None:
    article = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    text = article.read_text(encoding="utf-8")
    nlp = load_pipeline()
    began = time.perf_counter()
    gazetteer = Gazetteer.open(Settings())
    geoparser = Geoparser(gazetteer)
    opened = time.perf_counter() - began
    began = time.perf_counter()
    doc = nlp(text)
    parsed = time.perf_counter() - began
    runs = []
    for _ in range(5):
        began = time.perf_counter()
        mentions = geoparser.parse(doc)
        runs.append(time.perf_counter() - began)
    first = runs[0]
    print(json.dumps({
        "article": article.name, "words": len(text.split()), "places": len(mentions),
        "open_gazetteer_s": round(opened, 3), "spacy_s": round(parsed, 3),
        "geoparse_first_s": round(first, 3), "geoparse_median_s": round(statistics.median(runs), 3),
        "total_s": round(opened + parsed + first, 3), "gazetteer": gazetteer.version,
    }, indent=2))


if __name__ == "__main__":
    main()
