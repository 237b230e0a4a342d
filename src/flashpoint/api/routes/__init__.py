"""One router per resource: events, documents, stats, extract, meta."""
