"""Reading documents: plain text, HTML, JSON and JSON Lines, with encoding, language and publication date."""

from flashpoint.ingest.language import LanguageDetector
from flashpoint.ingest.readers import (
    DocumentReader,
    Problem,
    ReadOptions,
    ReadStats,
    content_id,
    read_documents,
)

__all__ = [
    "DocumentReader",
    "LanguageDetector",
    "Problem",
    "ReadOptions",
    "ReadStats",
    "content_id",
    "read_documents",
]
