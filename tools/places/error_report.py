"""Geoparsing scores and an error listing on the Gritta corpora, with parsed documents cached between runs.

    python tools/places/error_report.py ../shared/data/external/geoparsing-gritta --cache /tmp/fp-docs [--errors N]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from spacy.tokens import DocBin

from flashpoint.evaluate.geoparsing import score_corpus
from flashpoint.evaluate.gold.gritta import CORPORA, load_corpus
from flashpoint.extract.places import Gazetteer, Geoparser
from flashpoint.extract.places.resolve import haversine_km
from flashpoint.nlp import load_pipeline
from flashpoint.settings import Settings


def parsed(nlp, name: str, texts: list[str], cache: Path):
    path = cache / f"{name}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16))
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/fp-docs"))
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--only", default=None)
    args = parser.parse_args()
    nlp = load_pipeline()
    geoparser = Geoparser(Gazetteer.open(Settings()))
    for name, file in CORPORA.items():
        if args.only and name != args.only:
            continue
        articles = load_corpus(args.folder / file)
        docs = parsed(nlp, name, [a.text for a in articles], args.cache)
        result = score_corpus(articles, docs, geoparser)
        print(name, json.dumps(result["flashpoint"]), "\n  baseline", json.dumps(result["baseline"]))
        if args.errors:
            shown = 0
            for article, doc in zip(articles, docs, strict=True):
                mentions = geoparser.parse(doc)
                for g in article.toponyms:
                    hit = next((m for m in mentions if m.start < g.end and g.start < m.end), None)
                    if hit is None:
                        print(f"  MISS {g.text!r} ctx={article.text[max(0, g.start - 40):g.end + 20]!r}")
                    elif hit.place is None:
                        print(f"  UNRES {g.text!r}")
                    else:
                        km = float(haversine_km(np.array(hit.place.lat), np.array(hit.place.lon),
                                                np.array(g.lat), np.array(g.lon)))
                        if km > 161:
                            p = hit.place
                            print(f"  WRONG {g.text!r} -> {p.name}/{p.country}/{p.admin1}/{p.feature_code} "
                                  f"{km:.0f}km gold=({g.lat},{g.lon}) s={hit.score}")
                    shown += 1
                for m in mentions:
                    if not any(m.start < g.end and g.start < m.end for g in article.toponyms) and not any(
                        s < m.end and m.start < e for s, e in article.ignored
                    ):
                        print(f"  FP {m.text!r} ctx={article.text[max(0, m.start - 40):m.end + 20]!r}")
                if shown > args.errors:
                    break


if __name__ == "__main__":
    main()
