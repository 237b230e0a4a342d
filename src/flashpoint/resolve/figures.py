"""Casualty figures of one happening: headline best/low/high and one claim per (figure, claimant, status).

The quantities stage's ``tally`` decides how the counts of one happening combine (revisions supersede, groups
add up, differing figures contest, see docs/quantities.md); this module attaches each figure to who stated it.
Figures are never averaged.
"""

from __future__ import annotations

from types import MappingProxyType

from flashpoint.extract.events.mention import CountValue, EventMention
from flashpoint.extract.quantities.tally import tally, value
from flashpoint.resolve.claimants import claimant_dict
from flashpoint.resolve.evidence import EvidenceBook

ATTRIBUTES = MappingProxyType({"killed": "fatalities", "injured": "injured"})
UNSPECIFIED = "unspecified number"


def figures(mentions: list[EventMention], what: str, book: EvidenceBook, aggregate: bool,
            generic_people: frozenset[str] = frozenset()) -> tuple[dict | None, list[dict]]:
    """(casualties dict for the contract, claims) for the counts of ``what`` (killed, injured …) in ``mentions``."""
    stated: list[tuple[CountValue, EventMention]] = [
        (count, mention) for mention in mentions for count in mention.counts
        if count.what == what and not count.subset and count.source is not None
        and (aggregate or not count.aggregate)
    ]
    if not stated:
        return None, []
    owner = {id(count.source): (count, mention) for count, mention in stated}
    result = tally([count.source for count, _ in stated], what, generic_people)
    if result is None:
        return None, []
    casualties = None
    if result.best is not None or result.low is not None or result.high is not None:
        casualties = {
            "best": result.best, "low": result.low, "high": result.high, "text": result.text,
            "evidence": [book.ref(m.doc_id, c.span) for c, m in stated],
            "groups": [{"who": who, "count": n} for who, n in result.groups],
        }
    claims: dict[tuple, dict] = {}
    for source, status in result.figures:
        count, mention = owner[id(source)]
        figure = value(source) if source.quantity.kind != "unnumbered" else UNSPECIFIED
        claimant = claimant_dict(mention.claimant)
        key = (figure, (claimant or {}).get("name"), status)
        claim = claims.setdefault(key, {
            "attribute": ATTRIBUTES.get(what, what), "value": figure, "status": status, "stance": None,
            "claimant": claimant, "evidence": [],
        })
        claim["evidence"].append(book.ref(mention.doc_id, count.span))
    listed = list(claims.values())
    disagreement = len({c["value"] for c in listed}) > 1
    if not disagreement and not any(c["claimant"] for c in listed):
        return casualties, []
    return casualties, listed
