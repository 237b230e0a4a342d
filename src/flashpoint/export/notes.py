"""ACLED-style notes written from an event's evidence: when and where, the reporting sentence, disputed
figures with who gives them, injuries, and how the fatality column was coded."""

from __future__ import annotations

import re
from collections import defaultdict

from flashpoint.model import Claim, Event

SPACE = re.compile(r"\s+")
DISPUTED = ("contested", "denied")


def acled_notes(event: Event, coded_fatalities: int) -> str:
    parts = [_lead(event)]
    disputed = _disputed(event, "fatalities")
    if disputed:
        parts.append(f"Fatality figures differ: {disputed}; coded as the lowest, {coded_fatalities}.")
    elif event.fatalities and event.fatalities.low is None and event.fatalities.text:
        parts.append(f"Unknown fatalities ('{_clean(event.fatalities.text)}') coded as {coded_fatalities}.")
    if event.injured and event.injured.best:
        told = _disputed(event, "injured")
        parts.append(f"Injured: {told}." if told else f"{event.injured.best} injured.")
    for attribute, label in (("perpetrator", "Perpetrator"), ("mechanism", "Means"), ("sub_event_type", "Type")):
        told = _disputed(event, attribute)
        if told:
            parts.append(f"{label} disputed: {told}.")
    return " ".join(p for p in parts if p)


def _lead(event: Event) -> str:
    sentence = _trigger_sentence(event)
    when = _when(event)
    where = _where(event)
    head = ", ".join(p for p in (when, where) if p)
    if not sentence:
        return f"{head}." if head else ""
    return f'{head}: "{sentence}"' if head else f'"{sentence}"'


def _trigger_sentence(event: Event) -> str:
    trigger = event.trigger
    spans = [s for s in event.evidence.values()
             if s.start <= trigger.start and s.end >= trigger.end and (trigger.doc is None or s.doc == trigger.doc)]
    if not spans:
        return ""
    widest = max(spans, key=lambda s: (s.end - s.start, -s.start))
    return _clean(widest.text)


def _when(event: Event) -> str:
    date = event.date
    if date.start is None:
        return ""
    if date.start == date.end:
        return f"On {date.start.day} {date.start:%B %Y}"
    if date.end and (date.end - date.start).days <= 7:
        return f"Between {date.start.day} {date.start:%B} and {date.end.day} {date.end:%B %Y}"
    return f"In {date.start:%B %Y}" if date.end and date.start.month == date.end.month else ""


def _where(event: Event) -> str:
    place = event.location
    if place is None or not (place.name or place.text):
        return ""
    name = place.name or place.text
    relation = "near" if place.relation in ("near", "outskirts", "direction") else "in"
    region = f" ({place.admin1})" if place.admin1 and place.admin1 != name else ""
    return f"{relation} {name}{region}"


def _disputed(event: Event, attribute: str) -> str:
    """'8 (Levant Wire; local officials), 11 (medics)' for contested claims of ``attribute``, '' if none."""
    by_value: dict[str, list[str]] = defaultdict(list)
    for claim in event.claims:
        if claim.attribute == attribute and claim.status in DISPUTED:
            who = _who(claim)
            value = f"{claim.value}" + (" (denied)" if claim.status == "denied" else "")
            if who not in by_value[value]:
                by_value[value].append(who)
    if len(by_value) < 2 and not any(c.status == "denied" for c in event.claims if c.attribute == attribute):
        return ""
    return ", ".join(f"{value} ({'; '.join(who)})" for value, who in by_value.items())


def _who(claim: Claim) -> str:
    return claim.claimant.name if claim.claimant else "unattributed"


def _clean(text: str) -> str:
    return SPACE.sub(" ", text).strip()
