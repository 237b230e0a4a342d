"""The linguistic layer: the spaCy pipeline, loaded offline and assembled in one place."""

from flashpoint.nlp.pipeline import ModelNotInstalled, load_pipeline

__all__ = ["ModelNotInstalled", "load_pipeline"]
