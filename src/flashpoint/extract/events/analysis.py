"""Everything the earlier extraction stages found in one parsed document, handed to the event builder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from flashpoint.extract.claims import DocumentAttribution
from flashpoint.model import Document

# The stage interfaces the builder relies on, as callables, so each stage can be swapped (or left out in a test).
ChooseLocation = Callable[[Doc, Token, Sequence[Any]], Any]
EventTimeOf = Callable[[Doc, Token, Sequence[Any], "dt.date | None"], Any]
AspectOf = Callable[[Token], str]
ArgumentsOf = Callable[[Doc, Token, Sequence[Any]], Any]


@dataclass
class DocumentAnalysis:
    document: Document
    doc: Doc
    places: Sequence[Any]  # extract.places.PlaceMention
    times: Sequence[Any]  # extract.time.TimeMention
    counts: Sequence[Any]  # extract.quantities.CountMention
    actors: Sequence[Any]  # extract.actors.ActorMention
    attribution: DocumentAttribution
    country: str | None  # ISO3 the document is mostly about (from its places), for generic actor names
