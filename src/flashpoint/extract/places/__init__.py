"""Places: the gazetteer, the geoparser and the choice of an event's location."""

from flashpoint.extract.places.context import home_region
from flashpoint.extract.places.event_location import choose_event_location
from flashpoint.extract.places.gazetteer import Candidate, Gazetteer, Place
from flashpoint.extract.places.geoparser import Geoparser, PlaceMention, to_location, to_place_out
from flashpoint.extract.places.rules import PlaceRules

__all__ = [
    "Candidate",
    "Gazetteer",
    "Geoparser",
    "Place",
    "PlaceMention",
    "PlaceRules",
    "choose_event_location",
    "home_region",
    "to_location",
    "to_place_out",
]
