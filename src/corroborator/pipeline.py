"""The main job: inputs in, clean documents (and skipped inputs) out, one input at a time.

Everything is streamed: a corpus of any size is read input by input and
written document by document, so memory does not grow with the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language

from .clean import clean
from .errors import SkipInput
from .ingest import list_inputs, read_input
from .records import Document, Skipped
from .settings import Settings

log = logging.getLogger(__name__)

Outcome = Document | Skipped


def process_input(source: str, settings: Settings) -> Iterator[Outcome]:
    """The documents of one input, each cleaned; what cannot be read comes out as ``Skipped``."""
    for raw in read_input(source, settings):
        if isinstance(raw, SkipInput):
            yield _skipped(raw)
            continue
        try:
            yield clean(raw)
        except SkipInput as skip:
            yield _skipped(skip)


def process(sources: Iterable[str], settings: Settings | None = None) -> Iterator[Outcome]:
    """The documents of every source, in order."""
    settings = settings or Settings()
    for item in list_inputs(sources):
        if isinstance(item, SkipInput):
            yield _skipped(item)
        else:
            yield from process_input(item, settings)


def with_extraction(outcomes: Iterable[Outcome], nlp: Language, batch_size: int = 32) -> Iterator[Outcome]:
    """Fill the documents' entities, claims and figures, in batches, keeping the stream's order."""
    from .extract import annotate

    stream = iter(outcomes)
    while batch := list(islice(stream, batch_size)):
        annotated = annotate((o for o in batch if isinstance(o, Document)), nlp)
        for outcome in batch:
            yield next(annotated) if isinstance(outcome, Document) else outcome


def _skipped(skip: SkipInput) -> Skipped:
    log.info("skipped %s: %s", skip.input, skip.message)
    return Skipped(input=skip.input, reason=str(skip.reason), message=skip.message)


@dataclass
class Tally:
    """Counts of a run, for its summary."""

    documents: int = 0
    claims: int = 0
    figures: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, Skipped):
            self.skipped.append(outcome)
        else:
            self.documents += 1
            self.claims += len(outcome.claims)
            self.figures += len(outcome.figures)
