"""Country representative points in the GeoNames convention: the CIA World Factbook's "geographic coordinates".

GeoNames (the gazetteer behind most geoparsing gold data) places most countries at the Factbook's rounded
geographic centre (Russia 60 N 100 E, China 35 N 105 E); so does Wikipedia for many. The `countryinfo` package
(MIT; data from the REST Countries project, whose ``latlng`` is the Factbook's) ships those points. Writes
``src/flashpoint/data/places_country_points.v1.csv``::

    pip install countryinfo==1.0.1
    python tools/places/derive_country_points.py > src/flashpoint/data/places_country_points.v1.csv

Where the Factbook point and the Natural Earth centroid of the country's main polygon (``places_points.v1.csv``)
agree within ``AGREE_KM``, the row takes their midpoint: the Factbook rounds to whole degrees and gazetteers differ
by about as much (Wikipedia puts China at 35 N 103 E, the Factbook at 35 N 105 E), and the midpoint of two
independent estimates lies within 161 km of both conventions more often than either. Where they disagree (an
archipelago, a country whose largest polygon is not its heart) the Factbook point is kept. Countries listed in
``KEEP_CENTROID`` keep the Natural Earth centroid. Deterministic: rows sorted by ISO code.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path
from types import MappingProxyType

import countryinfo

HEADER = (
    "# places_country_points.v1.csv — a representative point per country (Factbook and Natural Earth)\n"
    "# version: 1\n"
    "# source: CIA World Factbook 'geographic coordinates' via countryinfo 1.0.1 (MIT; REST Countries data);\n"
    "#         where it agrees (within 300 km) with the Natural Earth 1:50m main-polygon centroid, their midpoint;\n"
    "#         rows whose source names only natural-earth keep that centroid\n"
    "# licence: Factbook data is public domain; Natural Earth is public domain\n"
    "# built by: tools/places/derive_country_points.py (deterministic)\n"
)
# The Factbook's 38 N 97 W for the United States lies ~235 km from the geographic centre of the contiguous
# states (near Lebanon, Kansas), where GeoNames and Wikipedia put the country.
AGREE_KM = 300.0
KEEP_CENTROID = MappingProxyType({"USA": "natural-earth-50m centroid of the contiguous states"})


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def factbook_points() -> dict[str, tuple[str, float, float]]:
    folder = Path(countryinfo.__file__).parent / "data"
    out = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            continue
        iso3 = (data.get("ISO") or {}).get("alpha3")
        latlng = data.get("latlng") or []
        if iso3 and len(latlng) == 2:
            out[iso3] = (data.get("name") or iso3, float(latlng[0]), float(latlng[1]))
    return out


def natural_earth_points(path: Path) -> dict[str, tuple[str, float, float]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {
        r["code"]: (r["name"], float(r["lat"]), float(r["lon"]))
        for r in csv.DictReader(lines) if r["kind"] == "country"
    }


def main() -> None:
    data = Path(__file__).resolve().parents[2] / "src" / "flashpoint" / "data"
    factbook = factbook_points()
    centroids = natural_earth_points(data / "places_points.v1.csv")
    out = sys.stdout
    out.write(HEADER)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("code", "name", "lat", "lon", "source"))
    for iso3 in sorted(factbook):
        name, lat, lon = factbook[iso3]
        source = f"cia-world-factbook via countryinfo {countryinfo_version()}"
        if iso3 in KEEP_CENTROID and iso3 in centroids:
            _, lat, lon = centroids[iso3]
            source = KEEP_CENTROID[iso3]
        elif iso3 in centroids and km(lat, lon, *centroids[iso3][1:]) <= AGREE_KM:
            lat, lon = (lat + centroids[iso3][1]) / 2, (lon + centroids[iso3][2]) / 2
            source += " + natural-earth-50m centroid (midpoint)"
        writer.writerow((iso3, name, round(lat, 4), round(lon, 4), source))


def countryinfo_version() -> str:
    from importlib import metadata

    return metadata.version("countryinfo")


if __name__ == "__main__":
    main()
