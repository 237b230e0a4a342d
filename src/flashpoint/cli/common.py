"""What every command shares: the stderr console and the settings object."""

from __future__ import annotations

import datetime as dt

import typer
from rich.console import Console

from flashpoint.errors import FlashpointError
from flashpoint.settings import Settings


def err_console() -> Console:
    """Messages, warnings and progress go to standard error; standard output carries data only."""
    return Console(stderr=True, highlight=False, soft_wrap=True)


PIPE_WIDTH = 160  # tables written to a file or pipe are laid out this wide


def out_console() -> Console:
    """Standard output: the terminal's width, or a fixed wide layout when redirected."""
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal:
        console = Console(highlight=False, soft_wrap=False, width=PIPE_WIDTH)
    return console


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with the options a command was given on top."""
    given = {key: value for key, value in overrides.items() if value is not None}
    return Settings(**given)


def parse_day(value: str | None, option: str = "--published") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise FlashpointError(f"{option} {value!r} is not a date in the form YYYY-MM-DD") from err


PUBLISHED_OPTION = typer.Option(
    None, "--published", metavar="YYYY-MM-DD", help="Publication date for documents that carry none."
)


def open_pipeline(settings: Settings):
    """The extractor, telling the user when the gazetteer index is built on first use (about a minute)."""
    from flashpoint.extract.places import Gazetteer
    from flashpoint.pipeline import Pipeline

    if not Gazetteer.is_built(settings):
        err_console().print(f"building the gazetteer index on first use (about a minute) in {settings.cache_dir} …")
    return Pipeline.open(settings)
