"""Inputs in, clean documents (and skipped inputs) out, one input at a time; extraction in batches.

Everything is streamed: a corpus of any size is read input by input and
written document by document, so memory does not grow with the corpus.
``in_batches`` is the one place where documents are handed to spaCy in
batches, for ``extract`` and for the store's runs alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from ..clean import clean
from ..errors import SkipInput
from ..extract import BATCH_SIZE, annotate
from ..ingest import list_inputs, read_input
from ..records import Document, Skipped
from ..settings import Settings
from .events import InputDone, OnEvent, ignore, skipped

if TYPE_CHECKING:
    from spacy.language import Language

Outcome = Document | Skipped
Item = TypeVar("Item")


def process_input(source: str, settings: Settings) -> Iterator[Outcome]:
    """The documents of one input, each cleaned; what cannot be read comes out as ``Skipped``."""
    for raw in read_input(source, settings):
        if isinstance(raw, SkipInput):
            yield skipped(raw)
            continue
        try:
            yield clean(raw)
        except SkipInput as skip:
            yield skipped(skip)


def process(
    sources: Iterable[str],
    settings: Settings | None = None,
    *,
    listed: Sequence[str | SkipInput] | None = None,
    on_event: OnEvent = ignore,
) -> Iterator[Outcome]:
    """The documents of every source, in order, cleaned (not yet extracted: see ``with_extraction``).

    ``listed`` is ``list_inputs(sources)`` when the caller has listed them
    already (to size a progress bar): the folders are walked once.
    ``on_event`` hears of each skipped input and each finished input.
    """
    settings = settings or Settings()
    for item in list_inputs(sources) if listed is None else listed:
        if isinstance(item, SkipInput):
            skip = skipped(item)
            on_event(skip)
            on_event(InputDone(item.input))
            yield skip
            continue
        for outcome in process_input(item, settings):
            if isinstance(outcome, Skipped):
                on_event(outcome)
            yield outcome
        on_event(InputDone(item))


def in_batches(
    items: Iterable[Item],
    load: Callable[[], Language],
    document: Callable[[Item], Document | None],
    batch_size: int = BATCH_SIZE,
) -> Iterator[Item]:
    """The items in order, each one's ``document`` (if any) filled with entities, claims and figures.

    Items are taken ``batch_size`` at a time and their documents handed to
    spaCy together; ``load`` gives the pipeline, called only when a batch holds
    a document (an ingest of unchanged inputs loads no model).
    """
    stream = iter(items)
    while batch := list(islice(stream, batch_size)):
        documents = [found for item in batch if (found := document(item)) is not None]
        if documents:
            for _ in annotate(documents, load()):  # fills each document in place
                pass
        yield from batch


def with_extraction(outcomes: Iterable[Outcome], nlp: Language, batch_size: int = BATCH_SIZE) -> Iterator[Outcome]:
    """Fill the documents' entities, claims and figures, in batches, keeping the stream's order."""
    return in_batches(outcomes, lambda: nlp, _document, batch_size)


def _document(outcome: Outcome) -> Document | None:
    return outcome if isinstance(outcome, Document) else None


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


__all__ = ["BATCH_SIZE", "Outcome", "Tally", "in_batches", "process", "process_input", "with_extraction"]
