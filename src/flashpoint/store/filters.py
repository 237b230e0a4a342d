"""Which events a query, a listing or an export asks for, as one SQL WHERE clause with parameters."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

DEFAULT_KINDS = ("specific", "background")
EARTH_KM = 6371.0088


@dataclass(frozen=True)
class Near:
    lat: float
    lon: float
    km: float

    def box(self, alias: str) -> tuple[str, list]:
        """A latitude/longitude box holding the circle (no longitude bound near a pole or across ±180°)."""
        degrees = math.degrees(self.km / EARTH_KM) * 1.01
        clause, params = f"{alias}.lat BETWEEN ? AND ?", [self.lat - degrees, self.lat + degrees]
        if abs(self.lat) + degrees < 89:
            spread = degrees / math.cos(math.radians(abs(self.lat) + degrees))
            if abs(self.lon) + spread < 180:
                clause += f" AND {alias}.lon BETWEEN ? AND ?"
                params += [self.lon - spread, self.lon + spread]
        return clause, params


@dataclass(frozen=True)
class EventFilter:
    """Filters of `flashpoint events` / `export` and the API. ``None`` means no restriction."""

    country: str | None = None  # ISO 3166-1 alpha-3
    event_type: str | None = None  # ACLED event type, sub-event type or PLOVER type
    since: dt.date | None = None  # events that end on or after this day
    until: dt.date | None = None  # events that start on or before this day
    near: Near | None = None
    actor: str | None = None  # substring of an actor name, case-insensitive
    kinds: tuple[str, ...] = DEFAULT_KINDS
    updated_since: dt.datetime | None = None  # changed (created or updated) at or after this time

    def where(self, alias: str = "e") -> tuple[str, list]:
        """``(sql, parameters)`` restricting the ``events`` table seen as ``alias``."""
        clauses, params = [], []
        if self.kinds:
            clauses.append(f"{alias}.kind IN (SELECT unnest(?))")
            params.append(list(self.kinds))
        if self.country:
            clauses.append(f"{alias}.iso3 = ?")
            params.append(self.country.upper())
        if self.event_type:
            clauses.append(f"(lower({alias}.event_type) = lower(?) OR lower({alias}.sub_event_type) = lower(?) "
                           f"OR lower({alias}.plover_type) = lower(?))")
            params += [self.event_type] * 3
        if self.since:
            clauses.append(f"{alias}.date_end >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.date_start <= ?")
            params.append(self.until)
        if self.near:
            box, box_params = self.near.box(alias)  # cheap comparisons first: the haversine only inside the box
            clauses.append(
                f"{box} AND 2 * {EARTH_KM} * asin(sqrt(pow(sin(radians({alias}.lat - ?) / 2), 2) + cos(radians(?)) "
                f"* cos(radians({alias}.lat)) * pow(sin(radians({alias}.lon - ?) / 2), 2))) <= ?")
            params += [*box_params, self.near.lat, self.near.lat, self.near.lon, self.near.km]
        if self.actor:  # one uncorrelated IN (…): cheaper than EXISTS per event on large stores
            clauses.append(f"{alias}.event_id IN (SELECT a.event_id FROM actors a "
                           "WHERE a.name ILIKE '%' || ? || '%')")
            params.append(self.actor)
        if self.updated_since:
            clauses.append(f"{alias}.updated_at >= ?")
            params.append(self.updated_since)
        return (" AND ".join(clauses) or "TRUE"), params


def parse_near(value: str) -> Near:
    """``LAT,LON,KM`` → Near (ValueError with a readable message otherwise)."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 3:
        raise ValueError(f"--near {value!r} is not LAT,LON,KM")
    lat, lon, km = (float(p) for p in parts)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise ValueError(f"--near {value!r}: latitude, longitude or distance out of range")
    return Near(lat, lon, km)
