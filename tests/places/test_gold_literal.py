"""The geoparsing gold loader's literal-toponym rule and the country points it is scored against."""

from __future__ import annotations

from flashpoint.evaluate.gold.gritta import is_demonym


def test_demonyms_are_not_literal_toponyms():
    assert is_demonym("Georgian", "Georgia")
    assert is_demonym("Ontarians", "Ontario")
    assert is_demonym("Dutch", "Netherlands")


def test_names_abbreviations_and_short_forms_stay_toponyms():
    assert not is_demonym("U.S.", "United States")
    assert not is_demonym("Egypt", "Arab Republic of Egypt")
    assert not is_demonym("DeKalb", "DeKalb County")
    assert not is_demonym("Greer Station", "Greer")


def test_country_points_lie_in_the_country_heart(gazetteer):
    china = gazetteer.country("CHN")
    assert 33 < china.lat < 37 and 102 < china.lon < 106  # between the Factbook's 35/105 and the map centroid
    indonesia = gazetteer.country("IDN")
    assert -6 < indonesia.lat < -4 and 118 < indonesia.lon < 122  # Factbook point, not Borneo's centroid
