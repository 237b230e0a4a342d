"""Group the triggers of a sentence that tell one happening ("killed by shelling", "shelling and airstrikes").

Two triggers belong together when they stand in the same clause ("clashes took place … amid regime shelling"),
or a short path of argument edges joins their heads. Clause boundaries — a subordinated clause ("after gunmen
killed …"), a complement clause, a coordinated clause with its own subject — keep happenings apart.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from flashpoint.extract.events.triggers import TriggerMatch

JOINING_EDGES = frozenset({
    "agent", "prep", "pobj", "nsubj", "nsubjpass", "dobj", "conj", "compound", "amod", "poss", "appos", "attr",
    "acl", "npadvmod", "nmod", "dep", "oprd", "acomp", "cc",
})
MAX_PATH = 3
DESCRIPTIVE_DEPS = frozenset({"amod", "acl", "relcl", "appos"})
SAME_CLAUSE = frozenset({"xcomp", "acl", "amod", "compound"})  # non-finite verbs inside their governor's clause
CLASS_PRIORITY = (
    "mechanism", "fighting", "attack", "abduction", "sexual", "territory", "arrest", "riot", "intervention",
    "protest", "weapons", "property", "base", "agreement", "transfer", "group", "mobilize", "outcome",
    "displacement", "verbal",
)
NEVER_JOIN = frozenset({"verbal", "displacement"})
VIOLENT_CLASSES = frozenset({"mechanism", "fighting", "attack", "outcome", "abduction", "sexual", "territory"})
STRATEGIC_CLASSES = frozenset({"arrest", "agreement", "mobilize", "base", "property", "group", "transfer"})


def group_triggers(doc: Doc, triggers: list[TriggerMatch]) -> list[list[TriggerMatch]]:
    """Partition the triggers into happenings, in text order; the first of each group is its primary trigger."""
    parent = list(range(len(triggers)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    heads = {t.head for t in triggers}
    for i, first in enumerate(triggers):
        for j in range(i + 1, len(triggers)):
            second = triggers[j]
            if doc[first.head].sent.start != doc[second.head].sent.start:
                break
            if not _joinable(first, second):
                continue
            a, b = doc[first.head], doc[second.head]
            if clause_head(a, heads).i == clause_head(b, heads).i or connected(a, b):
                parent[find(j)] = find(i)
    groups: dict[int, list[TriggerMatch]] = {}
    for i, trigger in enumerate(triggers):
        groups.setdefault(find(i), []).append(trigger)
    ordered = [sorted(g, key=_priority) for g in groups.values()]
    return sorted(ordered, key=lambda g: min(t.start for t in g))


def clause_head(token: Token, triggers: frozenset[int] | set[int] = frozenset()) -> Token:
    """The verb heading the clause ``token`` belongs to; participles and control complements share their
    governor's clause, subordinated and complement clauses and coordinated clauses with a subject have their own.
    A description of a participant ("a group responsible for deadly attacks") is its own scope: the noun it
    describes is returned, unless that noun is itself a trigger."""
    current = token
    for _ in range(40):
        head = current.head
        if head is current:
            return current
        if current.dep_ in DESCRIPTIVE_DEPS and head.pos_ in {"NOUN", "PROPN"} and head.i not in triggers:
            return head
        if current.pos_ in {"VERB", "AUX"} and not _joins(current) and current.dep_ not in SAME_CLAUSE:
            return current
        current = head
    return current


def _joins(token: Token) -> bool:
    """Does the edge from ``token`` to its head stay inside one happening?

    Argument edges do, and a conjoined verb that shares its subject ("fired … and arrested"), but not a clause
    with a subject of its own ("the toll rose to eight, and strikes killed dozens"). A non-finite adverbial
    clause that elaborates the same act ("…, killing five") or states its purpose ("fired tear gas to disperse
    the crowd") joins; a finite or subordinated clause ("after gunmen killed …") does not.
    """
    if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"}:
        return not any(child.dep_ in {"nsubj", "nsubjpass", "expl"} for child in token.children)
    if token.dep_ in JOINING_EDGES:
        return True
    if token.dep_ == "advcl" and token.tag_ in {"VBG", "VBN", "VB"}:
        return not any(child.dep_ == "mark" for child in token.children)
    return False


def _joinable(first: TriggerMatch, second: TriggerMatch) -> bool:
    """Statements never join other triggers; a strategic development (arrests, a deployment) is never part of a
    violent happening told in the same clause ("arrested in connection with the blast")."""
    classes = {first.entry.cls, second.entry.cls}
    if classes & NEVER_JOIN:
        return first.entry.id == second.entry.id
    return not (classes & VIOLENT_CLASSES and classes & STRATEGIC_CLASSES)


def _priority(trigger: TriggerMatch) -> tuple[int, int, int]:
    cls = trigger.entry.cls
    rank = CLASS_PRIORITY.index(cls) if cls in CLASS_PRIORITY else len(CLASS_PRIORITY)
    return rank, trigger.entry.rank, trigger.start


def connected(a: Token, b: Token) -> bool:
    """Breadth-first search over joining edges, at most MAX_PATH steps, from a to b."""
    frontier = {a.i}
    seen = {a.i}
    doc = a.doc
    for _ in range(MAX_PATH):
        following: set[int] = set()
        for index in frontier:
            token = doc[index]
            steps = [c for c in token.children if _joins(c)]
            if _joins(token) and token.head is not token:
                steps.append(token.head)
            for step in steps:
                if step.i == b.i:
                    return True
                if step.i not in seen:
                    seen.add(step.i)
                    following.add(step.i)
        frontier = following
    return False
