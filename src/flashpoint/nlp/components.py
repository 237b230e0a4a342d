"""spaCy components flashpoint registers (assembled in one place: nlp.pipeline.load_pipeline)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("flashpoint_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and datelines are not run into the next sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc
