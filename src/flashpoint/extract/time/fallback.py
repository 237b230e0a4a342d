"""dateparser as a fallback for explicit dates the rules did not read (imported only when first needed)."""

from __future__ import annotations

import re
from typing import Any

from flashpoint.extract.time.specs import DateSpec

YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
NUMERIC = re.compile(r"\d{1,2}[/.]\d{1,2}")
DURATION = re.compile(r"(?i)\d+-(?:year|month|week|day|hour)|\b(?:old|long|lasting|aged?)\b")


class DateparserFallback:
    """Reads an explicit date ("the 3rd day of February 2020") with dateparser; year-less dates stay year-less
    so that flashpoint's own year rule decides."""

    def __init__(self, month_words: tuple[str, ...]) -> None:
        self.month_pattern = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in month_words) + r")\b")
        self._parser: Any = None

    @property
    def version(self) -> str:
        import dateparser

        return f"dateparser {dateparser.__version__}"

    def wants(self, text: str) -> bool:
        """True for text that names a month or a year and is not a duration or an ambiguous d/m number."""
        if DURATION.search(text) or NUMERIC.search(text):
            return False
        return bool(self.month_pattern.search(text) or YEAR.search(text))

    def parse(self, text: str) -> DateSpec | None:
        """The date parts dateparser finds in ``text``, at the precision it reports (day, month or year)."""
        if self._parser is None:
            from dateparser.date import DateDataParser

            self._parser = DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
        data = self._parser.get_date_data(text)
        if data.date_obj is None or data.period not in ("day", "month", "year"):
            return None
        found = data.date_obj
        year = found.year if YEAR.search(text) else None
        if data.period == "year":
            return DateSpec(year) if year else None
        if not self.month_pattern.search(text):
            return None
        return DateSpec(year, found.month, found.day if data.period == "day" else None)
