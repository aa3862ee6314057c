"""Store: documents, their versions, raw bytes, claims and figures in SQLite or PostgreSQL.

Persistence only: it takes records and writes them (``Run``: one transaction
per document), and reads them back; it knows no stage (the pipeline reads,
cleans and extracts, then calls it). One schema (``schema.py``, migrated by
Alembic from ``migrations/``), two engines::

    with Store.open("corroborator.db") as store:          # or "postgresql://host/news"
        summary = pipeline.storing.ingest(store, ["examples/corpus"])  # idempotent, incremental
        hits = search(store, "Kursk soldiers")            # FTS5 / PostgreSQL full text
        export(store, "parquet", Path("out"))             # or "jsonl", "csv"

``docs/store.md`` describes the tables, the guarantees and the views that
Datasette shows (``data/datasette-metadata.json``).
"""

from __future__ import annotations

from .database import Store
from .engine import DEFAULT_DB_URL, resolve_url
from .export import FORMATS, export, iter_documents, write_jsonl
from .identity import extractor_version
from .ledger import Stamp, documents_stamp, ledger_stamp, read_findings, read_sources, read_variables, write_ledger
from .search import Hit, search
from .writing import Run, RunSummary, Status

__all__ = [
    "DEFAULT_DB_URL",
    "FORMATS",
    "Hit",
    "Run",
    "RunSummary",
    "Stamp",
    "Status",
    "Store",
    "documents_stamp",
    "export",
    "extractor_version",
    "iter_documents",
    "ledger_stamp",
    "read_findings",
    "read_sources",
    "read_variables",
    "resolve_url",
    "search",
    "write_jsonl",
    "write_ledger",
]
