"""Document context from outside the text: the home region of a news source, learnt from its own articles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from flashpoint.extract.places.gazetteer import Gazetteer, Place
from flashpoint.extract.places.geoparser import PlaceMention

MIN_SCORE = 0.8  # only confident resolutions vote
MIN_VOTES = 5
MIN_SHARE = 0.3


def home_region(gazetteer: Gazetteer, articles: Iterable[Sequence[PlaceMention]]) -> Place | None:
    """The first-level division a source writes about most (a local paper's state), or None.

    Votes are the confidently resolved towns, counties and provinces of the source's articles (not countries,
    not embedded institution names); the division needs at least MIN_VOTES votes and MIN_SHARE of them. Pass
    the result as ``Geoparser.parse(doc, hints=[region])`` for that source's articles.
    """
    votes: Counter[tuple[str, str]] = Counter()
    for mentions in articles:
        for m in mentions:
            place = m.place
            if place is None or m.embedded or (m.score or 0.0) < MIN_SCORE or place.is_country:
                continue
            if place.country and place.admin1:
                votes[(place.country, place.admin1)] += 1
    if not votes:
        return None
    (iso3, name), top = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if top < MIN_VOTES or top < MIN_SHARE * sum(votes.values()):
        return None
    return gazetteer.admin1(iso3, name)
