"""The count layer: quantity phrases read into low/best/high, and counts of people attached to their outcome."""

from flashpoint.extract.quantities.finder import CountFinder
from flashpoint.extract.quantities.mention import WHATS, CountMention
from flashpoint.extract.quantities.quantity import Quantity, parse_quantity, scan_quantities
from flashpoint.extract.quantities.vocabulary import NumberVocabulary

__all__ = [
    "WHATS",
    "CountFinder",
    "CountMention",
    "NumberVocabulary",
    "Quantity",
    "parse_quantity",
    "scan_quantities",
]
