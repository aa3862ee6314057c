"""Corroborator: a source-attributed, cross-checked ledger of claims and figures from news reporting.

The stages, each usable alone::

    ingest   -> RawDocument   read_sources(paths_or_urls)
    clean    -> Document      clean(raw)
    extract  -> Extraction    extract(text, published=None): entities, claims, figures
    pipeline: ingest + clean, streamed: process(paths_or_urls)
    crosscheck -> Ledger     crosscheck(documents): variables, independent sources, findings

``corroborator.extract`` is the function; its stage's modules are reached as
``corroborator.extract.claims`` and so on (``from corroborator.extract import annotate``).
"""

from __future__ import annotations

import logging

from .clean import clean
from .crosscheck import Ledger, crosscheck  # the function takes the name from its subpackage
from .errors import CorroboratorError, SkipReason
from .extract import Extraction, extract  # the function takes the name from its subpackage
from .ingest import read_sources
from .pipeline import process
from .records import Claim, Document, Figure, Metadata, RawDocument, Skipped
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "CorroboratorError",
    "Document",
    "Extraction",
    "Figure",
    "Ledger",
    "Metadata",
    "RawDocument",
    "Settings",
    "SkipReason",
    "Skipped",
    "clean",
    "crosscheck",
    "extract",
    "process",
    "read_sources",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
