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
from .ledger import assemble, assemble_family
from .model import Finding, FindingKind, Grade, Group, Ledger, Report, Speaker, Value, Variable, VariableKey
from .parties import Belligerents, load_belligerents
from .reports import read_reports
from .survey import Notes, Survey, notes_of

__all__ = [
    "Belligerents",
    "CopyIndex",
    "Corpus",
    "Finding",
    "FindingKind",
    "Fingerprint",
    "Grade",
    "Group",
    "Ledger",
    "MemoryCopies",
    "Notes",
    "Report",
    "Speaker",
    "Survey",
    "Value",
    "Variable",
    "VariableKey",
    "assemble_family",
    "copy_clusters",
    "crosscheck",
    "judge_speakers",
    "load_belligerents",
    "notes_of",
    "read_reports",
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

    ``copies`` keeps the copy detector's fingerprints between calls; by default they are made in
    memory for this call. (A store keeps each document's reports too, and recomputes only the
    families of variables a change touches: ``pipeline.ledger``.)
    """
    corpus = list(documents) if isinstance(documents, Iterator) else documents
    survey = Survey()
    first_reading = corpus.surveyed() if isinstance(corpus, Corpus) else corpus
    clusters = copy_clusters(survey.noting(unique(first_reading)), copies)
    survey.finish()
    parties = load_belligerents()
    reports = list(read_reports(unique(corpus), survey.index, parties, clusters))
    ledger = assemble(reports, survey.names, survey.index.speakers)
    judge_speakers(ledger.speakers, parties)
    return ledger


def judge_speakers(speakers: dict[str, Speaker], parties: Belligerents) -> None:
    """Each speaker's side, where it is a party to the fighting: its entity's sides, else those its
    words name ("US military"), as a report's speaker is judged."""
    for key, speaker in speakers.items():
        sides = parties.sides_of_entity(key) if parties.is_official(key) else ()
        sides = sides or (parties.sides_of_words(speaker.name) if speaker.kind != "person" else ())
        speaker.party = sides[0].conflict if sides else None


def unique(documents: Iterable[Document]) -> Iterator[Document]:
    """Each text once: the same clean text ingested under two inputs is one document (the first)."""
    seen: set[str] = set()
    for document in documents:
        if document.doc_id not in seen:
            seen.add(document.doc_id)
            yield document
