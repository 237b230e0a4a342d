"""Bad parameters → 422 with a message, unknown ids → 404, big bodies → 413, no traversal, no CORS, no traces."""

from __future__ import annotations

import httpx
import pytest


@pytest.mark.parametrize(("params", "where"), [
    ({"limit": "0"}, "limit"),
    ({"limit": "lots"}, "limit"),
    ({"limit": "201"}, "limit"),  # the server under test allows 200 per page
    ({"since": "2024-13-01"}, "since"),
    ({"since": "2024-03-02", "until": "2024-03-01"}, "since"),
    ({"country": "Syria"}, "country"),
    ({"near": "91,10,5"}, "near"),
    ({"near": "somewhere"}, "near"),
    ({"sort": "random"}, "sort"),
    ({"format": "xml"}, "format"),
    ({"kinds": "imaginary"}, "kind"),
    ({"cursor": "not-a-cursor"}, "cursor"),
])
def test_bad_parameters_get_422_with_a_message(client: httpx.Client, params: dict, where: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    body = response.json()
    assert where in body["detail"] and "Traceback" not in response.text


def test_a_cursor_for_another_sort_order_is_refused(client: httpx.Client) -> None:
    cursor = client.get("/api/events", params={"limit": 2}).json()["next"]
    response = client.get("/api/events", params={"limit": 2, "sort": "-fatalities", "cursor": cursor})
    assert response.status_code == 422 and "sort" in response.json()["detail"]


def test_unknown_ids_get_404(client: httpx.Client) -> None:
    for path in ("/api/events/ev-0000000000000000", "/api/documents/no-such-document", "/api/nothing-here"):
        response = client.get(path)
        assert response.status_code == 404 and response.json()["detail"]


def test_oversized_body_gets_413(client: httpx.Client) -> None:
    text = "Gunmen attacked a village near Gao on Monday, killing three people. " * 5000  # ≈ 340 kB
    response = client.post("/api/extract", json={"text": text})
    assert response.status_code == 413 and "larger" in response.json()["detail"]


def test_oversized_streamed_body_gets_413(client: httpx.Client) -> None:
    def chunks():  # no Content-Length: the limit applies as the body arrives
        yield b'{"text": "'
        for _ in range(100):
            yield b"Shelling hit the market. " * 160
        yield b'"}'

    response = client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_malformed_extract_request_gets_422(client: httpx.Client) -> None:
    assert client.post("/api/extract", json={"text": ""}).status_code == 422
    assert client.post("/api/extract", json={"body": "x"}).status_code == 422
    response = client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422


@pytest.mark.parametrize("path", ["/static/../../../pyproject.toml", "/static/%2e%2e/%2e%2e/settings.py",
                                  "/static/..%2f..%2fsettings.py", "/static/vendor/../../__init__.py",
                                  "/static//etc/passwd"])
def test_no_path_traversal_through_static_files(base_url: str, path: str) -> None:
    with httpx.Client() as raw:  # send the path as written, not normalised
        response = raw.send(raw.build_request("GET", httpx.URL(base_url + path)))
    assert response.status_code == 404
    assert "BaseSettings" not in response.text and "root:" not in response.text


def test_dashboard_and_its_files_are_served_with_a_strict_policy(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<title>" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/js/app.js", "/static/css/app.css", "/static/vendor/leaflet/leaflet.js",
                  "/static/vendor/world-atlas/countries-50m.json"):
        assert client.get(asset).status_code == 200, asset


def test_cors_is_off_by_default(client: httpx.Client) -> None:
    response = client.get("/api/meta", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/api/events", headers={"Origin": "https://elsewhere.example",
                                                       "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers


def test_server_listens_on_localhost_only(base_url: str) -> None:
    assert base_url.startswith("http://127.0.0.1:")
