"""Geoparsing scores and an error listing on the Gritta corpora, with parsed documents cached between runs.

    python tools/places/error_report.py ../shared/data/external/geoparsing-gritta --cache /tmp/fp-docs \
        [--errors N] [--only LGL] [--dump errors.jsonl]

``--dump`` writes one JSON line per gold toponym (hit, miss, unresolved, wrong) and per false positive, for
aggregating errors by kind (jq, pandas); the listing parses without the sources' home regions (the scores use them).
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


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(haversine_km(np.array(lat1), np.array(lon1), np.array(lat2), np.array(lon2)))


def _place(place) -> dict | None:
    if place is None:
        return None
    return {"name": place.name, "country": place.country, "admin1": place.admin1, "code": place.feature_code,
            "lat": place.lat, "lon": place.lon, "pop": place.population, "source": place.source}


def outcomes(corpus: str, article, mentions, origins: dict[int, str] | None = None) -> list[dict]:
    """One record per gold toponym and per false positive of an article (``origins``: token start → origin)."""
    out = []
    origins = origins or {}
    text = article.text
    for g in article.toponyms:
        hit = next((m for m in mentions if m.start < g.end and g.start < m.end), None)
        row = {"corpus": corpus, "doc": article.id, "gold": g.text, "start": g.start, "glat": g.lat, "glon": g.lon,
               "ctx": text[max(0, g.start - 60):g.end + 30].replace("\n", " ")}
        if hit is None:
            row["outcome"] = "miss"
        elif hit.place is None:
            row |= {"outcome": "unresolved", "pred": hit.text}
        else:
            km = _km(hit.place.lat, hit.place.lon, g.lat, g.lon)
            row |= {"outcome": "ok" if km <= 161 else "wrong", "km": round(km, 1), "pred": hit.text,
                    "place": _place(hit.place), "runner": _place(hit.runner_up), "score": hit.score,
                    "kind": hit.kind, "relation": hit.relation, "origin": origins.get(hit.token_start)}
        out.append(row)
    for m in mentions:
        if not any(m.start < g.end and g.start < m.end for g in article.toponyms) and not any(
            s < m.end and m.start < e for s, e in article.ignored
        ):
            out.append({"corpus": corpus, "doc": article.id, "outcome": "fp", "pred": m.text, "start": m.start,
                        "place": _place(m.place), "origin": origins.get(m.token_start),
                        "ctx": text[max(0, m.start - 60):m.end + 30].replace("\n", " ")})
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/fp-docs"))
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--only", default=None)
    parser.add_argument("--dump", type=Path, default=None)
    args = parser.parse_args()
    nlp = load_pipeline()
    geoparser = Geoparser(Gazetteer.open(Settings()))
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for name, file in CORPORA.items():
        if args.only and name != args.only:
            continue
        articles = load_corpus(args.folder / file)
        docs = parsed(nlp, name, [a.text for a in articles], args.cache)
        result = score_corpus(articles, docs, geoparser)
        print(name, json.dumps(result["flashpoint"]), "\n  baseline", json.dumps(result["baseline"]))
        shown = 0
        for article, doc in zip(articles, docs, strict=True):
            if not dump and shown >= args.errors:
                break
            origins = {t.start: f"{t.origin}:{doc[t.start].ent_type_}" for t in geoparser.recognizer.find(doc)}
            rows = outcomes(name, article, geoparser.parse(doc), origins)
            for row in rows:
                if dump:
                    dump.write(json.dumps(row, ensure_ascii=False) + "\n")
                if shown < args.errors and row["outcome"] != "ok":
                    shown += 1
                    print(f"  {row['outcome'].upper()} {row.get('gold') or row.get('pred')!r} "
                          f"-> {row.get('place')} km={row.get('km')} ctx={row['ctx']!r}")
    if dump:
        dump.close()


if __name__ == "__main__":
    main()
