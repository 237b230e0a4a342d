"""The actor dictionary: coverage of every country, valid codes, provenance, extension by an analyst's folder."""

from __future__ import annotations

import csv
import io
import time

import pycountry

from flashpoint.data import read_text
from flashpoint.extract.actors import ActorDictionary, ActorNormalizer
from flashpoint.model.codebook import SECTORS


def _rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in read_text(name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def test_loads_fast_and_records_its_version():
    started = time.perf_counter()
    dictionary = ActorDictionary.load()
    assert time.perf_counter() - started < 1.0
    assert dictionary.version == "actors.v1"
    assert len(dictionary.fingerprint) == 12


def test_every_country_has_state_forces_and_a_government(dictionary):
    for country in pycountry.countries:
        for kind in ("mil", "pol", "gov"):
            entry = dictionary.state(kind, country.alpha_3)
            assert entry is not None, (kind, country.alpha_3)
            assert entry.country == country.alpha_3 and entry.inter == 1


def test_state_names_follow_acled(dictionary):
    assert dictionary.state("mil", "TUR").name == "Military Forces of Turkey (2016-)"
    assert dictionary.state("pol", "EGY").name == "Police Forces of Egypt (2014-)"
    assert dictionary.state("mil", "COD").name.startswith("Military Forces of the Democratic Republic of Congo")
    assert dictionary.state("mil", "NOR").name == "Military Forces of Norway"  # no ACLED period known


def test_rows_have_valid_codes_and_provenance():
    for name in ("actors.v1.csv", "actor_states.v1.csv"):
        for row in _rows(name):
            assert row["provenance"], row["id"]
            assert not row["sector"] or row["sector"] in SECTORS, row
            assert not row["inter"] or 1 <= int(row["inter"]) <= 8, row
            assert not row["wikidata"] or row["wikidata"].startswith("Q"), row
    for row in _rows("demonyms.v1.csv"):
        assert row["provenance"] and len(row["iso3"]) == 3
    for row in _rows("actor_nouns.v1.csv"):
        assert row["provenance"] and (not row["sector"] or row["sector"] in SECTORS)


def test_headers_give_version_source_and_licence():
    for name in (
        "actors.v1.csv",
        "actor_states.v1.csv",
        "actor_countries.v1.csv",
        "demonyms.v1.csv",
        "actor_nouns.v1.csv",
    ):
        head = read_text(name)[:2000]
        assert "# version:" in head and "# source:" in head and "# licence:" in head, name


def test_demonyms_and_country_names(dictionary):
    assert dictionary.demonym_country("Turkish") == "TUR"
    assert dictionary.demonym_country("Syrians") == "SYR"
    assert dictionary.demonym_country("South Sudanese") == "SSD"
    assert dictionary.demonym_country("Congolese") == "COD"
    assert dictionary.demonym_country("table") is None
    assert dictionary.country_by_name("Türkiye") == "TUR"
    assert dictionary.country_by_name("DRC") == "COD"
    assert dictionary.country_by_name("Ivory Coast") == "CIV"
    assert dictionary.country_by_name("us") is None  # acronyms match in capitals only


def test_an_analyst_folder_extends_the_dictionary(tmp_path):
    (tmp_path / "actors.v1.csv").write_text(
        "# version: local\n"
        "id,name,country,sector,inter,wikidata,aliases,scope,provenance\n"
        "red-hand,Red Hand Brigade,ATA,REB,2,,Red Hand|RHB,,test\n"
        "mil-TUR,,,,,,Mehmetcik,,test alias\n",
        encoding="utf-8",
    )
    extended = ActorDictionary.load(tmp_path)
    assert extended.version.startswith("actors.v1+")
    normalizer = ActorNormalizer(extended)
    assert normalizer.normalize("Red Hand fighters").name == "Red Hand Brigade"
    assert normalizer.normalize("the Mehmetcik").name == "Military Forces of Turkey (2016-)"
