"""docs/api.md documents every route the server has and every setting it reads."""

from __future__ import annotations

from pathlib import Path

import httpx

from flashpoint.api.options import SETTING_NAMES

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_every_route_and_setting_is_documented(client: httpx.Client) -> None:
    text = DOC.read_text(encoding="utf-8")
    for path, methods in client.get("/openapi.json").json()["paths"].items():
        for method in methods:
            assert f"`{method.upper()} {path}`" in text, f"{method.upper()} {path} is not in docs/api.md"
    for setting in SETTING_NAMES.values():
        assert f"`FLASHPOINT_{setting.upper()}`" in text, setting
