"""Derive representative points of countries, US states and US counties from Natural Earth / Census borders.

Writes ``src/flashpoint/data/places_points.v1.csv``: one row per area with the centroid of its largest polygon
(so the United States gets a point in Kansas, not in Washington D.C. and not in the sea between Alaska and Hawaii).

Inputs are the npm packages ``world-atlas@2.0.2`` (Natural Earth 1:50m admin-0, public domain; package ISC) and
``us-atlas@3.0.1`` (US Census cartographic boundaries, public domain; package ISC). Run::

    mkdir -p /tmp/atlas && cd /tmp/atlas && npm pack world-atlas@2.0.2 us-atlas@3.0.1
    for f in *.tgz; do tar xzf "$f" --one-top-level="${f%.tgz}"; done
    python tools/places/derive_points.py /tmp/atlas > src/flashpoint/data/places_points.v1.csv

The output is deterministic (sorted rows, coordinates rounded to 4 decimals).
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path

import pycountry

HEADER = (
    "# places_points.v1.csv — representative points (centroid of the largest polygon) of areas\n"
    "# version: 1\n"
    "# source: countries — Natural Earth 1:50m admin-0 via npm world-atlas@2.0.2 (countries-50m.json);\n"
    "#         US states and counties — US Census cartographic boundaries via npm us-atlas@3.0.1 (counties-10m.json)\n"
    "# licence: Natural Earth and US Census data are public domain; world-atlas and us-atlas are ISC-licensed\n"
    "# built by: tools/places/derive_points.py (deterministic)\n"
)


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) coordinates of every arc of a quantised TopoJSON topology."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        part = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(part[1:] if points else part)
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous across the antimeridian (a ring may jump from 179.9 to -179.9)."""
    out = [points[0]]
    for lon, lat in points[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while previous - lon > 180:
            lon += 360
        out.append((lon, lat))
    return out


def area_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Planar (equirectangular, cos-lat scaled) area and centroid (lat, lon) of a ring."""
    points = unwrap(points)
    if len(points) < 3:
        return 0.0, points[0][1], points[0][0]
    lat0 = sum(p[1] for p in points) / len(points)
    k = math.cos(math.radians(lat0))
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True):
        cross = x1 * k * y2 - x2 * k * y1
        area += cross
        cx += (x1 * k + x2 * k) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:
        return 0.0, lat0, sum(p[0] for p in points) / len(points)
    return abs(area) / 2, cy / (3 * area), cx / (3 * area * k)


def largest_polygon_point(geometry: dict, arcs: list[list[tuple[float, float]]]) -> tuple[float, float] | None:
    if geometry.get("type") == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return None
    best = max((area_centroid(ring(arcs, polygon[0])) for polygon in polygons), key=lambda t: t[0])
    lon = (best[2] + 180) % 360 - 180
    return round(best[1], 4), round(lon, 4)


def rows(atlas_dir: Path) -> list[tuple[str, str, str, float, float, str]]:
    out = []
    world = json.loads((atlas_dir / "world-atlas-2.0.2/package/countries-50m.json").read_text())
    arcs = decode_arcs(world)
    for geometry in world["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=str(geometry.get("id", "")).zfill(3)) if "id" in geometry else None
        point = largest_polygon_point(geometry, arcs)
        if country is None or point is None:
            continue
        out.append(("country", country.alpha_3, country.name, *point, "natural-earth-50m"))
    us = json.loads((atlas_dir / "us-atlas-3.0.1/package/counties-10m.json").read_text())
    arcs = decode_arcs(us)
    for kind, key in (("us_state", "states"), ("us_county", "counties")):
        for geometry in us["objects"][key]["geometries"]:
            point = largest_polygon_point(geometry, arcs)
            if point is not None:
                out.append((kind, geometry["id"], geometry["properties"]["name"], *point, "us-census-10m"))
    return sorted(set(out))


def main() -> None:
    sys.stdout.write(HEADER)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(("kind", "code", "name", "lat", "lon", "source"))
    writer.writerows(rows(Path(sys.argv[1])))


if __name__ == "__main__":
    main()
