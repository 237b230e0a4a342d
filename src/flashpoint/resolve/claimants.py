"""Claimant records for the contract."""

from __future__ import annotations

from flashpoint.extract.events.mention import ClaimantRef

CONTRACT_TYPES = frozenset({"government", "military", "armed group", "ngo", "igo", "media", "witness", "anonymous",
                            "other"})


def claimant_dict(ref: ClaimantRef | None) -> dict | None:
    if ref is None:
        return None
    name = ref.name if ref.via is None else f"{ref.name}, citing {ref.via}"
    kind = ref.type if ref.type in CONTRACT_TYPES else None
    return {"name": name, "type": kind, "country": ref.country}
