"""`flashpoint eval` hands geoparsing gold to flashpoint.evaluate.geoparsing and keeps its result, minus timings."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from flashpoint.evaluate.harness import Harness

TEXT = "Health teams in Nairobi tested farm workers on Monday, and more teams left Mombasa for the coast."
GEOVIRUS = f"""<articles><article><source>test-1</source><text>{TEXT}</text><locations>
<location><name>Nairobi</name><start>{TEXT.index("Nairobi") + 1}</start><end>{TEXT.index("Nairobi") + 8}</end>
<lat>-1.2864</lat><lon>36.8172</lon></location>
<location><name>Mombasa</name><start>{TEXT.index("Mombasa") + 1}</start><end>{TEXT.index("Mombasa") + 8}</end>
<lat>-4.0435</lat><lon>39.6682</lon></location>
</locations></article></articles>"""


@pytest.fixture(scope="module")
def geoparsing_extractor(nlp):
    places = pytest.importorskip("flashpoint.extract.places")
    pytest.importorskip("flashpoint.evaluate.geoparsing")
    from flashpoint.settings import Settings

    gazetteer = places.Gazetteer.open(Settings())
    yield SimpleNamespace(nlp=nlp, geoparser=places.Geoparser(gazetteer), run=lambda documents: iter(()))
    gazetteer.close()


def test_geoparsing_corpus_is_scored_by_the_places_evaluator(tmp_path, geoparsing_extractor):
    (tmp_path / "GeoVirus.xml").write_text(GEOVIRUS, encoding="utf-8")
    (dataset,) = Harness(geoparsing_extractor).run([tmp_path])["datasets"]
    assert dataset["dataset"] == "geoparsing" and dataset["status"] == "scored"
    text = repr(dataset["geoparsing"])
    assert "GeoVirus" in text and "seconds" not in text
