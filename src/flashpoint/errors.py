"""Errors a user can act on. The CLI prints them as one line, never as a traceback."""


class FlashpointError(Exception):
    """An expected failure with a message that says what to do."""


class ModelNotInstalled(FlashpointError):
    """The configured spaCy pipeline package is not installed."""
