"""The REST API of `flashpoint serve` (FastAPI), read-only over the event store; see docs/api.md."""

from flashpoint.api.app import create_app
from flashpoint.api.deps import ExtractorProvider, StoreProvider
from flashpoint.api.options import ApiOptions

__all__ = ["ApiOptions", "ExtractorProvider", "StoreProvider", "create_app"]
