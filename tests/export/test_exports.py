"""Every export loads untouched in the tools people use: pandas, pyogrio/geopandas, DuckDB."""

from __future__ import annotations

import json
import re

import duckdb
import pytest

from flashpoint.export import ExportOptions, export_events
from flashpoint.model.codebook import ACLED_DISORDER, ACLED_INTER_LABELS, ACLED_SUBTYPES
from flashpoint.store import EventFilter

pd = pytest.importorskip("pandas")


def _reference_columns(shared_dir) -> list[str]:
    text = (shared_dir / "reference" / "acled.md").read_text(encoding="utf-8")
    block = text.split("## Export columns", 1)[1].split("\n", 1)[1].split("\n\n", 1)[0]
    return [c.strip() for c in re.sub(r"\s+", " ", block).split(",")]


def test_acled_csv_has_the_reference_columns_and_values_in_vocabulary(filled_store, tmp_path, shared_dir):
    out = tmp_path / "acled.csv"
    stats = export_events(filled_store, "acled-csv", out)
    frame = pd.read_csv(out, keep_default_na=False)
    assert list(frame.columns) == _reference_columns(shared_dir)
    assert len(frame) == stats.written >= 3
    for _, row in frame.iterrows():
        assert row.sub_event_type in ACLED_SUBTYPES[row.event_type]
        assert row.disorder_type == ACLED_DISORDER[row.event_type]
        assert row.time_precision in (1, 2, 3) and row.geo_precision in (1, 2, 3)
        assert str(row.interaction) == "".join(sorted(str(c) for c in (row.inter1, row.inter2) if c)).ljust(2, "0")
        assert row.inter1 in ACLED_INTER_LABELS and (row.inter2 == 0 or row.inter2 in ACLED_INTER_LABELS)
        assert row.civilian_targeting in ("", "Civilian targeting")
        assert row.source_scale.split("-")[0] in ExportOptions().vocabulary.source_scales
        assert row.event_date.startswith(str(row.year))
    syria = frame[frame.country == "Syria"]
    assert set(syria.iso) == {760} and set(syria.region) == {"Middle East"}
    merged = frame[frame.source.str.contains("Radio North")].iloc[0]
    assert sorted(merged.source.split("; ")) == ["Aleppo Daily", "Gulf Courier", "Levant Wire", "Radio North"]
    assert merged.fatalities == 8
    assert "8 (" in merged.notes and "11 (" in merged.notes and "lowest, 8" in merged.notes


def test_acled_csv_text_inter_codes(filled_store, tmp_path):
    out = tmp_path / "acled.csv"
    export_events(filled_store, "acled-csv", out, options=ExportOptions(acled_inter="text"))
    frame = pd.read_csv(out, keep_default_na=False)
    assert set(frame.inter1) <= set(ACLED_INTER_LABELS.values())


def test_acled_csv_leaves_out_non_acled_and_filters(filled_store, tmp_path):
    out = tmp_path / "protests.csv"
    export_events(filled_store, "acled-csv", out, EventFilter(country="AFG"))
    frame = pd.read_csv(out, keep_default_na=False)
    assert list(frame.event_type) == ["Protests"]


def test_geojson_validates_and_opens_with_geopandas(filled_store, tmp_path):
    gpd = pytest.importorskip("geopandas")
    pyogrio = pytest.importorskip("pyogrio")
    out = tmp_path / "events.geojson"
    stats = export_events(filled_store, "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == stats.written
    located = [f for f in data["features"] if f["geometry"] is not None]  # null geometry: place unknown
    assert len(located) >= 3
    for feature in data["features"]:
        assert feature["type"] == "Feature" and set(feature) == {"type", "id", "geometry", "properties"}
    for feature in located:
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    frame = gpd.read_file(out)
    assert len(frame) == stats.written
    assert frame.geometry.dropna().geom_type.eq("Point").all() and frame.geometry.notna().sum() == len(located)
    assert pyogrio.read_info(out)["features"] == stats.written


def test_parquet_reads_with_duckdb_and_pandas_with_types(filled_store, tmp_path):
    out = tmp_path / "events.parquet"
    stats = export_events(filled_store, "parquet", out)
    types = dict(duckdb.sql(f"DESCRIBE SELECT * FROM '{out}'").fetchall()[i][:2] for i in range(36))
    assert types["date_start"] == "DATE" and types["latitude"] == "DOUBLE"
    assert types["fatalities_low"] == "INTEGER" and types["sources"] == "VARCHAR[]"
    assert types["updated_at"] == "TIMESTAMP"
    frame = pd.read_parquet(out)
    assert len(frame) == stats.written
    assert str(frame["latitude"].dtype) == "float64" and str(frame["fatalities_low"].dtype) in ("Int32", "float64",
                                                                                                 "int32")
    assert pd.api.types.is_datetime64_any_dtype(frame["updated_at"])


def test_ucdp_csv_columns_and_values(filled_store, tmp_path, shared_dir):
    out = tmp_path / "ged.csv"
    export_events(filled_store, "ucdp-csv", out)
    frame = pd.read_csv(out, keep_default_na=False)
    ged = pd.read_csv(shared_dir / "data" / "external" / "ucdp-ged-sample" / "ucdpged.csv", nrows=1)
    assert set(frame.columns) <= set(ged.columns)
    assert len(frame) >= 2
    assert set(frame.type_of_violence) <= {1, 2, 3}
    assert (frame.low <= frame.best).all() and (frame.best <= frame.high).all()
    assert set(frame.where_prec) <= set(range(1, 8)) and set(frame.date_prec) <= set(range(1, 6))
    merged = frame[frame.source_office.str.contains("Radio North")].iloc[0]
    assert merged.number_of_sources == 3  # four outlets, one of them a wire copy


def test_jsonl_is_the_stored_record(filled_store, tmp_path):
    out = tmp_path / "events.jsonl"
    export_events(filled_store, "jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stored = list(filled_store.iter_events())
    assert [r["id"] for r in records] == [s.id for s in stored]
    assert records == [s.event.model_dump(mode="json") for s in stored]
