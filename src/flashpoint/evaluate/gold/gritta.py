"""Loaders for the geoparsing gold corpora collected by Milan Gritta: GeoWebNews, LGL, TR-News, GeoVirus.

Each article becomes a ``GoldArticle`` of text and literal toponyms (span, coordinates, GeoNames id if any).
GeoVirus' offsets are one character to the right of the name in every record: they are shifted by −1 here.
GeoWebNews (GWN) annotates a pragmatic taxonomy; only *literal* toponyms are scored — types ``Literal``,
``Mixed``, ``Embedded_Literal`` and ``Literal_Modifier`` used as a noun ("the Britain-based …"); the associative
types (Metonymic, Demonym, Non_Literal_Modifier, Embedded_Non_Lit, Language, Homonym, Coercion, Non_Toponym,
adjectival Literal_Modifier) are kept as ``ignored`` spans: a prediction there counts neither way. LGL and TR-News
annotate demonyms ("Georgian" as Georgia) as toponyms; by the same literal definition they are ignored spans too
(``load_corpus(path, literal=False)`` keeps them).
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from flashpoint.data import read_text
from flashpoint.extract.places.names import name_key

CORPORA = MappingProxyType({"GWN": "GWN.xml", "LGL": "lgl.xml", "TR-News": "TR-News.xml", "GeoVirus": "GeoVirus.xml"})
GWN_LITERAL = frozenset({"Literal", "Mixed", "Embedded_Literal"})
DEMONYM_ENDING = re.compile(r"(an|ans|ian|ians|ese|ish|i|is|ic|ics|er|ers)$")


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)
    ignored: list[tuple[int, int]] = field(default_factory=list)
    source: str | None = None  # the news feed or site (LGL feedid, TR-News domain): context, like a dateline


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def load_corpus(path: Path, literal: bool = True) -> list[GoldArticle]:
    """Read one corpus file (the format is recognised from its name: GWN, LGL/TR-News, GeoVirus).

    ``literal`` (the default) scores literal toponyms only, as GWN's taxonomy defines them: LGL's and TR-News'
    demonym annotations ("Georgian" → Georgia) become ignored spans; ``literal=False`` keeps them as gold.
    """
    name = path.name.lower()
    root = ET.parse(path).getroot()
    if name.startswith("gwn"):
        return list(_gwn(root))
    if name.startswith("geovirus"):
        return list(_geovirus(root))
    return list(_lgl(root, literal))


def is_demonym(text: str, name: str | None) -> bool:
    """'Georgian' annotated as Georgia, 'Ontarians' as Ontario: a demonym, not a literal toponym.

    A word that is not the place's name nor an abbreviation, and is a known demonym or shares the name's first
    three letters and ends like an adjective or people noun (-an, -ese, -ish, -i, -ic and plurals).
    """
    if not name or "." in text or text.isupper():
        return False
    word, place = name_key(text), name_key(name)
    if word == place or place.startswith(word) or word in place.split():
        return False
    return word in _demonyms() or (bool(DEMONYM_ENDING.search(word)) and word[:3] == place[:3])


@cache
def _demonyms() -> frozenset[str]:
    rows = csv.DictReader(line for line in read_text("demonyms.v1.csv").splitlines() if not line.startswith("#"))
    return frozenset(name_key(r["word"]) for r in rows if r.get("word"))


def _lgl(root: ET.Element, literal: bool = True) -> Iterator[GoldArticle]:
    for n, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        source = article.findtext("feedid") or article.findtext("domain")
        gold = GoldArticle(article.get("docid") or str(n), text, source=source)
        for top in article.iter("toponym"):
            tag = top.find("gaztag")
            start, end = int(top.findtext("start")), int(top.findtext("end"))
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            gid = _int(tag.get("geonameid")) if tag is not None else None
            name = tag.findtext("name") if tag is not None else None
            if lat is None or lon is None or (literal and is_demonym(text[start:end], name)):
                gold.ignored.append((start, end))
                continue
            gold.toponyms.append(GoldToponym(start, end, text[start:end], lat, lon, gid))
        yield gold


def _gwn(root: ET.Element) -> Iterator[GoldArticle]:
    for n, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        gold = GoldArticle(article.get("file") or str(n), text)
        for top in article.iter("toponym"):
            start, end = int(top.findtext("start")), int(top.findtext("end"))
            kind = top.findtext("type") or ""
            literal = kind in GWN_LITERAL or (
                kind == "Literal_Modifier" and top.findtext("modifierType") == "Noun"
            )
            lat, lon = _float(top.findtext("latitude")), _float(top.findtext("longitude"))
            if not literal or lat is None or lon is None:
                if kind not in ("Literal_Expression", "Non_Lit_Expression"):
                    gold.ignored.append((start, end))
                continue
            gold.toponyms.append(
                GoldToponym(start, end, text[start:end], lat, lon, _int(top.findtext("geonamesID")))
            )
        yield gold


def _geovirus(root: ET.Element) -> Iterator[GoldArticle]:
    for n, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        gold = GoldArticle(article.findtext("source") or str(n), text)
        for loc in article.iter("location"):
            start, end = int(loc.findtext("start")) - 1, int(loc.findtext("end")) - 1
            lat, lon = _float(loc.findtext("lat")), _float(loc.findtext("lon"))
            if lat is None or lon is None:
                gold.ignored.append((start, end))
                continue
            gold.toponyms.append(GoldToponym(start, end, text[start:end], lat, lon))
        yield gold
