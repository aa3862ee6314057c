"""Store: documents, their versions, raw bytes, claims and figures in SQLite or PostgreSQL.

One schema (``schema.py``, migrated by Alembic from ``migrations/``), two engines::

    with Store.open("corroborator.db") as store:          # or "postgresql://host/news"
        summary = ingest(store, ["examples/corpus"])      # idempotent and incremental
        hits = search(store, "Kursk soldiers")            # FTS5 / PostgreSQL full text
        reprocess(store)                                  # re-extract from the stored bytes
        export(store, "parquet", Path("out"))             # or "jsonl", "csv"

``docs/store.md`` describes the tables, the guarantees and the views that
Datasette shows (``data/datasette-metadata.json``).
"""

from __future__ import annotations

from .database import Store
from .engine import DEFAULT_DB_URL, resolve_url
from .export import FORMATS, export, iter_documents, write_jsonl
from .identity import extractor_version
from .search import Hit, search
from .writer import STORE_FAILED, InputDone, RunSummary, Stored, ingest, reprocess

__all__ = [
    "DEFAULT_DB_URL",
    "FORMATS",
    "STORE_FAILED",
    "Hit",
    "InputDone",
    "RunSummary",
    "Store",
    "Stored",
    "export",
    "extractor_version",
    "ingest",
    "iter_documents",
    "reprocess",
    "resolve_url",
    "search",
    "write_jsonl",
]
