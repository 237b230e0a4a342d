"""Main text and metadata of an HTML page, extracted with trafilatura (boilerplate removed)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    text: str
    metadata: dict[str, str]


def extract_html(html: str) -> Page | None:
    """The article text (paragraphs separated by blank lines) with title, url, outlet and date when found."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    result = extracted.as_dict() if extracted is not None else None
    if not result or not (result.get("text") or "").strip():
        return None
    text = result["text"].replace("\n", "\n\n")
    meta = {
        key: value
        for key, value in (
            ("title", result.get("title")),
            ("url", result.get("url")),
            ("outlet", result.get("sitename")),
            ("published", result.get("date")),
        )
        if isinstance(value, str) and value
    }
    return Page(text, meta)
