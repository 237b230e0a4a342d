"""Resolution: merge event mentions within a document, then across documents."""
