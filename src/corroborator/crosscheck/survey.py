"""The cross-check's first reading of a corpus: who speaks, under which names, and what a document's
reading of its figures depends on beyond the document itself.

A document's reports (``reports``) depend on the document and on three things of
the corpus: the key and label its speakers get (``SpeakerIndex``, which a new
document can change: a full name that turns "Lee" into "Lee Seong-kweun"), its
copy cluster, and the parties' data (part of the cross-check's version).
``reading_signature`` digests the first two for one document, so that a store
keeping each document's reports reads again exactly the documents whose
signature moved (``pipeline.ledger``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..records import Document
from .speakers import SpeakerIndex


@dataclass(slots=True)
class Notes(Document):
    """What the survey reads of a document, small enough to keep for every stored one: its metadata, its
    entities' names, kinds and roles, and its claims' parties (no text, mentions, contents or figures).
    Having no text, it keeps the id of the text it was read from."""

    text_id: str = ""

    @property
    def doc_id(self) -> str:
        return self.text_id

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Notes:
        document = Document.from_dict(data)
        return cls(**{f.name: getattr(document, f.name) for f in fields(Document)}, text_id=data["doc_id"])


def notes_of(document: Document) -> Notes:
    return Notes(
        input=document.input,
        text="",
        metadata=document.metadata,
        entities=[replace(entity, mentions=[]) for entity in document.entities],
        claims=[replace(claim, content="", span=(0, 0), cue_span=None) for claim in document.claims],
        text_id=document.doc_id,
    )


@dataclass(slots=True)
class Survey:
    """The corpus's speakers under one key each, and the names the documents give entities (for readers)."""

    index: SpeakerIndex = field(default_factory=SpeakerIndex)
    names: dict[str, str] = field(default_factory=dict)

    def noting(self, documents: Iterable[Document]) -> Iterator[Document]:
        """The documents, as the survey takes note of them on their way elsewhere (the copy detector);
        ``finish`` once they are all read."""
        for document in documents:
            self.index.collect(document)
            for entity in document.entities:
                self.names.setdefault(entity.id, entity.name)
            yield document

    def finish(self) -> None:
        self.index.merge()

    def reading_signature(self, notes: Document, cluster: str) -> str:
        """A digest of what the corpus lends a document's reading: its cluster, and the key and label of
        every party its claims name (sources and relays), as they resolve now."""
        digest = hashlib.blake2b(cluster.encode(), digest_size=16)
        for claim in notes.claims:
            for party in (claim.source, *claim.via):
                key = self.index.key(party, notes)
                digest.update(b"\0" + key.encode() + b"\0" + self.index.label(key, party).encode())
        return digest.hexdigest()
