"""The geoparser: recognise toponyms, read their relations, resolve them against the gazetteer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from flashpoint.extract.places.containment import link_toponyms
from flashpoint.extract.places.gazetteer import Gazetteer, Place
from flashpoint.extract.places.names import name_key
from flashpoint.extract.places.recognize import Recognizer, Toponym
from flashpoint.extract.places.relations import Locative, precision_codes, read_locative
from flashpoint.extract.places.resolve import Mention, Resolver
from flashpoint.extract.places.rules import PlaceRules
from flashpoint.model import Location, PlaceOut


@dataclass
class PlaceMention:
    """One toponym of a document and what it resolved to (``place`` None: recognised but unresolved)."""

    text: str
    start: int
    end: int
    place: Place | None
    score: float | None
    runner_up: Place | None
    relation: str | None
    direction: str | None
    phrase_start: int
    phrase_end: int
    acled_geo_precision: int | None
    ucdp_where_prec: int | None
    dateline: bool
    token_start: int
    token_end: int
    partner: int | None = None  # for "between X and Y": the index of the other mention
    kind: str | None = None  # the kind of area the text names ("province", "town")
    embedded: bool = False  # part of an institution's name ("Alexandria Police"): names a jurisdiction, not a site
    container: int | None = None  # index of the mention that contains this one ("Tadjo (Gorgadji, Seno)")
    alias: int | None = None  # index of another name of the same place ("Chora (Charcheno)")

    @property
    def resolved(self) -> bool:
        return self.place is not None

    @property
    def point(self) -> tuple[float, float] | None:
        """Coordinates for an event coded here: an admin area's capital (ACLED/UCDP), else the place's point."""
        if self.place is None:
            return None
        if self.place.is_admin1 and self.place.anchor_lat is not None and self.place.anchor_lon is not None:
            return self.place.anchor_lat, self.place.anchor_lon
        return self.place.lat, self.place.lon


class Geoparser:
    """All toponyms of a parsed document, resolved. Built once with a Gazetteer, then shared."""

    def __init__(self, gazetteer: Gazetteer, rules: PlaceRules | None = None) -> None:
        self.gazetteer = gazetteer
        self.rules = rules or PlaceRules.load()
        self.recognizer = Recognizer(gazetteer, self.rules)
        self.resolver = Resolver()
        self.version = f"{gazetteer.version}+{self.rules.version}"

    def parse(self, doc: Doc, hints: Sequence[Place] = ()) -> list[PlaceMention]:
        """Every toponym in text order, each with its resolution, relation and precision codes.

        ``hints``: places that frame the document without being named in it — the home region of a local
        newspaper, a feed's country — weighed like one confident mention (see ``Resolver.resolve``).
        """
        toponyms = self.recognizer.find(doc)
        locatives = [read_locative(doc, t.start, t.end, self.rules) for t in toponyms]
        links = link_toponyms(doc, toponyms, self.rules)
        inner = {link.container for link in links if link.container is not None and link.via != "word"}
        of_district = {  # "Sherzad district, Nangarhar", "Rafi LGA, Niger": what holds a district is a province
            link.container for t, loc, link in zip(toponyms, locatives, links, strict=True)
            if link.container is not None and link.via != "word" and (t.kind or loc.kind) == "admin2"
        }
        mentions = [
            Mention(
                key=name_key(doc[t.start : t.end].text),
                candidates=t.candidates,
                kind=t.kind or loc.kind or self._container_kind(i, toponyms, of_district, inner),
                container=self._resolvable(link.container, links, toponyms),
                strict=link.strict,
            )
            for i, (t, loc, link) in enumerate(zip(toponyms, locatives, links, strict=True))
        ]
        resolutions = self.resolver.resolve(mentions, hints)
        out = []
        for t, loc, res, link in zip(toponyms, locatives, resolutions, links, strict=True):
            acled, ucdp = precision_codes(res.place, loc.relation, loc.part)
            span = doc[t.start : t.end]
            out.append(
                PlaceMention(
                    text=span.text, start=span.start_char, end=span.end_char, place=res.place, score=res.score,
                    runner_up=res.runner_up, relation=loc.relation,
                    direction=loc.direction, phrase_start=doc[loc.phrase_start].idx,
                    phrase_end=doc[loc.phrase_end - 1].idx + len(doc[loc.phrase_end - 1].text),
                    acled_geo_precision=acled, ucdp_where_prec=ucdp, dateline=t.origin == "dateline",
                    token_start=t.start, token_end=t.end, kind=t.kind or loc.kind, embedded=t.embedded,
                    container=link.container, alias=link.alias,
                )
            )
        self._link_between(doc, out, locatives)
        return out

    @staticmethod
    def _container_kind(i: int, toponyms: Sequence[Toponym], of_district: set, inner: set) -> str | None:
        """The kind of area a containing name must be: a province for what holds a district; a division for the
        last name in brackets ("(Gorgadji, Seno)"); a state or country after a comma ("Buffalo, New York")."""
        if i in of_district:
            return "admin1"
        last_bracket = toponyms[i].bracket == "container" and (
            i + 1 == len(toponyms) or toponyms[i + 1].bracket != "container"
        )
        if last_bracket:
            return "division"
        return "container" if i in inner else None

    @staticmethod
    def _resolvable(index: int | None, links: Sequence, toponyms: Sequence[Toponym]) -> int | None:
        """The nearest container up the chain that the gazetteer knows ("Tadjo (Gorgadji, Seno)": Seno when
        Gorgadji is unknown)."""
        seen: set[int] = set()
        while index is not None and not toponyms[index].candidates and index not in seen:
            seen.add(index)
            index = links[index].container
        return index

    def _link_between(self, doc: Doc, mentions: list[PlaceMention], locatives: Sequence[Locative]) -> None:
        for i in range(len(mentions) - 1):
            first, second = mentions[i], mentions[i + 1]
            if first.relation != "between":
                continue
            gap = doc[first.token_end : second.token_start]
            if len(gap) == 1 and gap[0].lower_ == "and":
                second.relation = "between"
                second.phrase_start = first.phrase_start
                first.phrase_end = second.end
                second.phrase_end = second.end
                first.partner, second.partner = i + 1, i
                for mention in (first, second):
                    codes = precision_codes(mention.place, "between", False)
                    mention.acled_geo_precision, mention.ucdp_where_prec = codes

    def to_output(self, mentions: Sequence[PlaceMention]) -> list[PlaceOut]:
        """Mordecai-style records with character offsets into the document text."""
        return [to_place_out(m) for m in mentions]


def to_place_out(mention: PlaceMention) -> PlaceOut:
    place = mention.place
    return PlaceOut(
        text=mention.text, start=mention.start, end=mention.end,
        geonameid=place.geonameid if place else None, name=place.name if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        admin1=place.admin1 if place else None, country=place.country if place else None,
        feature_code=place.feature_code if place else None, score=mention.score, resolved=place is not None,
    )


def to_location(mention: PlaceMention, text: str, evidence: Sequence[str] = ()) -> Location:
    """The event-record location for a mention of document ``text``: coordinates never finer than the text
    (a province-only mention gets its capital's point and province precision)."""
    place = mention.place
    point = mention.point
    return Location(
        text=text[mention.phrase_start : mention.phrase_end],
        name=place.name if place else mention.text,
        geonameid=place.geonameid if place else None,
        lat=point[0] if point else None, lon=point[1] if point else None,
        admin1=place.admin1 if place else None, admin2=place.admin2 if place else None,
        country=place.country_name if place else None, iso3=place.country if place else None,
        feature_code=place.feature_code if place else None, relation=mention.relation,
        direction=mention.direction, acled_geo_precision=mention.acled_geo_precision,
        ucdp_where_prec=mention.ucdp_where_prec, resolved=place is not None, evidence=list(evidence),
    )
