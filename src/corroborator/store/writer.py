"""Ingest and reprocess: documents into the store, once each, one transaction per document.

The order of work for each input (a file, a URL, standard input):

1. read its bytes and hash them, before any parsing; if the source's current
   bytes have this hash and were stored by this extractor, the input is
   unchanged and nothing else happens (a re-run costs a read and a query);
2. keep the bytes once (``blobs``, zlib) with how to split them again (``inputs``);
3. split them into raw documents (a feed's items, an export's messages) and hash
   each with its reader's hints; an item already stored under its key with the
   same hash and extractor is unchanged;
4. clean and extract the rest (in batches through spaCy, loaded only when a
   document needs it), then store each in its own transaction: its raw bytes,
   a new version of its input key (the old ones kept) or, when only the
   extractor changed, the same version re-extracted in place.

Uniqueness is the database's: ``ON CONFLICT DO NOTHING`` on blobs, inputs, raw
and sources, and unique (input, version) and (input, raw) on documents. On
PostgreSQL a transaction-scoped advisory lock on the input key orders two
writers that reach the same document; on SQLite the write lock does. A process
killed at any point leaves whole documents only, and a re-run finishes the rest.

``reprocess`` runs the same steps from the stored bytes: it splits every
current input again, then re-extracts any current document left with an older
extractor, without fetching anything.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import socket
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, or_, select, update
from sqlalchemy.exc import DataError, IntegrityError

from ..clean import clean
from ..errors import SkipInput
from ..ingest import list_inputs, read_blob
from ..ingest.files import gunzip, is_gzip, read_bytes, shown, strip_gz_suffix
from ..ingest.web import fetch, is_url
from ..records import Document, Metadata, RawDocument, Skipped
from ..settings import Settings
from . import rows
from .database import Store
from .engine import writing
from .identity import extractor_version, raw_hash
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

#: The reason code of a document the database refused (a value it cannot hold);
#: the document is skipped and recorded like any bad input, and the run goes on.
STORE_FAILED = "store-failed"

#: Documents handed to spaCy at once, as in ``extract``; bigger batches gain little.
BATCH_SIZE = 32

#: Steps waiting for the writing thread: a few batches, so extraction never waits
#: on a commit and memory stays bounded.
QUEUE_SIZE = 2 * BATCH_SIZE

#: Inputs and documents read back per query when reprocessing (bounded memory).
PAGE_SIZE = 200

#: First key of PostgreSQL's two-key advisory locks taken on an input key while
#: its document is written (the second key is the key's hash).
DOCUMENT_LOCK_CLASS = 0x636F72

# What a run reports.


@dataclass(frozen=True, slots=True)
class InputDone:
    """Progress: one input (file, URL, stored input) is finished; ``unchanged`` when its bytes were known."""

    source: str
    unchanged: bool


@dataclass(frozen=True, slots=True)
class Stored:
    """Progress: one document's outcome: ``added`` (a new version), ``updated`` (re-extracted) or ``unchanged``."""

    input: str
    status: str


Event = InputDone | Stored | Skipped


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


# The steps of the work stream, in order; extraction fills the pending documents in batches.


@dataclass(slots=True)
class _Blob:
    source: str  # where to read it (a path keeps its undecodable bytes)
    name: str  # the input key that items extend
    data: bytes
    media_type: str | None = None
    charset: str | None = None
    url: str | None = None


@dataclass(slots=True)
class _Input:
    """An input whose bytes are to be stored; the writer fills in its row id before its documents come."""

    blob: _Blob | None
    source: str
    sha256: str | None
    id: int | None = None


@dataclass(slots=True)
class _Pending:
    raw: RawDocument
    sha256: str
    input: _Input
    document: Document


@dataclass(slots=True)
class _MakeCurrent:
    document_id: int
    input: str


@dataclass(slots=True)
class _Unchanged:
    input: str


@dataclass(slots=True)
class _Skip:
    skipped: Skipped


@dataclass(slots=True)
class _Done:
    input: _Input
    unchanged: bool


_Step = _Input | _Pending | _MakeCurrent | _Unchanged | _Skip | _Done


def _skip(error: SkipInput) -> _Skip:
    return _Skip(Skipped(input=error.input, reason=str(error.reason), message=error.message))


def _now() -> datetime:
    return datetime.now(UTC)


def ingest(
    store: Store,
    sources: Iterable[str],
    *,
    settings: Settings | None = None,
    nlp: Any = None,
    on_event: Callable[[Event], None] | None = None,
) -> RunSummary:
    """Read, clean, extract and store every document of ``sources`` (files, folders, URLs, ``-``).

    ``nlp`` is a loaded pipeline (``analyze.load_pipeline``); by default the
    settings' model is loaded when the first document needs extracting.
    ``on_event`` hears of each finished input, stored document and skipped input.
    """
    sources = list(sources)
    with _Run(store, "ingest", settings, nlp, on_event, given=sources) as run:
        run.consume(run.plan_sources(sources))
    return run.summary


def reprocess(
    store: Store,
    *,
    settings: Settings | None = None,
    nlp: Any = None,
    force: bool = False,
    on_event: Callable[[Event], None] | None = None,
) -> RunSummary:
    """Clean and extract again, from the stored bytes, whatever an older extractor stored.

    Every current input is split again (a reader that changed may split it
    differently: new content is a new version); then every current document
    still stored by another extractor is re-extracted in place. With ``force``,
    everything is, whatever its extractor.
    """
    with _Run(store, "reprocess", settings, nlp, on_event, force=force) as run:
        run.consume(run.plan_stored_inputs())
        run.consume(run.plan_stale_documents())
    return run.summary


class _Run:
    """One ingest or reprocess run: its row in ``runs``, its connections, and the work stream's steps."""

    def __init__(
        self,
        store: Store,
        command: str,
        settings: Settings | None,
        nlp: Any,
        on_event: Callable[[Event], None] | None,
        *,
        given: list[str] | None = None,
        force: bool = False,
    ) -> None:
        self.store = store
        self.command = command
        self.settings = settings or Settings.from_env()
        self.extractor = extractor_version(self.settings.model)
        self.nlp = nlp
        self.on_event = on_event or (lambda event: None)
        self.given = [shown(s) for s in given or []]
        self.force = force
        self.postgres = store.dialect == "postgresql"

    def __enter__(self) -> _Run:
        engine = self.store.engine
        self.read = engine.connect()
        self.write = writing(engine.connect())
        with self.write.begin():
            self.run_id = self.write.execute(
                runs.insert()
                .values(
                    command=self.command,
                    extractor=self.extractor,
                    sources=rows.dumps(self.given),
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
        self.summary = RunSummary(run_id=self.run_id)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        status = "done" if kind is None else "interrupted" if issubclass(kind, KeyboardInterrupt) else "failed"
        try:
            for connection in (self.read, self.write):
                if connection.in_transaction():
                    connection.rollback()
            with self.write.begin():
                self.write.execute(
                    runs.update()
                    .where(runs.c.id == self.run_id)
                    .values(
                        status=status,
                        finished_at=_now(),
                        inputs=self.summary.inputs,
                        inputs_unchanged=self.summary.inputs_unchanged,
                        documents_added=self.summary.added,
                        documents_updated=self.summary.updated,
                        documents_unchanged=self.summary.unchanged,
                        skipped=len(self.summary.skipped),
                    )
                )
        except Exception:  # the run's own error matters more than its bookkeeping
            if kind is None:
                raise
            log.exception("could not record the end of run %s", self.run_id)
        finally:
            self.read.close()
            self.write.close()

    # Planning: what each input and item needs, decided from hashes before any parsing.

    def plan_sources(self, given: list[str]) -> Iterator[_Step]:
        for item in list_inputs(given):
            if isinstance(item, SkipInput):
                yield _skip(item)
                yield _Done(_Input(None, item.input, None), unchanged=False)
                continue
            self.summary.inputs += 1
            try:
                blob = _read(item, self.settings)
            except SkipInput as error:
                yield _skip(error)
                yield _Done(_Input(None, shown(item), None), unchanged=False)
                continue
            yield from self.plan_blob(blob)

    def plan_blob(self, blob: _Blob) -> Iterator[_Step]:
        sha = hashlib.sha256(blob.data).hexdigest()
        source = shown(blob.source)
        with self.read.begin():
            known = self.read.execute(
                select(inputs.c.id, inputs.c.current, inputs.c.extractor).where(
                    inputs.c.source == source, inputs.c.sha256 == sha
                )
            ).first()
        if known is not None and known.current and known.extractor == self.extractor and not self.force:
            self.summary.inputs_unchanged += 1
            yield _Done(_Input(None, source, sha, known.id), unchanged=True)
            return
        stored = _Input(blob, source, sha)
        yield stored
        try:
            for item in read_blob(blob.source, blob.name, blob.data, blob.media_type, blob.charset, url=blob.url):
                if isinstance(item, SkipInput):
                    yield _skip(item)
                else:
                    yield from self.plan_raw(item, stored)
        except SkipInput as error:
            yield _skip(error)
        yield _Done(stored, unchanged=False)

    def plan_raw(self, item: RawDocument, container: _Input) -> Iterator[_Step]:
        sha = raw_hash(item)
        with self.read.begin():
            found = self.read.execute(
                select(documents.c.id, documents.c.current, documents.c.extractor, documents.c.run_id)
                .join(raw, raw.c.id == documents.c.raw_id)
                .where(raw.c.key == item.key, raw.c.sha256 == sha)
            ).first()
        if found is not None and not self._stale(found):
            yield _Unchanged(item.key) if found.current else _MakeCurrent(found.id, item.key)
            return
        try:
            document = clean(item)
        except SkipInput as error:
            yield _skip(error)
            return
        yield _Pending(item, sha, container, document)

    def plan_stored_inputs(self) -> Iterator[_Step]:
        """Every current input's stored bytes, split again."""
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
                self.summary.inputs += 1
                data = self._blob(row.sha256)
                yield from self.plan_blob(_Blob(row.source, row.name, data, row.media_type, row.charset, row.url))

    def plan_stale_documents(self) -> Iterator[_Step]:
        """Current documents that splitting the inputs again did not reach, rebuilt from their raw rows."""
        stale = documents.c.extractor != self.extractor
        if self.force:
            stale = or_(stale, documents.c.run_id != self.run_id)
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
                yield from self.plan_raw(item, _Input(None, row.source, None, row.input_id))

    def _blob(self, sha: str) -> bytes:
        """Stored bytes, one blob at a time: a page of containers could weigh gigabytes."""
        with self.read.begin():
            return get_blob(self.read, sha)

    def _stale(self, found: Any) -> bool:
        """Whether a stored document must be extracted again by this run."""
        return found.extractor != self.extractor or (self.force and found.run_id != self.run_id)

    # Doing: extraction in batches, then one transaction per document.

    def consume(self, steps: Iterable[_Step]) -> None:
        """Extract in this thread and write in another: the database's waits overlap spaCy's work."""
        with _Writer(self.apply) as writer:
            for step in self._extracted(steps):
                writer.put(step)

    def apply(self, step: _Step) -> None:
        """Write one step (in the writing thread, in stream order)."""
        if isinstance(step, _Pending):
            self._store(step)
        elif isinstance(step, _Input):
            step.id = self._store_input(step)
        elif isinstance(step, _MakeCurrent):
            with self.write.begin():
                self._make_current(self.write, step.document_id, step.input)
            self.summary.unchanged += 1
            self.on_event(Stored(step.input, "unchanged"))
        elif isinstance(step, _Unchanged):
            self.summary.unchanged += 1
            self.on_event(Stored(step.input, "unchanged"))
        elif isinstance(step, _Skip):
            self._record_skip(step.skipped)
        else:
            self._finish_input(step)

    def _extracted(self, steps: Iterable[_Step]) -> Iterator[_Step]:
        """The steps in order, each pending document filled with entities, claims and figures."""
        stream = iter(steps)
        while batch := list(islice(stream, BATCH_SIZE)):
            pending = [step for step in batch if isinstance(step, _Pending)]
            if pending:
                from ..extract import annotate  # spaCy loads only when a document needs it

                for step, document in zip(pending, annotate((p.document for p in pending), self._nlp()), strict=True):
                    step.document = document
            yield from batch

    def _nlp(self) -> Any:
        if self.nlp is None:
            from ..analyze import load_pipeline

            self.nlp = load_pipeline(self.settings.model)
        return self.nlp

    def _store_input(self, step: _Input) -> int:
        assert step.blob is not None and step.sha256 is not None
        with self.write.begin():
            put_blob(self.write, step.sha256, step.blob.data)
            self.write.execute(
                insert(self.write, inputs)
                .values(
                    source=step.source,
                    name=step.blob.name,
                    sha256=step.sha256,
                    media_type=step.blob.media_type,
                    charset=step.blob.charset,
                    url=step.blob.url,
                    current=False,
                    run_id=self.run_id,
                    read_at=_now(),
                )
                .on_conflict_do_nothing(index_elements=["source", "sha256"])
            )
            return self.write.execute(
                select(inputs.c.id).where(inputs.c.source == step.source, inputs.c.sha256 == step.sha256)
            ).scalar_one()

    def _finish_input(self, step: _Done) -> None:
        stored = step.input
        if stored.id is not None and not step.unchanged:
            with self.write.begin():
                self.write.execute(
                    update(inputs)
                    .where(inputs.c.source == stored.source, inputs.c.current, inputs.c.id != stored.id)
                    .values(current=False)
                )
                self.write.execute(
                    update(inputs).where(inputs.c.id == stored.id).values(current=True, extractor=self.extractor)
                )
        self.on_event(InputDone(stored.source, step.unchanged))

    def _record_skip(self, item: Skipped) -> None:
        with self.write.begin():
            self.write.execute(
                skipped.insert().values(run_id=self.run_id, input=item.input, reason=item.reason, message=item.message)
            )
        self.summary.skipped.append(item)
        log.info("skipped %s: %s", item.input, item.message)
        self.on_event(item)

    def _store(self, step: _Pending) -> None:
        try:
            with self.write.begin():
                status = self._write_document(self.write, step)
        except (DataError, IntegrityError) as error:  # a value this engine cannot hold: that document only
            reason = error.orig or error
            self._record_skip(
                Skipped(step.raw.key, STORE_FAILED, f"the database refused the document: {str(reason).splitlines()[0]}")
            )
            return
        if status == "added":
            self.summary.added += 1
        elif status == "updated":
            self.summary.updated += 1
        else:
            self.summary.unchanged += 1
        if status != "unchanged":
            self.summary.claims += len(step.document.claims)
            self.summary.figures += len(step.document.figures)
        self.on_event(Stored(step.raw.key, status))

    def _write_document(self, connection: Connection, step: _Pending) -> str:
        """Store one document inside the caller's transaction; returns added, updated or unchanged."""
        item, document = step.raw, step.document
        if self.postgres:
            connection.execute(
                select(func.pg_advisory_xact_lock(DOCUMENT_LOCK_CLASS, func.hashtext(bindparam("key")))),
                {"key": item.key},
            )
        data_sha = hashlib.sha256(item.data).hexdigest()
        put_blob(connection, data_sha, item.data)
        connection.execute(
            insert(connection, raw)
            .values(
                key=item.key,
                sha256=step.sha256,
                source=shown(item.source),
                input_id=step.input.id,
                data_sha256=data_sha,
                media_type=item.media_type,
                encoding=item.encoding,
                hints=rows.dumps(item.hints.to_dict()),
                guess_title=item.guess_title,
            )
            .on_conflict_do_nothing(index_elements=["key", "sha256"])
        )
        raw_id = connection.execute(
            select(raw.c.id).where(raw.c.key == item.key, raw.c.sha256 == step.sha256)
        ).scalar_one()
        # Checked again under the lock: another writer may have stored it since the plan.
        existing = connection.execute(
            select(documents.c.id, documents.c.current, documents.c.extractor, documents.c.run_id).where(
                documents.c.input == item.key, documents.c.raw_id == raw_id
            )
        ).first()
        now = _now()
        columns = rows.metadata_columns(document) | {"extractor": self.extractor, "run_id": self.run_id}
        if existing is not None and not self._stale(existing):
            if not existing.current:
                self._make_current(connection, existing.id, item.key)
            return "unchanged"
        if existing is not None:
            document_id = existing.id
            for table in _CHILDREN:
                connection.execute(delete(table).where(table.c.document_id == document_id))
            connection.execute(update(documents).where(documents.c.id == document_id).values(**columns, updated_at=now))
            status = "updated"
        else:
            version = connection.execute(
                select(func.coalesce(func.max(documents.c.version), 0) + 1).where(documents.c.input == item.key)
            ).scalar_one()
            document_id = connection.execute(
                documents.insert()
                .values(
                    **columns,
                    input=item.key,
                    version=version,
                    current=False,
                    raw_id=raw_id,
                    created_at=now,
                    updated_at=now,
                )
                .returning(documents.c.id)
            ).scalar_one()
            status = "added"
        self._make_current(connection, document_id, item.key)
        children = rows.child_rows(document_id, document, self._source_ids(connection, document))
        for table in _INSERT_ORDER:
            values = getattr(children, table.name)
            if values:
                bulk_insert(connection, table, values)
        return status

    def _make_current(self, connection: Connection, document_id: int, key: str) -> None:
        connection.execute(
            update(documents)
            .where(documents.c.input == key, documents.c.current, documents.c.id != document_id)
            .values(current=False)
        )
        connection.execute(
            update(documents).where(documents.c.id == document_id, ~documents.c.current).values(current=True)
        )

    def _source_ids(self, connection: Connection, document: Document) -> dict[str, int]:
        parties = rows.parties(document)
        if not parties:
            return {}
        connection.execute(
            insert(connection, sources).on_conflict_do_nothing(index_elements=["key"]),
            [rows.source_row(party) for party in parties.values()],
        )
        found = connection.execute(select(sources.c.key, sources.c.id).where(sources.c.key.in_(list(parties))))
        return {key: source_id for key, source_id in found}


class _Writer:
    """A thread that applies steps in order, fed through a bounded queue.

    An error in the thread stops the producer at its next ``put`` and is raised
    there; an error in the producer lets the thread finish what is queued (whole
    documents, each in its own transaction) before it is raised.
    """

    _STOP = object()

    def __init__(self, apply: Callable[[Any], None]) -> None:
        self.apply = apply
        self.queue: queue.Queue[Any] = queue.Queue(maxsize=QUEUE_SIZE)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._work, name="corroborator-store-writer", daemon=True)

    def __enter__(self) -> _Writer:
        self.thread.start()
        return self

    def put(self, step: Any) -> None:
        while True:
            self._raise()
            try:
                self.queue.put(step, timeout=0.1)
                return
            except queue.Full:
                continue

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        while self.thread.is_alive():
            try:
                self.queue.put(self._STOP, timeout=0.1)
                break
            except queue.Full:
                continue
        self.thread.join()
        if kind is None:
            self._raise()

    def _raise(self) -> None:
        if self.error is not None:
            raise self.error

    def _work(self) -> None:
        while (step := self.queue.get()) is not self._STOP:
            try:
                self.apply(step)
            except BaseException as error:  # handed to the producer, which raises it
                self.error = error
                return


#: A document's rows, deleted before it is re-extracted (children before parents).
_CHILDREN: tuple[Table, ...] = (search, claim_via, mentions, claims, figures, entities, removed_lines)
#: ... and inserted (parents before children).
_INSERT_ORDER: tuple[Table, ...] = (removed_lines, entities, mentions, claims, claim_via, figures, search)


def _read(source: str, settings: Settings) -> _Blob:
    """The bytes of one input, as ``ingest.read_input`` reads them, before any parsing."""
    if is_url(source):
        fetched = fetch(source, settings)
        if is_gzip(fetched.data):
            data = gunzip(fetched.data, source, settings.max_input_bytes)
            return _Blob(source, strip_gz_suffix(source), data, url=fetched.url)
        return _Blob(source, source, fetched.data, fetched.content_type, fetched.charset, fetched.url)
    return _Blob(source, shown(strip_gz_suffix(source)), read_bytes(source, settings.max_input_bytes))


__all__ = ["STORE_FAILED", "Event", "InputDone", "RunSummary", "Stored", "ingest", "reprocess"]
