"""Claims: who says what — claimants of statements, and the stance of responsibility claims."""

from flashpoint.extract.claims.acts import ActClaim, act_claims
from flashpoint.extract.claims.attribution import DocumentAttribution
from flashpoint.extract.claims.responsibility import ResponsibilityClaim, responsibility_claims
from flashpoint.extract.claims.vocabulary import AttributionVocabulary

__all__ = [
    "ActClaim",
    "AttributionVocabulary",
    "DocumentAttribution",
    "ResponsibilityClaim",
    "act_claims",
    "responsibility_claims",
]
