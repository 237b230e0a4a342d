"""Combine the counts one event carries into low / best / high, keeping every earlier or competing figure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flashpoint.extract.quantities.mention import CountMention

STATUSES = ("current", "superseded", "contested")


@dataclass(frozen=True)
class Tally:
    """One outcome's figure for one event, and the status of every mention that gave a figure."""

    what: str
    low: int | None
    best: int | None
    high: int | None
    text: str | None  # the words of the current figure (the first of them when it is a sum)
    groups: tuple[tuple[str, int], ...]  # the current figure's breakdown by group
    figures: tuple[tuple[CountMention, str], ...]  # (mention, current | superseded | contested), in text order


def value(mention: CountMention) -> int | None:
    """The figure a mention stands for when compared with others: best, else low, else high."""
    q = mention.quantity
    return q.best if q.best is not None else q.low if q.low is not None else q.high


def _sum(values: Iterable[int | None]) -> int | None:
    items = list(values)
    return None if any(v is None for v in items) else sum(v for v in items if v is not None)


def _joins(mention: CountMention, parts: list[CountMention], generic: frozenset[str]) -> bool:
    """A mention adds to the current figure: it says so ("also", "other"); it counts other people in the same
    sentence ("3 policemen were killed and 4 militants died"); or it names a group no current part names
    ("… killed 2 soldiers. 3 militants were killed"), unless either group is people in general."""
    if mention.additive:
        return True
    last = parts[-1]
    if mention.sentence_start == last.sentence_start:
        return mention.head_token != last.head_token
    heads = {p.who_head for p in parts}
    return (
        mention.who_head is not None
        and mention.who_head not in generic
        and None not in heads
        and not heads & generic
        and mention.who_head not in heads
    )


def _agrees(mention: CountMention, parts: list[CountMention]) -> bool:
    """The mention repeats the current figure (or one of its parts), or is an unnumbered plural it covers."""
    figure = value(mention)
    total = _sum(value(m) for m in parts)
    if mention.quantity.kind == "unnumbered":
        return total is not None and figure is not None and total >= figure
    return figure == total or figure in {value(m) for m in parts}


def _unnumbered(parts: list[CountMention]) -> bool:
    return all(p.quantity.kind == "unnumbered" for p in parts)


def tally(
    mentions: Iterable[CountMention], what: str = "killed", generic: frozenset[str] = frozenset()
) -> Tally | None:
    """The figure for ``what`` from the mentions attributed to one event (the caller chooses which).

    Rules (docs/quantities.md): parts of other counts ("including three children") are skipped; an "initial"
    figure is superseded; a "revised" figure supersedes the figures before it that differ; a number replaces an
    unnumbered plural ("killed residents … 4 were killed"); an additive count, another group in the same
    sentence, or a group named nowhere before (``generic`` lists people in general, which never count as a new
    group: NumberVocabulary.generic_people) adds to the current figure; a later figure that repeats the
    current one corroborates it; a different one contests it. ``low`` is the smallest figure not superseded
    (ACLED's most conservative), ``high`` the largest (mixed "killed or wounded" figures count only when nothing
    else gives one), ``best`` the current figure.
    """
    chosen = sorted(
        (m for m in mentions if m.what == what and not m.subset),
        key=lambda m: (m.quantity.start, m.quantity.end),
    )
    if not chosen:
        return None
    bounds = [m for m in chosen if m.high_only]
    figures = [m for m in chosen if not m.high_only]
    status, parts, rivals = _walk(figures, generic)
    status.update({id(m): "current" for m in bounds})  # a mixed figure bounds deaths, it does not contest them
    own = [_sum(m.quantity.low for m in parts)] if parts else []
    lows = [v for v in (*own, *(r.quantity.low for r in rivals)) if v is not None]
    highs = [_sum(m.quantity.high for m in parts), *(r.quantity.high for r in rivals)] if parts else []
    if not parts:
        highs = [value(m) for m in bounds]
    best = _sum(m.quantity.best for m in parts) if parts else None
    return Tally(
        what=what,
        low=min(lows) if lows else None,
        best=best,
        high=None if not highs or None in highs else max(h for h in highs if h is not None),
        text=parts[0].quantity.text if parts else None,
        groups=_breakdown(parts, figures, status, best),
        figures=tuple((m, status[id(m)]) for m in chosen),
    )


def _walk(
    figures: list[CountMention], generic: frozenset[str]
) -> tuple[dict[int, str], list[CountMention], list[CountMention]]:
    """Status of each figure in text order, the parts of the current figure, and the figures contesting it."""
    status: dict[int, str] = {}
    parts: list[CountMention] = []
    rivals: list[CountMention] = []
    for mention in figures:
        key = id(mention)
        if mention.revision == "initial" and any(m.revision != "initial" for m in figures):
            status[key] = "superseded"
        elif mention.revision == "revised" or not parts or (_unnumbered(parts) and mention.quantity.best is not None):
            figure = value(mention)
            if parts and _sum(value(m) for m in parts) != figure:
                status.update({id(m): "superseded" for m in parts if value(m) != figure})
            status.update({id(r): "superseded" if value(r) != figure else "current" for r in rivals})
            parts, rivals = [mention], []
            status[key] = "current"
        elif _joins(mention, parts, generic):
            parts.append(mention)
            status[key] = "current"
        elif _agrees(mention, parts):
            status[key] = "current"
        else:
            rivals.append(mention)
            status[key] = "contested"
    if rivals:
        status.update({id(part): "contested" for part in parts})
    return status, parts, rivals


def _breakdown(
    parts: list[CountMention], figures: list[CountMention], status: dict[int, str], best: int | None
) -> tuple[tuple[str, int], ...]:
    """Per-group figures of the current figure: its parts' groups, or the breakdown a corroborating mention gives."""
    source = parts
    if len(parts) == 1 and not parts[0].groups:
        given = [m for m in figures if m.groups and status.get(id(m)) == "current" and value(m) == best]
        source = given[:1] or parts
    groups: list[tuple[str, int]] = []
    for part in source:
        figure = value(part)
        if part.groups:
            groups += part.groups
        elif part.who and figure is not None:
            groups.append((part.who, figure))
    return tuple(groups) if len(groups) > 1 else ()
