"""The store's SQL that differs by engine: ON CONFLICT inserts, bulk inserts, and the stored bytes."""

from __future__ import annotations

import functools
import zlib
from collections.abc import Mapping
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.compiler import IdentifierPreparer

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
    """Insert rows through the driver with little Python in the way: a group's mentions run to thousands.

    SQLite takes them in one ``executemany``; PostgreSQL through ``COPY``, in the
    caller's transaction, rather than one round of the protocol a row. The rows
    must all have the keys of the first.
    """
    names = tuple(values[0])
    sql = _bulk_sql(connection.dialect.name, connection.dialect.identifier_preparer, table.name, names)
    as_tuple = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(sql, [as_tuple(row) for row in values])
        return
    cursor = connection.connection.cursor()
    dbapi = connection.dialect.loaded_dbapi
    try:
        with cursor.copy(sql) as copy:
            for row in values:
                copy.write_row(as_tuple(row))
    except dbapi.Error as error:  # as SQLAlchemy would have raised it, so that callers see one kind
        raise DBAPIError.instance(sql, None, error, dbapi.Error, dialect=connection.dialect) from error
    finally:
        cursor.close()


@functools.cache
def _bulk_sql(dialect: str, preparer: IdentifierPreparer, table: str, names: tuple[str, ...]) -> str:
    """``bulk_insert``'s SQL, built once a table and set of columns (quoting every name costs, row after row)."""
    quote = preparer.quote
    columns = ", ".join(quote(name) for name in names)
    if dialect == "sqlite":
        return f"INSERT INTO {quote(table)} ({columns}) VALUES ({', '.join('?' * len(names))})"
    return f"COPY {quote(table)} ({columns}) FROM STDIN"


def inflate(data: bytes, compression: str) -> bytes:
    """Bytes as they were before ``put_blob`` compressed them."""
    return zlib.decompress(data) if compression == "zlib" else data


def put_blob(connection: Connection, sha: str, data: bytes) -> None:
    """Keep ``data`` (whose sha256 is ``sha``) once, compressed; known large bytes are not compressed again."""
    put_blobs(connection, {sha: data})


def put_blobs(connection: Connection, found: Mapping[str, bytes]) -> None:
    """Keep each of ``found`` (bytes by sha256) once, compressed: the small ones in one statement."""
    new = []
    for sha, data in found.items():
        if len(data) > SMALL_BLOB and connection.execute(select(blobs.c.sha256).where(blobs.c.sha256 == sha)).first():
            continue
        new.append(
            {"sha256": sha, "size": len(data), "compression": "zlib", "data": zlib.compress(data, COMPRESSION_LEVEL)}
        )
    if new:
        connection.execute(_put_blob_sql(connection.dialect.name), new)


@functools.cache
def _put_blob_sql(dialect: str) -> Any:
    return (
        (postgresql if dialect == "postgresql" else sqlite)
        .insert(blobs)
        .on_conflict_do_nothing(index_elements=["sha256"])
    )


def get_blob(connection: Connection, sha: str) -> bytes:
    """Stored bytes, inflated."""
    row = connection.execute(select(blobs.c.data, blobs.c.compression).where(blobs.c.sha256 == sha)).one()
    return inflate(row.data, row.compression)


__all__ = ["COMPRESSION_LEVEL", "SMALL_BLOB", "bulk_insert", "get_blob", "inflate", "insert", "put_blob", "put_blobs"]
