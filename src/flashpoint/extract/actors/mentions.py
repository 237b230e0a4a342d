"""Find actor mentions in a parsed document: actor nouns with their modifiers, named groups, states, people."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from flashpoint.extract.actors.dictionary import Match
from flashpoint.extract.actors.model import ActorMention, ActorRef
from flashpoint.extract.actors.normalize import ActorNormalizer
from flashpoint.extract.actors.text import cased_words

MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "case", "punct", "cc", "conj", "quantmod"})
SIBLING_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "punct"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ACTOR_POSITION_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "dative", "pobj", "poss", "conj", "appos", "ROOT", "agent", "attr"}
)
NOUN_POS = frozenset({"NOUN", "PROPN"})
HEAD_POS = frozenset({"NOUN", "PROPN", "ADJ"})
JOINERS = frozenset({"/", "or", "and/or", "-"})


@dataclass
class _Finder:
    """One pass over one document (a throw-away worker: nothing is kept between documents)."""

    doc: Doc
    normalizer: ActorNormalizer
    doc_country: str | None
    mentions: list[ActorMention] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    match_of: dict[int, Match] = field(default_factory=dict)
    match_tokens: dict[Match, tuple[int, int]] = field(default_factory=dict)
    people: dict[str, ActorRef] = field(default_factory=dict)
    candidates: list[Token] = field(default_factory=list)

    def run(self) -> list[ActorMention]:
        self._scan()
        self._remember_people()
        deferred = self._actor_nouns()
        self._entries()
        self._people()
        self._organisations()
        self._places("country")
        self._places("demonym")
        for head, start, end in deferred:
            hint = self._antecedent(head)
            self._add_phrase(head, start, end, hint)
        unique = {(m.start, m.end, m.ref.name, m.ref.country): m for m in self.mentions}
        return [unique[key] for key in sorted(unique, key=lambda k: (k[0], k[1], k[2], k[3] or ""))]

    # -- dictionary words in the document --------------------------------------------------------------------
    def _scan(self) -> None:
        """Dictionary matches over the document's words, and the tokens that may head an actor phrase."""
        lower: list[str] = []
        cased: list[str] = []
        owner: list[int] = []
        split: dict[str, list[str]] = {}
        heads = self.normalizer.dictionary.head_words
        for token in self.doc:
            text = token.text
            if text not in split:
                split[text] = cased_words(text)
            for word in split[text]:
                cased.append(word)
                lower.append(word.lower())
                owner.append(token.i)
            if (token.lower_ in heads or token.lemma_.lower() in heads) and token.pos_ in HEAD_POS:
                self.candidates.append(token)
        for match in self.normalizer.dictionary.scan(lower, cased):
            span = (owner[match.start], owner[match.end - 1] + 1)
            self.match_tokens[match] = span
            for i in range(*span):
                self.match_of[i] = match

    # -- mention builders ------------------------------------------------------------------------------------
    def _add(self, start: int, end: int, head: Token, ref: ActorRef, hint: str | None = None) -> None:
        span = self.doc[start:end]
        self.mentions.append(ActorMention(span.text, span.start_char, span.end_char, start, end, head.i, ref, hint))
        self.taken.update(range(start, end))

    def _phrase_bounds(self, head: Token) -> tuple[int, int]:
        """The head with its left modifiers ("the Syrian government forces") and a right "of <country>"."""
        start = head.i
        for child in head.lefts:
            if child.dep_ in MODIFIER_DEPS or (child.dep_ == "nummod" and child.i == head.i - 1 and child.like_num):
                if child.dep_ in {"cc", "punct"} and child.i < start - 1:
                    continue
                start = min(start, child.left_edge.i)
        if head.dep_ == "compound":  # "Turkish troop movements": "Turkish" modifies the same noun as "troop"
            for sibling in head.head.lefts:
                if sibling.i < head.i and sibling.dep_ in SIBLING_DEPS and sibling.i in self.match_of:
                    start = min(start, sibling.left_edge.i)
        for i in range(head.i - 1, start - 1, -1):  # never across a line break or into another sentence
            if "\n" in self.doc[i].text_with_ws or i < head.sent.start:
                start = i + 1
                break
        while start < head.i and self.doc[start].dep_ in {"cc", "punct", "det", "nummod"}:
            start += 1
        return self._joined_group_start(head, start), self._of_country_end(head)

    def _joined_group_start(self, head: Token, start: int) -> int:
        """ "JNIM or ISGS militants", parsed as "JNIM" + conjunct "ISGS militants": one phrase from "JNIM"."""
        first = head.head
        if head.dep_ != "conj" or first.i >= start or not self._group(first.i):
            return start
        if not any(map(self._group, range(start, head.i))):
            return start
        if all(t.dep_ in {"cc", "punct"} for t in self.doc[first.i + 1 : start]):
            return first.left_edge.i if first.left_edge.dep_ != "det" else first.i
        return start

    def _of_country_end(self, head: Token) -> int:
        """ "the forces of Syria": the phrase runs to the country."""
        end = head.i + 1
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                match = self.match_of.get(objects[0].i) if objects else None
                if match is not None and match.kind == "country":
                    end = objects[0].right_edge.i + 1
        return end

    def _actor_nouns(self) -> list[tuple[Token, int, int]]:
        """Nouns such as "soldiers", "government", "gunmen" with their modifiers; pronoun possessors deferred."""
        deferred = []
        candidates = self.candidates
        candidate_ids = {t.i for t in candidates}
        for token in candidates:
            if token.i in self.match_of and self.match_of[token.i].kind == "entry":
                continue
            if token.pos_ == "ADJ" and token.dep_ != "ROOT" and token.dep_ not in SUBJECT_DEPS | {"dobj", "pobj"}:
                continue
            if token.dep_ in {"compound", "amod", "nmod"} and token.head.i in candidate_ids:
                continue
            if token.ent_type_ != "PERSON" and token.head.ent_type_ == "PERSON" and token.i < token.head.i:
                continue  # a title before a name ("President Ali Bongo"): part of the person's mention
            start, end = self._phrase_bounds(token)
            if any(c.dep_ == "poss" and c.lower_ in self.normalizer.dictionary.roles.possessive for c in token.lefts):
                deferred.append((token, start, end))
                continue
            self._add_phrase(token, start, end, self._person_possessor(token))
        return deferred

    def _add_phrase(self, head: Token, start: int, end: int, hint: str | None) -> None:
        """One mention per coordinated part: "Russian and Syrian pilots" → "Russian", "Syrian pilots"."""
        cuts = [
            i for i in range(start, head.i) if self.doc[i].dep_ == "cc" and not self._between_groups(i, start, head.i)
        ]
        for left, right in zip([start, *(c + 1 for c in cuts)][: len(cuts)], cuts, strict=True):
            while right > left and self.doc[right - 1].dep_ == "punct":
                right -= 1
            if right > left:
                part, last = self.doc[left:right], self.doc[right - 1]
                ref = self.normalizer.normalize(part.text, head=last.text, doc_country=self.doc_country)
                if ref is not None:
                    self._add(left, right, last, ref)
        start = cuts[-1] + 1 if cuts else start
        end = self._parenthesised_group(end)
        text = self.doc[start:end].text
        ref = self.normalizer.normalize(text, head=head.text, doc_country=self.doc_country, country=hint)
        if ref is not None and head.pos_ == "PROPN" and ref.sector == "CVL" and head.ent_type_ == "ORG":
            return  # "the Coptic Orthodox Church" is an organisation, not civilian property
        if ref is not None:
            self._add(start, end, head, ref, hint)

    def _parenthesised_group(self, end: int) -> int:
        """ "volunteer fighters (VDP)": a group named in brackets right after the phrase belongs to it."""
        if end + 2 < len(self.doc) and self.doc[end].text == "(" and self._group(end + 1):
            close = self.match_tokens[self.match_of[end + 1]][1]
            if close < len(self.doc) and self.doc[close].text == ")":
                return close + 1
        return end

    def _group(self, i: int) -> bool:
        return i in self.match_of and self.match_of[i].kind == "entry"

    def _between_groups(self, cc: int, start: int, end: int) -> bool:
        """ "JNIM or ISGS militants" stays one phrase (ACLED's "A and/or B")."""
        return any(map(self._group, range(start, cc))) and any(map(self._group, range(cc + 1, end + 1)))

    def _person_possessor(self, head: Token) -> str | None:
        for child in head.lefts:
            if child.dep_ == "poss" and child.ent_type_ == "PERSON":
                ref = self.people.get(child.text.lower())
                if ref is not None:
                    return ref.country
        return None

    def _root(self, start: int, end: int) -> Token:
        span = self.doc[start:end]
        return span.root

    def _entries(self) -> None:
        """Named groups not inside an actor-noun phrase; "Boko Haram/IS" and "JNIM or ISGS" stay one mention."""
        spans = [
            span for match, span in sorted(self.match_tokens.items(), key=lambda kv: kv[1]) if match.kind == "entry"
        ]
        joined: list[tuple[int, int]] = []
        for start, end in spans:
            if joined and all(t.lower_ in JOINERS for t in self.doc[joined[-1][1] : start]):
                joined[-1] = (joined[-1][0], end)
            else:
                joined.append((start, end))
        for start, end in joined:
            if any(i in self.taken for i in range(start, end)):
                continue
            root = self._root(start, end)
            ref = self.normalizer.normalize(self.doc[start:end].text, head=root.text, doc_country=self.doc_country)
            if ref is not None:
                self._add(start, end, root, ref)

    def _title(self, ent: Span) -> tuple[int, str]:
        """Where a person's title starts and its text ("Turkish President" before, ", Turkey's minister" after)."""
        start = ent.start
        members = set(range(ent.start, ent.end))
        while start > 0:
            token = self.doc[start - 1]
            if token.dep_ in TITLE_DEPS and (token.head.i in members or token.head.i in range(start, ent.end)):
                start -= 1
                members.add(token.i)
            else:
                break
        while start < ent.start and self.doc[start].dep_ in {"punct", "case", "cc"}:
            start += 1
        parts = [self.doc[start : ent.start].text]
        for child in ent.root.rights:
            if child.dep_ == "appos":
                parts.append(self.doc[child.left_edge.i : child.right_edge.i + 1].text)
        return start, " ".join(p for p in parts if p)

    def _remember_people(self) -> None:
        """Country and sector of each titled person, for later bare mentions ("Erdogan", "Assad's forces")."""
        for ent in self.doc.ents:
            if ent.label_ == "PERSON":
                ref = self.normalizer.normalize_person(ent.text, title=self._title(ent)[1])
                if ref.country is not None:
                    self.people.setdefault(ent[-1].text.lower(), ref)

    def _people(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or self._locative(ent.root):
                continue
            if any(i in self.taken for i in range(ent.start, ent.end)):
                continue
            start, title = self._title(ent)
            ref = self.normalizer.normalize_person(ent.text, title=title)
            known = self.people.get(ent[-1].text.lower())
            if ref.country is None and known is not None:
                ref = known
            self._add(start, ent.end, ent.root, ref)

    def _organisations(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or any(i in self.taken for i in range(ent.start, ent.end)):
                continue
            if any(i in self.match_of for i in range(ent.start, ent.end)):
                continue
            if self._locative(ent.root) or ent.root.dep_ not in ACTOR_POSITION_DEPS:
                continue
            ref = self.normalizer.normalize(
                ent.text, head=ent.root.text, doc_country=self.doc_country, organisation=True
            )
            if ref is not None:
                start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
                self._add(start, ent.end, ent.root, ref)

    def _locative(self, token: Token) -> bool:
        """The token names a place here: the object of "in", "near", "across" … (followed up "and" lists)."""
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        roles = self.normalizer.dictionary.roles
        return token.dep_ == "pobj" and token.head.lower_ in roles.locative

    def _places(self, kind: str) -> None:
        """States named as actors: "Turkey retaliated" (a country), "Turkish strikes" (a demonym modifier)."""
        for match, (start, end) in sorted(self.match_tokens.items(), key=lambda kv: kv[1]):
            if match.kind != kind or any(i in self.taken for i in range(start, end)):
                continue
            root = self._root(start, end)
            if self._locative(root) or root.ent_type_ == "PERSON":
                continue
            after = self.doc[end] if end < len(self.doc) else None
            if after is not None and after.lower_ in self.normalizer.dictionary.roles.backer:
                continue
            iso3 = match.values[0]
            ref = self._place_ref(kind, root, iso3)
            if ref is not None:
                self._add(start, end, root, ref, iso3)

    def _place_ref(self, kind: str, root: Token, iso3: str) -> ActorRef | None:
        if kind == "country":
            return self.normalizer.state("gov", iso3) if root.dep_ in ACTOR_POSITION_DEPS else None
        modifier = root
        while modifier.dep_ == "conj" and modifier.head is not modifier:  # "Syrian and Russian airstrikes"
            modifier = modifier.head
        if modifier.dep_ in {"amod", "compound", "nmod"}:
            return self.normalizer.state("mil", iso3) if modifier.head.i not in self.taken else None
        if root.pos_ in NOUN_POS:  # "two Afghans were killed"
            return self.normalizer.normalize("civilians", doc_country=self.doc_country, country=iso3)
        return None

    # -- possessive pronouns ---------------------------------------------------------------------------------
    def _antecedent(self, head: Token) -> str | None:
        """The country of "its"/"their"/"his": a governing clause's subject, else the nearest earlier actor."""
        pronoun = next(c for c in head.lefts if c.dep_ == "poss")
        want = self.normalizer.dictionary.roles.possessive.get(pronoun.lower_, "any")
        came_from = pronoun
        for ancestor in pronoun.ancestors:
            acted_on = came_from.dep_ in {"dobj", "pobj"} and ancestor.pos_ == "VERB"
            came_from = ancestor
            if acted_on:
                continue  # "jihadists ambushed its soldiers": not the jihadists' soldiers
            for child in ancestor.children:
                if child.dep_ in SUBJECT_DEPS and not (child.left_edge.i <= pronoun.i <= child.right_edge.i):
                    country = self._country_at(child, want)
                    if country:
                        return country
        if want == "any":
            return None
        sentence_start = pronoun.sent.start
        previous = self.doc[sentence_start - 1].sent.start if sentence_start > 0 else 0
        for mention in sorted(self.mentions, key=lambda m: -m.start):
            if previous <= mention.token_start and mention.token_end <= pronoun.i and self._fits(mention.ref, want):
                return mention.ref.country
        return None

    def _country_at(self, token: Token, want: str) -> str | None:
        for mention in self.mentions:
            if mention.token_start <= token.i < mention.token_end and self._fits(mention.ref, want):
                return mention.ref.country
        return None

    @staticmethod
    def _fits(ref: ActorRef, want: str) -> bool:
        if ref.country is None:
            return False
        if want == "person":
            return ref.person
        if want == "organisation":
            return not ref.person
        return True


def find_actor_mentions(doc: Doc, normalizer: ActorNormalizer, *, doc_country: str | None = None) -> list[ActorMention]:
    """Every actor phrase in ``doc`` with its normalised actor, sorted by position (deterministic)."""
    return _Finder(doc, normalizer, doc_country).run()
