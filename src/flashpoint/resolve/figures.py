"""Casualty figures of one happening: headline best/low/high and one claim per (figure, claimant).

Rules (docs/claims.md): a figure revised later in the report ("had risen to eight") is current and every lower
figure told before it is superseded; different current figures from different sources are all contested; `low` is
the most conservative current figure, `best` the revised figure or else the figure most sources give (ties: the
latest told), `high` the highest credible bound. Unnumbered plurals ("soldiers were killed") count only when no
source gives a number. Figures are never averaged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from flashpoint.extract.events.mention import CountValue, EventMention
from flashpoint.resolve.claimants import claimant_dict
from flashpoint.resolve.evidence import EvidenceBook


@dataclass(frozen=True)
class Stated:
    count: CountValue
    mention: EventMention
    order: int


def figures(mentions: list[EventMention], what: str, book: EvidenceBook, aggregate: bool
            ) -> tuple[dict | None, list[dict]]:
    """(casualties dict for the contract, claims) for counts of ``what`` (killed, injured …) in the mentions."""
    stated = [
        Stated(count, mention, order)
        for order, (mention, count) in enumerate((m, c) for m in mentions for c in m.counts)
        if count.what == what and not count.subset and (aggregate or not count.aggregate)
    ]
    if not stated:
        return None, []
    statuses = _statuses(stated)
    live = [s for s in stated if statuses[id(s)] != "superseded" and not s.count.high_only]
    numbered = [s for s in live if s.count.best is not None]
    live = numbered or live
    if not live:
        return None, _claims(stated, statuses, what, book)
    chosen = _best(live)
    lows = [s.count.low if s.count.low is not None else s.count.best for s in live]
    highs = [s.count.high for s in live if s.count.high is not None]
    highs += [s.count.high or s.count.best for s in stated if s.count.high_only and (s.count.high or s.count.best)]
    groups = next((s.count.groups for s in [chosen, *live] if s.count.groups
                   and sum(n for _, n in s.count.groups) == chosen.count.best), ())
    casualties = {
        "best": chosen.count.best,
        "low": min((v for v in lows if v is not None), default=None),
        "high": max(highs) if highs else None,
        "text": chosen.count.span.text,
        "evidence": [book.ref(s.mention.doc_id, s.count.span) for s in stated],
        "groups": [{"who": who, "count": n} for who, n in groups],
    }
    if casualties["high"] is not None and casualties["best"] is not None and casualties["high"] < casualties["best"]:
        casualties["high"] = casualties["best"]
    return casualties, _claims(stated, statuses, what, book)


def _statuses(stated: list[Stated]) -> dict[int, str]:
    statuses = {id(s): "current" for s in stated}
    revised = [s for s in stated if s.count.revision == "revised"]
    for s in stated:
        if s.count.revision == "initial" or any(
            r.order > s.order and (r.count.best or 0) > (s.count.best or 0) for r in revised
        ):
            statuses[id(s)] = "superseded"
    live = [s for s in stated if statuses[id(s)] == "current" and not s.count.high_only and s.count.best is not None]
    values = {s.count.best for s in live}
    sources = {_source(s) for s in live}
    if len(values) > 1 and len(sources) > 1:
        for s in live:
            statuses[id(s)] = "contested"
    return statuses


def _best(live: list[Stated]) -> Stated:
    revised = [s for s in live if s.count.revision == "revised"]
    if revised:
        return revised[-1]
    votes = Counter(s.count.best for s in live)
    top = max(votes.values())
    return [s for s in live if votes[s.count.best] == top][-1]


def _claims(stated: list[Stated], statuses: dict[int, str], what: str, book: EvidenceBook) -> list[dict]:
    attribute = {"killed": "fatalities", "injured": "injured"}.get(what, what)
    seen: dict[tuple, dict] = {}
    for s in stated:
        status = statuses[id(s)]
        key = (s.count.best, _source(s), status)
        evidence = book.ref(s.mention.doc_id, s.count.span)
        if key in seen:
            seen[key]["evidence"].append(evidence)
            continue
        seen[key] = {
            "attribute": attribute,
            "value": s.count.best if s.count.best is not None else s.count.low,
            "status": status,
            "stance": None,
            "claimant": claimant_dict(s.mention.claimant),
            "evidence": [evidence],
        }
    claims = list(seen.values())
    if len(claims) == 1 and claims[0]["claimant"] is None:
        return []
    return claims


def _source(s: Stated) -> str | None:
    return s.mention.claimant.key if s.mention.claimant else None
