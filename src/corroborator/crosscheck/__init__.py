"""The cross-check: which figures measure the same thing, how they moved, how many independent sources back each.

``crosscheck(documents) -> Ledger`` works over extracted documents (records,
no database): speakers get one key across the corpus (``speakers``), figures
become reports of variables (``reports``), reports are grouped into
independent sources (``copies``, ``independence``), and the ledger holds the
values with their grades and low / best / high (``ledger``) and the
findings (``findings``). The rules and their reasons: docs/crosscheck.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from ..records import Document
from .copies import CopyIndex, Fingerprint, MemoryCopies, copy_clusters
from .ledger import assemble
from .model import Finding, FindingKind, Grade, Group, Ledger, Report, Speaker, Value, Variable, VariableKey
from .parties import load_belligerents
from .reports import read_reports
from .speakers import SpeakerIndex

__all__ = [
    "CopyIndex",
    "Corpus",
    "Finding",
    "FindingKind",
    "Fingerprint",
    "Grade",
    "Group",
    "Ledger",
    "MemoryCopies",
    "Report",
    "Speaker",
    "Value",
    "Variable",
    "VariableKey",
    "crosscheck",
]


@runtime_checkable
class Corpus(Protocol):
    """Documents that can be read twice, the first time lighter: a store's reader offers both readings."""

    def __iter__(self) -> Iterator[Document]:
        """The documents with their claims, figures, text and removed lines (entities may be left out)."""
        ...

    def surveyed(self) -> Iterable[Document]:
        """The documents with their entities, claims and text (figures and removed lines may be left out)."""
        ...


def crosscheck(documents: Iterable[Document], copies: CopyIndex | None = None) -> Ledger:
    """Cross-check extracted documents: variables, values, independent sources, grades and findings.

    The documents are read twice, one at a time: once for their speakers, names and copies, once for
    their figures. A collection (a list, or the store's reader, which starts over each time it is
    iterated) is never held whole in memory; a one-shot iterator is listed first. A ``Corpus`` gives
    a lighter first reading (``surveyed``).

    ``copies`` keeps the copy detector's fingerprints between calls (the store's, in
    ``pipeline.ledger``); by default they are made in memory for this call.
    """
    corpus = list(documents) if isinstance(documents, Iterator) else documents
    index, names = SpeakerIndex(), dict[str, str]()
    survey = corpus.surveyed() if isinstance(corpus, Corpus) else corpus
    clusters = copy_clusters(_surveyed(survey, index, names), copies)
    index.merge()
    parties = load_belligerents()
    reports = list(read_reports(_unique(corpus), index, parties, clusters))
    ledger = assemble(reports, names, index.speakers)
    for key, speaker in ledger.speakers.items():
        # As a report's speaker is judged: its entity's sides, else those its words name ("US military").
        sides = parties.sides_of_entity(key) if parties.is_official(key) else ()
        sides = sides or (parties.sides_of_words(speaker.name) if speaker.kind != "person" else ())
        speaker.party = sides[0].conflict if sides else None
    return ledger


def _unique(documents: Iterable[Document]) -> Iterator[Document]:
    """Each text once: the same clean text ingested under two inputs is one document (the first)."""
    seen: set[str] = set()
    for document in documents:
        if document.doc_id not in seen:
            seen.add(document.doc_id)
            yield document


def _surveyed(documents: Iterable[Document], index: SpeakerIndex, names: dict[str, str]) -> Iterator[Document]:
    """The documents, each once, as the speaker index and the names (entity ids to the names the
    documents give them, for readers) take note of them on the way to the copy detector."""
    for document in _unique(documents):
        index.collect(document)
        for entity in document.entities:
            names.setdefault(entity.id, entity.name)
        yield document
