"""A run's reads and writes: inputs, documents and skipped inputs, each document whole or not at all.

The store is persistence only: it takes records (``RawDocument``, ``Document``,
``Skipped``) and the bytes they came from, and writes them; it neither reads
files nor cleans nor extracts (``corroborator.pipeline`` does, and calls it).

A ``Run`` is one row in ``runs`` and two connections: one that reads (the
pipeline's thread asks whether an input or a document is already stored) and
one that writes (the writing thread stores what was extracted, in stream order:
the documents that wait side by side in one transaction, one statement a table,
``batch.write_group``).

Uniqueness is the database's: ``ON CONFLICT DO NOTHING`` on blobs, inputs, raw
and sources, and unique (input, version) and (input, raw) on documents. On
PostgreSQL a transaction-scoped advisory lock on the input key orders two
writers that reach the same document; on SQLite the write lock does. A process
killed at any point leaves whole documents only, and a re-run finishes the rest.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, or_, select, update
from sqlalchemy.exc import DataError, IntegrityError

from ..errors import SkipReason
from ..records import Document, Metadata, RawDocument, Skipped
from . import rows
from .batch import Statements, Status, ToStore, Writer, write_group
from .database import Store
from .engine import writing
from .runs import mark_abandoned
from .schema import (
    documents,
    inputs,
    raw,
    runs,
    skipped,
)
from .sql import get_blob, insert, put_blob

log = logging.getLogger(__name__)

#: Inputs and documents read back per query when reprocessing (bounded memory).
PAGE_SIZE = 200


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

    def __enter__(self) -> Run:
        engine = self.store.engine
        self.read = engine.connect()
        self.write = writing(engine.connect())
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
        self._writer = Writer(Statements.build(self.write), self.extractor, self.id, self.postgres, self._stale)
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

    def store_documents(self, items: Sequence[ToStore]) -> list[Status | Skipped]:
        """Store documents, each with its raw bytes, in one transaction, one statement a table (``batch``).

        One commit for them all: SQLite's commit waits for the disk. When the database refuses one of
        them, the group is rolled back and written again a document at a time, each in a savepoint of
        its own: the refused one is recorded as skipped, and the others are stored.
        """
        sources = self._writer.sources
        try:
            with self.write.begin():
                statuses: list[Status | Skipped] = list(write_group(self.write, self._writer, items))
        except (DataError, IntegrityError) as error:
            sources.discard()
            if len(items) > 1:
                return self._one_by_one(items)
            statuses = [self._refused(items[0][0], error)]
        sources.commit()
        self._count_all(items, statuses)
        return statuses

    def store_document(
        self, item: RawDocument, sha: str, source: str, input_id: int | None, document: Document
    ) -> Status | Skipped:
        """Store one document and its raw bytes (hash ``sha``, read from ``source``) in one transaction.

        A document the database refuses (a value this engine cannot hold) is
        recorded as skipped, and the run goes on: the ``Skipped`` is returned.
        """
        return self.store_documents([(item, sha, source, input_id, document)])[0]

    def _one_by_one(self, items: Sequence[ToStore]) -> list[Status | Skipped]:
        """Store documents in one transaction, each in its own savepoint, skipping those refused."""
        sources = self._writer.sources
        results: list[Status | Skipped] = []
        with self.write.begin():
            for item in items:
                before = dict(sources.pending)
                try:
                    with self.write.begin_nested():
                        results += write_group(self.write, self._writer, [item])
                except (DataError, IntegrityError) as error:  # that document only
                    sources.pending = before
                    results.append(_refusal(item[0], error))  # recorded once the others are committed
        sources.commit()
        for found in results:
            if isinstance(found, Skipped):
                self.record_skip(found)
        self._count_all(items, results)
        return results

    def _refused(self, item: RawDocument, error: DataError | IntegrityError) -> Skipped:
        refused = _refusal(item, error)
        self.record_skip(refused)
        return refused

    def _count_all(self, items: Sequence[ToStore], results: Sequence[Status | Skipped]) -> None:
        for (*_, document), found in zip(items, results, strict=True):
            if isinstance(found, Status):
                self._count(found, document)

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


__all__ = ["PAGE_SIZE", "Known", "Run", "RunSummary", "Status", "StoredInput"]
