"""Corroborator: a source-attributed, cross-checked ledger of claims and figures from news reporting.

The stages, each usable alone::

    ingest  -> RawDocument   (read_sources)
    clean   -> Document      (clean)
    pipeline: both, streamed (process)
"""

from __future__ import annotations

import logging

from .clean import clean
from .errors import ConfigError, CorroboratorError, SkipInput, SkipReason
from .ingest import read_sources
from .pipeline import process
from .records import Document, Metadata, RawDocument, Skipped
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "CorroboratorError",
    "Document",
    "Metadata",
    "RawDocument",
    "Settings",
    "SkipInput",
    "SkipReason",
    "Skipped",
    "clean",
    "process",
    "read_sources",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
