"""The ``ingest`` fixture: read sources as the pipeline does, documents and skips apart."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from corroborator.errors import SkipInput
from corroborator.ingest import read_sources
from corroborator.records import RawDocument
from corroborator.settings import Settings


@dataclass
class Ingested:
    documents: list[RawDocument]
    skipped: list[SkipInput]

    @property
    def keys(self) -> list[str]:
        return [d.key for d in self.documents]

    @property
    def reasons(self) -> dict[str, str]:
        return {s.input: str(s.reason) for s in self.skipped}

    def document(self, key: str) -> RawDocument:
        (found,) = [d for d in self.documents if d.key == key]
        return found


@pytest.fixture
def ingest():
    """``ingest(*sources, max_bytes=None)``: every raw document and skipped input of the sources."""

    def read(*sources: str | Path, max_bytes: int | None = None) -> Ingested:
        settings = Settings(max_input_bytes=max_bytes) if max_bytes else Settings()
        items = list(read_sources([str(s) for s in sources], settings))
        return Ingested(
            documents=[i for i in items if isinstance(i, RawDocument)],
            skipped=[i for i in items if isinstance(i, SkipInput)],
        )

    return read
