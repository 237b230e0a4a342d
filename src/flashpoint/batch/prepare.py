"""What must exist before workers start: the gazetteer index, built once here rather than by every worker."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.settings import Settings


def ensure_gazetteer(settings: Settings, notify: Callable[[str], None]) -> None:
    """Build the gazetteer index for these settings if it is missing, telling the user first (about a minute)."""
    from flashpoint.extract.places import Gazetteer

    if not Gazetteer.is_built(settings):
        notify(f"building the gazetteer index on first use (about a minute) in {settings.cache_dir} …")
        Gazetteer.build(settings)
