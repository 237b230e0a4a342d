"""Actor phrase → ACLED-style actor: dictionary entries first, then actor words with the phrase's country."""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from flashpoint.extract.actors.dictionary import VERSION, ActorDictionary, Entry, Match, NounRule
from flashpoint.extract.actors.model import ActorMention, ActorRef
from flashpoint.extract.actors.text import cased_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAMED_ONLY = "@named"  # template of nouns that name an actor only with a named group before them
NOUNS_VERSION = "actor_nouns.v1"
STATE_TEMPLATES = MappingProxyType({"@mil": "mil", "@pol": "pol", "@gov": "gov"})
PROXY_TEMPLATE = "Unidentified Armed Group ({country})"
# A title without a name ("a police commander") stands for its institution, by the title's sector.
TITLE_TEMPLATES = MappingProxyType(
    {"GOV": "@gov", "MIL": "@mil", "COP": "@pol", "SPY": "@mil", "REB": PROXY_TEMPLATE, "": "Civilians ({country})"}
)


@dataclass(frozen=True)
class _Phrase:
    """What the words of a phrase say: dictionary matches, sponsor, own countries, where the head ends."""

    lower: list[str]
    cased: list[str]
    matches: list[Match]
    countries: list[str]  # the actor's own countries, in order (sponsors left out)
    backer: str | None
    led: bool
    cut: int  # words[:cut] end at the head word


class ActorNormalizer:
    """Normalises actor phrases with one ``ActorDictionary`` (a service object: build once, pass in)."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self.version = dictionary.version

    # -- public ----------------------------------------------------------------------------------------------
    def normalize(
        self,
        text: str,
        *,
        head: str | None = None,
        event_country: str | None = None,
        doc_country: str | None = None,
        country: str | None = None,
        organisation: bool = False,
    ) -> ActorRef | None:
        """ACLED-style actor for ``text`` ("Syrian government forces"), or None when the text is not an actor.

        ``head`` is the phrase's head word, ``country`` an ISO3 the context gives the actor (a possessive
        pronoun's antecedent); ``organisation`` keeps an unknown named organisation as itself.
        """
        phrase = self._read(text, head)
        if not phrase.lower:
            return None
        context = event_country or doc_country
        rule = self._rule(phrase, context or country or (phrase.countries[-1] if phrase.countries else None))
        combined = self._combined(phrase, text, context or country, event_country, doc_country or country)
        if combined is not None:
            return combined
        entry_match = self._entry_match(phrase)
        if entry_match is not None and not (rule is not None and rule.sector == "CVL"):
            entry = self._pick_entry(entry_match.values, context or country)
            if entry is not None:
                return self._from_entry(entry, event_country, doc_country or country, phrase.backer)
        if rule is not None and rule.template == NAMED_ONLY:
            return None  # "a member", "the commanders": an actor only as a named group's ("an NDS member")
        if rule is not None and self._named_group(phrase, rule):  # "the Free Lakes Army": not a state's army
            own_country = country or (phrase.countries[-1] if phrase.countries else None)
            sector = "REB" if rule.sector in ("MIL", "UAF", "REB") else rule.sector
            return ActorRef(self._clean_name(text), own_country, sector, None, None, None, backer=phrase.backer)
        if rule is not None and not (organisation and rule.sector == "CVL"):  # "the Coptic Church" stays a church
            return self._from_rule(rule, phrase, text, event_country, doc_country, country)
        title = None if organisation else self._title_rule(phrase)
        if title is not None:
            ref = self._from_rule(title, phrase, text, event_country, doc_country, country)
            return ref if ref.country is not None else None
        own = [m for m in phrase.matches if m.kind in ("country", "demonym") and m.values[0] in phrase.countries]
        content = [w for w in phrase.lower if w not in self.dictionary.roles.name_stopwords and w != "s"]
        if len(own) == 1 and own[0].end - own[0].start == len(content) and phrase.backer is None:
            kind = "gov" if own[0].kind == "country" else "mil"
            return self.state(kind, own[0].values[0], event_country=event_country)
        if organisation:
            return ActorRef(
                name=self._clean_name(text),
                country=country or (phrase.countries[-1] if phrase.countries else None),
                sector=None,
                acled_inter=None,
                wikidata=None,
                entry=None,
                backer=phrase.backer,
            )
        return None

    def normalize_person(
        self, name: str, *, title: str = "", event_country: str | None = None, country: str | None = None
    ) -> ActorRef:
        """A named individual; country and sector come from the title ("Turkish President")."""
        phrase = self._read(title, None)
        rule = None
        for length in range(min(len(phrase.lower), self.dictionary.max_rule_words), 0, -1):
            rules = [r for r in self.dictionary.rules_for(tuple(phrase.lower[-length:])) if r.template == "person"]
            if rules:
                rule = rules[0]
                break
        if rule is None and phrase.lower:
            rule = self._rule(phrase, None)
        iso3 = country or (phrase.countries[-1] if phrase.countries else None)
        inter = rule.inter if rule is not None and iso3 else None
        return ActorRef(
            name=self._clean_name(name),
            country=iso3,
            sector=rule.sector if rule is not None else None,
            acled_inter=self._abroad(inter, iso3, event_country),
            wikidata=None,
            entry=None,
            person=True,
        )

    def crowd(self, ref: ActorRef, kind: str, *, event_country: str | None = None) -> ActorRef:
        """Civilians or an unnamed group acting as a crowd, renamed "Protesters (<country>)" or "Rioters (<country>)"
        (``kind`` "protesters" / "rioters"), for protest and riot events."""
        if ref.person or ref.sector not in ("CVL", "PRO", "RIO", None) or (ref.entry or "").startswith(VERSION):
            return ref
        return self.normalize(kind, event_country=event_country, country=ref.country) or ref

    def state(
        self, kind: str, iso3: str, *, event_country: str | None = None, sector: str | None = None
    ) -> ActorRef | None:
        """The ``kind`` ("mil", "pol", "gov") state actor of a country, inter 8 when acting abroad."""
        entry = self.dictionary.state(kind, iso3)
        if entry is None:
            return None
        ref = self._from_entry(entry, event_country, None, None)
        return replace(ref, sector=sector) if sector else ref

    def armed(self, ref: ActorRef, *, event_country: str | None = None) -> ActorRef:
        """The armed forces of a state named as a whole ("Turkey", "the Syrian government") in a violent event."""
        if ref.person or ref.country is None or ref.sector != "GOV" or ref.entry is None:
            return ref
        if not ref.entry.startswith(f"{VERSION}:gov-"):
            return ref
        return self.state("mil", ref.country, event_country=event_country) or ref

    def for_event(
        self, mention: ActorMention, doc: Doc, *, event_country: str | None, doc_country: str | None = None
    ) -> ActorRef:
        """The mention's actor re-normalised with its event's country (inter 8 abroad, generic names)."""
        ref = mention.ref
        if ref.person:
            return replace(ref, acled_inter=self._abroad(self._base_inter(ref), ref.country, event_country))
        redone = self.normalize(
            mention.text,
            head=doc[mention.head].text,
            event_country=event_country,
            doc_country=doc_country,
            country=mention.hint,
            organisation=ref.entry is None and ref.acled_inter is None,
        )
        return redone or ref

    # -- phrase reading --------------------------------------------------------------------------------------
    def _read(self, text: str, head: str | None) -> _Phrase:
        cased = cased_words(text)
        lower = [w.lower() for w in cased]
        matches = self.dictionary.scan(lower, cased)
        roles = self.dictionary.roles
        countries: list[str] = []
        backer, led = None, False
        for m in matches:
            if m.kind == "entry":
                continue
            after = lower[m.end] if m.end < len(lower) else ""
            before = lower[m.start - 1] if m.start > 0 else ""
            if after in roles.backer or before in roles.pro:
                backer, led = m.values[0], after == "led"
            else:
                countries.append(m.values[0])
        cut = len(lower)
        if head:
            head_words = [w.lower() for w in cased_words(head)]
            if head_words and head_words[-1] in lower:
                cut = len(lower) - lower[::-1].index(head_words[-1])
        if led and backer is not None:
            countries.append(backer)
        return _Phrase(lower, cased, matches, countries, backer, led, cut)

    def _rule(self, phrase: _Phrase, context: str | None) -> NounRule | None:
        """The longest actor-word pattern ending at the head; a rule scoped to ``context`` beats a general one."""
        words = phrase.lower[: phrase.cut]
        for length in range(min(len(words), self.dictionary.max_rule_words), 0, -1):
            rules = [r for r in self.dictionary.rules_for(tuple(words[-length:])) if r.template != "person"]
            scoped = [r for r in rules if context in r.scope]
            general = [r for r in rules if not r.scope]
            if scoped or general:
                return (scoped or general)[0]
        return None

    def _named_group(self, phrase: _Phrase, rule: NounRule) -> bool:
        """A capitalised actor word after an unknown capitalised name: "Free Lakes Army", "Sudan People's
        Liberation Army" (but not "Syrian Army", "Ethiopian National Defense Force")."""
        head = phrase.cut - 1
        if head < 0 or not phrase.cased[head][:1].isupper():
            return False
        known = {i for m in phrase.matches for i in range(m.start, m.end)}
        roles = self.dictionary.roles
        for i in range(head - len(rule.pattern) + 1):
            word = phrase.cased[i]
            if i in known or not word[:1].isupper() or word.lower() in roles.name_stopwords | roles.state_name:
                continue
            return True
        return False

    def _title_rule(self, phrase: _Phrase) -> NounRule | None:
        """A title without a name stands for its institution ("a police commander was killed")."""
        words = phrase.lower[: phrase.cut]
        for length in range(min(len(words), self.dictionary.max_rule_words), 0, -1):
            rules = [r for r in self.dictionary.rules_for(tuple(words[-length:])) if r.template == "person"]
            if rules:
                template = TITLE_TEMPLATES.get(rules[0].sector or "", TITLE_TEMPLATES[""])
                inter = 7 if template == TITLE_TEMPLATES[""] else rules[0].inter
                return replace(
                    rules[0],
                    template=template,
                    inter=inter if template != PROXY_TEMPLATE else 3,
                    country_from="event" if template == PROXY_TEMPLATE else "actor",
                )
        return None

    def _combined(
        self, phrase: _Phrase, text: str, context: str | None, event_country: str | None, fallback: str | None
    ) -> ActorRef | None:
        """ "JNIM or ISGS militants": ACLED's "A and/or B" name for two groups a source cannot tell apart."""
        entries = [m for m in phrase.matches if m.kind == "entry"]
        if len(entries) < 2:
            return None
        first, second = entries[0], entries[1]
        between = set(phrase.lower[first.end : second.start])
        if between - {"or", "and", "s"} or not (between & {"or", "and"} or "/" in text):  # "Boko Haram/IS"
            return None
        picked = [self._pick_entry(m.values, context) for m in (first, second)]
        if picked[0] is None or picked[1] is None or picked[0].id == picked[1].id:
            return None
        refs = [self._from_entry(e, event_country, fallback, phrase.backer) for e in picked]
        for a, b in ((refs[0], refs[1]), (refs[1], refs[0])):
            known = self.dictionary.entry_named(f"{a.name} and/or {b.name}")
            if known is not None:
                return self._from_entry(known, event_country, fallback, phrase.backer)
        country = refs[0].country if refs[0].country == refs[1].country else None
        return replace(
            refs[0], name=f"{refs[0].name} and/or {refs[1].name}", country=country, entry=None, wikidata=None
        )

    @staticmethod
    def _entry_match(phrase: _Phrase) -> Match | None:
        entries = [m for m in phrase.matches if m.kind == "entry"]
        if not entries:
            return None
        at_head = [m for m in entries if m.start < phrase.cut <= m.end]
        before = [m for m in entries if m.end <= phrase.cut]
        return (at_head or before or entries)[-1]

    def _pick_entry(self, ids: tuple[str, ...], context: str | None) -> Entry | None:
        entries = [e for e in (self.dictionary.entry(i) for i in ids) if e is not None]
        scoped = [e for e in entries if e.scope and context in e.scope]
        general = [e for e in entries if not e.scope]
        if scoped or general:
            return (scoped or general)[0]
        return entries[0] if context is None and entries else None

    # -- building refs ---------------------------------------------------------------------------------------
    def _country_name(self, iso3: str | None) -> str | None:
        country = self.dictionary.country(iso3) if iso3 else None
        return country.name if country else None

    def _fill(self, template: str, iso3: str | None) -> str:
        name = self._country_name(iso3)
        if name is not None:
            return template.replace("{country}", name)
        return template.replace(" ({country})", "").replace("{country}", "").strip()

    @staticmethod
    def _abroad(inter: int | None, iso3: str | None, event_country: str | None) -> int | None:
        if inter == 1 and iso3 and event_country and iso3 != event_country:
            return 8
        return inter

    def _base_inter(self, ref: ActorRef) -> int | None:
        if ref.acled_inter == 8 and ref.sector in ("GOV", "MIL", "COP", "SPY"):
            return 1
        return ref.acled_inter

    def _from_entry(
        self, entry: Entry, event_country: str | None, fallback: str | None, backer: str | None
    ) -> ActorRef:
        iso3 = entry.country
        name = entry.name
        if "{country}" in name:
            iso3 = iso3 or event_country or fallback
            name = self._fill(name, iso3)
        return ActorRef(
            name=name,
            country=iso3,
            sector=entry.sector,
            acled_inter=self._abroad(entry.inter, iso3, event_country),
            wikidata=entry.wikidata,
            entry=f"{VERSION}:{entry.id}",
            backer=backer,
        )

    def _from_rule(
        self,
        rule: NounRule,
        phrase: _Phrase,
        text: str,
        event_country: str | None,
        doc_country: str | None,
        hint: str | None,
    ) -> ActorRef:
        own = phrase.countries[-1] if phrase.countries else None
        if rule.country_from == "event":
            iso3 = event_country or doc_country or hint or own
        else:
            iso3 = hint or own or event_country or doc_country
        template, sector, inter = rule.template, rule.sector, rule.inter
        if phrase.backer is not None and not phrase.led and template in STATE_TEMPLATES:
            template, sector, inter = PROXY_TEMPLATE, "REB", 3
            iso3 = event_country or doc_country or hint
        entry_id = f"{NOUNS_VERSION}:{' '.join(rule.pattern)}"
        if template in STATE_TEMPLATES:
            state = self.dictionary.state(STATE_TEMPLATES[template], iso3) if iso3 else None
            if state is not None:
                ref = self._from_entry(state, event_country, None, phrase.backer)
                return replace(ref, sector=sector or ref.sector)
            return ActorRef(self._clean_name(text), None, sector, inter, None, entry_id, backer=phrase.backer)
        if template.startswith("@"):
            entry = self.dictionary.entry(template[1:])
            if entry is not None:
                return self._from_entry(entry, event_country, doc_country, phrase.backer)
        return ActorRef(
            name=self._fill(template, iso3),
            country=iso3,
            sector=sector,
            acled_inter=self._abroad(inter, iso3, event_country),
            wikidata=None,
            entry=entry_id,
            backer=phrase.backer,
        )

    def _clean_name(self, text: str) -> str:
        """An organisation's or person's name as written, without a leading article or a possessive 's."""
        name = text.strip()
        for suffix in ("'s", "’s"):
            name = name.removesuffix(suffix)
        first, _, rest = name.partition(" ")
        if rest and first.lower() in self.dictionary.roles.name_stopwords:
            name = rest
        return name.strip()
