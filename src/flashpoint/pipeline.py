"""The extraction pipeline: documents in, evidenced events out.

Services (the spaCy pipeline, gazetteer, lexicons) are built once by ``Pipeline.open`` and handed to each
stage; a test can build a Pipeline from smaller parts. Data flows one way: ingest → nlp → extract → resolve.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import MappingProxyType

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint import __version__
from flashpoint.extract.actors import ActorDictionary, ActorNormalizer, arguments_of, find_actor_mentions
from flashpoint.extract.claims import (
    AttributionVocabulary,
    DocumentAttribution,
    act_claims,
    responsibility_claims,
)
from flashpoint.extract.events.analysis import DocumentAnalysis
from flashpoint.extract.events.builder import EventMentionBuilder, StageFunctions
from flashpoint.extract.events.kinds import KindClassifier, KindVocabulary
from flashpoint.extract.events.lexicon import TriggerLexicon
from flashpoint.extract.events.targets import TargetVocabulary
from flashpoint.extract.events.triggers import TriggerMatcher
from flashpoint.extract.places import Gazetteer, Geoparser, choose_event_location, to_place_out
from flashpoint.extract.quantities import CountFinder, NumberVocabulary
from flashpoint.extract.time import TimeResolver
from flashpoint.extract.values import ActorValue, TextSpan
from flashpoint.model import Document, Event, PlaceOut
from flashpoint.nlp import load_pipeline
from flashpoint.resolve.assemble import ExtractorInfo
from flashpoint.resolve.confidence import ConfidenceModel
from flashpoint.resolve.within import resolve_document
from flashpoint.settings import Settings

VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
HINT_SECTORS = frozenset({"REB", "COP", "UAF"})
CROWDS = MappingProxyType({"Protests": "protesters", "Riots": "rioters"})
GENERIC_ACTOR_TEXT = MappingProxyType({"unidentified": "unidentified armed group", "civilians": "civilians"})


@dataclass
class DocumentResult:
    document: Document
    events: list[Event]
    places: list[PlaceOut]
    warnings: list[str] = field(default_factory=list)


@dataclass
class Knowledge:
    """The versioned knowledge files, loaded once."""

    triggers: TriggerLexicon
    kinds: KindVocabulary
    attribution: AttributionVocabulary
    numbers: NumberVocabulary
    actors: ActorDictionary
    targets: TargetVocabulary
    confidence: ConfidenceModel

    @classmethod
    def load(cls, settings: Settings) -> Knowledge:
        extra = settings.lexicon_dir
        return cls(
            triggers=TriggerLexicon.load(extra),
            kinds=KindVocabulary.load(extra),
            attribution=AttributionVocabulary.load(extra),
            numbers=NumberVocabulary.load(extra),
            actors=ActorDictionary.load(extra),
            targets=TargetVocabulary.load(extra),
            confidence=ConfidenceModel.load(extra),
        )

    def versions(self) -> dict[str, str]:
        return {
            "triggers": self.triggers.version,
            "kinds": self.kinds.version,
            "attribution": self.attribution.version,
            "numbers": self.numbers.version,
            "actors": self.actors.version,
            "targets": self.targets.version,
            "confidence": self.confidence.version,
        }


class Pipeline:
    def __init__(self, settings: Settings, nlp: Language, knowledge: Knowledge, gazetteer: Gazetteer):
        self.settings = settings
        self.nlp = nlp
        self.knowledge = knowledge
        self.gazetteer = gazetteer
        self.geoparser = Geoparser(gazetteer)
        self.times = TimeResolver(lexicon_dir=settings.lexicon_dir, narrative_dates=settings.narrative_dates)
        self.counts = CountFinder(knowledge.numbers)
        self.normalizer = ActorNormalizer(knowledge.actors)
        self.triggers = TriggerMatcher(knowledge.triggers)
        self.builder = EventMentionBuilder(
            knowledge.triggers.version,
            KindClassifier(knowledge.kinds),
            StageFunctions(
                choose_location=choose_event_location,
                event_time=self.times.event_time,
                aspect=self.times.aspect,
                arguments_of=self._arguments_of,
                generic_actor=self._generic_actor,
                actor_for_event=self._actor_for_event,
            ),
            knowledge.targets,
        )
        lexicons = knowledge.versions() | {"time": self.times.version}
        self.version = __version__
        self.extractor = ExtractorInfo(__version__, _model_name(nlp), lexicons, self.geoparser.version,
                                       frozenset(knowledge.numbers.generic_people), knowledge.confidence)

    @classmethod
    def open(cls, settings: Settings | None = None) -> Pipeline:
        settings = settings or Settings()
        nlp = load_pipeline(settings.spacy_model, settings.max_document_chars)
        return cls(settings, nlp, Knowledge.load(settings), Gazetteer.open(settings))

    def run(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Parse in batches (spaCy's nlp.pipe) and extract each document's events, in input order."""
        pairs = ((document.text, document) for document in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.settings.batch_size):
            yield self.extract(document, doc)

    def extract(self, document: Document, doc: Doc) -> DocumentResult:
        named = find_actor_mentions(doc, self.normalizer)
        places = self.geoparser.parse(doc, hints=self._actor_countries(named))
        country = _main_country(places)
        actors = find_actor_mentions(doc, self.normalizer, doc_country=country) if country else named
        attribution = DocumentAttribution(doc, self.knowledge.attribution, self._country_of)
        analysis = DocumentAnalysis(
            document=document,
            doc=doc,
            places=places,
            times=self.times.find(doc, document.published),
            counts=self.counts.find(doc),
            actors=actors,
            attribution=attribution,
            country=country,
        )
        mentions = self.builder.build(analysis, self.triggers.find(doc))
        responsibility = responsibility_claims(
            doc, self.knowledge.attribution, attribution, actors,
            lambda mention: self._perpetrator(mention, doc, country),
        )
        acts = act_claims(doc, self.knowledge.attribution, attribution)
        events = resolve_document(mentions, document, self.extractor, responsibility, acts)
        warnings = [] if document.published else ["no publication date: relative dates are unresolved"]
        return DocumentResult(document, events, [to_place_out(p) for p in places], warnings)

    def _arguments_of(self, doc: Doc, trigger, mentions):
        return arguments_of(doc, trigger, mentions, roles=self.knowledge.actors.roles)

    def _actor_for_event(self, mention, doc: Doc, event_type: str, iso3: str | None, doc_iso3: str | None):
        """The actor as ACLED names it in this event: state forces abroad, a country's military, protesters."""
        ref = self.normalizer.for_event(mention, doc, event_country=iso3, doc_country=doc_iso3)
        if event_type in VIOLENT_TYPES or event_type == "territory":
            ref = self.normalizer.armed(ref, event_country=iso3)
        crowd = CROWDS.get(event_type)
        if crowd is not None:
            ref = self.normalizer.crowd(ref, crowd, event_country=iso3)
        return ref

    def _actor_countries(self, mentions) -> list:
        """The countries of the armed groups and police a document names (the Taliban, Houthi forces, Afghan
        police): context for placing its same-name towns. State armies are left out: they often fight abroad."""
        counts = Counter(m.ref.country for m in mentions
                         if m.ref.country and m.ref.entry and not m.ref.entry.startswith("actor_nouns.")
                         and (m.ref.sector in HINT_SECTORS or m.ref.acled_inter in {2, 3, 4}))
        ranked = sorted(counts, key=lambda c: (-counts[c], c))
        return [place for place in (self.gazetteer.country(c) for c in ranked) if place is not None]

    def _perpetrator(self, mention, doc: Doc, iso3: str | None) -> ActorValue:
        """An actor named as (possibly) responsible for a violent happening, as ACLED would name it."""
        ref = self._actor_for_event(mention, doc, "Explosions/Remote violence", iso3, iso3)
        span = TextSpan(mention.start, mention.end, mention.text)
        return ActorValue("actor1", ref.name, mention.text, span, ref.country, ref.sector, ref.acled_inter,
                          ref.wikidata)

    def _generic_actor(self, kind: str, iso3: str | None):
        """An actor the text implies but does not name: the unidentified perpetrator of an attack, the police
        who made arrests, the civilians of an attacked village."""
        if kind == "police" and iso3:
            return self.normalizer.state("pol", iso3, event_country=iso3)
        text = GENERIC_ACTOR_TEXT.get(kind, kind)
        return self.normalizer.normalize(text, event_country=iso3, doc_country=iso3)

    def _country_of(self, word: str) -> str | None:
        """ISO3 of a demonym ("Turkish") or a country name ("Turkey's")."""
        actors = self.knowledge.actors
        word = word.removesuffix("'s").removesuffix("’s")
        return actors.demonym_country(word) or actors.country_by_name(word)


def _main_country(places) -> str | None:
    """The country a document is mostly about: the most named among its resolved places, countries and provinces
    counting double (they are rarely misread); ties go to the country named first."""
    weights: Counter = Counter()
    first: dict[str, int] = {}
    for mention in places:
        place = mention.place
        if place is None or not place.country or mention.dateline:
            continue
        weights[place.country] += 2 if place.feature_code.startswith(("PCL", "ADM1")) else 1
        first.setdefault(place.country, mention.start)
    if not weights:
        return None
    return max(weights, key=lambda c: (weights[c], -first[c]))


def _model_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"
