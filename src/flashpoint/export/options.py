"""What every export needs besides the events: conventions from the settings and the vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from flashpoint.export.vocabulary import ExportVocabulary


@dataclass(frozen=True)
class ExportOptions:
    acled_inter: Literal["numeric", "text"] = "numeric"
    unknown_fatalities: int = 3  # ACLED fatalities for plural unnumbered deaths ("several were killed")
    vocabulary: ExportVocabulary = field(default_factory=ExportVocabulary.load)


@dataclass
class ExportStats:
    written: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
