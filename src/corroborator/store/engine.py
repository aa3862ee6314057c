"""Where the store lives: database URLs, engines with the right settings, and the schema's version.

One schema on two engines. SQLite is the embedded default (one file, browsable
with Datasette); PostgreSQL serves several writers at once. The URL says which::

    corroborator.db                      a path: SQLite
    sqlite:///corroborator.db            the default (or $CORROBORATOR_DB)
    postgresql://user@host:5432/news     PostgreSQL, through psycopg 3

SQLite connections run in WAL mode (readers never block the writer, and a
killed writer leaves the last committed transaction intact), wait up to
``BUSY_TIMEOUT_MS`` for a lock instead of failing, and enforce foreign keys.
Writing transactions begin ``IMMEDIATE``: the write lock is taken at the start,
so two writers queue rather than deadlock when a reader upgrades.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, make_url, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError

from ..errors import ConfigError
from ..settings import DB_ENV, from_environment
from .schema import SCHEMA_REVISION

log = logging.getLogger(__name__)

#: The store a command uses when neither --db nor $CORROBORATOR_DB names one.
DEFAULT_DB_URL = "sqlite:///corroborator.db"
#: How messages spell a PostgreSQL URL (the same form as --help and the README).
POSTGRES_URL_FORM = "postgresql://USER@HOST:5432/NAME"

#: Seconds to wait for a PostgreSQL server to answer; libpq's default is to wait
#: forever, so a host that drops packets would hang the command without a word.
CONNECT_TIMEOUT_S = 10

#: How long a SQLite writer waits for another one's lock before giving up. A
#: document's transaction takes milliseconds; 60 s covers a long export or a
#: Datasette query holding the file, and a stuck writer still fails in the end.
BUSY_TIMEOUT_MS = 60_000

#: Pause between tries to switch a new SQLite file to WAL while another process holds it.
_WAL_RETRY_SECONDS = 0.05

#: PostgreSQL's lock id for migrations: two processes opening a new database at
#: once must not both create the tables. Any constant works; this one spells "corr".
MIGRATION_LOCK_ID = 0x636F7272

#: Execution option naming how a SQLite transaction begins: "IMMEDIATE" for writers.
SQLITE_BEGIN = "corroborator_sqlite_begin"


def resolve_url(db: str | None = None) -> URL:
    """The URL to use: ``db``, else ``$CORROBORATOR_DB``, else the default; a bare path means SQLite.

    An empty ``db`` is refused rather than read as "the default": a script that
    passes ``--db "$UNSET_VARIABLE"`` should not write into ./corroborator.db.
    """
    if db is not None and not db.strip():
        raise ConfigError(
            f"the database is empty (--db {db!r}): name a SQLite file or a URL such as {DEFAULT_DB_URL},"
            " or leave --db out for the default"
        )
    given = db or from_environment(DB_ENV) or DEFAULT_DB_URL
    if "://" not in given:
        return URL.create("sqlite", database=given)
    if given.startswith("postgres://"):  # the spelling Heroku and others hand out
        given = "postgresql://" + given.removeprefix("postgres://")
    try:
        url = make_url(given)
    except ArgumentError:
        raise ConfigError(f"not a database URL: {given!r} (e.g. {DEFAULT_DB_URL} or {POSTGRES_URL_FORM})") from None
    backend = url.get_backend_name()
    if url.drivername == "postgresql":
        # psycopg 3 is the driver we ship; older SQLAlchemy would ask for psycopg2.
        url = url.set(drivername="postgresql+psycopg")
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError(f"unsupported database {backend!r}: use sqlite:///FILE or {POSTGRES_URL_FORM}")
    if backend == "sqlite" and _in_memory(url):
        # The store writes from a second thread, which cannot see another
        # thread's in-memory database, and the data would be gone at exit anyway.
        raise ConfigError(
            f"{given} is an in-memory SQLite database, gone when the command ends:"
            f" name a file instead, e.g. --db {DEFAULT_DB_URL}"
        )
    return url


def _in_memory(url: URL) -> bool:
    """Whether a SQLite URL names no file: ``sqlite://``, ``:memory:`` or a ``mode=memory`` URI."""
    database = url.database or ""
    return database in ("", ":memory:") or "mode=memory" in database or url.query.get("mode") == "memory"


def shown_url(url: URL) -> str:
    """The URL for messages, as a user spells it: the password hidden, the driver we chose left out."""
    if url.drivername == "postgresql+psycopg":
        url = url.set(drivername="postgresql")
    return url.render_as_string(hide_password=True)


def make_engine(url: URL) -> Engine:
    """An engine for ``url`` with the store's connection settings."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    connect_args = {} if "connect_timeout" in url.query else {"connect_timeout": CONNECT_TIMEOUT_S}
    try:
        # Documents are written one transaction each; a small pool is plenty.
        return create_engine(url, pool_size=2, max_overflow=2, pool_pre_ping=True, connect_args=connect_args)
    except ModuleNotFoundError as error:  # pragma: no cover - psycopg is a dependency
        raise ConfigError(f"PostgreSQL needs psycopg: pip install 'psycopg[binary]' ({error})") from None


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise ConfigError(f"no such folder for the database: {folder}")
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling issues BEGIN late and never for
        # DDL; we issue BEGIN ourselves (below) so that every transaction is one.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _use_wal(cursor)
        # In WAL mode, NORMAL loses nothing when a process dies (kill -9); only a
        # power cut may lose the last transactions, never corrupt the file.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL (it stays so); retried, since the switch does not wait on the busy timeout.

    Several processes opening a new database at once race for the switch, and
    SQLite answers "database is locked" at once to the losers instead of waiting.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(_WAL_RETRY_SECONDS)


def connect(engine: Engine) -> Connection:
    """A connection, or a ConfigError in one line that names the database, what went wrong and what to check."""
    try:
        return engine.connect()
    except OperationalError as error:
        raise ConfigError(cannot_connect(engine.url, error.orig or error)) from error


#: What the driver says, as a few words and the fix to suggest; the first match wins.
_CONNECT_FAILURES = (
    ("connection refused", "connection refused", "check that the server runs and the URL"),
    ("does not exist", "{detail}", "create it first, or check the URL"),
    ("authentication failed", "authentication failed", "check the user and password in the URL or ~/.pgpass"),
    ("no password supplied", "the server asks for a password", "add it to ~/.pgpass or $PGPASSWORD"),
    ("translate host name", "unknown host", "check the host in the URL"),
    ("name or service not known", "unknown host", "check the host in the URL"),
    ("timeout expired", "no answer in {timeout} s", "check the host, the port and any firewall"),
    ("unable to open database file", "cannot open the file", "check the path and that its folder is writable"),
)


def cannot_connect(url: URL, error: BaseException) -> str:
    """The message for a failed connection: the URL (password hidden), the reason, the fix."""
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()] or ["unknown error"]
    # libpq says "connection to server at ..., port 1 failed: Connection refused": the words after the last colon.
    detail = lines[0].rsplit(": ", 1)[-1].strip()
    sqlite = url.get_backend_name() == "sqlite"
    reason, fix = detail, "check the path" if sqlite else "check that the server runs and the URL"
    for needle, said, suggested in _CONNECT_FAILURES:
        if needle in str(error).lower():
            reason, fix = said.format(detail=detail, timeout=CONNECT_TIMEOUT_S), suggested
            break
    if not sqlite and not url.host and "no such file" in reason.lower():
        # libpq tries a Unix socket when the URL names no host; its "No such file" would puzzle.
        reason = "the URL names no host, and no server listens on this machine's socket"
        fix = f"name the server in the URL (--db or ${DB_ENV}), e.g. {POSTGRES_URL_FORM}"
    if url.password:
        reason = reason.replace(str(url.password), "***")
    where = "" if DB_ENV in fix else f" (--db or ${DB_ENV})"
    return f"cannot connect to the database {shown_url(url)} ({reason}); {fix}{where}"


def writing(connection: Connection) -> Connection:
    """``connection``, set so that its transactions are a writer's (SQLite: BEGIN IMMEDIATE)."""
    return connection.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})


def current_revision(connection: Connection) -> str | None:
    """The schema revision the database is at, or None for an empty database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Bring the database to the current schema (Alembic ``upgrade head``), once even with many processes.

    The common case, a database already at the current revision, costs one query.
    """
    with connect(engine) as connection:
        try:
            if current_revision(connection) == SCHEMA_REVISION:
                return
        except (OperationalError, ProgrammingError) as error:
            reason = (str(error.orig).strip().splitlines() or ["unknown error"])[0]
            raise ConfigError(f"cannot open the database {shown_url(engine.url)}: {reason}") from None
    from .migrations import run_upgrade

    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": MIGRATION_LOCK_ID})
            connection.commit()
            try:
                run_upgrade(connection)
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": MIGRATION_LOCK_ID})
                connection.commit()
        else:
            run_upgrade(writing(connection))


__all__ = [
    "DB_ENV",
    "DEFAULT_DB_URL",
    "POSTGRES_URL_FORM",
    "cannot_connect",
    "connect",
    "make_engine",
    "resolve_url",
    "shown_url",
    "upgrade",
    "writing",
]
