"""Turn trigger groups into EventMentions, each value taken from the trigger's own arguments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from spacy.tokens import Doc, Token

from flashpoint.extract.events.analysis import (
    ArgumentsOf,
    AspectOf,
    ChooseLocation,
    DocumentAnalysis,
    EventTimeOf,
)
from flashpoint.extract.events.classify import Party, type_happening
from flashpoint.extract.events.clauses import connected, group_triggers
from flashpoint.extract.events.kinds import KindClassifier
from flashpoint.extract.events.mention import (
    ActorValue,
    CountValue,
    DateValue,
    EventMention,
    MechanismValue,
    PlaceValue,
    TextSpan,
)
from flashpoint.extract.events.targets import TargetVocabulary
from flashpoint.extract.events.triggers import TriggerMatch

GenericActor = Callable[[str, "str | None"], Any]  # (kind, iso3) -> ActorRef-like, e.g. ("unidentified", "JOR")
ActorForEvent = Callable[[Any, Doc, str, "str | None", "str | None"], Any]
# (mention, doc, event type or class, event iso3, document iso3) -> ActorRef: the actor as this event names it
STATE_SECTORS = frozenset({"MIL", "COP", "GOV", "SPY"})
LOCATIVE_PREPOSITIONS = frozenset({"near", "next", "to", "at", "in", "behind", "beside", "outside", "inside",
                                   "along", "towards", "toward", "into", "from", "across", "around"})
CONTEXT_SENTENCES = 2  # how far back a story's last named place stands in for a sentence that names none
SUBORDINATE_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "pcomp", "amod", "csubj", "pobj", "compound"})
SPEAKER_SECTORS = MappingProxyType({"government": "GOV", "military": "MIL", "media": "MED", "ngo": "NGO",
                                    "igo": "IGO", "witness": "CVL", "armed group": "UAF"})
GENERIC_ENTRIES = ("actor_nouns.",)  # dictionary rows for generic actor words ("gunmen", "fighters")
FACTUAL_ORDER = ("specific", "negated", "aggregate", "generic", "hypothetical")
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# ACLED's convention for a happening whose text names no perpetrator: an unidentified armed group attacks,
# police arrest
IMPLIED_ACTOR1 = MappingProxyType({**dict.fromkeys(VIOLENT, "unidentified"), "territory": "unidentified",
                                   "arrest": "police"})
BASE_CONFIDENCE = MappingProxyType({"mechanism": 0.7, "fighting": 0.65, "attack": 0.6, "abduction": 0.65, "sexual": 0.6,
                   "territory": 0.55, "outcome": 0.5, "protest": 0.6, "riot": 0.55, "arrest": 0.6,
                   "verbal": 0.45, "mobilize": 0.45, "agreement": 0.5})


@dataclass(frozen=True)
class StageFunctions:
    """The other stages' per-trigger answers, handed in as functions (see analysis.py)."""

    choose_location: ChooseLocation | None
    event_time: EventTimeOf | None
    aspect: AspectOf | None
    arguments_of: ArgumentsOf | None
    generic_actor: GenericActor | None
    actor_for_event: ActorForEvent | None = None


class EventMentionBuilder:
    def __init__(self, lexicon_version: str, kinds: KindClassifier, stages: StageFunctions,
                 targets: TargetVocabulary | None = None):
        self.lexicon_version = lexicon_version
        self.kinds = kinds
        self.stages = stages
        self.targets = targets

    def build(self, analysis: DocumentAnalysis, triggers: list[TriggerMatch]) -> list[EventMention]:
        doc = analysis.doc
        sentence_index = {s.start: n for n, s in enumerate(doc.sents)}
        # weapons that are seized or defused, or that two sides trade ("exchanged artillery fire"), are no means
        disrupted = {t.head for t in triggers if t.entry.cls in {"weapons", "fighting"}}
        groups = group_triggers(doc, [t for t in triggers if _tells_happening(doc, t, disrupted)])
        counts_by_group = _assign_counts(doc, groups, analysis.counts)
        mentions = []
        for number, group in enumerate(groups):
            mention = self._mention(analysis, group, counts_by_group.get(number, []), sentence_index)
            if mention is not None:
                mentions.append(mention)
        _mark_background(mentions, analysis.document.published)
        return mentions

    def _mention(self, analysis: DocumentAnalysis, group: list[TriggerMatch], counts: list[Any],
                 sentence_index: dict[int, int]) -> EventMention | None:
        doc = analysis.doc
        primary = group[0]
        token = doc[primary.head]
        sentence = token.sent
        if all(t.entry.cls == "outcome" for t in group) and token.pos_ == "NOUN" and not any(
            c.quantity.best or c.quantity.low for c in counts
        ):
            return None  # "no reports of fatalities", "the deaths": an outcome noun without a figure adds nothing
        actors = [a for a in analysis.actors if not _is_place(a, analysis.places)]
        agents, patients = self._arguments(doc, group, actors)
        if primary.entry.cls == "verbal" and not patients:
            patients = _referred_to(doc, sentence, actors)
        site = _attacked_site(doc, group, self.targets) if not patients else None
        site_party = [Party("CVL", 7)] if site == "civilian" else [Party("MIL", None)] if site == "military" else []
        typed = type_happening(doc, group, [_party(a) for a in agents], [_party(p) for p in patients] + site_party)
        if typed.event_type is None and typed.plover_type is None:
            return None
        experiencers = self.targets.experiencer_verbs if self.targets else frozenset()
        places = [p for p in analysis.places if not _names_an_actor(doc, p, group, experiencers)]
        location, others = self._location(doc, group, places, sentence)
        date = self._date(doc, token, analysis)
        aspect = self.stages.aspect(token) if self.stages.aspect else None
        stated = date is not None and date.span is not None and date.start is not None and date.end is not None
        days = (date.end - date.start).days + 1 if stated else None
        call = self._kind(doc, group, aspect, days, any(c.aggregate for c in counts))
        event_iso3 = location.iso3 if location and location.iso3 else analysis.country
        actors = self._actors(doc, agents, patients, typed.event_type or primary.entry.cls, primary.entry.cls,
                              event_iso3, analysis.country)
        claimant = analysis.attribution.claimant_for(token)
        if primary.entry.cls == "verbal" and not agents and claimant is not None and claimant.span is not None:
            actors.insert(0, _speaker(claimant))  # a quoted threat or accusation is the speaker's act
        if site == "civilian" and self.stages.generic_actor is not None:
            victims = self.stages.generic_actor("civilians", event_iso3)
            if victims is not None:
                actors.append(_actor_from_ref("actor2", victims, None, event_iso3))
        mention = EventMention(
            doc_id=analysis.document.id,
            sentence=sentence_index[sentence.start],
            sentence_span=TextSpan(sentence.start_char, sentence.end_char, sentence.text),
            trigger=_span(doc, primary.start, primary.end),
            trigger_entry=primary.entry.id,
            trigger_class=primary.entry.cls,
            lexicon=primary.lexicon_ref(self.lexicon_version),
            trigger_token=primary.head,
            trigger_pos=token.pos_,
            event_type=typed.event_type,
            sub_event_type=typed.sub_event_type,
            plover_type=typed.plover_type,
            plover_mode=typed.plover_mode,
            plover_context=typed.plover_context,
            kind=call.kind,
            kind_cue=call.cue,
            anaphoric=self.kinds.anaphoric(token),
            distinct=any(self.kinds.distinct(doc[t.head]) for t in group),
            plural=token.tag_ in {"NNS", "NNPS"},
            mechanisms=_mechanisms(doc, group, typed.sub_event_type),
            actors=actors,
            location=location,
            places=others,
            date=date,
            counts=[_count(c) for c in counts],
            claimant=claimant,
        )
        mention.confidence = _confidence(mention)
        return mention

    def _kind(self, doc: Doc, group: list[TriggerMatch], primary_aspect: str | None, days: int | None,
              aggregate: bool):
        """The kind of the happening: the most factual reading among its triggers ("fired tear gas to disperse")."""
        calls = [self.kinds.classify(doc[group[0].head], group[0].entry.cls, primary_aspect, days, aggregate)]
        for trigger in group[1:]:
            token = doc[trigger.head]
            aspect = self.stages.aspect(token) if self.stages.aspect else None
            calls.append(self.kinds.classify(token, trigger.entry.cls, aspect, days, aggregate))
        if calls[0].kind in {"negated", "aggregate"}:
            return calls[0]
        return min(calls, key=lambda c: FACTUAL_ORDER.index(c.kind) if c.kind in FACTUAL_ORDER else 0)

    # -- arguments ---------------------------------------------------------------------------------------------
    def _arguments(self, doc: Doc, group: list[TriggerMatch], actors: Sequence[Any]) -> tuple[list, list]:
        """Agents and patients of the happening; the other side of a clash ("clashed with X") is a patient."""
        if self.stages.arguments_of is None:
            return [], []
        agents: dict[tuple[int, int], Any] = {}
        patients: dict[tuple[int, int], Any] = {}
        others: dict[tuple[int, int], Any] = {}
        for trigger in group:
            found = self.stages.arguments_of(doc, doc[trigger.head], actors)
            for bucket, mentions in ((agents, found.agents), (patients, found.patients), (others, found.others)):
                for mention in mentions:
                    mention = _specified(doc, mention, actors)
                    bucket.setdefault((mention.start, mention.end), mention)
        caught = _caught_in(doc, group, actors)
        if caught:  # "soldiers were caught in crossfire between X and Y": X and Y fought, the soldiers were hit
            agents = {**agents, **{k: v for k, v in others.items() if k not in caught}}
            patients = caught
        elif not patients:
            patients = {k: v for k, v in others.items() if k not in agents}
        for key in set(agents) & set(patients):
            del patients[key]
        for key, mention in list(agents.items()):
            if _modifies_outcome(doc, mention, group) or _names_target(doc, mention, group):
                patients.setdefault(key, agents.pop(key))
        for key, mention in list(patients.items()):
            if _is_moved(doc, mention, group):
                agents = {key: patients.pop(key), **agents}
        return list(agents.values()), list(patients.values())

    def _actors(self, doc: Doc, agents: list, patients: list, event_type: str, cls: str, iso3: str | None,
                doc_iso3: str | None) -> list[ActorValue]:
        values: list[ActorValue] = []
        for role, assoc, found in (("actor1", "assoc_actor1", agents), ("actor2", "assoc_actor2", patients)):
            for number, mention in enumerate(found):
                ref = mention.ref
                if self.stages.actor_for_event is not None:
                    ref = self.stages.actor_for_event(mention, doc, event_type, iso3, doc_iso3)
                span = TextSpan(mention.start, mention.end, mention.text)
                values.append(_actor_from_ref(role if number == 0 else assoc, ref, span, iso3))
        implied = IMPLIED_ACTOR1.get(event_type) or IMPLIED_ACTOR1.get(cls)
        if implied and not agents and self.stages.generic_actor:
            ref = self.stages.generic_actor(implied, iso3)
            if ref is not None:
                values.insert(0, _actor_from_ref("actor1", ref, None, iso3))
        return values

    # -- place and time ----------------------------------------------------------------------------------------
    def _location(self, doc: Doc, group: list[TriggerMatch], places: Sequence[Any],
                  sentence: Any) -> tuple[PlaceValue | None, list[PlaceValue]]:
        """The happening's place: a seized place for territory; else the places stage's choice; when the sentence
        names none, the last place the story named in the sentences just before (flagged as not stated)."""
        chosen = _seized_place(doc, group, places)
        if chosen is None and self.stages.choose_location is not None:
            for trigger in group:
                chosen = self.stages.choose_location(doc, doc[trigger.head], places)
                if chosen is not None:
                    break
        if chosen is None or not (sentence.start_char <= chosen.start < sentence.end_char):
            chosen = _story_place(doc, sentence, places) or chosen
        text = doc.text  # spaCy rebuilds it on every access
        others = [
            _place(text, p) for p in places
            if p is not chosen and sentence.start_char <= p.start < sentence.end_char and not p.dateline
        ]
        if chosen is None:
            return None, others
        stated = sentence.start_char <= chosen.start < sentence.end_char
        return replace(_place(text, chosen), stated=stated), others

    def _date(self, doc: Doc, token: Token, analysis: DocumentAnalysis) -> DateValue | None:
        if self.stages.event_time is None:
            return None
        found = self.stages.event_time(doc, token, analysis.times, analysis.document.published)
        mention = found.mention
        span = TextSpan(mention.start, mention.end, doc.text[mention.start : mention.end]) if mention else None
        return DateValue(found.start, found.end, found.time, span.text if span else None, span,
                         found.acled_time_precision, found.ucdp_date_prec, tuple(found.flags))


def _seized_place(doc: Doc, group: list[TriggerMatch], places: Sequence[Any]) -> Any:
    """'forces captured Maarat al-Numan': the place taken is where a territorial happening is."""
    for trigger in group:
        if trigger.entry.cls not in {"territory", "transfer"}:
            continue
        objects = {c.i for c in doc[trigger.head].children if c.dep_ in {"dobj", "nsubjpass"}}
        for place in places:
            if place.place is not None and doc[place.token_start : place.token_end].root.i in objects:
                return place
    return None


def _story_place(doc: Doc, sentence: Any, places: Sequence[Any]) -> Any:
    """The finest town-level place of the last sentence before ``sentence`` that names one, at most two sentences
    back (a story goes on where it was: "in the town of X in the Y district" → X)."""
    earlier = [p for p in places
               if p.place is not None and not p.dateline and (p.acled_geo_precision or 3) <= 2
               and p.start < sentence.start_char
               and sentence.start_char - p.start < 600
               and _sentences_between(doc, p.start, sentence.start_char) <= CONTEXT_SENTENCES]
    if not earlier:
        return None
    last = doc.char_span(earlier[-1].start, earlier[-1].end, alignment_mode="expand")
    told = [p for p in earlier if last is None or p.start >= last.sent.start_char]
    return min(reversed(told), key=lambda p: p.acled_geo_precision or 3)


def _sentences_between(doc: Doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="expand")
    return len(list(span.sents)) if span is not None else CONTEXT_SENTENCES + 1


def _attacked_site(doc: Doc, group: list[TriggerMatch], targets: TargetVocabulary | None) -> str | None:
    """'attacked the village of X', 'shelled army positions': the kind of site an attack with no named victims hit."""
    if targets is None:
        return None
    for trigger in group:
        if trigger.entry.cls not in {"attack", "mechanism", "fighting"}:
            continue
        token = doc[trigger.head]
        holders = [token, token.head] if token.dep_ == "dobj" else [token]  # "made an incursion into the village"
        objects = [c for c in token.children if c.dep_ == "dobj"]
        objects += [g for holder in holders for c in holder.children
                    if c.dep_ == "prep" and c.lower_ in {"on", "against", "at", "into"}
                    for g in c.children if g.dep_ == "pobj"]
        for target in objects:
            words = {target.lemma_.lower(), target.lower_} | {c.lower_ for c in target.children if c.dep_ == "amod"}
            if words & targets.military_sites:
                return "military"
            if words & targets.civilian_sites:
                return "civilian"
    return None


def _speaker(claimant: Any) -> ActorValue:
    sector = SPEAKER_SECTORS.get(claimant.type or "")
    return ActorValue("actor1", claimant.name, claimant.span.text, claimant.span, claimant.country, sector, None, None)


def _referred_to(doc: Doc, sentence: Any, actors: Sequence[Any]) -> list:
    """'…,' he said, referring to the Syrian government': whom a statement is about."""
    for token in sentence:
        if token.lemma_.lower() != "refer":
            continue
        objects = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                   for g in c.children if g.dep_ == "pobj"]
        for target in objects:
            found = [m for m in actors if m.token_start <= target.i < m.token_end]
            if found:
                return found[:1]
    return []


def _caught_in(doc: Doc, group: list[TriggerMatch], actors: Sequence[Any]) -> dict[tuple[int, int], Any]:
    """The subject of a passive verb whose 'in' phrase is the fighting ('were caught/trapped/killed in
    crossfire'): the people the fighting hit, not a side of it."""
    found: dict[tuple[int, int], Any] = {}
    for trigger in group:
        token = doc[trigger.head]
        if trigger.entry.cls not in {"fighting", "mechanism"} or token.dep_ != "pobj" or token.head.lower_ != "in":
            continue
        verb = token.head.head
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        for subject in subjects:
            for mention in actors:
                if mention.token_start <= subject.i < mention.token_end:
                    found[(mention.start, mention.end)] = mention
    return found


def _specified(doc: Doc, mention: Any, actors: Sequence[Any]) -> Any:
    """'Fighters of the Rapid Support Forces': a generic actor word made specific by the group it belongs to."""
    if mention.ref.entry is not None and not mention.ref.entry.startswith(GENERIC_ENTRIES):
        return mention
    head = doc[mention.head]
    owners = [t for prep in head.children if prep.lower_ == "of" for t in prep.children if t.dep_ == "pobj"]
    for owner in owners:
        for other in actors:
            named = other.ref.entry is not None and not other.ref.entry.startswith(GENERIC_ENTRIES)
            if named and other.token_start <= owner.i < other.token_end:
                return other
    return mention


def _is_place(actor: Any, places: Sequence[Any]) -> bool:
    """An unknown name that the geoparser resolved as a place ('Maarat al-Numan' tagged PERSON) is not an actor."""
    if actor.ref.entry is not None or (actor.ref.person is False and actor.ref.sector is not None):
        return False
    return any(p.place is not None and p.start <= actor.start and actor.end <= p.end + 1 for p in places)


def _is_moved(doc: Doc, mention: Any, group: list[TriggerMatch]) -> bool:
    """'Turkish units were relocated', 'columns crossed into Syria': who moves is the deployment's actor."""
    moves = {t.head for t in group if t.entry.cls == "mobilize"}
    head = doc[mention.head]
    return head.dep_ in {"nsubjpass", "nsubj"} and head.head.i in moves


def _names_target(doc: Doc, mention: Any, group: list[TriggerMatch]) -> bool:
    """'a Turkish bus attack', 'the church bombing': civilians named as a modifier of a noun trigger are its
    target, not its perpetrator."""
    head = doc[mention.head]
    nouns = {t.head for t in group if doc[t.head].pos_ == "NOUN"}
    return mention.ref.sector == "CVL" and head.dep_ in {"compound", "amod", "nmod"} and head.head.i in nouns


def _modifies_outcome(doc: Doc, mention: Any, group: list[TriggerMatch]) -> bool:
    """'the Turkish death toll', 'civilian casualties': a modifier of an outcome noun names the victims; so does
    the subject of an outcome verb without an object ('nine people died')."""
    head = doc[mention.head]
    outcomes = [doc[t.head] for t in group if t.entry.cls == "outcome"]
    nouns = {t.i for t in outcomes if t.pos_ == "NOUN"}
    if head.dep_ in {"amod", "compound", "poss", "nmod"} and head.head.i in nouns:
        return True
    intransitive = {t.i for t in outcomes if t.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in t.children)}
    return head.dep_ == "nsubj" and head.head.i in intransitive


def _names_an_actor(doc: Doc, place: Any, group: list[TriggerMatch], experiencers: frozenset[str]) -> bool:
    """A place name standing for a state or its people ("Turkey carried out strikes", "accusing Damascus"):
    the subject of a clause (unless things happen to it: "Turkey has suffered bombings"), or the object of a verb
    that is not the happening's own."""
    root = doc[place.token_start : place.token_end].root
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return root.head.lemma_.lower() not in experiencers
    own = {i for t in group for i in range(t.start, t.end)}
    return root.dep_ == "dobj" and root.head.i not in own


def _tells_happening(doc: Doc, trigger: TriggerMatch, disrupted: set[int]) -> bool:
    """Drop triggers that describe, not tell: a noun inside a locative phrase ("next to a military convoy"),
    a statement verb inside a subordinate or purpose clause ("marched to demand pay", "after accusing"), a weapon
    that was disrupted ("shot down a drone", "defused a roadside bomb")."""
    token = doc[trigger.head]
    if trigger.entry.cls == "mechanism" and _disrupted_weapon(token, disrupted):
        return False
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
        return trigger.entry.violent and trigger.entry.cls != "mobilize" and token.head.lower_ in {"in", "at"}
    return not (trigger.entry.cls == "verbal" and token.dep_ in SUBORDINATE_DEPS)


def _disrupted_weapon(token: Token, disrupted: set[int]) -> bool:
    """The weapon is what a disrupting or fighting verb acts on: "defused a roadside bomb", "seized rifles and
    explosives", "found a cache of mortars", "exchanged artillery fire"."""
    while token.dep_ in {"conj", "pobj", "prep", "appos", "compound"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"dobj", "nsubjpass"} and token.head.i in disrupted


def _assign_counts(doc: Doc, groups: list[list[TriggerMatch]], counts: Sequence[Any]) -> dict[int, list[Any]]:
    """Give each count to the happening whose trigger expresses its outcome, else a connected one nearby."""
    owner_of_token = {i: n for n, g in enumerate(groups) for t in g for i in range(t.start, t.end)}
    assigned: dict[int, list[Any]] = {}
    for count in counts:
        owner = owner_of_token.get(count.outcome_token)
        if owner is None:
            outcome = doc[count.outcome_token]
            candidates = [n for n, g in enumerate(groups)
                          if doc[g[0].head].sent.start == outcome.sent.start
                          and any(connected(doc[t.head], outcome) for t in g)]
            owner = candidates[0] if candidates else None
        if owner is not None:
            assigned.setdefault(owner, []).append(count)
    return assigned


def _mark_background(mentions: list[EventMention], published: dt.date | None) -> None:
    """Specific mentions dated before the report's main happening (the first one told with a date, else the
    publication day) are background: two days or more before it, or a span of days ("last week") that ended
    before it."""
    dated = [m for m in mentions if m.kind == "specific" and m.date and m.date.end and m.date.span is not None]
    focal = dated[0].date.end if dated else published
    if focal is None:
        return
    for mention in mentions:
        date = mention.date
        if mention.kind != "specific" or date is None or date.end is None or date.span is None:
            continue
        days_before = (focal - date.end).days
        span_days = (date.end - date.start).days + 1 if date.start else 1
        if days_before >= 2 or (days_before >= 1 and span_days >= 3):
            mention.kind, mention.kind_cue = "background", (date.text or "earlier date")


def _party(mention: Any) -> Party:
    return Party(mention.ref.sector, mention.ref.acled_inter)


def _actor_from_ref(role: str, ref: Any, span: TextSpan | None, iso3: str | None) -> ActorValue:
    inter = ref.acled_inter
    if ref.sector in STATE_SECTORS and ref.country and iso3 and ref.country != iso3 and inter == 1:
        inter = 8
    return ActorValue(role=role, name=ref.name, text=span.text if span else None, span=span, country=ref.country,
                      sector=ref.sector, acled_inter=inter, wikidata=ref.wikidata)


def _place(text: str, mention: Any) -> PlaceValue:
    place = mention.place
    start, end = mention.phrase_start, mention.phrase_end
    return PlaceValue(
        text=text[mention.start : mention.end],
        span=TextSpan(start, end, text[start:end]),
        name=place.name if place else None,
        geonameid=place.geonameid if place else None,
        lat=round(place.lat, 5) if place else None,
        lon=round(place.lon, 5) if place else None,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        country=place.country_name if place else None,
        iso3=place.country if place else None,
        feature_code=place.feature_code if place else None,
        relation=mention.relation,
        direction=mention.direction,
        acled_geo_precision=mention.acled_geo_precision,
        ucdp_where_prec=mention.ucdp_where_prec,
        resolved=place is not None,
    )


def _count(count: Any) -> CountValue:
    quantity = count.quantity
    return CountValue(
        what=count.what, low=quantity.low, best=quantity.best, high=quantity.high,
        span=TextSpan(quantity.start, quantity.end, quantity.text), who=count.who,
        groups=tuple(count.groups), revision=count.revision, high_only=count.high_only, aggregate=count.aggregate,
        subset=count.subset, source=count,
    )


def _mechanisms(doc: Doc, group: list[TriggerMatch], sub_type: str | None) -> list[MechanismValue]:
    found = []
    for trigger in group:
        if trigger.entry.cls not in {"mechanism", "fighting", "attack"}:
            continue
        acled = trigger.entry.acled or (None, None)
        own_sub = sub_type if trigger is group[0] else acled[1]
        found.append(MechanismValue(trigger.entry.id, trigger.entry.label, doc[trigger.start : trigger.end].text,
                                    _span(doc, trigger.start, trigger.end), acled[0], own_sub, trigger.entry.vague,
                                    trigger.entry.family or trigger.entry.id, trigger.entry.rank))
    return found


def _span(doc: Doc, start: int, end: int) -> TextSpan:
    span = doc[start:end]
    return TextSpan(span.start_char, span.end_char, span.text)


def _confidence(mention: EventMention) -> float:
    """A first, rule-based score; `flashpoint eval` measures how well it is calibrated."""
    score = BASE_CONFIDENCE.get(mention.trigger_class, 0.5)
    if mention.location is not None and mention.location.resolved:
        score += 0.08
    if mention.date is not None and mention.date.span is not None:
        score += 0.05
    if any(a.span is not None for a in mention.actors):
        score += 0.07
    if mention.counts:
        score += 0.05
    if mention.kind != "specific":
        score -= 0.1
    return round(min(max(score, 0.05), 0.95), 2)
