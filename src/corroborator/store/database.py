"""An open store: the engine behind a database URL, migrated to the current schema on opening."""

from __future__ import annotations

import fcntl
import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import URL

from ..errors import ConfigError
from . import schema
from .engine import make_engine, resolve_url, shown_url, upgrade

log = logging.getLogger(__name__)


class Store:
    """A database that holds documents, opened from a URL (``Store.open``); close it, or use ``with``.

    Opening an empty database creates the schema; opening an older one
    migrates it. Every command (ingest, search, reprocess, export) takes a Store.
    """

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine

    @classmethod
    def open(cls, db: str | None = None, *, create: bool = True, migrate: bool = True) -> Store:
        """Open the store at ``db`` (a URL or a SQLite path; default ``$CORROBORATOR_DB`` or ``corroborator.db``).

        ``create=False`` refuses a SQLite file that is not there yet (for commands
        that only read); ``migrate=False`` leaves the schema as it is.
        """
        url = resolve_url(db)
        file = url.database if url.get_backend_name() == "sqlite" and url.database != ":memory:" else None
        if not create and file and not Path(file).exists():
            raise ConfigError(f"no such database: {url.database} (ingest something into it first)")
        engine = make_engine(url)
        try:
            if migrate:
                upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        log.debug("opened %s", shown_url(url))
        return cls(url, engine)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold the lock called ``name`` while the block runs: another process (or thread) asking for it waits.

        For work that spans several transactions and must not interleave with itself (the ledger's
        refresh). PostgreSQL: a session advisory lock, on a connection of its own. SQLite: ``flock`` on
        a file beside the database (``DB.NAME.lock``), as the database itself has no lock but its writer's.
        """
        if self.dialect == "postgresql":
            key = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)
            with self.engine.connect() as connection:
                connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
                connection.commit()
                try:
                    yield
                finally:
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                    connection.commit()
            return
        if not self.url.database or self.url.database == ":memory:":  # nothing another process could share
            yield
            return
        with open(f"{self.url.database}.{name}.lock", "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
            yield

    def __str__(self) -> str:
        return shown_url(self.url)

    def counts(self) -> dict[str, int]:
        """Rows in each table, by name (the search index included)."""
        with self.engine.connect() as connection:
            return {
                table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for table in schema.metadata.sorted_tables
            }

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
