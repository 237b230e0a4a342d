"""`/api/meta`: versions and what the server is reading."""

from __future__ import annotations

from fastapi import APIRouter

from flashpoint import __version__
from flashpoint.api.deps import OptionsDep, StoreDep
from flashpoint.api.schemas import MetaOut

router = APIRouter(prefix="/api/meta", tags=["meta"])


@router.get("", response_model=MetaOut)
def get_meta(store: StoreDep, options: OptionsDep) -> MetaOut:
    """The flashpoint, API and store versions, the database's name, and whether a snapshot is being read."""
    counts = store.con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents)").fetchone()
    return MetaOut(flashpoint=__version__, api=options.version, store=store.version, database=options.db.name,
                   snapshot=store.snapshot, events=counts[0], documents=counts[1])
