"""The gazetteer index: names, transliterations, countries and provinces, user CSVs."""

from __future__ import annotations

import time

import pytest

from flashpoint.errors import FlashpointError
from flashpoint.extract.places import Gazetteer
from flashpoint.extract.places.build import Builder
from flashpoint.extract.places.gazetteer import index_path, version_string
from flashpoint.extract.places.names import name_key, skeleton
from flashpoint.settings import Settings


def test_name_keys_fold_accents_and_apostrophes():
    assert name_key("Sarāqib") == "saraqib"
    assert name_key("Ma'arrat al-Nu'man") == "maarrat al numan"
    assert name_key("U.S.") == "us"
    assert skeleton(name_key("Saraqeb")) == skeleton(name_key("Saraqib"))
    assert skeleton(name_key("Maarat al-Numan")) == skeleton(name_key("Ma‘arrat an Nu‘mān"))


def test_alternate_names_and_aliases(gazetteer):
    assert any(p.geonameid == 164816 for p in gazetteer.candidates("Saraqeb"))  # Saraqib, Idlib
    assert gazetteer.candidates("Idleb")[0].country == "SYR"
    assert any(p.is_country and p.country == "USA" for p in gazetteer.candidates("U.S."))
    assert any(p.is_admin1 and p.name == "Kentucky" for p in gazetteer.candidates("Ky."))
    assert any(p.is_country and p.country == "CPV" for p in gazetteer.candidates("Cape Verde"))


def test_loose_lookup_matches_transliterations(gazetteer):
    found = gazetteer.lookup(["Maarat al-Numan"], loose=True)
    places = [c.place for c in found[name_key("Maarat al-Numan")]]
    assert any(p.geonameid == 167611 for p in places)


@pytest.mark.parametrize(("written", "geonameid"), [("Qaryatein", 173361), ("Sukhneh", 172425)])
def test_loose_lookup_ignores_a_dropped_article(gazetteer, written, geonameid):
    places = [c.place for c in gazetteer.lookup([written], loose=True)[name_key(written)]]
    assert geonameid in [p.geonameid for p in places]


def test_countries_have_a_representative_point_not_the_capital(gazetteer):
    usa = gazetteer.country("USA")
    assert usa is not None and 36 < usa.lat < 42 and -104 < usa.lon < -94  # Kansas, not Washington D.C.
    russia = gazetteer.country("RUS")
    assert russia is not None and 50 < russia.lat < 70 and 80 < russia.lon < 120


def test_admin1_keeps_its_capital_as_anchor(gazetteer):
    idlib = gazetteer.admin1("SYR", "Idlib")
    assert idlib is not None and idlib.feature_code == "ADM1"
    assert idlib.anchor_lat == pytest.approx(35.93, abs=0.01) and idlib.anchor_lon == pytest.approx(36.63, abs=0.01)


def test_supplement_covers_towns_missing_from_cities500(gazetteer):
    palma = [p for p in gazetteer.candidates("Palma") if p.country == "MOZ"]
    assert palma and palma[0].source.startswith("curated")


def test_opening_is_fast(gazetteer):
    began = time.perf_counter()
    again = Gazetteer(gazetteer.path, gazetteer.version)
    assert time.perf_counter() - began < 1.0
    again.close()


def test_user_csv_entries_join_the_index(tmp_path):
    csv_path = tmp_path / "villages.csv"
    csv_path.write_text(
        "name,alternate_names,lat,lon,country,admin1,feature_code\n"
        "Qaryat Zarqa Test,Zarqa Testville|Zarka Testville,35.10,36.20,SY,Hama,PPL\n",
        encoding="utf-8",
    )
    builder = Builder()  # the user rows alone, written and opened exactly as in a full build
    builder.add_user_csv(csv_path)
    builder.write(tmp_path / "small.duckdb", "test")
    gaz = Gazetteer(tmp_path / "small.duckdb", "test")
    try:
        found = gaz.candidates("Zarka Testville")
        assert found and found[0].source == "user:villages.csv" and found[0].country == "SYR"
        assert found[0].admin1 == "Hama" and found[0].lat == pytest.approx(35.10)
    finally:
        gaz.close()


def test_user_csv_changes_the_index_and_its_version(tmp_path):
    csv_path = tmp_path / "villages.csv"
    csv_path.write_text("name,lat,lon\nSomewhere Test,1.0,2.0\n", encoding="utf-8")
    plain = index_path(Settings(cache_dir=tmp_path))
    extended = index_path(Settings(cache_dir=tmp_path, gazetteer_extra=(csv_path,)))
    assert plain != extended
    assert "user(1)" in version_string("abc", (csv_path,))


def test_user_csv_without_coordinates_is_refused(tmp_path):
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text("name,alternate_names\nNowhere,\n", encoding="utf-8")
    with pytest.raises(FlashpointError, match="lat"):
        Builder().add_user_csv(csv_path)
