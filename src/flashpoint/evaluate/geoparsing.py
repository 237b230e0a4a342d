"""Geoparsing scores on the Gritta corpora and event-location choice on Halterman's sentences.

Every rate comes with the counts behind it; the dicts are JSON-serialisable.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.evaluate.gold.gritta import CORPORA, GoldArticle, load_corpus
from flashpoint.evaluate.gold.halterman import load_records
from flashpoint.extract.places import Geoparser, Place, PlaceMention, choose_event_location, home_region
from flashpoint.extract.places.names import name_key
from flashpoint.extract.places.resolve import haversine_km

KM = 161.0
BASELINE_LABELS = frozenset({"GPE", "LOC", "FAC"})
Prediction = tuple[int, int, float | None, float | None]  # start, end, lat, lon (None: unresolved)


def evaluate_geoparsing(
    corpus_path: Path, nlp: Language, geoparser: Geoparser, limit: int | None = None
) -> dict:
    """Score the geoparser on one corpus file, or on every known corpus file of a folder.

    For one corpus the dict holds ``corpus``, ``articles``, ``home_regions`` (news sources whose home region
    was learnt and used as context, see ``score_corpus``), ``seconds``, ``flashpoint`` and ``baseline`` (spaCy
    GPE/LOC/FAC entities, each resolved by exact name to the most populous GeoNames populated place), each a
    score dict (see ``score``). For a folder: ``{"corpora": {name: <one corpus dict>}, "gazetteer": version}``.
    ``limit`` keeps the first N articles of each corpus.
    """
    if corpus_path.is_dir():
        found = {name: corpus_path / file for name, file in CORPORA.items() if (corpus_path / file).exists()}
        corpora = {name: evaluate_geoparsing(path, nlp, geoparser, limit) for name, path in found.items()}
        if len(corpora) > 1:
            corpora["all (pooled)"] = pooled(list(corpora.values()))
        return {"gazetteer": geoparser.version, "corpora": corpora}
    articles = load_corpus(corpus_path)[:limit] if limit else load_corpus(corpus_path)
    began = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    result = score_corpus(articles, docs, geoparser)
    result["corpus"] = next((n for n, f in CORPORA.items() if f == corpus_path.name), corpus_path.stem)
    result["seconds"] = round(time.perf_counter() - began, 2)
    return result


def score_corpus(
    articles: Sequence[GoldArticle], docs: Sequence[Doc], geoparser: Geoparser, sources: bool = True
) -> dict:
    """Scores of flashpoint and of the population baseline on parsed articles.

    With ``sources`` (the default), articles that name their news source (LGL's feed, TR-News' site) are parsed
    twice: the source's home region, learnt from the first pass over its articles (``home_region``), is then
    given to the geoparser as context. ``home_regions`` counts the sources that got one.
    """
    parsed = [geoparser.parse(doc) for doc in docs]
    regions: dict[str, Place] = {}
    if sources:
        by_source: dict[str, list[int]] = defaultdict(list)
        for i, article in enumerate(articles):
            if article.source:
                by_source[article.source].append(i)
        for source in sorted(by_source):
            region = home_region(geoparser.gazetteer, [parsed[i] for i in by_source[source]])
            if region is not None:
                regions[source] = region
        parsed = [
            geoparser.parse(doc, hints=[regions[a.source]]) if a.source in regions else mentions
            for a, doc, mentions in zip(articles, docs, parsed, strict=True)
        ]
    ours = [_predictions(mentions) for mentions in parsed]
    base = [_baseline_predictions(doc, geoparser) for doc in docs]
    return {
        "articles": len(articles),
        "home_regions": len(regions),
        "flashpoint": score(articles, ours),
        "baseline": score(articles, base),
    }


def pooled(corpora: Sequence[dict]) -> dict:
    """The corpora's counts added up and their rates recomputed (no median: distances are not kept)."""
    out: dict = {"articles": sum(c["articles"] for c in corpora)}
    for system in ("flashpoint", "baseline"):
        n = {k: sum(c[system][k] for c in corpora) for k in ("gold", "predicted", "tp", "fp", "fn", "resolved",
                                                              "correct_161")}
        precision, recall = _ratio(n["tp"], n["tp"] + n["fp"]), _ratio(n["tp"], n["tp"] + n["fn"])
        p161, r161 = _ratio(n["correct_161"], n["predicted"]), _ratio(n["correct_161"], n["gold"])
        out[system] = n | {"precision": precision, "recall": recall, "f1": round(_f1(precision, recall), 4),
                           "accuracy_161": _ratio(n["correct_161"], n["tp"]), "median_km": None,
                           "precision_161": p161, "recall_161": r161, "f1_161": round(_f1(p161, r161), 4)}
    return out


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _predictions(mentions: Sequence[PlaceMention]) -> list[Prediction]:
    out = []
    for mention in mentions:
        place = mention.place
        out.append((mention.start, mention.end, place.lat if place else None, place.lon if place else None))
    return out


def _baseline_predictions(doc: Doc, geoparser: Geoparser) -> list[Prediction]:
    ents = [e for e in doc.ents if e.label_ in BASELINE_LABELS]
    found = geoparser.gazetteer.lookup([e.text for e in ents])
    out = []
    for ent in ents:
        cities = [
            c.place
            for c in found.get(name_key(ent.text), [])
            if c.match <= 1 and c.place.source == "geonames" and c.place.feature_class == "P"
        ]
        best = max(cities, key=lambda p: (p.population, -p.pid)) if cities else None
        out.append((ent.start_char, ent.end_char, best.lat if best else None, best.lon if best else None))
    return out


def score(articles: Sequence[GoldArticle], predictions: Sequence[Sequence[Prediction]]) -> dict:
    """Recognition, resolution and end-to-end scores.

    Keys: ``gold`` (literal toponyms with coordinates), ``predicted`` (predictions not on an ignored span),
    ``tp``/``fp``/``fn`` (a prediction matches a gold toponym its span overlaps, one to one), ``precision``,
    ``recall``, ``f1``; ``resolved`` (true positives with coordinates), ``correct_161`` (true positives within
    161 km of gold), ``accuracy_161`` = correct_161 / tp; ``median_km``/``mean_km`` over resolved true positives;
    ``precision_161``, ``recall_161``, ``f1_161`` (end to end: a prediction counts when it overlaps a gold
    toponym and lies within 161 km).
    """
    tp = fp = fn = gold_n = predicted = correct = resolved = 0
    errors: list[float] = []
    for article, preds in zip(articles, predictions, strict=True):
        gold = sorted(article.toponyms, key=lambda g: (g.start, g.end))
        gold_n += len(gold)
        used: set[int] = set()
        for start, end, lat, lon in sorted(preds, key=lambda p: (p[0], p[1])):
            match = next(
                (k for k, g in enumerate(gold) if k not in used and g.start < end and start < g.end), None
            )
            if match is None:
                if any(s < end and start < e for s, e in article.ignored) or any(
                    g.start < end and start < g.end for g in gold
                ):
                    continue
                fp += 1
                predicted += 1
                continue
            used.add(match)
            tp += 1
            predicted += 1
            if lat is not None and lon is not None:
                resolved += 1
                g = gold[match]
                km = float(haversine_km(np.array(lat), np.array(lon), np.array(g.lat), np.array(g.lon)))
                errors.append(km)
                correct += km <= KM
        fn += len(gold) - len(used)
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold_n if gold_n else 0.0
    p161 = correct / predicted if predicted else 0.0
    r161 = correct / gold_n if gold_n else 0.0
    return {
        "gold": gold_n,
        "predicted": predicted,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": _round(precision),
        "recall": _round(recall),
        "f1": _round(_f1(precision, recall)),
        "resolved": resolved,
        "correct_161": correct,
        "accuracy_161": _round(correct / tp if tp else 0.0),
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "precision_161": _round(p161),
        "recall_161": _round(r161),
        "f1_161": _round(_f1(p161, r161)),
    }


def evaluate_event_location(
    path: Path, nlp: Language, geoparser: Geoparser, choose: Callable = choose_event_location
) -> dict:
    """Share of Halterman's gold (RELABEL) events whose chosen place is a gold location span.

    Keys: ``records``; ``with_location`` (records whose event has a stated location), ``correct`` (the chosen
    mention overlaps a gold location), ``accuracy`` = correct / with_location, ``none_chosen`` (with a location,
    but nothing chosen); ``without_location``, ``false_location`` (a place chosen for an event with none),
    ``false_location_rate``; ``overall_accuracy`` (right place or rightly none, over all records).
    """
    records = load_records(path)
    docs = nlp.pipe((r.text for r in records), batch_size=32)
    with_loc = correct = none_chosen = without = false_loc = 0
    for record, doc in zip(records, docs, strict=True):
        trigger_span = doc.char_span(*record.verb, alignment_mode="expand")
        if trigger_span is None or not len(trigger_span):
            continue
        chosen = choose(doc, trigger_span.root, geoparser.parse(doc))
        if record.locations:
            with_loc += 1
            if chosen is None:
                none_chosen += 1
            elif any(s < chosen.end and chosen.start < e for s, e in record.locations):
                correct += 1
        else:
            without += 1
            false_loc += chosen is not None
    return {
        "records": len(records),
        "with_location": with_loc,
        "correct": correct,
        "accuracy": _round(correct / with_loc if with_loc else 0.0),
        "none_chosen": none_chosen,
        "without_location": without,
        "false_location": false_loc,
        "false_location_rate": _round(false_loc / without if without else 0.0),
        "overall_accuracy": _round(
            (correct + without - false_loc) / (with_loc + without) if with_loc + without else 0.0
        ),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _round(x: float) -> float:
    return round(x, 4)
