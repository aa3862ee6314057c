"""Exports from the store: JSON Lines in the extraction contract, and CSV or Parquet files per table.

- ``jsonl``: ``documents.jsonl``, one line per current document, the same bytes
  as ``corroborator extract`` writes for it (``Document.to_dict`` through the
  same ``document_line``), in the order the documents were first stored (a new
  version of an input comes at the end). ``all_versions`` adds older versions.
- ``csv``: ``TABLE.csv`` for every table but the stored bytes and the search
  index; a header line, empty fields for nulls, ``true``/``false``, UTC times in ISO 8601,
  and text that would start a formula in a spreadsheet (``=``, ``+``, ``-``,
  ``@``, ...) behind a single quote (``export.csv_cell``: CSV injection).
- ``parquet``: ``TABLE.parquet`` for the same tables, with typed columns (pyarrow).

Everything is streamed: documents a page at a time, table rows in chunks.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Collection, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Boolean, DateTime, Float, Integer, LargeBinary, Table, select

from ..errors import ConfigError
from ..export import csv_cell, document_line
from ..records import Document
from . import rows
from .database import Store
from .schema import EXPORT_TABLES, claim_via, claims, documents, entities, figures, mentions, removed_lines, sources

FORMATS = ("jsonl", "csv", "parquet")

#: Documents assembled per round of queries, and table rows written per chunk:
#: enough to amortise the queries, small enough to keep memory flat.
DOCUMENTS_PER_PAGE = 200
ROWS_PER_CHUNK = 5_000


def export(store: Store, output_format: str, folder: Path, *, all_versions: bool = False) -> list[Path]:
    """Write the store to ``folder`` in ``output_format``; return the files written."""
    if output_format not in FORMATS:
        raise ConfigError(f"unknown export format {output_format!r}: use one of {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    if output_format == "jsonl":
        path = folder / "documents.jsonl"
        with path.open("w", encoding="utf-8") as stream:
            write_jsonl(store, stream, all_versions=all_versions)
        return [path]
    write = _write_csv if output_format == "csv" else _write_parquet
    written = []
    for table in EXPORT_TABLES:
        path = folder / f"{table.name}.{output_format}"
        write(store, table, path)
        written.append(path)
    return written


def write_jsonl(store: Store, stream: TextIO, *, all_versions: bool = False) -> int:
    """Each (current) document as one line of the export contract, as ``extract`` writes it; returns how many."""
    count = 0
    for document in iter_documents(store, all_versions=all_versions):
        stream.write(document_line(document) + "\n")
        count += 1
    return count


def iter_documents(
    store: Store,
    *,
    all_versions: bool = False,
    without: frozenset[str] = frozenset(),
    row_ids: Collection[int] | None = None,
) -> Iterator[Document]:
    """The stored (current) documents as records, with their entities, claims and figures, first stored first.

    ``without`` names child tables not to read (``removed_lines``, ``mentions``, ``figures``...): their
    lists come back empty, for a reader that does not look at them (the cross-check's first reading).
    ``row_ids`` reads only the documents of these row ids (``documents.id``)."""
    last = 0
    chosen = sorted(row_ids) if row_ids is not None else None
    with store.engine.connect() as connection:
        while True:
            query = select(documents).where(documents.c.id > last).order_by(documents.c.id).limit(DOCUMENTS_PER_PAGE)
            if not all_versions:
                query = query.where(documents.c.current)
            if chosen is not None:
                start = bisect_right(chosen, last)
                query = query.where(documents.c.id.in_(chosen[start : start + DOCUMENTS_PER_PAGE]))
            page = connection.execute(query).mappings().all()
            if not page:
                return
            ids = [row["id"] for row in page]
            children = {
                table.name: [] if table.name in without else _children(connection, table, ids) for table in _LISTS
            }
            claim_rows = children["claims"]
            via_rows = children["claim_via"]
            source_ids = {r["source_id"] for r in claim_rows} | {r["source_id"] for r in via_rows}
            known = {
                row["id"]: row
                for row in connection.execute(select(sources).where(sources.c.id.in_(source_ids))).mappings()
            }
            connection.rollback()  # end the read transaction between pages
            by_doc = {name: _by_document(found) for name, found in children.items()}
            for row in page:
                doc = row["id"]
                entity_mentions = _by_key(by_doc["mentions"].get(doc, []), "entity_position")
                claim_via_rows = _by_key(by_doc["claim_via"].get(doc, []), "claim_position")
                yield rows.document_record(
                    row,
                    by_doc["removed_lines"].get(doc, []),
                    [(e, entity_mentions.get(e["position"], [])) for e in by_doc["entities"].get(doc, [])],
                    [(c, claim_via_rows.get(c["position"], [])) for c in by_doc["claims"].get(doc, [])],
                    by_doc["figures"].get(doc, []),
                    known,
                )
                last = doc


_LISTS = (removed_lines, entities, mentions, claims, claim_via, figures)


def _children(connection: Any, table: Table, ids: list[int]) -> list[Any]:
    order = [column for column in table.primary_key.columns]
    query = select(table).where(table.c.document_id.in_(ids)).order_by(*order)
    return list(connection.execute(query).mappings().all())


def _by_document(found: list[Any]) -> dict[int, list[Any]]:
    return {key[0]: items for key, items in rows.group(found, "document_id")}


def _by_key(found: list[Any], key: str) -> dict[int, list[Any]]:
    return {value[0]: items for value, items in rows.group(found, key)}


def _table_rows(store: Store, table: Table) -> Iterator[list[Any]]:
    """A table's rows in primary-key order, in chunks, from one streaming query."""
    order = list(table.primary_key.columns)
    with store.engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=ROWS_PER_CHUNK).execute(
            select(table).order_by(*order)
        )
        for chunk in result.partitions():
            yield [tuple(row) for row in chunk]


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return _utc(value).isoformat()
    if isinstance(value, str):
        return csv_cell(value)
    return value


def _utc(value: datetime) -> datetime:
    """SQLite hands back naive times; the store writes UTC only."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _write_csv(store: Store, table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([column.name for column in table.columns])
        for chunk in _table_rows(store, table):
            writer.writerows([_csv_value(v) for v in row] for row in chunk)


def _write_parquet(store: Store, table: Table, path: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:  # pragma: no cover - pyarrow is a dependency
        raise ConfigError("Parquet export needs pyarrow: pip install pyarrow") from None
    schema = pa.schema([(column.name, _arrow_type(pa, column.type)) for column in table.columns])
    with pq.ParquetWriter(path, schema) as writer:
        wrote = False
        for chunk in _table_rows(store, table):
            columns = list(zip(*chunk, strict=True))
            arrays = [
                pa.array([_utc(v) if isinstance(v, datetime) else v for v in values], type=field.type)
                for values, field in zip(columns, schema, strict=True)
            ]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            wrote = True
        if not wrote:
            writer.write_table(schema.empty_table())


def _arrow_type(pa: Any, column_type: Any) -> Any:
    if isinstance(column_type, Boolean):
        return pa.bool_()
    if isinstance(column_type, Integer):
        return pa.int64()
    if isinstance(column_type, Float):
        return pa.float64()
    if isinstance(column_type, DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(column_type, LargeBinary):
        return pa.binary()
    return pa.string()


__all__ = ["FORMATS", "export", "iter_documents", "write_jsonl"]
