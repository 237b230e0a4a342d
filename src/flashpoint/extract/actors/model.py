"""The values the actor stage hands to later stages: a normalised actor, a mention of it, a trigger's arguments."""

from __future__ import annotations

from dataclasses import dataclass

from flashpoint.model.codebook import ACLED_INTER_LABELS


@dataclass(frozen=True)
class ActorRef:
    """An actor normalised to ACLED style. Unknown values are None, never guessed."""

    name: str  # ACLED-style normalised name
    country: str | None  # ISO3 of the actor (for state forces: the state)
    sector: str | None  # contract sector code
    acled_inter: int | None  # 1–8, from the event country when given (state forces abroad → 8)
    wikidata: str | None
    entry: str | None  # dictionary id that matched (e.g. "actors.v1:mil-TUR"), None when built from text
    person: bool = False  # a named individual (speaker/leader), not an organisation
    backer: str | None = None  # ISO3 of a state named as backing the actor ("Turkish-backed rebels")

    @property
    def acled_inter_label(self) -> str | None:
        """ACLED's text label of the inter code ("State forces", "Rebel group", …)."""
        return ACLED_INTER_LABELS.get(self.acled_inter) if self.acled_inter is not None else None


@dataclass(frozen=True)
class ActorMention:
    """An actor phrase in a parsed document; offsets index ``doc.text`` exactly."""

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    head: int  # index of the syntactic head token
    ref: ActorRef
    hint: str | None = None  # ISO3 the phrase gets from context (a possessive pronoun's antecedent, a split list)


@dataclass(frozen=True)
class Arguments:
    """Who did what to whom around one trigger."""

    agents: tuple[ActorMention, ...]  # perpetrators / initiators of the trigger
    patients: tuple[ActorMention, ...]  # targets / victims
    others: tuple[ActorMention, ...]  # other participants ("clashed with", "between")
