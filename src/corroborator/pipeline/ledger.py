"""The ledger kept with the store: the cross-check of the current documents, recomputed when they change.

The documents are read from the store twice, a page at a time (``StoredDocuments``),
and never held whole: the refresh's memory is the reports and the ledger, not the corpus.

``refresh_ledger(store)`` compares the stored ledger's stamp (which documents,
which cross-check code) with the store's now; when they differ it reads the
current documents, cross-checks them and writes the ledger whole, in one
transaction. ``ingest`` and ``reprocess`` call it after their runs, the ledger
commands before they read, so that Datasette's ledger views are never stale.

The copy detector's fingerprints are kept in the store (``StoredCopies``): a
refresh fingerprints only the texts it has not seen, and compares each with
the stored ones that share an LSH band, so that a new document costs its own
comparisons rather than the corpus's (the costliest step of a cross-check).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..crosscheck import Fingerprint, Ledger, MemoryCopies, crosscheck
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

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class LedgerRefresh:
    recomputed: bool
    variables: int
    findings: int


def refresh_ledger(store: Store, *, force: bool = False) -> LedgerRefresh:
    """Bring the stored ledger up to date with the current documents (``force``: recompute regardless)."""
    stamp = Stamp(crosscheck_version(), documents_stamp(store))
    if not force and ledger_stamp(store) == stamp:
        return LedgerRefresh(recomputed=False, variables=-1, findings=-1)
    copies = StoredCopies(store)
    ledger = crosscheck(StoredDocuments(store), copies)
    copies.save()
    write_ledger(store, stamp, *ledger_records(ledger))
    return LedgerRefresh(recomputed=True, variables=len(ledger.variables), findings=len(ledger.findings))


def ledger_records(ledger: Ledger) -> tuple[Iterator[Record], Iterator[Record], Iterator[Record]]:
    """The ledger as SPEC JSON, made as it is written: variables, findings, and the speakers most quoted first."""
    speakers = sorted(ledger.speakers.values(), key=lambda s: (-s.claims, s.key))
    return (
        (v.to_dict() for v in ledger.variables),
        (f.to_dict() for f in ledger.findings),
        (s.to_dict() for s in speakers),
    )


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
