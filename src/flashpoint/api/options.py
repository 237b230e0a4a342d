"""What `flashpoint serve` is configured with: address, limits and CORS, read from the settings table."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from flashpoint.settings import Settings

# option → its field in the settings table (docs/api.md lists them; FLASHPOINT_HOST, FLASHPOINT_API_PAGE_SIZE …)
SETTING_NAMES = MappingProxyType({
    "host": "host", "port": "port", "max_body_bytes": "api_max_body_bytes", "page_size": "api_page_size",
    "max_page_size": "api_max_page_size", "cors_origins": "api_cors_origins", "workers": "api_workers",
})


@dataclass(frozen=True)
class ApiOptions:
    """Options of one API process. ``version`` names the API's shape (changed on any breaking change)."""

    db: Path
    host: str = "127.0.0.1"  # localhost only unless asked
    port: int = 8000
    max_body_bytes: int = 262_144  # larger request bodies get 413
    page_size: int = 50  # events per page when no limit is given
    max_page_size: int = 1000  # the hard maximum of ``limit``
    cors_origins: tuple[str, ...] = ()  # CORS is off unless origins are listed
    workers: int = 1  # server processes, each with its own read-only connection
    db_memory_limit: str | None = None
    reload_seconds: float = 1.0  # how often the published snapshot is checked for a newer one
    version: str = "api.v1"

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> ApiOptions:
        """The settings' values (this class's defaults for fields the settings table lacks), then ``overrides``."""
        defaults = cls(db=settings.db)
        given = {field: getattr(settings, name, getattr(defaults, field)) for field, name in SETTING_NAMES.items()}
        options = replace(defaults, **given, db_memory_limit=settings.db_memory_limit)
        options = replace(options, cors_origins=tuple(options.cors_origins))
        return replace(options, **{k: v for k, v in overrides.items() if v is not None})
