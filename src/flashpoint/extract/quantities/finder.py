"""Find every count of people killed, injured, arrested, abducted, displaced, missing, or gathered in a parsed Doc."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from flashpoint.extract.quantities.attach import Link, OutcomeLinker
from flashpoint.extract.quantities.cues import CueReader
from flashpoint.extract.quantities.mention import CountMention
from flashpoint.extract.quantities.people import PeopleReader
from flashpoint.extract.quantities.phrases import NOUNS, Counted, PhraseFinder, Sentences
from flashpoint.extract.quantities.quantity import Quantity
from flashpoint.extract.quantities.victims import VictimFinder
from flashpoint.extract.quantities.vocabulary import NumberVocabulary

FINDER_VERSION = "countfinder.v1"
MEMBERS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})


@dataclass(frozen=True)
class _Part:
    quantity: Quantity
    noun: Token | None
    who: tuple[int, int] | None


class CountFinder:
    """Finds counts and attaches each to its outcome word, with who, breakdown, revision and total cues."""

    def __init__(self, vocab: NumberVocabulary):
        self.vocab = vocab
        self.version = f"{FINDER_VERSION}+{vocab.version}"
        self.linker = OutcomeLinker(vocab)
        self.people = PeopleReader(vocab)
        self.cues = CueReader(vocab, self.linker)
        self.phrases = PhraseFinder(vocab, self.linker, self.people)
        self.victims = VictimFinder(self.linker)

    def find(self, doc: Doc) -> list[CountMention]:
        """Every count in ``doc``, in text order, one mention per number (a breakdown is one mention)."""
        sentences = Sentences.of(doc)
        counted = [c for sent in sentences.spans for c in self.phrases.find(sent)]
        by_top = {c.top.i: c for c in counted}
        numbered: dict[int, CountMention] = {}  # counted word → its mention
        mentions: list[CountMention] = []
        for item in counted:
            if item.top.i in numbered:
                continue
            link = self.linker.link(item.top, item.noun, item.tokens)
            if link is None:
                item = self.phrases.linear(item, by_top, sentences)
                link = self.linker.link(item.top, item.noun, item.tokens) if item.noun is not None else None
            link = link or self._preceding(item)
            if link is None:
                continue
            members = self._members(item.top, link)
            parts = (self._parts(members, by_top) if len(members) > 1 else []) or [self._part(item)]
            mention = self._mention(link, parts, item.noun or item.root, sentences)
            numbered.update({m.i: mention for m in (*members, item.top)})
            mentions.append(mention)
        mentions += self._numberless(sentences, numbered, mentions)
        return sorted(mentions, key=lambda m: (m.quantity.start, m.quantity.end, m.what, m.outcome_token))

    def _preceding(self, item: Counted) -> Link | None:
        """A count right after an outcome word the parse did not link it to: "shot dead at least fifteen people"."""
        first = min(item.tokens)
        if first == 0 or (item.noun is not None and item.noun.lemma_.lower() in self.vocab.non_person_nouns):
            return None
        before = item.root.doc[first - 1]
        what = self.linker.what(before) if before.pos_ in ("VERB", "ADJ") else None
        if what is None or what == "crowd" or (before.pos_ == "VERB" and not self.linker.transitive(before)):
            return None
        return Link(before, what)

    # -- breakdowns ---------------------------------------------------------------------------------------------
    def _members(self, top: Token, link: Link) -> list[Token]:
        """The coordinated nouns a count belongs to ("five soldiers and three civilians"), first one first;
        a conjunct with an outcome of its own ("… and abducted councilmen") is not one of them."""
        if top.pos_ not in MEMBERS:
            return [top]
        first = top
        while (first.dep_ == "conj" or self.linker.listed(first)) and first.head.pos_ in MEMBERS:
            first = first.head
        members = [first, *first.conjuncts]
        for child in first.children:  # "three militants, five fighters, and two civilians"
            if self.linker.listed(child):
                members += [child, *child.conjuncts]
        return sorted((m for m in members if m is top or not self._own_outcome(m, link)), key=lambda t: t.i)

    def _own_outcome(self, noun: Token, link: Link) -> bool:
        return any(c.dep_ in ("amod", "acl") and self.linker.what(c) not in (None, link.what) for c in noun.children)

    def _part(self, item: Counted) -> _Part:
        who = self.people.who_span(item.noun, item.tokens) if item.noun is not None else None
        return _Part(item.quantity, item.noun, who)

    def _parts(self, members: list[Token], by_top: dict[int, Counted]) -> list[_Part]:
        """One part per counted member; an uncounted bare plural right after a counted one shares its number
        ("11 soldiers and loyalists")."""
        parts: list[_Part] = []
        for member in members:
            counted = by_top.get(member.i)
            if counted is not None:
                parts.append(self._part(counted))
                continue
            single = self.people.singular(member)
            if single is not None:
                parts.append(_Part(single, member, self.people.who_span(member, frozenset())))
            elif parts and parts[-1].who is not None and self.people.unnumbered_plural(member) is not None:
                end = member.idx + len(member.text)
                parts[-1] = _Part(parts[-1].quantity, parts[-1].noun, (parts[-1].who[0], end))
        return parts

    @staticmethod
    def _total(parts: list[_Part], text: str) -> Quantity:
        if len(parts) == 1:
            return parts[0].quantity

        def add(values: list[int | None]) -> int | None:
            return None if any(v is None for v in values) else sum(v for v in values if v is not None)

        quantities = [p.quantity for p in parts]
        start, end = quantities[0].start, quantities[-1].end
        return Quantity(
            add([q.low for q in quantities]),
            add([q.best for q in quantities]),
            add([q.high for q in quantities]),
            text[start:end],
            start,
            end,
            vague=any(q.vague for q in quantities),
            kind="sum",
        )

    # -- mentions -------------------------------------------------------------------------------------------------
    def _mention(self, link: Link, parts: list[_Part], head: Token, sentences: Sentences) -> CountMention:
        doc, text = sentences.doc, sentences.text
        quantity = self._total(parts, text)
        spans = [p.who for p in parts if p.who is not None]
        who = (spans[0][0], spans[-1][1]) if spans else None
        groups: tuple[tuple[str, int], ...] = ()
        if len(parts) > 1 and all(p.who for p in parts):
            groups = tuple(
                (text[p.who[0] : p.who[1]], p.quantity.best if p.quantity.best is not None else p.quantity.low or 0)
                for p in parts
                if p.who
            )
        nouns = [p.noun for p in parts if p.noun is not None]
        phrase = list(doc.char_span(quantity.start, quantity.end, alignment_mode="expand") or ())
        counted = [*nouns, *phrase]
        mixed = quantity.kind != "zero" and self.cues.mixed(link)  # "no casualties": zero dead and zero hurt
        return CountMention(
            what="killed" if mixed else link.what,
            quantity=quantity,
            who=text[who[0] : who[1]] if who else None,
            who_start=who[0] if who else None,
            who_end=who[1] if who else None,
            groups=groups,
            outcome_token=link.outcome.i,
            head_token=(nouns[0] if nouns else head).i,
            sentence_start=sentences.at(head).start_char,
            revision=self.cues.revision(link, counted),
            high_only=mixed,
            aggregate=self.cues.aggregate(link, counted),
            subset=link.subset or any(self.cues.referring(n) for n in nouns),
            additive=self.cues.additive(link, nouns[0] if nouns else None, counted, frozenset(t.i for t in phrase)),
            who_head=nouns[0].lemma_.lower() if nouns and who else None,
        )

    def _numberless(
        self, sentences: Sentences, numbered: dict[int, CountMention], counted: list[CountMention]
    ) -> list[CountMention]:
        """Counts without a number of their own: "killed a civilian", "a policeman was injured", "no fatalities";
        "them" for people counted earlier in the sentence ("captured two bandits and killed them"); and a
        second outcome of counted people ("abducted and killed two youths")."""
        found: list[CountMention] = []
        taken: set[tuple[str, int]] = set()
        linked = {m.outcome_token for m in counted}
        for token in sentences.doc:
            what = self.linker.what(token)
            if what is None or what == "crowd" or token.i in linked:
                continue
            if token.pos_ in NOUNS and self.people.is_zero(token):
                zero = self.people.zero(token)
                whats = ("killed", "injured") if self.linker.is_mixed(token) else (what,)
                for each in whats:
                    found.append(self._mention(Link(token, each), [_Part(zero, None, None)], token, sentences))
                continue
            for victim in self.victims.find(token):
                link = Link(token, what)
                members = self._members(victim, link)
                if any((what, m.i) in taken for m in members) or self._weak_armed(token, victim):
                    continue
                taken |= {(what, m.i) for m in members}
                earlier = next((numbered[m.i] for m in members if m.i in numbered), None)
                if earlier is None and victim.lower_ in self.vocab.plural_pronouns:
                    earlier = self._antecedent(victim, what, counted, sentences.at(victim).start_char)
                elif earlier is not None and (
                    earlier.what == what or token not in victim.doc[earlier.outcome_token].conjuncts
                ):
                    continue  # the number already counts these people for this outcome, or for an unrelated one
                if earlier is not None:
                    found.append(replace(earlier, what=what, outcome_token=token.i, high_only=False, subset=False))
                    continue
                plural_ok = victim.dep_ in ("dobj", "nsubjpass", "nsubj", "conj") and token.tag_ != "VB"
                names = token.lemma_.lower() not in self.vocab.place_verbs
                parts = [p for m in members if (p := self._numberless_part(m, plural_ok, names)) is not None]
                if parts:
                    found.append(self._mention(link, parts, victim, sentences))
        return found

    @staticmethod
    def _antecedent(pronoun: Token, what: str, counted: list[CountMention], sentence: int) -> CountMention | None:
        """The nearest count before ``pronoun`` in its sentence, of another outcome and more than one person."""
        before = [
            m
            for m in counted
            if m.sentence_start == sentence
            and m.quantity.end <= pronoun.idx
            and m.what != what
            and (m.quantity.low or 0) > 1
        ]
        return before[-1] if before else None

    def _numberless_part(self, noun: Token, plural_ok: bool, names: bool) -> _Part | None:
        if self.people.is_zero(noun):
            return _Part(self.people.zero(noun), None, None)
        quantity = self.people.singular(noun, names) or (self.people.unnumbered_plural(noun) if plural_ok else None)
        if quantity is None:
            return None
        return _Part(quantity, noun, self.people.who_span(noun, frozenset()))

    def _weak_armed(self, outcome: Token, victim: Token) -> bool:
        weak = outcome.lemma_.lower() in self.vocab.weak or outcome.lower_ in self.vocab.weak
        return weak and victim.lemma_.lower() in self.vocab.armed_nouns
