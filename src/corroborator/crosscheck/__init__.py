"""The cross-check: which figures measure the same thing, how they moved, how many independent sources back each.

``crosscheck(documents) -> Ledger`` works over extracted documents (records,
no database): speakers get one key across the corpus (``speakers``), figures
become reports of variables (``reports``), reports are grouped into
independent sources (``copies``, ``independence``), and the ledger holds the
values with their grades and low / best / high (``ledger``) and the
findings (``findings``). The rules and their reasons: docs/crosscheck.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Document
from .copies import CopyIndex, Fingerprint, MemoryCopies
from .ledger import assemble
from .model import Finding, FindingKind, Grade, Group, Ledger, Report, Speaker, Value, Variable, VariableKey
from .parties import load_belligerents
from .reports import read_reports
from .speakers import SpeakerIndex

__all__ = [
    "CopyIndex",
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


def crosscheck(documents: Iterable[Document], copies: CopyIndex | None = None) -> Ledger:
    """Cross-check extracted documents: variables, values, independent sources, grades and findings.

    ``copies`` keeps the copy detector's fingerprints between calls (the store's, in
    ``pipeline.ledger``); by default they are made in memory for this call.
    """
    corpus = _unique(documents)
    index = SpeakerIndex(corpus)
    parties = load_belligerents()
    reports = list(read_reports(corpus, index, parties, copies))
    ledger = assemble(reports, _names(corpus), index.speakers)
    for key, speaker in ledger.speakers.items():
        sides = parties.sides_of_entity(key) if parties.is_official(key) else ()
        speaker.party = sides[0].conflict if sides else None
    return ledger


def _unique(documents: Iterable[Document]) -> list[Document]:
    """Each text once: the same clean text ingested under two inputs is one document."""
    return list({document.doc_id: document for document in documents}.values())


def _names(corpus: list[Document]) -> dict[str, str]:
    """Entity ids to the names the documents give them, for readers."""
    names: dict[str, str] = {}
    for document in corpus:
        for entity in document.entities:
            names.setdefault(entity.id, entity.name)
    return names
