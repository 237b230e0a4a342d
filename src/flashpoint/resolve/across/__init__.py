"""Cross-document resolution: which reports of different documents tell one happening, and their merge.

Blocking (``block_keys`` / ``probe_keys``) keeps comparisons near-linear; ``PairScorer`` scores a report against a
candidate and explains the score; ``merge_events`` folds the reports into one contract Event without averaging.
"""

from flashpoint.resolve.across.blocking import block_keys, probe_keys
from flashpoint.resolve.across.features import EventFeatures, features_of, type_family
from flashpoint.resolve.across.merge import merge_events, report_order
from flashpoint.resolve.across.scoring import (
    MatchScore,
    MergePolicy,
    PairScorer,
    TextSimilarity,
    TfIdfSimilarity,
    distance_km,
)
from flashpoint.resolve.across.text import TermStats, event_terms, event_text, terms

__all__ = [
    "EventFeatures",
    "MatchScore",
    "MergePolicy",
    "PairScorer",
    "TermStats",
    "TextSimilarity",
    "TfIdfSimilarity",
    "block_keys",
    "distance_km",
    "event_terms",
    "event_text",
    "features_of",
    "merge_events",
    "probe_keys",
    "report_order",
    "terms",
    "type_family",
]
