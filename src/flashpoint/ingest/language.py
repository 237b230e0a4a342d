"""Which language a document is in (py3langid, its model shipped in the wheel)."""

from __future__ import annotations

from dataclasses import dataclass

MIN_CHARS = 40
MIN_PROBABILITY = 0.9
SAMPLE_CHARS = 3000


@dataclass(frozen=True)
class LanguageGuess:
    code: str | None  # ISO 639-1, None when the text is too short to tell
    probability: float


class LanguageDetector:
    """Service object: loads the langid model once (about 0.7 s), on first use."""

    version = "py3langid-0.4.0"

    def __init__(self) -> None:
        self._identifier = None

    def detect(self, text: str) -> LanguageGuess:
        sample = text[:SAMPLE_CHARS].strip()
        if len(sample) < MIN_CHARS:
            return LanguageGuess(None, 0.0)
        if self._identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        code, probability = self._identifier.classify(sample)
        if probability < MIN_PROBABILITY:
            return LanguageGuess(None, float(probability))
        return LanguageGuess(str(code), float(probability))
