"""Ingest and reprocess: documents into the store, once each, each whole or not at all.

The order of work for each input (a file, a URL, standard input):

1. read its bytes (``ingest.read_bytes_of``) and hash them, before any parsing;
   if the source's current bytes have this hash and were stored by this
   extractor, the input is unchanged and nothing else happens (a re-run costs
   a read and a query);
2. keep the bytes once (the store's ``blobs``) with how to split them again (``inputs``);
3. split them into raw documents (``ingest.split``: a feed's items, an export's
   messages) and hash each with its reader's hints; an item already stored under
   its key with the same hash and extractor is unchanged;
4. clean and extract the rest (in batches through spaCy, loaded only when a
   document needs it), then store each whole (with the others of its batch, in
   one transaction, ``Run.store_documents``): its raw bytes,
   a new version of its input key (the old ones kept) or, when only the
   extractor changed, the same version re-extracted in place.

Extraction runs in this thread and the writes in another (``background``), so
that the database's waits overlap spaCy's work. ``reprocess`` runs the same
steps from the stored bytes: it splits every current input again, then
re-extracts any current document left with an older extractor, without
fetching anything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from ..clean import clean
from ..errors import SkipInput
from ..ingest import Blob, list_inputs, read_bytes_of, shown, source_name, split
from ..records import Document, RawDocument, Skipped
from ..settings import Settings
from ..store import Run, RunSummary, Status, Store
from ..store.identity import extractor_version, raw_hash
from .background import InOrder
from .documents import BATCH_SIZE, in_batches
from .events import InputDone, OnEvent, Stored, ignore, skipped

if TYPE_CHECKING:
    from spacy.language import Language

#: Batches of steps waiting for the writing thread: a few, so extraction never waits
#: on a commit and memory stays bounded.
QUEUE_SIZE = 2

#: Steps the writing thread takes at once: a batch, or two when it has fallen behind. Their
#: documents are written together (``Run.store_documents``), one statement a table.
GROUP_SIZE = 2 * BATCH_SIZE

#: Raw documents of one input looked up in the store at once (a Telegram export,
#: a feed): one query for a batch of keys instead of one a message.
LOOKUP_SIZE = 2 * BATCH_SIZE


def ingest(
    store: Store,
    sources: Iterable[str],
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
    on_event: OnEvent = ignore,
    listed: Sequence[str | SkipInput] | None = None,
) -> RunSummary:
    """Read, clean, extract and store every document of ``sources`` (files, folders, URLs, ``-``).

    ``nlp`` is a loaded pipeline (``extract.load_pipeline``); by default the
    settings' model is loaded when the first document needs extracting.
    ``on_event`` hears of each finished input, stored document and skipped input.
    ``listed`` is ``list_inputs(sources)`` when the caller has listed them already.
    """
    sources = list(sources)
    settings = settings or Settings.from_env()
    with Run(store, "ingest", extractor_version(settings.model), [source_name(s) for s in sources]) as run:
        work = _Work(run, settings, nlp, on_event)
        work.consume(work.plan_sources(list_inputs(sources) if listed is None else listed))
    return run.summary


def reprocess(
    store: Store,
    *,
    settings: Settings | None = None,
    nlp: Language | None = None,
    force: bool = False,
    on_event: OnEvent = ignore,
) -> RunSummary:
    """Clean and extract again, from the stored bytes, whatever an older extractor stored.

    Every current input is split again (a reader that changed may split it
    differently: new content is a new version); then every current document
    still stored by another extractor is re-extracted in place. With ``force``,
    everything is, whatever its extractor.
    """
    settings = settings or Settings.from_env()
    with Run(store, "reprocess", extractor_version(settings.model), [], force=force) as run:
        work = _Work(run, settings, nlp, on_event)
        work.consume(work.plan_stored_inputs())
        work.consume(work.plan_stale_documents())
    return run.summary


# The steps of the work stream, in order; extraction fills the pending documents in batches.


@dataclass(slots=True)
class _Input:
    """An input; a new one's bytes are stored by the writing thread, which fills in its id before its documents."""

    source: str
    blob: Blob | None = None
    sha256: str | None = None
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
class _Done:
    input: _Input
    unchanged: bool


_Step = _Input | _Pending | _MakeCurrent | _Unchanged | Skipped | _Done


class _Work:
    """One run's stream: planned from hashes in this thread, extracted in batches, written in another."""

    def __init__(self, run: Run, settings: Settings, nlp: Language | None, on_event: OnEvent) -> None:
        self.run = run
        self.settings = settings
        self.nlp = nlp
        self.on_event = on_event

    # Planning: what each input and item needs, decided from hashes before any parsing.

    def plan_sources(self, listed: Iterable[str | SkipInput]) -> Iterator[_Step]:
        for item in listed:
            if isinstance(item, SkipInput):
                yield skipped(item)
                yield _Done(_Input(item.input), unchanged=False)
                continue
            self.run.summary.inputs += 1
            try:
                blob = read_bytes_of(item, self.settings)
            except SkipInput as error:
                yield skipped(error)
                yield _Done(_Input(shown(item)), unchanged=False)
                continue
            yield from self.plan_blob(blob)

    def plan_blob(self, blob: Blob) -> Iterator[_Step]:
        sha = hashlib.sha256(blob.data).hexdigest()
        source = shown(blob.source)
        known = self.run.known_input(source, sha)
        if known is not None:
            self.run.summary.inputs_unchanged += 1
            yield _Done(_Input(source, None, sha, known), unchanged=True)
            return
        container = _Input(source, blob, sha)
        yield container
        items: list[RawDocument] = []
        try:
            for item in split(blob):
                if isinstance(item, SkipInput):
                    yield from self.plan_raw(items, container)
                    items = []
                    yield skipped(item)
                    continue
                items.append(item)
                if len(items) == LOOKUP_SIZE:
                    yield from self.plan_raw(items, container)
                    items = []
        except SkipInput as error:
            yield from self.plan_raw(items, container)
            yield skipped(error)
        else:
            yield from self.plan_raw(items, container)
        yield _Done(container, unchanged=False)

    def plan_raw(self, items: list[RawDocument], container: _Input) -> Iterator[_Step]:
        """Raw documents of one input, in order: those already stored are passed over, the others cleaned.

        They are looked up together (an export's thousands of messages cost a
        query per ``LOOKUP_SIZE``, not one each).
        """
        hashed = [(item, raw_hash(item)) for item in items]
        known = self.run.known_documents([(item.key, sha) for item, sha in hashed])
        for item, sha in hashed:
            found = known.get((item.key, sha))
            if found is not None:
                yield _Unchanged(item.key) if found.current else _MakeCurrent(found.id, item.key)
                continue
            try:
                document = clean(item)
            except SkipInput as error:
                yield skipped(error)
                continue
            yield _Pending(item, sha, container, document)

    def plan_stored_inputs(self) -> Iterator[_Step]:
        """Every current input's stored bytes, split again."""
        for stored in self.run.stored_inputs():
            self.run.summary.inputs += 1
            blob = Blob(stored.source, stored.name, stored.data, stored.media_type, stored.charset, stored.url)
            yield from self.plan_blob(blob)

    def plan_stale_documents(self) -> Iterator[_Step]:
        """Current documents that splitting the inputs again did not reach, rebuilt from their raw rows."""
        for item, input_id in self.run.stale_documents():
            yield from self.plan_raw([item], _Input(item.source, id=input_id))

    # Doing: extraction in batches (this thread), then a batch's documents written together (the writing thread).

    def consume(self, steps: Iterable[_Step]) -> None:
        extracted = in_batches(steps, self._nlp, _document)
        with InOrder(self.apply_all, QUEUE_SIZE, name="corroborator-store-writer", group=GROUP_SIZE) as writer:
            # in_batches yields a batch's steps together once spaCy is done with them: handed over together,
            # they reach the writing thread together and are written in one transaction, not one by one.
            while batch := list(islice(extracted, BATCH_SIZE)):
                writer.put_all(batch)

    def apply_all(self, steps: list[_Step]) -> None:
        """Write the steps in order (in the writing thread); documents side by side share one transaction.

        A transaction a document cost a commit a document, and SQLite's commit waits for the disk (about
        5 ms here, more than extracting a short message takes): an export's messages were written slower
        than they were extracted; and ten statements a document cost more Python, in this thread, than
        one a table for them all (``store/batch.py``). A document the database refuses is still skipped
        alone (the group is then written again a savepoint each), and a process killed mid-way leaves
        whole documents only.
        """
        documents: list[_Pending] = []
        for step in steps:
            if isinstance(step, _Pending):
                documents.append(step)
                continue
            self._store(documents)
            documents = []
            self.apply(step)
        self._store(documents)

    def _store(self, pending: list[_Pending]) -> None:
        if not pending:
            return
        items = [(p.raw, p.sha256, shown(p.raw.source), p.input.id, p.document) for p in pending]
        for step, stored in zip(pending, self.run.store_documents(items), strict=True):
            self.on_event(stored if isinstance(stored, Skipped) else Stored(step.raw.key, stored))

    def apply(self, step: _Step) -> None:
        """Write one step (in the writing thread, in stream order)."""
        run = self.run
        if isinstance(step, _Pending):
            self._store([step])
        elif isinstance(step, _Input):
            assert step.blob is not None and step.sha256 is not None
            blob = step.blob
            step.id = run.put_input(
                step.source,
                blob.name,
                step.sha256,
                blob.data,
                media_type=blob.media_type,
                charset=blob.charset,
                url=blob.url,
            )
        elif isinstance(step, _MakeCurrent | _Unchanged):
            if isinstance(step, _MakeCurrent):
                run.make_current(step.document_id, step.input)
            run.summary.unchanged += 1
            self.on_event(Stored(step.input, Status.UNCHANGED))
        elif isinstance(step, Skipped):
            run.record_skip(step)
            self.on_event(step)
        else:
            if step.input.id is not None and not step.unchanged:
                run.finish_input(step.input.id, step.input.source)
            self.on_event(InputDone(step.input.source, step.unchanged))

    def _nlp(self) -> Language:
        if self.nlp is None:
            from ..extract import load_pipeline

            self.nlp = load_pipeline(self.settings.model)
        return self.nlp


def _document(step: _Step) -> Document | None:
    return step.document if isinstance(step, _Pending) else None


__all__ = ["GROUP_SIZE", "LOOKUP_SIZE", "QUEUE_SIZE", "ingest", "reprocess"]
