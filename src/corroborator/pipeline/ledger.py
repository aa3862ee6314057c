"""The ledger kept with the store: the cross-check of the current documents, recomputed where they change.

``refresh_ledger(store)`` compares the stored ledger's stamp (which documents,
which cross-check code) with the store's now; when they differ it brings the
ledger up to date. ``ingest`` and ``reprocess`` call it after their runs, the
ledger commands before they read, so that Datasette's ledger views are never
stale.

What a refresh reads and recomputes is kept small by three caches in the store:

- each document's *notes* (its speakers and entities, no text: ``crosscheck.notes_of``),
  so that the survey of the corpus's speakers reads one small row a document and
  only new documents in full;
- the copy detector's fingerprints (``StoredCopies``): a new text is compared with
  the stored ones that share an LSH band, not with the corpus;
- each document's *reports* with the signature of what the corpus lent their
  reading (its speakers' keys and labels, its copy cluster: ``Survey.reading_signature``):
  a document is read again only when it is new or its signature moved (a new
  document that gives "Lee" a full name, or joins its copy cluster).

Then only the *families* of variables whose reports changed are recomputed
(``VariableKey.family``: findings compare variables within a family and
nowhere else), one family at a time from the kept reports, so that memory is
bounded by the largest family, and written in one transaction. ``force``
(``reprocess``) reads every document again and recomputes every family.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

from ..crosscheck import (
    Belligerents,
    Fingerprint,
    Ledger,
    MemoryCopies,
    Notes,
    Report,
    Survey,
    VariableKey,
    assemble_family,
    copy_clusters,
    judge_speakers,
    load_belligerents,
    notes_of,
    read_reports,
)
from ..crosscheck.copies import FINGERPRINT_VERSION, packed_hashes, unpacked_hashes
from ..records import Document
from ..store import Stamp, Store, documents_stamp, iter_documents, ledger_stamp, write_ledger
from ..store.fingerprints import (
    StoredFingerprint,
    fingerprinted,
    sharing_bands,
    stored_copies,
    write_fingerprints,
)
from ..store.identity import crosscheck_version
from ..store.ledger import FamilyRecords, ledger_counts
from ..store.readings import (
    KeptReport,
    StoredRow,
    current_rows,
    family_reports,
    forget_readings,
    iter_notes,
    keep_notes,
    keep_reports,
    kept_readings,
    statement_reports,
)

Record = dict[str, Any]

#: Documents whose notes or reports are kept per transaction.
_DOCUMENTS_PER_WRITE = 200


@dataclass(frozen=True, slots=True)
class LedgerRefresh:
    recomputed: bool
    variables: int
    findings: int
    documents_read: int = 0  # documents read in full (new, changed, or whose reading moved)
    families: int = 0  # families of variables recomputed


def refresh_ledger(store: Store, *, force: bool = False) -> LedgerRefresh:
    """Bring the stored ledger up to date with the current documents (``force``: read and recompute all).

    One refresh at a time per store (``Store.exclusive``): two ingests finishing together would
    otherwise keep the same readings twice; the second finds the ledger up to date, or refreshes
    what the first left. A ledger already up to date is only read (a read-only store can be asked)."""
    unchanged = LedgerRefresh(recomputed=False, variables=-1, findings=-1)
    if not force and _up_to_date(store)[0]:
        return unchanged
    with store.exclusive("ledger"):
        up_to_date, stamp, kept = _up_to_date(store)
        if up_to_date and not force:
            return unchanged
        refresh = _Refresh(store, stamp.crosscheck, force=force)
        touched = refresh.read()
        whole = force or kept is None or kept.crosscheck != stamp.crosscheck
        families = refresh.families(None if whole else touched)
        write_ledger(store, stamp, families, refresh.sources(), replacing=None if whole else touched)
    variables, findings = ledger_counts(store)
    return LedgerRefresh(True, variables, findings, refresh.documents_read, refresh.families_computed)


def _up_to_date(store: Store) -> tuple[bool, Stamp, Stamp | None]:
    """Whether the stored ledger was computed from the current documents by this cross-check; the stamps."""
    stamp, kept = Stamp(crosscheck_version(), documents_stamp(store)), ledger_stamp(store)
    return kept == stamp, stamp, kept


class _Refresh:
    """One refresh: the survey from kept notes and new documents, the reports of the documents whose reading
    moved, then the touched families recomputed from the kept reports."""

    def __init__(self, store: Store, version: str, *, force: bool) -> None:
        self.store, self.version = store, version
        self.copies = StoredCopies(store)
        self.current = current_rows(store)
        kept = kept_readings(store, version)
        fingerprinted = self.copies.fingerprinted()
        self.fresh = {
            doc_id
            for doc_id, row in self.current.items()
            if force or doc_id not in fingerprinted or (reading := kept.get(doc_id)) is None or reading.read_from != row
        }
        # Readings of documents gone, or to be read again: their families are touched.
        self.touched = forget_readings(store, (kept.keys() - self.current.keys()) | (self.fresh & kept.keys()))
        self.survey = Survey()
        self.parties: Belligerents = load_belligerents()
        self.documents_read = 0
        self.families_computed = 0

    def read(self) -> set[str]:
        """Survey the corpus, then keep the reports of every document whose reading moved; the families touched."""
        first_reading = chain((notes for _, notes, _ in _signed(self.store)), self._fresh_documents())
        clusters = copy_clusters(self.survey.noting(first_reading), self.copies)
        self.copies.save()
        self.survey.finish()
        moved = {
            doc_id: signature
            for doc_id, notes, kept in _signed(self.store)
            if (signature := self.survey.reading_signature(notes, clusters[doc_id])) != kept
        }
        rows = [self.current[doc_id].document_id for doc_id in moved]
        batch: list[tuple[str, str, list[KeptReport]]] = []
        for document in iter_documents(self.store, without=frozenset({"mentions", "entities"}), row_ids=rows):
            reports = read_reports([document], self.survey.index, self.parties, clusters)
            batch.append((document.doc_id, moved[document.doc_id], [_kept(r) for r in reports]))
            self.documents_read += 1
            if len(batch) >= _DOCUMENTS_PER_WRITE:
                self.touched |= keep_reports(self.store, batch)
                batch = []
        self.touched |= keep_reports(self.store, batch)
        return self.touched

    def _fresh_documents(self) -> Iterator[Document]:
        """The documents not noted yet, in full for the copy detector; their notes are kept as they pass."""
        rows = [self.current[doc_id].document_id for doc_id in self.fresh]
        noted: list[tuple[str, StoredRow, Record]] = []
        without = frozenset({"mentions", "figures", "removed_lines"})
        for document in iter_documents(self.store, without=without, row_ids=rows):
            noted.append((document.doc_id, self.current[document.doc_id], notes_of(document).to_dict()))
            yield document
            if len(noted) >= _DOCUMENTS_PER_WRITE:
                keep_notes(self.store, self.version, noted)
                noted = []
        keep_notes(self.store, self.version, noted)

    def families(self, chosen: set[str] | None) -> Iterator[FamilyRecords]:
        """The families recomputed from the kept reports, one at a time (every family when ``chosen`` is None)."""
        statements = _StoredStatements(self.store)
        for family, records in family_reports(self.store, chosen):
            computed = assemble_family([Report.from_record(r) for r in records], self.survey.names, statements)
            self.families_computed += 1
            yield FamilyRecords(
                family, [v.to_dict() for v in computed.variables], [f.to_dict() for f in computed.findings]
            )

    def sources(self) -> Iterator[Record]:
        judge_speakers(self.survey.index.speakers, self.parties)
        yield from _speaker_records(self.survey.index.speakers.values())


def ledger_records(ledger: Ledger) -> tuple[Iterator[FamilyRecords], Iterator[Record]]:
    """A ledger held in memory as the store writes it: family by family in their order, and the speakers."""
    families: dict[str, FamilyRecords] = {}

    def family_of(key: VariableKey) -> FamilyRecords:
        return families.setdefault(key.family, FamilyRecords(key.family, [], []))

    for variable in ledger.variables:
        family_of(variable.key).variables.append(variable.to_dict())
    for finding in ledger.findings:
        family_of(finding.variable).findings.append(finding.to_dict())
    return (families[family] for family in sorted(families)), _speaker_records(ledger.speakers.values())


def _speaker_records(speakers: Iterable[Any]) -> Iterator[Record]:
    """The speakers as SPEC JSON, the most quoted first."""
    return (s.to_dict() for s in sorted(speakers, key=lambda s: (-s.claims, s.key)))


class _StoredStatements:
    """``crosscheck.Statements`` over the kept reports: asked only for the rare pairs that may be a misquote."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @lru_cache(maxsize=1024)  # noqa: B019 - one refresh's cache, dropped with it
    def __getitem__(self, key: tuple[str, str]) -> list[Report]:
        return [Report.from_record(r) for r in statement_reports(self.store, *key)]


def _signed(store: Store) -> Iterator[tuple[str, Notes, str | None]]:
    """The kept notes, with the signature of the reading their reports were kept with (None: not read yet)."""
    for doc_id, notes, signature in iter_notes(store):
        yield doc_id, Notes.from_dict(notes), signature


def _kept(report: Report) -> KeptReport:
    return KeptReport(report.variable.family, report.speaker, report.to_record())


class StoredDocuments:
    """The store's current documents as a ``crosscheck.Corpus``, read afresh each time, a page at a time:
    the cross-check reads them twice and never holds the corpus. Each reading leaves out the tables it
    does not look at (mentions always; figures and removed lines at the survey, entities after it)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __iter__(self) -> Iterator[Document]:
        return iter_documents(self.store, without=frozenset({"mentions", "entities"}))

    def surveyed(self) -> Iterator[Document]:
        return iter_documents(self.store, without=frozenset({"mentions", "figures", "removed_lines"}))


#: New fingerprints kept in memory before they are saved: what bounds the copy detector's memory.
SAVE_EVERY = 1000


class StoredCopies:
    """The copy detector's ``CopyIndex`` over the store: stored fingerprints are read back only where
    they share a band with a new one; new ones are saved a thousand at a time, so that a first
    refresh of a large store holds one batch of fingerprints in memory, not the corpus's."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.stored = fingerprinted(store, FINGERPRINT_VERSION)
        self.new = MemoryCopies()

    def fingerprinted(self) -> set[str]:
        return self.stored | self.new.fingerprinted()

    def sharing_a_band(self, print_: Fingerprint) -> Iterable[Fingerprint]:
        new = self.new.sharing_a_band(print_)
        if not self.stored:  # a first refresh, or one after the detector changed: nothing to ask the store
            return new
        return [*(_unpacked(row) for row in sharing_bands(self.store, print_.bands)), *new]

    def add(self, print_: Fingerprint, copy_of: list[str]) -> None:
        self.new.add(print_, copy_of)
        if len(self.new) >= SAVE_EVERY:
            self.save()

    def copies(self) -> Iterable[tuple[str, str]]:
        return [*stored_copies(self.store), *self.new.copies()]

    def save(self) -> None:
        copy_of: dict[str, list[str]] = {}
        for doc_id, other in self.new.copies():
            copy_of.setdefault(doc_id, []).append(other)
        write_fingerprints(
            self.store,
            FINGERPRINT_VERSION,
            (_packed(p, copy_of.get(p.doc_id, [])) for p in self.new.fingerprints()),
        )
        self.stored |= self.new.fingerprinted()
        self.new = MemoryCopies()


def _packed(print_: Fingerprint, copy_of: list[str]) -> StoredFingerprint:
    return StoredFingerprint(
        print_.doc_id,
        packed_hashes(print_.shingles),
        packed_hashes(print_.sentences),
        print_.bands,
        tuple(copy_of),
    )


def _unpacked(row: StoredFingerprint) -> Fingerprint:
    # Bands are not read back: a stored fingerprint is only ever compared, never looked up by band again.
    return Fingerprint(row.doc_id, unpacked_hashes(row.shingles), unpacked_hashes(row.sentences))
