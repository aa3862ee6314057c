"""Documents written a group at a time: one statement a table for the whole group, not about ten a document.

A Telegram export is thousands of messages of one sentence each; written one by
one, each cost about ten statements through SQLAlchemy in the writing thread,
whose Python competes with spaCy's for the GIL: more time than extracting the
message. ``write_group`` writes the documents that wait side by side with one
``executemany`` (or ``COPY``) a table: blobs, raw rows, documents, sources and
each table of child rows, plus a few reads by the group's keys.

It runs inside the caller's transaction and knows nothing of savepoints: when
the database refuses one document of a group, the caller (``writing.Run``)
rolls the group back and writes it again a document at a time, each in a
savepoint of its own, so that the refused one is skipped alone.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, select, update

from ..records import Document, RawDocument
from . import rows
from .schema import claim_via, claims, documents, entities, figures, mentions, raw, removed_lines, search, sources
from .sql import bulk_insert, insert, put_blobs

#: First key of PostgreSQL's two-key advisory locks taken on an input key while
#: its document is written (the second key is the key's hash).
DOCUMENT_LOCK_CLASS = 0x636F72

#: A document to store: its raw document, the raw document's hash, the input it was read from as shown,
#: the stored input's id (None when it has none), and the document extracted from it.
ToStore = tuple[RawDocument, str, str, int | None, Document]

#: A document's rows, deleted before it is re-extracted (children before parents).
CHILDREN: tuple[Table, ...] = (search, claim_via, mentions, claims, figures, entities, removed_lines)
#: ... and inserted (parents before children).
INSERT_ORDER: tuple[Table, ...] = (removed_lines, entities, mentions, claims, claim_via, figures, search)


class Status(StrEnum):
    """What storing one document did."""

    ADDED = "added"  # a new version of its input key
    UPDATED = "updated"  # the same version, re-extracted in place
    UNCHANGED = "unchanged"  # already stored by this extractor


def _keys(name: str = "keys") -> Any:
    return bindparam(name, expanding=True)


@dataclass(frozen=True, slots=True)
class Statements:
    """The statements a group runs, built once a run with their parameters left open.

    Built anew with values inside (``insert(...).values(...)``), a statement costs SQLAlchemy a coercion
    of every value and a new cache key: Python in the writing thread. Built once, each is compiled once.
    """

    lock: Any  # PostgreSQL's advisory lock on an input key
    raw: Any  # INSERT INTO raw ... ON CONFLICT DO NOTHING
    raw_ids: Any  # the ids of raw rows by key
    versions: Any  # the stored versions of input keys
    document: Any  # INSERT INTO documents
    document_ids: Any  # the ids of documents by key and version
    update_document: Any  # UPDATE documents ... WHERE id = :document
    current: Any  # UPDATE documents SET current = :current WHERE id IN (...)
    delete_children: tuple[Any, ...]  # DELETE FROM <child> WHERE document_id IN (...), in CHILDREN's order
    sources: Any  # INSERT INTO sources ... ON CONFLICT DO NOTHING
    source_ids: Any  # the ids of sources by key

    @classmethod
    def build(cls, connection: Connection) -> Statements:
        version_columns = (documents.c.id, documents.c.input, documents.c.version, documents.c.current)
        return cls(
            lock=select(func.pg_advisory_xact_lock(DOCUMENT_LOCK_CLASS, func.hashtext(bindparam("key")))),
            raw=insert(connection, raw).on_conflict_do_nothing(index_elements=["key", "sha256"]),
            raw_ids=select(raw.c.key, raw.c.sha256, raw.c.id).where(raw.c.key.in_(_keys())),
            versions=select(*version_columns, documents.c.raw_id, documents.c.extractor, documents.c.run_id).where(
                documents.c.input.in_(_keys())
            ),
            document=documents.insert(),
            document_ids=select(*version_columns).where(documents.c.input.in_(_keys())),
            update_document=update(documents).where(documents.c.id == bindparam("document")),
            current=update(documents).where(documents.c.id.in_(_keys("ids"))).values(current=bindparam("current")),
            delete_children=tuple(delete(t).where(t.c.document_id.in_(_keys("ids"))) for t in CHILDREN),
            sources=insert(connection, sources).on_conflict_do_nothing(index_elements=["key"]),
            source_ids=select(sources.c.key, sources.c.id).where(sources.c.key.in_(_keys())),
        )


@dataclass(slots=True)
class SourceIds:
    """Source ids by key: those committed during the run, and those of the transaction under way.

    Sources are never deleted, so the ids of those already committed are kept
    for the run (most documents name sources stored before); ids found in a
    transaction join them only once it commits.
    """

    committed: dict[str, int] = field(default_factory=dict)
    pending: dict[str, int] = field(default_factory=dict)

    def commit(self) -> None:
        self.committed.update(self.pending)
        self.pending.clear()

    def discard(self) -> None:
        self.pending.clear()

    def ids(self, connection: Connection, statements: Statements, parties: dict[str, Any]) -> dict[str, int]:
        """The ids of ``parties`` (source keys to ``Party``), stored first when new."""
        found = {key: self.committed[key] for key in parties if key in self.committed}
        missing = [key for key in parties if key not in found]
        if missing:
            connection.execute(statements.sources, [rows.source_row(parties[key]) for key in missing])
            new = dict(connection.execute(statements.source_ids, {"keys": missing}).all())
            self.pending.update(new)
            found |= new
        return found


@dataclass(frozen=True, slots=True)
class Writer:
    """What a run's writes need to know: its statements, extractor and id, and which stored documents are stale."""

    statements: Statements
    extractor: str
    run_id: int
    postgres: bool
    stale: Callable[[Any], bool]  # whether a stored document (a row of ``versions``) must be extracted again
    sources: SourceIds = field(default_factory=SourceIds)


def write_group(connection: Connection, writer: Writer, items: Sequence[ToStore]) -> list[Status]:
    """Store the documents inside the caller's transaction; what each one's storing did, in order.

    A key met twice in the group starts a new part, written after the first: its versions must include the
    one just written.
    """
    statuses: list[Status] = []
    for part in _distinct_keys(items):
        statuses += _write_part(connection, writer, part)
    return statuses


def _distinct_keys(items: Sequence[ToStore]) -> Iterator[list[ToStore]]:
    part: list[ToStore] = []
    keys: set[str] = set()
    for item in items:
        if item[0].key in keys:
            yield part
            part, keys = [], set()
        part.append(item)
        keys.add(item[0].key)
    if part:
        yield part


@dataclass(slots=True)
class _Plan:
    """What a part's documents need, decided from the versions stored under their keys."""

    statuses: list[Status] = field(default_factory=list)
    not_current: list[int] = field(default_factory=list)  # documents that stop being current
    made_current: list[int] = field(default_factory=list)  # unchanged documents current again
    updated: list[tuple[int, dict[str, Any], Document]] = field(default_factory=list)  # id, columns, document
    added: list[tuple[str, int, dict[str, Any], Document]] = field(default_factory=list)  # key, version, ...


def _write_part(connection: Connection, writer: Writer, items: list[ToStore]) -> list[Status]:
    statements = writer.statements
    keys = [item[0].key for item in items]
    # Locks and shared rows (blobs, sources) are taken in key order, so that two writers cannot deadlock.
    if writer.postgres:
        for key in sorted(keys):
            connection.execute(statements.lock, {"key": key})
    data_shas = [hashlib.sha256(item[0].data).hexdigest() for item in items]
    blobs = sorted(zip(data_shas, (item[0].data for item in items), strict=True), key=lambda blob: blob[0])
    put_blobs(connection, dict(blobs))
    connection.execute(statements.raw, [_raw_row(item, sha) for item, sha in zip(items, data_shas, strict=True)])
    raw_ids = {(row.key, row.sha256): row.id for row in connection.execute(statements.raw_ids, {"keys": keys})}
    # Read again under the lock: another writer may have stored some of them since the plan.
    versions: dict[str, list[Any]] = defaultdict(list)
    for row in connection.execute(statements.versions, {"keys": keys}):
        versions[row.input].append(row)
    plan = _plan(writer, items, raw_ids, versions)
    if plan.not_current:  # before any is made current: at most one version of a key is
        connection.execute(statements.current, {"ids": plan.not_current, "current": False})
    if plan.made_current:
        connection.execute(statements.current, {"ids": plan.made_current, "current": True})
    written = _write_documents(connection, statements, plan)
    if written:
        _write_children(connection, writer, written)
    return plan.statuses


def _raw_row(item: ToStore, data_sha: str) -> dict[str, Any]:
    document, sha, source, input_id, _ = item
    return {
        "key": document.key,
        "sha256": sha,
        "source": source,
        "input_id": input_id,
        "data_sha256": data_sha,
        "media_type": document.media_type,
        "encoding": document.encoding,
        "hints": rows.dumps(document.hints.to_dict()),
        "guess_title": document.guess_title,
    }


def _plan(
    writer: Writer, items: list[ToStore], raw_ids: dict[tuple[str, str], int], versions: dict[str, list[Any]]
) -> _Plan:
    plan = _Plan()
    for item, sha, _, _, document in items:
        raw_id = raw_ids[(item.key, sha)]
        stored = versions[item.key]
        existing = next((row for row in stored if row.raw_id == raw_id), None)
        keep = existing.id if existing is not None else None
        others = [row.id for row in stored if row.current and row.id != keep]
        if existing is not None and not writer.stale(existing):
            if not existing.current:  # stored before, and current again
                plan.not_current += others
                plan.made_current.append(existing.id)
            plan.statuses.append(Status.UNCHANGED)
            continue
        plan.not_current += others
        columns = rows.metadata_columns(document) | {"extractor": writer.extractor, "run_id": writer.run_id}
        columns["current"] = True
        if existing is not None:
            plan.updated.append((existing.id, columns, document))
            plan.statuses.append(Status.UPDATED)
        else:
            version = max((row.version for row in stored), default=0) + 1
            plan.added.append((item.key, version, columns | {"raw_id": raw_id}, document))
            plan.statuses.append(Status.ADDED)
    return plan


def _write_documents(connection: Connection, statements: Statements, plan: _Plan) -> list[tuple[int, Document]]:
    """Update the re-extracted documents in place (their child rows deleted) and insert the new ones.

    Returns the written documents with their ids: those updated, then those added.
    """
    now = datetime.now(UTC)
    written: list[tuple[int, Document]] = []
    if plan.updated:
        updated = [document_id for document_id, _, _ in plan.updated]
        for statement in statements.delete_children:
            connection.execute(statement, {"ids": updated})
        connection.execute(
            statements.update_document,
            [columns | {"document": document_id, "updated_at": now} for document_id, columns, _ in plan.updated],
        )
        written += [(document_id, document) for document_id, _, document in plan.updated]
    if plan.added:
        connection.execute(
            statements.document,
            [
                columns | {"input": key, "version": version, "created_at": now, "updated_at": now}
                for key, version, columns, _ in plan.added
            ],
        )
        keys = [key for key, _, _, _ in plan.added]
        found = connection.execute(statements.document_ids, {"keys": keys})
        added = {(row.input, row.version): row.id for row in found}
        written += [(added[(key, version)], document) for key, version, _, document in plan.added]
    return written


def _write_children(connection: Connection, writer: Writer, written: list[tuple[int, Document]]) -> None:
    """The documents' child rows, one statement a table for them all."""
    parties: dict[str, Any] = {}
    for _, document in written:
        parties |= rows.parties(document)
    source_ids = writer.sources.ids(connection, writer.statements, dict(sorted(parties.items())))
    children = [rows.child_rows(document_id, document, source_ids) for document_id, document in written]
    for table in INSERT_ORDER:
        values = [row for child in children for row in getattr(child, table.name)]
        if values:
            bulk_insert(connection, table, values)


__all__ = ["CHILDREN", "DOCUMENT_LOCK_CLASS", "Statements", "Status", "ToStore", "Writer", "write_group"]
