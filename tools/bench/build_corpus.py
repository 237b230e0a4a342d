"""Build the benchmark corpus (JSON Lines) from the external data in ../shared plus generated texts of our own.

    python tools/bench/build_corpus.py [--out DIR] [--shared DIR]

Writes to a cache folder (default ``$XDG_CACHE_HOME/flashpoint/bench-corpus``), never into the repository: the
geoparsing corpora are GPL news articles and must not be committed. Files written:

* ``articles.jsonl`` — the 300 longest real news articles (GeoWebNews, LGL, TR-News, GeoVirus): the throughput set;
* ``short.jsonl`` — 600 short reports (1–3 sentences) for the 10× scaling check;
* ``corpus.jsonl`` — every document (≥ 2,000): real articles, Halterman's conflict sentences grouped into
  stories by source, and generated reports;
* ``manifest.json`` — counts, words and sources of each file.

Deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data" / "external"
GRITTA = ("GWN.xml", "lgl.xml", "TR-News.xml", "GeoVirus.xml")
THROUGHPUT_ARTICLES = 300
SHORT_REPORTS = 600
GENERATED_ARTICLES = 400
STORY_SENTENCES = 12  # Halterman sentences per grouped story
SEED = 20261125
BASE_DAY = dt.date(2021, 1, 1)

# Texts of our own: report sentences with slots, filled from the tuples below.
SENTENCES = (
    "{actor} attacked {target} in {town} on {day}, killing {n} people, {source} said.",
    "At least {n} {victims} were wounded when a roadside bomb exploded near {town} on {day}.",
    "{actor} shelled villages south of {town} overnight, according to {source}.",
    "Hundreds of {crowd} gathered in central {town} on {day} to protest against {grievance}.",
    "Police in {town} fired tear gas at {crowd} and detained {n} people, {source} said.",
    "A drone strike on a vehicle near {town} killed {n} {victims}, {source} reported.",
    "{actor} said it had taken control of two villages west of {town} after heavy fighting.",
    "Clashes between {actor} and {other} near {town} left {n} fighters dead on {day}.",
    "Gunmen abducted {n} {victims} from a bus on the road between {town} and {town2}.",
    "Residents of {town} said they heard explosions for several hours on {day} night.",
    "The governor of the province called for calm after the violence in {town}.",
    "{source} said the toll could rise as rescue teams searched the rubble in {town}.",
    "Thousands of families have fled {town} since the fighting began last month.",
    "Talks between {actor} and {other} were expected to resume in {town2} next week.",
    "No group immediately claimed responsibility for the attack in {town}.",
    "{crowd} blocked the main highway near {town} for a second day, demanding {grievance2}.",
)
SLOTS = {
    "actor": ("Government forces", "Rebel fighters", "Militants", "The army", "An armed group", "Security forces"),
    "other": ("local militias", "government troops", "a rival faction", "tribal fighters"),
    "target": ("a military post", "a checkpoint", "a market", "a convoy", "a police station", "a village"),
    "town": ("Mosul", "Kandahar", "Maiduguri", "Goma", "Timbuktu", "Aden", "Mogadishu", "Kidal", "Bamako",
             "Marawi", "Beni", "Kunduz", "Ouagadougou", "Juba", "Tripoli", "Benghazi", "Sanaa", "Homs"),
    "town2": ("the capital", "the border crossing", "the provincial capital", "the airport"),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "n": ("two", "three", "five", "seven", "12", "15", "21", "dozens of"),
    "victims": ("civilians", "soldiers", "police officers", "villagers", "aid workers", "students"),
    "source": ("a local official", "the health ministry", "witnesses", "a military spokesman", "hospital staff"),
    "crowd": ("protesters", "students", "traders", "workers", "demonstrators"),
    "grievance": ("rising fuel prices", "the arrest of an opposition leader", "power cuts", "unpaid salaries"),
    "grievance2": ("compensation", "the release of detainees", "better roads", "new elections"),
}


def gritta_articles(shared: Path) -> Iterator[dict]:
    """The geoparsing corpora's news articles (GPL: read here at build time, written only to the cache)."""
    for name in GRITTA:
        root = ET.parse(shared / "geoparsing-gritta" / name).getroot()
        for position, article in enumerate(root):
            text = (article.findtext("text") or "").strip()
            if text:
                yield {"id": f"{name.split('.')[0].lower()}-{position:04d}", "text": text,
                       "title": (article.findtext("title") or "").strip() or None,
                       "published": _day(article.findtext("dltime"), f"{name}{position}"),
                       "outlet": name.split(".")[0]}


def halterman_stories(shared: Path) -> Iterator[dict]:
    """Halterman's event sentences (MIT), grouped by source into stories of ``STORY_SENTENCES`` sentences."""
    with zipfile.ZipFile(shared / "event-location-halterman" / "labeled_text.jsonl.zip") as archive:
        records = json.loads(archive.read("labeled_text.jsonl"))
    by_source: dict[str, list[str]] = {}
    for record in records:
        text = (record.get("text") or "").strip()
        if text:
            by_source.setdefault(str(record.get("source") or "other"), []).append(text)
    for source in sorted(by_source):
        sentences = list(dict.fromkeys(by_source[source]))
        for start in range(0, len(sentences) - STORY_SENTENCES + 1, STORY_SENTENCES):
            text = " ".join(sentences[start:start + STORY_SENTENCES])
            yield {"id": f"halterman-{source.lower()}-{start // STORY_SENTENCES:04d}", "text": text,
                   "published": _day(None, text), "outlet": source}


def generated(count: int, sentences: tuple[int, int], prefix: str, rng: random.Random) -> Iterator[dict]:
    """Reports of our own, ``sentences`` = (fewest, most) sentences each."""
    for number in range(count):
        picked = [rng.choice(SENTENCES) for _ in range(rng.randint(*sentences))]
        text = " ".join(s.format(**{k: rng.choice(v) for k, v in SLOTS.items()}) for s in picked)
        text = text[0].upper() + text[1:]
        yield {"id": f"{prefix}-{number:04d}", "text": text, "published": _day(None, f"{prefix}{number}"),
               "outlet": "generated", "synthetic": True}


def _day(raw: str | None, key: str) -> str:
    """The article's download day when given, else a day in 2021 fixed by a hash of ``key``."""
    if raw and len(raw) >= 10:
        try:
            return dt.date.fromisoformat(raw[:10]).isoformat()
        except ValueError:
            pass  # fall back to the hashed day
    offset = int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % 365
    return (BASE_DAY + dt.timedelta(days=offset)).isoformat()


def write(path: Path, records: list[dict]) -> dict:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False) + "\n")
    words = sum(len(r["text"].split()) for r in records)
    sources: dict[str, int] = {}
    for record in records:
        sources[record["outlet"]] = sources.get(record["outlet"], 0) + 1
    return {"documents": len(records), "words": words, "mean_words": round(words / max(1, len(records)), 1),
            "sources": dict(sorted(sources.items()))}


def build(out: Path, shared: Path) -> dict:
    rng = random.Random(SEED)
    real = list(gritta_articles(shared))
    stories = list(halterman_stories(shared))
    own = list(generated(GENERATED_ARTICLES, (6, 18), "own", rng))
    short = list(generated(SHORT_REPORTS, (1, 3), "short", rng))
    longest = sorted(real, key=lambda r: (-len(r["text"].split()), r["id"]))[:THROUGHPUT_ARTICLES]
    longest.sort(key=lambda r: r["id"])
    out.mkdir(parents=True, exist_ok=True)
    manifest = {
        "articles.jsonl": write(out / "articles.jsonl", longest),
        "short.jsonl": write(out / "short.jsonl", short),
        "corpus.jsonl": write(out / "corpus.jsonl", real + stories + own + short),
        "licences": {"GWN/lgl/TR-News/GeoVirus": "GPL-3.0 (never commit)", "Halterman": "MIT", "generated": "ours"},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def default_out() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flashpoint" / "bench-corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=default_out(), help="Folder to write (not the repository).")
    parser.add_argument("--shared", type=Path, default=SHARED, help="The shared external data folder.")
    args = parser.parse_args()
    print(json.dumps(build(args.out, args.shared), indent=2))


if __name__ == "__main__":
    main()
