"""Where the real pipeline places ACLED notes' events, against ACLED's coded location.

    python tools/places/acled_places_report.py ../shared/data/external/acled-notes 400 \
        [--cache /tmp/fp-acled] [--errors errors.txt] [--no-hints]

``N`` is the number of rows read from each ACLED file (as ``load_acled_notes`` counts). For every gold event the
pipeline aligns with a predicted event (``match(..., "aligned")``), the predicted location is scored: no place,
unresolved, resolved; of all aligned events: country right, admin1 right (ACLED's admin1 against the
gazetteer's, compared by a vowel-free key or a loose gazetteer look-up), within 25 km and within 161 km of the
coded point. Figures are printed per file and overall. ``--errors`` lists every aligned event farther than
``--errors-km`` (161 km).
``--no-hints`` parses without the actors' countries (to measure what the hints bring).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from spacy.tokens import DocBin

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold.acled_notes import load_acled_notes
from flashpoint.evaluate.matching import match
from flashpoint.extract.places.build import strip_admin_words
from flashpoint.extract.places.names import name_key
from flashpoint.extract.places.resolve import haversine_km
from flashpoint.pipeline import Pipeline

KINDS = ("specific", "background")
RATES = ("country", "admin1", "km25", "km161")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(haversine_km(np.array(lat1), np.array(lon1), np.array(lat2), np.array(lon2)))


def _consonants(text: str) -> str:
    key = strip_admin_words(name_key(text))
    words = [w for w in key.split() if w not in ("al", "el", "ar", "as", "ad", "an", "ash", "at", "of")]
    letters = "".join(words).replace("q", "k").replace("w", "").replace("h", "")
    out = [ch for ch in letters if ch.isalpha() and ch not in "aeiouy"]
    return "".join(ch for i, ch in enumerate(out) if i == 0 or ch != out[i - 1])


def same_admin1(gazetteer, iso3: str | None, gold: str | None, predicted: str | None) -> bool:
    """ACLED's admin1 name and the gazetteer's, for the same division? ("Idleb"/"Idlib", "Uruzgan"/"Oruzgan")."""
    if not gold or not predicted:
        return False
    if _consonants(gold) == _consonants(predicted):
        return True
    found = gazetteer.admin1(iso3 or "", gold)
    if found is None:
        hits = gazetteer.lookup([gold], loose=True).get(name_key(gold), [])
        found = next((c.place for c in hits if c.place.is_admin1 and c.place.country == iso3), None)
    return found is not None and found.admin1 == predicted


def parsed_docs(pipeline: Pipeline, texts: list[str], cache: Path | None, tag: str):
    path = cache / f"{tag}.spacy" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(pipeline.nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts, strict=True)):
            return docs
    docs = list(pipeline.nlp.pipe(texts, batch_size=64))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("limit", type=int, nargs="?", default=400)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--errors", type=Path)
    parser.add_argument("--errors-km", type=float, default=161.0, help="list aligned events farther than this")
    parser.add_argument("--no-hints", action="store_true")
    args = parser.parse_args()
    gold = load_acled_notes(args.path, Conventions.load(), limit=args.limit)
    pipeline = Pipeline.open()
    if args.no_hints:
        pipeline._actor_countries = lambda mentions: []
    texts = [g.document.text for g in gold.documents]
    docs = parsed_docs(pipeline, texts, args.cache, f"acled-{args.limit}")
    counts: dict[str, Counter] = defaultdict(Counter)
    errors: list[str] = []
    for item, doc in zip(gold.documents, docs, strict=True):
        group = item.document.id.split(":")[1][:3]
        result = pipeline.extract(item.document, doc)
        events = [e for e in result.events if e.kind in KINDS]
        aligned = match(list(item.events), events, "aligned")
        for tally in (counts[group], counts["all"]):
            tally["notes"] += 1
            tally["aligned"] += len(aligned.pairs)
        for i, j in aligned.pairs:
            truth, where = item.events[i].location, events[j].location
            outcome = Counter()
            if where is None:
                outcome["no place"] += 1
            elif not where.resolved or where.lat is None:
                outcome["unresolved"] += 1
            else:
                outcome["resolved"] += 1
                outcome["country"] += where.iso3 == truth.iso3
                outcome["admin1"] += where.iso3 == truth.iso3 and same_admin1(
                    pipeline.gazetteer, truth.iso3, truth.admin1, where.admin1)
                km = _km(truth.lat, truth.lon, where.lat, where.lon)
                outcome["km25"] += km <= 25
                outcome["km161"] += km <= 161
            for tally in (counts[group], counts["all"]):
                tally.update(outcome)
            far = where is None or not where.resolved or where.lat is None or _km(
                truth.lat, truth.lon, where.lat, where.lon) > args.errors_km
            if far:
                found = "—" if where is None else (
                    f"{where.text!r} → {where.name} [{where.feature_code}] ({where.iso3}, {where.admin1})"
                    if where.resolved
                    else f"{where.text!r} unresolved")
                errors.append(f"{item.document.id}: gold {truth.name} ±{truth.tolerance_km} ({truth.iso3}, "
                              f"{truth.admin1}) ← {found} | "
                              f"{item.document.text[:200]!r}")
    print(f"{'set':5} {'notes':>6} {'aligned':>8} {'none':>6} {'unres':>6} {'resolved':>9}  "
          + "  ".join(f"{r:>7}" for r in RATES) + "  wrong-country/resolved")
    for group in sorted(counts, key=lambda g: (g == "all", g)):
        c = counts[group]
        n = c["aligned"] or 1
        rates = "  ".join(f"{c[r] / n:7.3f}" for r in RATES)
        wrong = (c["resolved"] - c["country"]) / (c["resolved"] or 1)
        print(f"{group:5} {c['notes']:6d} {c['aligned']:8d} {c['no place']:6d} {c['unresolved']:6d} "
              f"{c['resolved']:9d}  {rates}  {wrong:.3f}")
    print("rates are over aligned events; counts:", dict(sorted(counts["all"].items())))
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
