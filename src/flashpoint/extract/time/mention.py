"""The records the time extractor hands to later stages: a time expression, and an event's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flashpoint.model.event import EventDate


@dataclass(frozen=True)
class TimeMention:
    """One time expression in a document, resolved to a span of days.

    ``text == doc.text[start:end]``; the span is the date words themselves ("the night from February 2 to
    February 3", "10:27 p.m. Sunday"), without a leading "on"/"in"/"at".
    """

    text: str
    start: int
    end: int
    start_date: dt.date | None
    end_date: dt.date | None
    time: str | None
    acled_time_precision: int | None
    ucdp_date_prec: int | None
    kind: str
    resolved: bool
    token_start: int
    token_end: int
    past: bool | None
    heads: tuple[int, ...] = ()
    """Token indices of the words this expression modifies (an event trigger's date attaches through them)."""
    modifier: str | None = None
    """"approximate" ("around 8 May"), "reported" ("as reported on 2 May") or None."""
    anchor: tuple[int, int] | None = None
    """Character span of the expression this one was counted from ("two days after <Sunday's> explosion")."""
    source: str = "rules"
    """"rules" (flashpoint's resolver) or "dateparser" (the fallback for explicit dates it missed)."""
    parts: tuple[str, ...] = ()
    """The classes of the pieces it was built from, e.g. ("weekday", "clock") for "10:27 p.m. Sunday"."""

    @property
    def is_day(self) -> bool:
        """True when the expression fixes one calendar day."""
        return self.start_date is not None and self.start_date == self.end_date


@dataclass(frozen=True)
class EventTime:
    """When an event happened: the expression that fixed it (its evidence) and the span it gives."""

    mention: TimeMention | None
    start: dt.date | None
    end: dt.date | None
    time: str | None
    acled_time_precision: int | None
    ucdp_date_prec: int | None
    flags: tuple[str, ...] = ()
    carried_from: TimeMention | None = None
    """With flag "context-date": the previous sentence's expression whose day the event's clause goes on telling
    (``mention`` stays None: the clause has no date words of its own)."""

    def as_record(self, evidence: list[str] | None = None) -> EventDate:
        """The contract's ``date`` object for this event, citing ``evidence`` ids."""
        words = self.mention or self.carried_from
        return EventDate(
            start=self.start,
            end=self.end,
            time=self.time,
            text=words.text if words else None,
            acled_time_precision=self.acled_time_precision,
            ucdp_date_prec=self.ucdp_date_prec,
            evidence=list(evidence or []),
            flags=list(self.flags),
        )
