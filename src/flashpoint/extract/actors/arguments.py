"""A trigger's arguments from the dependency parse: who acted (agents), on whom (patients), with whom (others)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from flashpoint.extract.actors.dictionary import Roles
from flashpoint.extract.actors.model import ActorMention, Arguments

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
VERB_POS = frozenset({"VERB", "AUX"})
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "dative"})
NOUN_CHILD_DEPS = frozenset({"det", "compound", "poss", "amod"})


class _Collector:
    """Maps tokens to the mentions that cover them and sorts argument tokens into roles."""

    def __init__(self, doc: Doc, mentions: Iterable[ActorMention], roles: Roles) -> None:
        self.doc = doc
        self.roles = roles
        self.by_head: dict[int, list[ActorMention]] = {}
        self.by_token: dict[int, list[ActorMention]] = {}
        for mention in mentions:
            self.by_head.setdefault(mention.head, []).append(mention)
            for i in range(mention.token_start, mention.token_end):
                self.by_token.setdefault(i, []).append(mention)
        self.agents: list[ActorMention] = []
        self.patients: list[ActorMention] = []
        self.others: list[ActorMention] = []

    def actors(self, token: Token, depth: int = 0) -> list[ActorMention]:
        """Mentions for an argument token and its conjuncts ("soldiers and police"); "four of its soldiers" too."""
        found: list[ActorMention] = []
        for member in (token, *token.conjuncts):
            member = self._relative(member)
            own = list(self.by_head.get(member.i) or self.by_token.get(member.i) or [])
            for child in member.lefts if own else ():  # "Chadian and Nigerien troops": "Chadian" is a mention too
                if child.dep_ in {"amod", "compound", "nmod"} and any(c.dep_ == "cc" for c in child.children):
                    own.extend(m for m in self.by_head.get(child.i, []) if m not in own)
            if not own and depth < 2 and not _event_noun(member, self.roles):
                for child in member.children:
                    if child.dep_ == "prep" and child.lower_ == "of":
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                own = own + self.actors(obj, depth + 1)
            found.extend(m for m in own if m not in found)
        return found

    def _relative(self, token: Token) -> Token:
        """ "who"/"that" in a relative clause stands for the noun the clause modifies."""
        if token.lower_ in self.roles.relative and token.head.dep_ == "relcl":
            return token.head.head
        return token

    def modifiers(self, token: Token, patient_possessor: bool) -> None:
        """Compound/amod/possessive modifiers of a nominal trigger ("Syrian government shelling")."""
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS and child.i < token.i:
                target = self.patients if (child.dep_ == "poss" and patient_possessor) else self.agents
                target.extend(self.actors(child))

    def prepositions(self, token: Token, of_role: str | None, roles_only: tuple[str, ...] = ()) -> None:
        """Objects of "by", "on"/"against", "with"/"between" … attached to the trigger (``roles_only``: just
        "agent", "patient", or "other-as-agent" for the other side of a clash that hurt the clause's subject)."""
        for child in token.children:
            if child.dep_ not in {"prep", "agent"}:
                continue
            word = child.lower_
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if roles_only:
                if "agent" in roles_only and (child.dep_ == "agent" or word in self.roles.agent):
                    self.agents.extend(m for obj in objects for m in self.agent_object(obj))
                if "patient" in roles_only and word in self.roles.patient:
                    self.patients.extend(m for obj in objects for m in self.actors(obj))
                if "other-as-agent" in roles_only and word in self.roles.other:
                    self.agents.extend(m for obj in objects for m in self.actors(obj))
                continue
            if child.dep_ == "agent" or word in self.roles.agent:
                for obj in objects:
                    self.agents.extend(self.agent_object(obj))
            elif word in self.roles.patient or (word == "of" and of_role == "patient"):
                for obj in objects:
                    self.patients.extend(self.actors(obj))
            elif word in self.roles.other:
                for obj in objects:
                    self.others.extend(self.actors(obj))

    def agent_object(self, obj: Token) -> list[ActorMention]:
        """The actors of a "by" object: itself, or the modifiers of a nominal one ("by Syrian shelling")."""
        found = self.actors(obj)
        if not found:
            for grandchild in obj.children:
                if grandchild.dep_ in MODIFIER_DEPS:
                    found.extend(self.actors(grandchild))
            self.agents_of_noun(obj)
        return found

    def agents_of_noun(self, noun: Token, depth: int = 0) -> None:
        """ "by" objects of an event noun, also behind its own prepositional phrases ("an attack on a base by X")."""
        for child in noun.children:
            if child.dep_ != "prep":
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                if child.lower_ in self.roles.agent:
                    self.agents.extend(self.actors(obj))
                elif depth < 2:
                    self.agents_of_noun(obj, depth + 1)

    def result(self) -> Arguments:
        def unique(items: list[ActorMention], exclude: Iterable[ActorMention] = ()) -> tuple[ActorMention, ...]:
            seen = set(exclude)
            out = []
            for mention in sorted(items, key=lambda m: (m.start, m.end, m.ref.name)):
                if mention not in seen:
                    seen.add(mention)
                    out.append(mention)
            return tuple(out)

        agents = unique(self.agents)
        patients = unique(self.patients, agents)
        others = unique(self.others, (*agents, *patients))
        return Arguments(agents, patients, others)


def _event_noun(token: Token, roles: Roles) -> bool:
    """ "the shelling of X", "the killing of X": an event, whose "of" object is not the argument itself (unlike
    "four of its soldiers", "the positions of X")."""
    word = token.lower_
    return token.tag_ == "VBG" or word.endswith("ing") or word in roles.patient_possessor


def _nominal(token: Token) -> bool:
    """A noun trigger, or a gerund used as one ("Sudanese army shelling … continued")."""
    if token.pos_ not in VERB_POS:
        return True
    return token.tag_ == "VBG" and (
        token.dep_ in NOMINAL_DEPS or any(c.dep_ in NOUN_CHILD_DEPS for c in token.children)
    )


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}
    )


def _verb(collector: _Collector, verb: Token) -> None:
    passive = _passive(verb)
    _subjects(collector, verb, passive)
    _objects(collector, verb)
    collector.prepositions(verb, None)
    if not collector.patients:  # "fired mortars and grenade launchers at X", the list parsed as a second verb
        for conj in verb.children:
            if conj.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
                for obj in (conj, *(c for c in conj.children if c.dep_ == "dobj")):
                    collector.prepositions(obj, None, roles_only=("patient",))
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        _agent_in_context(collector, verb)


def _subjects(collector: _Collector, verb: Token, passive: bool) -> None:
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
    for subject in subjects:
        target = collector.patients if (subject.dep_ == "nsubjpass" or passive) else collector.agents
        found = collector.actors(subject)
        if not found and target is collector.agents:  # "the army's shelling killed five": the event noun's actor
            for noun in (subject, *subject.conjuncts):
                collector.modifiers(noun, patient_possessor=False)
                collector.agents_of_noun(noun)
        target.extend(found)
    if subjects:
        return
    before = len(collector.agents) + len(collector.patients)
    _inherited_subject(collector, verb, passive)
    if len(collector.agents) + len(collector.patients) == before and not passive:
        # "a Taliban sniper shot and killed …" parsed with "sniper" as a compound of "shot"
        governor = verb.head if verb.dep_ == "conj" else verb
        _adjacent_modifier(collector, governor)
        collector.modifiers(governor, patient_possessor=False)


def _objects(collector: _Collector, verb: Token) -> None:
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    if not objects:  # "attacked and killed two policemen": coordinated verbs share the object
        objects = [
            o for c in verb.children if c.dep_ == "conj" and c.pos_ in VERB_POS for o in c.children if o.dep_ == "dobj"
        ]
    objects += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
    for child in objects:
        found = collector.actors(child)
        collector.patients.extend(found)
        if not found:  # "fired mortars at the positions": the target hangs on the weapon
            for member in (child, *child.conjuncts):
                collector.prepositions(member, None, roles_only=("patient",))


def _agent_in_context(collector: _Collector, verb: Token) -> None:
    """A passive verb without "by": the perpetrator of "killed and wounded by X", "killed when X attacked",
    "killed following an attack by X", "killed during clashes with X", "wounded in a Syrian airstrike"."""
    before = len(collector.agents)
    for conj in verb.conjuncts:
        if conj.pos_ in VERB_POS:
            collector.prepositions(conj, None, roles_only=("agent",))
    for child in (c for v in (verb, *verb.conjuncts) for c in v.children):
        if child.dep_ == "advcl" and child.pos_ in VERB_POS and not _passive(child):
            for subject in child.children:
                if subject.dep_ == "nsubj":
                    collector.agents.extend(collector.actors(subject))
    if len(collector.agents) == before:
        _agent_in_event_noun(collector, verb)


def _agent_in_event_noun(collector: _Collector, verb: Token) -> None:
    """ "killed following an attack by Taliban militants", "wounded in a Syrian airstrike"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in collector.roles.event:
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and not collector.actors(noun):
                    before = len(collector.agents)
                    collector.agents_of_noun(noun)
                    if len(collector.agents) == before:
                        collector.modifiers(noun, patient_possessor=False)
                    if len(collector.agents) == before:  # "killed during clashes with X": X is the other side
                        collector.prepositions(noun, None, roles_only=("other-as-agent",))


def _inherited_subject(collector: _Collector, verb: Token, passive: bool) -> None:
    """Subject shared with a governing verb ("stormed the village and killed five") or the noun a participle
    modifies ("civilians killed by airstrikes", "gunmen attacking a checkpoint")."""
    if verb.dep_ in {"acl", "amod"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        target = collector.patients if passive else collector.agents
        target.extend(collector.actors(verb.head))
        return
    if verb.dep_ == "relcl":
        return
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.pos_ in VERB_POS:
        governor = verb.head
        for child in governor.children:
            if child.dep_ == "nsubj" and not passive and not _passive(governor):
                collector.agents.extend(collector.actors(child))
            elif child.dep_ == "nsubjpass" and passive and verb.dep_ == "conj":
                collector.patients.extend(collector.actors(child))


def _adjacent_modifier(collector: _Collector, noun: Token) -> None:
    """ "killed by Syrian government shelling" parsed as two phrases: an actor right before a nominal trigger
    still modifies it."""
    previous = noun.i - 1
    while previous >= 0 and noun.doc[previous].pos_ == "ADJ" and not collector.by_token.get(previous):
        previous -= 1
    if previous < 0 or noun.doc[previous].dep_ in {"nsubj", "nsubjpass", "dobj"}:
        return
    for mention in collector.by_token.get(previous, []):
        if mention.token_end == previous + 1 and mention.head != noun.i:
            collector.agents.append(mention)


def _participle_agent(collector: _Collector, noun: Token) -> None:
    """ "a Taliban-planted IED": the actor joined to a participle that modifies the trigger did it."""
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in collector.roles.agent_participles:
            for part in child.children:
                if part.dep_ in {"npadvmod", "compound", "nmod"} and part.i < child.i:
                    collector.agents.extend(collector.actors(part))


def _noun(collector: _Collector, noun: Token) -> None:
    roles = collector.roles
    _participle_agent(collector, noun)
    if not any(c.dep_ in MODIFIER_DEPS for c in noun.lefts):
        _adjacent_modifier(collector, noun)
    patient_possessor = noun.lemma_.lower() in roles.patient_possessor or noun.lower_ in roles.patient_possessor
    collector.modifiers(noun, patient_possessor)
    collector.prepositions(noun, "patient")
    if not collector.agents:  # "an attack on a base by Taliban militants": "by" hangs on the target
        collector.agents_of_noun(noun)
    head = noun.head
    if noun.dep_ in {"dobj", "conj"} and head.pos_ in VERB_POS and head.lemma_.lower() in roles.light_verbs:
        for child in head.children:
            if child.dep_ == "nsubj":
                collector.agents.extend(collector.actors(child))
        collector.prepositions(head, None)
    if noun.dep_ == "nsubj" and head.pos_ in VERB_POS and head.lemma_.lower() in roles.result_verbs:
        for child in head.children:
            if child.dep_ == "dobj":
                collector.patients.extend(collector.actors(child))
    if noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.pos_ in VERB_POS:
        for child in head.head.children:
            if child.dep_ == "nsubjpass":
                collector.patients.extend(collector.actors(child))


def arguments_of(doc: Doc, trigger: Token, mentions: list[ActorMention], *, roles: Roles | None = None) -> Arguments:
    """Agents, patients and other participants of ``trigger`` (a verb or a noun), from its own dependents only.

    Pass ``roles=normalizer.dictionary.roles`` to use an extended dictionary (and skip re-reading the bundled one).
    """
    collector = _Collector(doc, mentions, roles or Roles.bundled())
    if _nominal(trigger):
        _noun(collector, trigger)
    else:
        _verb(collector, trigger)
    return collector.result()
