"""/api/events, /api/events/{id}, /api/documents/{id}, /api/stats, /api/meta against a real server."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx

from flashpoint.api.schemas import EventsPage
from flashpoint.model import Event

DEMO_REPORTS = Path(__file__).resolve().parents[2] / "examples" / "demo" / "reports.jsonl"


def all_events(client: httpx.Client, **params: str) -> list[dict]:
    found, cursor = [], None
    while True:
        page = client.get("/api/events", params={**params, "limit": "7", **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        body = page.json()
        found += body["data"]
        cursor = body["next"]
        if cursor is None:
            return found


def test_meta_reports_versions_and_the_snapshot(client: httpx.Client) -> None:
    meta = client.get("/api/meta").json()
    assert meta["api"] == "api.v1" and meta["store"].startswith("store.")
    assert meta["events"] > 20 and meta["documents"] > 20
    assert meta["database"] == "demo.duckdb"


def test_pages_cover_every_event_once(client: httpx.Client) -> None:
    first = client.get("/api/events", params={"limit": 5}).json()
    assert len(first["data"]) == 5 and first["next"]
    EventsPage.model_validate(first)  # lists are written as plain JSON: they must keep the documented shape
    full = client.get("/api/events", params={"limit": 3, "full": "true"}).json()
    assert all(Event.model_validate(e.record).id == e.id for e in EventsPage.model_validate(full).data)
    events = all_events(client)
    ids = [e["id"] for e in events]
    assert len(ids) == len(set(ids)) == first["count"]
    days = [e["date_start"] or "9999" for e in events]
    assert days == sorted(days)


def test_sort_by_fatalities_descending(client: httpx.Client) -> None:
    events = all_events(client, sort="-fatalities")
    dead = [-1 if e["fatalities_best"] is None else e["fatalities_best"] for e in events]
    assert dead == sorted(dead, reverse=True) and dead[0] > 0


def test_filters_narrow_the_list(client: httpx.Client) -> None:
    total = client.get("/api/events").json()["count"]
    nigeria = all_events(client, country="nga")
    assert nigeria and len(nigeria) < total and {e["iso3"] for e in nigeria} == {"NGA"}
    battles = all_events(client, type="Battles")
    assert battles and {e["event_type"] for e in battles} == {"Battles"}
    spring = all_events(client, since="2024-03-01", until="2024-03-31")
    assert spring and all((e["date_end"] or e["date_start"]) >= "2024-03-01" for e in spring)
    assert all(e["date_start"] <= "2024-03-31" for e in spring)
    near = all_events(client, near="12.0,13.15,30")  # around Maiduguri
    assert near and {e["iso3"] for e in near} == {"NGA"}


def test_text_and_actor_filters(client: httpx.Client) -> None:
    kharkiv = all_events(client, q="kharkiv")
    assert kharkiv and all("Kharkiv" in (e["location"] or "") or e["iso3"] == "UKR" for e in kharkiv)
    army = all_events(client, actor="forces of syria", full="true")
    assert army and all(any("Forces of Syria" in a["name"] for a in e["record"]["actors"]) for e in army)
    assert client.get("/api/events", params={"q": "no such words anywhere"}).json()["count"] == 0


def test_geojson_and_csv_formats(client: httpx.Client) -> None:
    geo = client.get("/api/events", params={"format": "geojson", "limit": 10})
    assert geo.headers["content-type"].startswith("application/geo+json")
    collection = geo.json()
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 10
    assert int(geo.headers["x-total-count"]) > 10 and geo.headers["x-next-cursor"]
    point = next(f for f in collection["features"] if f["geometry"])
    assert point["geometry"]["type"] == "Point"
    table = client.get("/api/events", params={"format": "csv", "country": "UKR"})
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert rows and {r["iso3"] for r in rows} == {"UKR"}


def test_event_detail_has_contested_claims_side_by_side(client: httpx.Client) -> None:
    contested = [e for e in all_events(client) if e["contested_claims"]]
    assert contested
    detail = client.get(f"/api/events/{contested[0]['id']}").json()
    groups = [g for g in detail["claim_groups"] if g["contested"]]
    assert groups
    claimants = {c["claimant"]["name"] for c in groups[0]["claims"] if c["claimant"]}
    assert len(groups[0]["claims"]) >= 2 and len(claimants) >= 2
    assert detail["sources"] and detail["evidence"]


def test_evidence_offsets_index_the_document_text(client: httpx.Client) -> None:
    event = next(e for e in all_events(client) if e["contested_claims"])
    detail = client.get(f"/api/events/{event['id']}").json()
    for source in detail["sources"]:
        doc = client.get(f"/api/documents/{source['doc']}").json()
        assert event["id"] in doc["event_ids"]
        spans = [s for s in detail["evidence"] if s["doc"] == source["doc"]]
        assert spans
        for span in spans:
            assert doc["text"][span["start"]:span["end"]] == span["text"]
        for use in doc["evidence"]:
            assert doc["text"][use["start"]:use["end"]] == use["text"]


def test_stats_count_the_same_events_as_the_list(client: httpx.Client) -> None:
    stats = client.get("/api/stats", params={"country": "SYR"}).json()
    listed = client.get("/api/events", params={"country": "SYR"}).json()["count"]
    assert stats["total"] == listed == sum(c["count"] for c in stats["by_type"])
    assert [c["key"] for c in stats["by_country"]] == ["SYR"]
    weeks = [c["key"] for c in stats["by_week"]]
    assert weeks == sorted(weeks) and sum(c["count"] for c in stats["by_day"]) <= listed


def test_openapi_documents_every_route(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/stats", "/api/extract"):
        assert route in paths
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in page.text


def test_demo_reports_are_marked_synthetic(client: httpx.Client) -> None:
    records = [json.loads(line) for line in DEMO_REPORTS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(r["synthetic"] is True for r in records)
    doc = client.get(f"/api/documents/{records[0]['id']}").json()
    assert doc["synthetic"]
    detail = client.get(f"/api/events/{doc['event_ids'][0]}").json()
    assert any(s["synthetic"] for s in detail["sources"] if s["doc"] == records[0]["id"])
