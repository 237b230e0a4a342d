"""A count of people found in a document: what happened to them, how many, who, and how the text qualifies it."""

from __future__ import annotations

from dataclasses import dataclass

from flashpoint.extract.quantities.quantity import Quantity

WHATS = ("killed", "injured", "arrested", "abducted", "displaced", "missing", "crowd")


@dataclass(frozen=True)
class CountMention:
    """One count attached to the word that expresses the outcome; offsets index ``doc.text``."""

    what: str  # killed | injured | arrested | abducted | displaced | missing | crowd
    quantity: Quantity
    who: str | None  # the counted people as written ("Turkish soldiers"); None when the text names none
    who_start: int | None
    who_end: int | None
    groups: tuple[tuple[str, int], ...]  # per-group breakdown ("Turkish soldiers", 5), summing to the total
    outcome_token: int  # token index of the outcome word (killed, wounded, toll, dead …)
    head_token: int  # token index of the counted noun, or of the number when there is none
    sentence_start: int  # char offset of the sentence
    revision: str | None  # "initial" (an earlier figure) | "revised" (the later figure) | None
    high_only: bool  # the figure mixes outcomes ("killed or wounded", "casualties"): a high bound on deaths only
    aggregate: bool  # a total over time or places ("since December", "in all", "so far")
    subset: bool = False  # a part of another count ("10 people, including three children")
    additive: bool = False  # adds to an earlier count of the same outcome ("4 militants were also killed")
    who_head: str | None = None  # lemma of the counted noun ("soldier"), to tell groups apart
