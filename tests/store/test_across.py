"""Cross-document merging on hand-built events: blocking, scoring, and the merge itself."""

from __future__ import annotations

import datetime as dt

from flashpoint.model import Event
from flashpoint.resolve.across import (
    PairScorer,
    TermStats,
    block_keys,
    features_of,
    merge_events,
    probe_keys,
)


def report(doc: str, outlet: str, text: str, *, day: str = "2022-06-01", lat: float = 33.0, lon: float = 44.0,
           geonameid: int = 1, killed: int | None = 3, sub: str = "Air/drone strike", published: str = "2022-06-02",
           trigger: str = "airstrike") -> Event:
    start = text.index(trigger)
    evidence = {"e1": {"doc": doc, "start": 0, "end": len(text), "text": text},
                "e2": {"doc": doc, "start": start, "end": start + len(trigger), "text": trigger}}
    record = {
        "id": f"ev-{doc}", "kind": "specific", "event_type": "Explosions/Remote violence", "sub_event_type": sub,
        "trigger": {"text": trigger, "start": start, "end": start + len(trigger), "doc": doc,
                    "lexicon": "triggers.v1:test"},
        "date": {"start": day, "end": day, "acled_time_precision": 1, "evidence": ["e1"]},
        "location": {"name": "Town", "geonameid": geonameid, "lat": lat, "lon": lon, "admin1": "Province",
                     "country": "Iraq", "iso3": "IRQ", "acled_geo_precision": 1, "evidence": ["e1"]},
        "fatalities": {"best": killed, "low": killed, "high": killed, "evidence": ["e1"]} if killed else None,
        "evidence": evidence,
        "sources": [{"doc": doc, "outlet": outlet, "published": published}],
        "extractor": {"version": "test"},
    }
    return Event.model_validate(record)


ONE = report("a", "Outlet A", "An airstrike hit a wedding party in the town on Wednesday, killing three guests.")
TWO = report("b", "Outlet B", "Three wedding guests died when an airstrike hit the town on Wednesday.", killed=5,
             published="2022-06-03")


def test_single_report_comes_back_unchanged():
    assert merge_events([ONE], ONE.id) == ONE


def test_merge_keeps_every_source_span_and_figure_without_averaging():
    merged = merge_events([TWO, ONE], ONE.id)
    assert merged.id == ONE.id
    assert [s.doc for s in merged.sources] == ["a", "b"]
    assert sorted((s.doc, s.start) for s in merged.evidence.values()) == sorted(
        (s.doc, s.start) for s in [*ONE.evidence.values(), *TWO.evidence.values()])
    assert list(merged.evidence) == [f"e{n}" for n in range(1, 5)]
    assert (merged.fatalities.low, merged.fatalities.high) == (3, 5)
    assert merged.fatalities.best in (3, 5)
    claims = {(c.value, c.claimant.name, c.status) for c in merged.claims if c.attribute == "fatalities"}
    assert claims == {(3, "Outlet A", "contested"), (5, "Outlet B", "contested")}


def test_differing_types_stay_as_contested_claims():
    shelling = report("c", "Outlet C", "Shelling hit the town on Wednesday, killing three.",
                      sub="Shelling/artillery/missile attack", trigger="Shelling")
    merged = merge_events([ONE, shelling], ONE.id)
    told = {(c.value, c.claimant.name) for c in merged.claims if c.attribute == "sub_event_type"}
    assert told == {("Air/drone strike", "Outlet A"), ("Shelling/artillery/missile attack", "Outlet C")}


def test_scores_separate_same_event_from_neighbouring_ones():
    scorer, stats = PairScorer(), TermStats({}, 0)
    same = scorer.score(features_of(ONE), features_of(TWO), stats)
    assert scorer.same(same) and same.parts["place"] == 1.0 and same.parts["date"] == 1.0
    elsewhere = report("d", "Outlet D", "An airstrike hit a wedding party in another town on Wednesday.",
                       lat=33.3, lon=44.2, geonameid=2)
    assert not scorer.same(scorer.score(features_of(ONE), features_of(elsewhere), stats))
    later = report("e", "Outlet E", "An airstrike hit a wedding party in the town on Saturday, killing three.",
                   day="2022-06-04")
    assert not scorer.same(scorer.score(features_of(ONE), features_of(later), stats))


def test_blocking_finds_the_same_day_and_area_only():
    keys = set(probe_keys(features_of(ONE)))
    assert keys & set(block_keys(features_of(TWO)))
    far_day = report("f", "F", "An airstrike hit the town.", day=(dt.date(2022, 6, 1) + dt.timedelta(5)).isoformat())
    assert not keys & set(block_keys(features_of(far_day)))
    far_place = report("g", "G", "An airstrike hit the town.", lat=36.0, lon=40.0)
    assert not keys & {k for k in block_keys(features_of(far_place)) if "|g:" in k}
