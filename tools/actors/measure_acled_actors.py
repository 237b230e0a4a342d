"""Measure actor naming against gold data (dev-only; reads ../shared, writes nothing into the package).

ACLED notes (../shared/data/external/acled-notes): coder remarks are stripped, the note is parsed, actor mentions are
found with the row's country as the event country, and the names are compared with actor1/actor2:
  * found      — the gold actor is among the note's mention names;
  * actor1/2   — the first agent / first patient of the note's first violent trigger (a small verb list here,
                 standing in for the events stage), else the first / second mention.
Names are compared ignoring ACLED's period suffix "(2000-)", and at "base" level (also ignoring a sub-unit after
the period: "Military Forces of Yemen (2012-) Security Belt Forces" → "Military Forces of Yemen").

PLOVER GSR (../shared/data/external/plover-gsr-cameo): each gold source/target actorText is looked up among the
mentions of its sentence; country (ISO3) and sector are compared.

    python tools/actors/measure_acled_actors.py [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import re
import time
from collections import Counter
from pathlib import Path

from flashpoint.extract.actors import (
    ActorDictionary,
    ActorMention,
    ActorNormalizer,
    arguments_of,
    find_actor_mentions,
)
from flashpoint.nlp import load_pipeline

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "external"
REMARK = re.compile(r"coded as \d|geo-?precision|^\W*(unknown |the )?(\w+ )?fatalit", re.I)
CODED_AS = re.compile(r"\s*\(coded as[^)]*\)|,?\s*coded as [^,.;()]*(\([^)]*\))?", re.I)
BRACKETS = re.compile(r"\[[^\]]*\]")
SENTENCE = re.compile(r"(?<=[.!?])\s+")
PERIOD = re.compile(r"\s*\(\d{4}-(\d{4})?\)")
# A stand-in for the events stage's trigger lexicon: enough to pick the note's main violent verb.
VIOLENT = frozenset(
    {
        "kill",
        "attack",
        "clash",
        "fight",
        "shell",
        "bomb",
        "strike",
        "airstrike",
        "ambush",
        "abduct",
        "kidnap",
        "arrest",
        "shoot",
        "fire",
        "raid",
        "storm",
        "target",
        "assault",
        "loot",
        "burn",
        "detonate",
        "explode",
        "hit",
        "injure",
        "wound",
        "execute",
        "behead",
        "torture",
        "rape",
        "seize",
        "capture",
        "protest",
        "demonstrate",
        "riot",
        "march",
        "gather",
        "disperse",
    }
)
NON_VIOLENT_TYPES = frozenset({"Protests", "Riots", "Strategic developments"})


def clean_note(note: str) -> str:
    """The note without ACLED's coder remarks ("Fatalities coded as …", "[size=…]")."""
    note = CODED_AS.sub("", BRACKETS.sub("", note))
    kept = [s for s in SENTENCE.split(note) if s.strip() and not REMARK.search(s)]
    return " ".join(kept).strip()


def strip_period(name: str) -> str:
    return PERIOD.sub("", name).strip()


def base(name: str) -> str:
    match = PERIOD.search(name)
    return name[: match.start()].strip() if match else name.strip()


def acled_rows(limit: int | None) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(glob.glob(str(SHARED / "acled-notes" / "*.csv"))):
        with open(path, encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows[:limit] if limit else rows


def event_refs(mentions, normalizer, doc, country, event_type):
    """Each mention's actor for this event: the event's country, a state's military in political violence, and
    civilians as protesters / rioters in demonstrations (what the events stage does with the actor API)."""
    crowd = {"Protests": "protesters", "Riots": "rioters"}.get(event_type)
    refs = []
    for mention in mentions:
        ref = normalizer.for_event(mention, doc, event_country=country, doc_country=country)
        if crowd:
            ref = normalizer.crowd(ref, crowd, event_country=country)
        elif event_type not in NON_VIOLENT_TYPES:
            ref = normalizer.armed(ref, event_country=country)
        refs.append(ref)
    return refs


def pick_roles(doc, mentions: list[ActorMention], roles) -> tuple[ActorMention | None, ActorMention | None]:
    for token in doc:
        if token.lemma_.lower() in VIOLENT and token.pos_ in {"VERB", "NOUN"}:
            args = arguments_of(doc, token, mentions, roles=roles)
            if not args.agents and len(args.others) >= 2:  # "clashes between X and Y"
                first, second = args.others[0], args.others[1]
            else:
                first = args.agents[0] if args.agents else None
                rest = [*args.patients, *args.others]
                second = rest[0] if rest else None
            if first or second:
                return first, second
    return (mentions[0] if mentions else None), (mentions[1] if len(mentions) > 1 else None)


def measure_acled(nlp, normalizer: ActorNormalizer, limit: int | None) -> dict:
    rows = acled_rows(limit)
    dictionary = normalizer.dictionary
    counts: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    elapsed = 0.0
    words = 0
    notes = [clean_note(r["notes"]) for r in rows]
    for row, doc in zip(rows, nlp.pipe(notes, batch_size=64), strict=True):
        country = row.get("iso3") or dictionary.country_by_name(row["country"])
        started = time.perf_counter()
        mentions = find_actor_mentions(doc, normalizer, doc_country=country)
        elapsed += time.perf_counter() - started
        words += len(doc)
        refs = event_refs(mentions, normalizer, doc, country, row["event_type"])
        by_mention = dict(zip(mentions, refs, strict=True))
        names = {strip_period(r.name) for r in refs}
        bases = {base(r.name) for r in refs}
        first, second = pick_roles(doc, mentions, dictionary.roles)
        predicted = {
            "actor1": by_mention[first].name if first else "",
            "actor2": by_mention[second].name if second else "",
        }
        for role in ("actor1", "actor2"):
            gold = row[role]
            if not gold:
                continue
            counts[f"{role}.gold"] += 1
            counts[f"{role}.found"] += strip_period(gold) in names
            counts[f"{role}.found_base"] += base(gold) in bases
            counts[f"{role}.exact"] += strip_period(predicted[role]) == strip_period(gold)
            counts[f"{role}.exact_base"] += base(predicted[role]) == base(gold)
            counts[f"{role}.either_base"] += base(gold) in {base(predicted["actor1"]), base(predicted["actor2"])}
            if base(gold) not in bases:
                missed[re.sub(r"\(.*\)", "(…)", base(gold))] += 1
    result = {"rows": len(rows), "words": words, "mention_ms_per_100_words": 1000 * elapsed / max(words, 1) * 100}
    for role in ("actor1", "actor2"):
        gold = counts[f"{role}.gold"] or 1
        for key in ("found", "found_base", "exact", "exact_base", "either_base"):
            result[f"{role}.{key}"] = round(counts[f"{role}.{key}"] / gold, 3)
        result[f"{role}.gold"] = counts[f"{role}.gold"]
    result["most_missed"] = missed.most_common(25)
    return result


def measure_plover(nlp, normalizer: ActorNormalizer) -> dict:
    records = json.loads((SHARED / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    for record in records:
        text = record.get("text")
        gold = [a for key in ("source", "target") if isinstance(record.get(key), list) for a in record[key]]
        if not text or not gold:
            continue
        doc = nlp(text)
        mentions = find_actor_mentions(doc, normalizer)
        for actor in gold:
            at = text.find(actor.get("actorText") or "\0")
            if at < 0:
                continue
            end = at + len(actor["actorText"])
            hits = [m for m in mentions if m.start < end and at < m.end]
            counts["gold"] += 1
            if not hits:
                continue
            ref = hits[0].ref
            counts["found"] += 1
            code, sector = actor.get("code"), actor.get("sector")
            counts["country_right"] += (ref.sector == "IGO") if code == "IGO" else (ref.country == code)
            if sector in {"GOV", "MIL", "COP", "REB", "CVL", "OPP", "PTY", "IGO", "UAF", "JUD", "MED", "REL"}:
                counts["sector_gold"] += 1
                counts["sector_right"] += ref.sector == sector
    gold = counts["gold"] or 1
    return {
        "actors": counts["gold"],
        "found": round(counts["found"] / gold, 3),
        "country_accuracy": round(counts["country_right"] / gold, 3),
        "country_accuracy_when_found": round(counts["country_right"] / (counts["found"] or 1), 3),
        "sector_accuracy": round(counts["sector_right"] / (counts["sector_gold"] or 1), 3),
        "sector_gold": counts["sector_gold"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N ACLED rows")
    args = parser.parse_args()
    nlp = load_pipeline()
    normalizer = ActorNormalizer(ActorDictionary.load())
    print(
        json.dumps(
            {"acled": measure_acled(nlp, normalizer, args.limit), "plover": measure_plover(nlp, normalizer)}, indent=2
        )
    )


if __name__ == "__main__":
    main()
