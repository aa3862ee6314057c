"""Exports: JSON Lines as extract writes them, CSV and Parquet per table; on both engines."""

from __future__ import annotations

import csv

import pyarrow.parquet as pq
import pytest

from corroborator.errors import ConfigError
from corroborator.export import document_line
from corroborator.pipeline import process, with_extraction
from corroborator.records import Document
from corroborator.store import export
from corroborator.store.schema import EXPORT_TABLES


@pytest.fixture
def filled(filled_store):  # type: ignore[no-untyped-def]
    return filled_store


def test_jsonl_is_byte_for_byte_what_extract_writes(filled, corpus, nlp, tmp_path):
    (path,) = export(filled, "jsonl", tmp_path)
    assert path.name == "documents.jsonl"
    expected = "".join(
        document_line(o) + "\n" for o in with_extraction(process(corpus), nlp) if isinstance(o, Document)
    )
    assert path.read_text(encoding="utf-8") == expected


def test_csv_has_one_file_per_table_with_every_row(filled, tmp_path):
    written = export(filled, "csv", tmp_path)
    assert [p.name for p in written] == [f"{t.name}.csv" for t in EXPORT_TABLES]
    counts = filled.counts()
    for table, path in zip(EXPORT_TABLES, written, strict=True):
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        assert rows[0] == [c.name for c in table.columns]
        assert len(rows) - 1 == counts[table.name], table.name
    with (tmp_path / "documents.csv").open(encoding="utf-8", newline="") as stream:
        first = next(csv.DictReader(stream))
    assert first["current"] == "true"
    assert first["created_at"].endswith("+00:00")


def test_parquet_has_typed_columns_and_every_row(filled, tmp_path):
    written = export(filled, "parquet", tmp_path)
    counts = filled.counts()
    for table, path in zip(EXPORT_TABLES, written, strict=True):
        data = pq.read_table(path)
        assert data.num_rows == counts[table.name], table.name
        assert data.column_names == [c.name for c in table.columns]
    figures = pq.read_table(tmp_path / "figures.parquet")
    assert str(figures.schema.field("value").type) == "double"
    assert str(figures.schema.field("vague").type) == "bool"
    assert str(pq.read_table(tmp_path / "runs.parquet").schema.field("started_at").type) == "timestamp[us, tz=UTC]"


def test_an_empty_store_exports_empty_files(store, tmp_path):
    assert export(store, "jsonl", tmp_path)[0].read_text() == ""
    assert pq.read_table(export(store, "parquet", tmp_path)[0]).num_rows == 0


def test_unknown_format(store, tmp_path):
    with pytest.raises(ConfigError):
        export(store, "xlsx", tmp_path)
