"""ACLED and PLOVER types for a happening, from its triggers and who did what to whom."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc

from flashpoint.extract.events.triggers import TriggerMatch, neighbourhood
from flashpoint.model.codebook import ACLED_SUBTYPES

ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY", "CRM"})
UNARMED_SECTORS = frozenset({"CVL", "PTY", "OPP", "PRO", "RIO", "REL", "EDU", "BUS", "MED", "NGO", "REF", "HLH"})
FORCEFUL = frozenset({"outcome", "attack", "fighting", "mechanism"})
STATE_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
PLOVER_MODE_BY_SUBTYPE = MappingProxyType({
    "Air/drone strike": "aerial",
    "Shelling/artillery/missile attack": "heavy-weapons",
    "Remote explosive/landmine/IED": "explosives",
    "Suicide bomb": "suicide-attack",
    "Grenade": "explosives",
    "Chemical weapon": "unconventional",
    "Sexual violence": "sexual",
    "Abduction/forced disappearance": "abduct",
})


@dataclass(frozen=True)
class Party:
    """What typing needs to know of an actor."""

    sector: str | None
    acled_inter: int | None


@dataclass(frozen=True)
class TypeCall:
    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]
    civilian_targeting: bool


def type_happening(doc: Doc, group: Sequence[TriggerMatch], agents: Sequence[Party],
                   patients: Sequence[Party]) -> TypeCall:
    """Type the happening told by ``group`` (primary trigger first)."""
    primary = group[0]
    entry = primary.entry
    event_type, sub_type = entry.acled if entry.acled else (None, None)
    refined = _refinement(doc, group)
    if refined is not None and event_type is not None and refined in ACLED_SUBTYPES[event_type]:
        sub_type = refined
    classes = {t.entry.cls for t in group}
    civilians = any(p.sector == "CVL" or p.acled_inter == 7 for p in patients)
    armed_patient = any(p.sector in ARMED_SECTORS for p in patients)
    state_agent = any(p.sector in STATE_SECTORS or p.acled_inter in {1, 8} for p in agents)
    armed_agent = any(p.sector in ARMED_SECTORS | {"GOV"} for p in agents)
    crowd_patient = any(p.sector == "PRO" or p.acled_inter == 6 for p in patients)
    parties = [*agents, *patients]
    if entry.cls in FORCEFUL and crowd_patient:
        event_type = "Protests"
        lethal = "outcome" in classes or entry.id in {"open-fire", "shoot"}
        sub_type = "Excessive force against protesters" if lethal else "Protest with intervention"
    elif entry.cls in {"fighting", "attack"} and agents and all(p.sector in UNARMED_SECTORS for p in parties):
        event_type = "Riots"
        sub_type = "Violent demonstration" if any(p.sector == "PRO" for p in parties) else "Mob violence"
    elif entry.cls in {"attack", "outcome"}:
        if civilians and not armed_patient:
            event_type, sub_type = "Violence against civilians", "Attack"
        elif armed_patient or (entry.id == "open-fire" and armed_agent):
            event_type, sub_type = "Battles", "Armed clash"
    elif entry.cls == "territory":
        sub_type = "Government regains territory" if state_agent else "Non-state actor overtakes territory"
    elif entry.cls == "protest":
        if "intervention" in classes:
            sub_type = "Protest with intervention"
        if "outcome" in classes and (state_agent or not agents):
            sub_type = "Excessive force against protesters"
    elif entry.cls == "abduction" and armed_patient and not civilians:
        event_type, sub_type = "Battles", "Armed clash"
    plover_type = entry.plover.get("type")
    plover_mode = PLOVER_MODE_BY_SUBTYPE.get(sub_type or "", entry.plover.get("mode"))
    if plover_type != "ASSAULT" and sub_type in PLOVER_MODE_BY_SUBTYPE:
        plover_mode = entry.plover.get("mode")
    if event_type == "Battles" and plover_type == "ASSAULT" and plover_mode in {None, "targeted"}:
        plover_mode = "firearms"
    if event_type == "Protests" and plover_type == "ASSAULT":
        plover_mode = "crowd-control"
    context = tuple(entry.plover.get("context", ()))
    targeting = civilians and event_type in {"Violence against civilians", "Explosions/Remote violence"}
    return TypeCall(event_type, sub_type, plover_type, plover_mode, context, targeting)


def _refinement(doc: Doc, group: Sequence[TriggerMatch]) -> str | None:
    """A more specific sub-event type from a trigger's neighbours ('air strike', 'suicide bombing')."""
    for trigger in group:
        refine = trigger.entry.refine
        if not refine:
            continue
        words = {w for t in neighbourhood(doc, trigger.start, trigger.end) for w in (t.lower_, t.lemma_.lower())}
        words |= {t.lemma_.lower() for t in doc[trigger.start : trigger.end]}
        for word, sub_type in refine.items():
            if word in words:
                return sub_type
    return None
