"""The store's SQL that differs by engine: ON CONFLICT inserts, bulk inserts, and the stored bytes."""

from __future__ import annotations

import zlib
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

from .schema import blobs

#: zlib level for stored bytes: 6 (the default) compresses news HTML about 4:1
#: at a few milliseconds a page, well under the time extraction takes.
COMPRESSION_LEVEL = 6

#: Bytes up to this size are compressed and inserted without asking first whether
#: they are stored: compressing them costs less than the query (a message, a page).
SMALL_BLOB = 64 * 1024


def insert(connection: Connection, table: Table) -> Any:
    """The engine's INSERT, which knows ON CONFLICT."""
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def bulk_insert(connection: Connection, table: Table, values: list[dict[str, Any]]) -> None:
    """Insert rows through the driver with little Python in the way: a document's mentions run to hundreds.

    SQLite takes them in one ``executemany``; PostgreSQL through ``COPY``, in the
    document's transaction, rather than one round of the protocol a row.
    """
    names = list(values[0])
    quote = connection.dialect.identifier_preparer.quote
    columns = ", ".join(quote(name) for name in names)
    if connection.dialect.name == "sqlite":
        sql = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({', '.join('?' * len(names))})"
        connection.exec_driver_sql(sql, [tuple(row[name] for name in names) for row in values])
        return
    sql = f"COPY {quote(table.name)} ({columns}) FROM STDIN"
    cursor = connection.connection.cursor()
    dbapi = connection.dialect.loaded_dbapi
    try:
        with cursor.copy(sql) as copy:
            for row in values:
                copy.write_row([row[name] for name in names])
    except dbapi.Error as error:  # as SQLAlchemy would have raised it, so that callers see one kind
        raise DBAPIError.instance(sql, None, error, dbapi.Error, dialect=connection.dialect) from error
    finally:
        cursor.close()


def inflate(data: bytes, compression: str) -> bytes:
    """Bytes as they were before ``put_blob`` compressed them."""
    return zlib.decompress(data) if compression == "zlib" else data


def put_blob(connection: Connection, sha: str, data: bytes) -> None:
    """Keep ``data`` (whose sha256 is ``sha``) once, compressed; known large bytes are not compressed again."""
    if len(data) > SMALL_BLOB and connection.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha)).first():
        return
    connection.execute(
        insert(connection, blobs)
        .values(sha256=sha, size=len(data), compression="zlib", data=zlib.compress(data, COMPRESSION_LEVEL))
        .on_conflict_do_nothing(index_elements=["sha256"])
    )


def get_blob(connection: Connection, sha: str) -> bytes:
    """Stored bytes, inflated."""
    row = connection.execute(select(blobs.c.data, blobs.c.compression).where(blobs.c.sha256 == sha)).one()
    return inflate(row.data, row.compression)


__all__ = ["COMPRESSION_LEVEL", "SMALL_BLOB", "bulk_insert", "get_blob", "inflate", "insert", "put_blob"]
