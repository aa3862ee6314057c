"""A run's reads and writes: inputs, documents and skipped inputs, one transaction per document.

The store is persistence only: it takes records (``RawDocument``, ``Document``,
``Skipped``) and the bytes they came from, and writes them; it neither reads
files nor cleans nor extracts (``corroborator.pipeline`` does, and calls it).

A ``Run`` is one row in ``runs`` and two connections: one that reads (the
pipeline's thread asks whether an input or a document is already stored) and
one that writes (the writing thread stores what was extracted, in stream order).

Uniqueness is the database's: ``ON CONFLICT DO NOTHING`` on blobs, inputs, raw
and sources, and unique (input, version) and (input, raw) on documents. On
PostgreSQL a transaction-scoped advisory lock on the input key orders two
writers that reach the same document; on SQLite the write lock does. A process
killed at any point leaves whole documents only, and a re-run finishes the rest.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, or_, select, update
from sqlalchemy.exc import DataError, IntegrityError

from ..errors import SkipReason
from ..records import Document, Metadata, RawDocument, Skipped
from . import rows
from .database import Store
from .engine import writing
from .runs import mark_abandoned
from .schema import (
    claim_via,
    claims,
    documents,
    entities,
    figures,
    inputs,
    mentions,
    raw,
    removed_lines,
    runs,
    search,
    skipped,
    sources,
)
from .sql import bulk_insert, get_blob, insert, put_blob

log = logging.getLogger(__name__)

#: Inputs and documents read back per query when reprocessing (bounded memory).
PAGE_SIZE = 200

#: First key of PostgreSQL's two-key advisory locks taken on an input key while
#: its document is written (the second key is the key's hash).
DOCUMENT_LOCK_CLASS = 0x636F72


class Status(StrEnum):
    """What storing one document did."""

    ADDED = "added"  # a new version of its input key
    UPDATED = "updated"  # the same version, re-extracted in place
    UNCHANGED = "unchanged"  # already stored by this extractor


@dataclass
class RunSummary:
    """What a run did, for its summary line (the same counts are kept in the ``runs`` table)."""

    run_id: int
    inputs: int = 0
    inputs_unchanged: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0
    figures: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def stored(self) -> int:
        """Documents written by this run (new versions and re-extractions)."""
        return self.added + self.updated


@dataclass(frozen=True, slots=True)
class StoredInput:
    """An input's bytes as stored, with what is needed to split them again."""

    id: int
    source: str
    name: str
    data: bytes
    media_type: str | None
    charset: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Known:
    """A document already stored, from the same raw bytes, by this run's extractor."""

    id: int
    current: bool


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """The statements that every stored document runs, built once a run with their parameters left open.

    Built anew for each document, with its values inside (``insert(...).values(...)``), each statement
    cost SQLAlchemy a coercion of every value and a new cache key: Python in the writing thread, which
    holds the GIL that spaCy's thread needs. Built once, a statement is compiled once and each document
    passes only its parameters.
    """

    lock: Any  # PostgreSQL's advisory lock on an input key
    raw: Any  # INSERT INTO raw ... ON CONFLICT DO NOTHING RETURNING id
    raw_id: Any  # the id of a raw row stored before
    versions: Any  # the stored versions of an input key
    document: Any  # INSERT INTO documents ... RETURNING id
    sources: Any  # INSERT INTO sources ... ON CONFLICT DO NOTHING
    source_ids: Any  # the ids of sources by key

    @classmethod
    def build(cls, connection: Connection) -> _Prepared:
        version_columns = (documents.c.id, documents.c.version, documents.c.current, documents.c.raw_id)
        return cls(
            lock=select(func.pg_advisory_xact_lock(DOCUMENT_LOCK_CLASS, func.hashtext(bindparam("key")))),
            raw=insert(connection, raw).on_conflict_do_nothing(index_elements=["key", "sha256"]).returning(raw.c.id),
            raw_id=select(raw.c.id).where(raw.c.key == bindparam("key"), raw.c.sha256 == bindparam("sha")),
            versions=select(*version_columns, documents.c.extractor, documents.c.run_id).where(
                documents.c.input == bindparam("key")
            ),
            document=documents.insert().returning(documents.c.id),
            sources=insert(connection, sources).on_conflict_do_nothing(index_elements=["key"]),
            source_ids=select(sources.c.key, sources.c.id).where(sources.c.key.in_(bindparam("keys", expanding=True))),
        )


class Run:
    """One ingest or reprocess run: its row in ``runs``, its connections, its counts (``summary``).

    Use it as a context manager: entering records the run as running (and marks
    abandoned the runs of processes that died, ``runs.mark_abandoned``); leaving
    records how it ended (done, failed, interrupted) and its counts. With
    ``force``, every document this run meets is stale, whatever its extractor.
    """

    def __init__(self, store: Store, command: str, extractor: str, sources: list[str], *, force: bool = False) -> None:
        self.store = store
        self.command = command
        self.extractor = extractor
        self.sources = sources
        self.force = force
        self.postgres = store.dialect == "postgresql"
        self._sources: dict[str, int] = {}  # source key -> id, for sources committed during the run
        self._pending_sources: dict[str, int] = {}  # ... and for those of the transaction under way

    def __enter__(self) -> Run:
        engine = self.store.engine
        self.read = engine.connect()
        self.write = writing(engine.connect())
        self._prepared = _Prepared.build(self.write)
        with self.write.begin():
            mark_abandoned(self.write)  # runs left "running" by a process that died (store/runs.py)
            self.id: int = self.write.execute(
                runs.insert()
                .values(
                    command=self.command,
                    extractor=self.extractor,
                    sources=rows.dumps(self.sources),
                    status="running",
                    started_at=_now(),
                    inputs=0,
                    inputs_unchanged=0,
                    documents_added=0,
                    documents_updated=0,
                    documents_unchanged=0,
                    skipped=0,
                    host=socket.gethostname(),
                    pid=os.getpid(),
                )
                .returning(runs.c.id)
            ).scalar_one()
        self.summary = RunSummary(run_id=self.id)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        status = "done" if kind is None else "interrupted" if issubclass(kind, KeyboardInterrupt) else "failed"
        summary = self.summary
        try:
            for connection in (self.read, self.write):
                if connection.in_transaction():
                    connection.rollback()
            with self.write.begin():
                self.write.execute(
                    runs.update()
                    .where(runs.c.id == self.id)
                    .values(
                        status=status,
                        finished_at=_now(),
                        inputs=summary.inputs,
                        inputs_unchanged=summary.inputs_unchanged,
                        documents_added=summary.added,
                        documents_updated=summary.updated,
                        documents_unchanged=summary.unchanged,
                        skipped=len(summary.skipped),
                    )
                )
        except Exception:  # the run's own error matters more than its bookkeeping
            if kind is None:
                raise
            log.exception("could not record the end of run %s", self.id)
        finally:
            self.read.close()
            self.write.close()

    # Reads (the reading connection): what is stored already.

    def known_input(self, source: str, sha: str) -> int | None:
        """The id of the input ``source`` when its current bytes have hash ``sha`` and this extractor stored them."""
        with self.read.begin():
            known = self.read.execute(
                select(inputs.c.id, inputs.c.current, inputs.c.extractor).where(
                    inputs.c.source == source, inputs.c.sha256 == sha
                )
            ).first()
        if known is not None and known.current and known.extractor == self.extractor and not self.force:
            return int(known.id)
        return None

    def known_documents(self, items: list[tuple[str, str]]) -> dict[tuple[str, str], Known]:
        """Of the (key, hash) pairs, those stored already that this run need not extract again (one query)."""
        if not items:
            return {}
        wanted = set(items)
        with self.read.begin():
            found = self.read.execute(
                select(raw.c.key, raw.c.sha256, documents.c.id, documents.c.current, documents.c.extractor)
                .add_columns(documents.c.run_id)
                .join(raw, raw.c.id == documents.c.raw_id)
                .where(raw.c.key.in_(list({key for key, _ in items})))
            ).all()
        return {
            (row.key, row.sha256): Known(row.id, bool(row.current))
            for row in found
            if (row.key, row.sha256) in wanted and not self._stale(row)
        }

    def stored_inputs(self) -> Iterator[StoredInput]:
        """Every current input, with its stored bytes, a page of rows at a time."""
        last = 0
        while True:
            with self.read.begin():
                page = self.read.execute(
                    select(inputs).where(inputs.c.current, inputs.c.id > last).order_by(inputs.c.id).limit(PAGE_SIZE)
                ).all()
            if not page:
                return
            for row in page:
                last = row.id
                data = self._blob(row.sha256)
                yield StoredInput(row.id, row.source, row.name, data, row.media_type, row.charset, row.url)

    def stale_documents(self) -> Iterator[tuple[RawDocument, int]]:
        """Current documents stored by another extractor (with ``force``: by another run), as their raw
        documents and the id of the input they came from."""
        stale = documents.c.extractor != self.extractor
        if self.force:
            stale = or_(stale, documents.c.run_id != self.id)
        last = 0
        while True:
            with self.read.begin():
                page = self.read.execute(
                    select(documents.c.id.label("document_id"), raw)
                    .join(raw, raw.c.id == documents.c.raw_id)
                    .where(documents.c.current, stale, documents.c.id > last)
                    .order_by(documents.c.id)
                    .limit(PAGE_SIZE)
                ).all()
            if not page:
                return
            for row in page:
                last = row.document_id
                item = RawDocument(
                    source=row.source,
                    key=row.key,
                    data=self._blob(row.data_sha256),
                    media_type=row.media_type,
                    hints=Metadata.from_dict(json.loads(row.hints)),
                    encoding=row.encoding,
                    guess_title=bool(row.guess_title),
                )
                yield item, row.input_id

    def _blob(self, sha: str) -> bytes:
        """Stored bytes, one blob at a time: a page of containers could weigh gigabytes."""
        with self.read.begin():
            return get_blob(self.read, sha)

    def _stale(self, found: Any) -> bool:
        """Whether a stored document must be extracted again by this run."""
        return bool(found.extractor != self.extractor or (self.force and found.run_id != self.id))

    # Writes (the writing connection), each in its own transaction.

    def put_input(
        self,
        source: str,
        name: str,
        sha: str,
        data: bytes,
        *,
        media_type: str | None = None,
        charset: str | None = None,
        url: str | None = None,
    ) -> int:
        """Keep an input's bytes (not current until ``finish_input``); returns its id."""
        with self.write.begin():
            put_blob(self.write, sha, data)
            self.write.execute(
                insert(self.write, inputs)
                .values(
                    source=source,
                    name=name,
                    sha256=sha,
                    media_type=media_type,
                    charset=charset,
                    url=url,
                    current=False,
                    run_id=self.id,
                    read_at=_now(),
                )
                .on_conflict_do_nothing(index_elements=["source", "sha256"])
            )
            found: int = self.write.execute(
                select(inputs.c.id).where(inputs.c.source == source, inputs.c.sha256 == sha)
            ).scalar_one()
            return found

    def finish_input(self, input_id: int, source: str) -> None:
        """Make the input ``input_id`` its source's current one, stored by this run's extractor."""
        with self.write.begin():
            self.write.execute(
                update(inputs)
                .where(inputs.c.source == source, inputs.c.current, inputs.c.id != input_id)
                .values(current=False)
            )
            self.write.execute(
                update(inputs).where(inputs.c.id == input_id).values(current=True, extractor=self.extractor)
            )

    def make_current(self, document_id: int, key: str) -> None:
        """Make a stored document its input key's current version again."""
        with self.write.begin():
            _make_current(self.write, document_id, key)

    def record_skip(self, item: Skipped) -> None:
        """Keep a skipped input, with its reason, under this run."""
        with self.write.begin():
            self.write.execute(
                skipped.insert().values(run_id=self.id, input=item.input, reason=item.reason, message=item.message)
            )
        self.summary.skipped.append(item)
        log.info("skipped %s: %s", item.input, item.message)

    def store_documents(
        self, items: Sequence[tuple[RawDocument, str, str, int | None, Document]]
    ) -> list[Status | Skipped]:
        """Store documents (each as ``store_document`` takes it) in one transaction, each in a savepoint.

        One commit for them all: SQLite's commit waits for the disk. A document the database refuses is
        rolled back to its savepoint and recorded as skipped once the others are committed.
        """
        if len(items) == 1:
            return [self.store_document(*items[0])]
        self._pending_sources.clear()
        results: list[Status | Skipped | None] = []
        refused: list[tuple[int, Skipped]] = []
        with self.write.begin():
            for n, (item, sha, source, input_id, document) in enumerate(items):
                before = dict(self._pending_sources)
                try:
                    with self.write.begin_nested():
                        status = self._write_document(self.write, item, sha, source, input_id, document)
                except (DataError, IntegrityError) as error:  # that document only
                    self._pending_sources = before
                    refused.append((n, _refusal(item, error)))
                    results.append(None)
                    continue
                results.append(status)
        self._sources.update(self._pending_sources)
        for n, skip in refused:
            self.record_skip(skip)
            results[n] = skip
        for (_, _, _, _, document), found in zip(items, results, strict=True):
            if isinstance(found, Status):
                self._count(found, document)
        return [found for found in results if found is not None]

    def store_document(
        self, item: RawDocument, sha: str, source: str, input_id: int | None, document: Document
    ) -> Status | Skipped:
        """Store one document and its raw bytes (hash ``sha``, read from ``source``) in one transaction.

        A document the database refuses (a value this engine cannot hold) is
        recorded as skipped, and the run goes on: the ``Skipped`` is returned.
        """
        self._pending_sources.clear()
        try:
            with self.write.begin():
                status = self._write_document(self.write, item, sha, source, input_id, document)
            self._sources.update(self._pending_sources)
        except (DataError, IntegrityError) as error:  # that document only
            refused = _refusal(item, error)
            self.record_skip(refused)
            return refused
        self._count(status, document)
        return status

    def _count(self, status: Status, document: Document) -> None:
        if status is Status.ADDED:
            self.summary.added += 1
        elif status is Status.UPDATED:
            self.summary.updated += 1
        else:
            self.summary.unchanged += 1
        if status is not Status.UNCHANGED:
            self.summary.claims += len(document.claims)
            self.summary.figures += len(document.figures)

    def _write_document(
        self, connection: Connection, item: RawDocument, sha: str, source: str, input_id: int | None, document: Document
    ) -> Status:
        """Store one document inside the caller's transaction."""
        prepared = self._prepared
        if self.postgres:
            connection.execute(prepared.lock, {"key": item.key})
        data_sha = hashlib.sha256(item.data).hexdigest()
        put_blob(connection, data_sha, item.data)
        raw_id = connection.execute(
            prepared.raw,
            {
                "key": item.key,
                "sha256": sha,
                "source": source,
                "input_id": input_id,
                "data_sha256": data_sha,
                "media_type": item.media_type,
                "encoding": item.encoding,
                "hints": rows.dumps(item.hints.to_dict()),
                "guess_title": item.guess_title,
            },
        ).scalar()
        if raw_id is None:  # stored already (by an earlier version, or another writer)
            raw_id = connection.execute(prepared.raw_id, {"key": item.key, "sha": sha}).scalar_one()
        # Checked again under the lock: another writer may have stored it since the plan.
        versions = connection.execute(prepared.versions, {"key": item.key}).all()
        existing = next((row for row in versions if row.raw_id == raw_id), None)
        if existing is not None and not self._stale(existing):
            if not existing.current:
                _make_current(connection, existing.id, item.key, versions)
            return Status.UNCHANGED
        now = _now()
        columns = rows.metadata_columns(document) | {"extractor": self.extractor, "run_id": self.id, "current": True}
        _not_current(connection, versions, keep=existing.id if existing is not None else None)
        if existing is not None:
            document_id = existing.id
            for table in _CHILDREN:
                connection.execute(delete(table).where(table.c.document_id == document_id))
            connection.execute(update(documents).where(documents.c.id == document_id).values(**columns, updated_at=now))
            status = Status.UPDATED
        else:
            version = max((row.version for row in versions), default=0) + 1
            document_id = connection.execute(
                self._prepared.document,
                columns
                | {"input": item.key, "version": version, "raw_id": raw_id, "created_at": now, "updated_at": now},
            ).scalar_one()
            status = Status.ADDED
        children = rows.child_rows(document_id, document, self._source_ids(connection, document))
        for table in _INSERT_ORDER:
            values = getattr(children, table.name)
            if values:
                bulk_insert(connection, table, values)
        return status

    def _source_ids(self, connection: Connection, document: Document) -> dict[str, int]:
        """The ids of the document's sources and relays, stored first when new.

        Sources are never deleted, so the ids of those already committed are
        kept for the run (most documents name sources stored before); ids found
        in this transaction join them only once it commits.
        """
        parties = rows.parties(document)
        ids = {key: self._sources[key] for key in parties if key in self._sources}
        if len(ids) == len(parties):
            return ids
        missing = [key for key in parties if key not in ids]
        connection.execute(self._prepared.sources, [rows.source_row(parties[key]) for key in missing])
        found = dict(connection.execute(self._prepared.source_ids, {"keys": missing}).all())
        self._pending_sources.update(found)
        return ids | found


def _refusal(item: RawDocument, error: DataError | IntegrityError) -> Skipped:
    reason = str(error.orig or error).splitlines()[0]
    return Skipped(item.key, SkipReason.STORE_FAILED, f"the database refused the document: {reason}")


def _make_current(connection: Connection, document_id: int, key: str, versions: Sequence[Any] | None = None) -> None:
    """Make ``document_id`` the current version of ``key``, and no other."""
    if versions is None:
        versions = connection.execute(select(documents.c.id, documents.c.current).where(documents.c.input == key)).all()
    _not_current(connection, versions, keep=document_id)
    connection.execute(
        update(documents).where(documents.c.id == document_id, ~documents.c.current).values(current=True)
    )


def _not_current(connection: Connection, versions: Sequence[Any], keep: int | None) -> None:
    """Mark the current one of ``versions`` (a key's documents, read by the key) as not current, unless it is ``keep``.

    The versions are read by the key alone: a statement that filtered on
    ``current`` too let SQLite pick the (current, extractor) index and scan every
    current document, so that each write took time in proportion to the store.
    """
    others = [row.id for row in versions if row.current and row.id != keep]
    if others:
        connection.execute(update(documents).where(documents.c.id.in_(others)).values(current=False))


#: A document's rows, deleted before it is re-extracted (children before parents).
_CHILDREN: tuple[Table, ...] = (search, claim_via, mentions, claims, figures, entities, removed_lines)
#: ... and inserted (parents before children).
_INSERT_ORDER: tuple[Table, ...] = (removed_lines, entities, mentions, claims, claim_via, figures, search)


__all__ = ["PAGE_SIZE", "Known", "Run", "RunSummary", "Status", "StoredInput"]
