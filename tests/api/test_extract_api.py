"""POST /api/extract runs the real extractor on pasted text and stores nothing."""

from __future__ import annotations

import httpx

ARTICLE = ("Militants attacked an army post near Gao in northern Mali on Tuesday, killing four soldiers, "
           "the defence ministry said.")


def test_extract_returns_events_with_evidence_into_the_text(client: httpx.Client) -> None:
    before = client.get("/api/meta").json()
    response = client.post("/api/extract", json={"text": ARTICLE, "published": "2024-05-08"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["doc"].startswith("pasted-") and body["events"]
    event = body["events"][0]
    assert event["date"]["start"] == "2024-05-07"
    assert event["location"]["iso3"] == "MLI"
    for span in event["evidence"].values():
        assert ARTICLE[span["start"]:span["end"]] == span["text"]
    after = client.get("/api/meta").json()
    assert (after["events"], after["documents"]) == (before["events"], before["documents"])
