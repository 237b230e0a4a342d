"""The dashboard: static HTML, CSS and JavaScript served by `flashpoint serve` (no build step, no network)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def static_dir() -> Path:
    """The folder of the dashboard's files (index.html, css/, js/, vendor/)."""
    return Path(str(files("flashpoint.web") / "static"))
