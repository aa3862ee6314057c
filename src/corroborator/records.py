"""Typed records that travel between the stages.

``RawDocument`` leaves ``ingest``; ``Document`` leaves ``clean``; a ``Document``
later carries the entities, claims and figures that ``extract`` fills in.
``Document.to_dict`` is the export contract of ``shared/eval/SPEC.md``
section 1; ``from_dict`` reads it back.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about a document apart from its body.

    Readers fill in what their container tells (a feed item's title, a
    Telegram channel's name); the cleaner fills in what the page tells.
    ``None`` and empty tuples mean "not known".
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date, YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    relayed_from: str | None = None  # e.g. a Telegram message's "forwarded_from"

    def merged_over(self, fallback: Metadata) -> Metadata:
        """This metadata, with the gaps filled from ``fallback``."""
        values = {}
        for name in self.__dataclass_fields__:
            mine = getattr(self, name)
            values[name] = mine if mine else getattr(fallback, name)
        return Metadata(**values)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["authors"] = list(self.authors)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Metadata:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["authors"] = tuple(known.get("authors") or ())
        known["tags"] = tuple(known.get("tags") or ())
        return cls(**known)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a reader found it, before any cleaning.

    ``data`` holds the document's own bytes exactly as read (a whole file, a
    feed item's content, a JSON Lines line's body), so that it can be stored
    and re-processed later without fetching it again.
    """

    source: str  # the file path or URL the reader opened
    key: str  # the input key of the contract: "page.html", "feed.xml#guid", ...
    data: bytes
    media_type: str  # "text/html" or "text/plain"
    hints: Metadata = field(default_factory=Metadata)
    encoding: str = "utf-8"  # as detected by ingest; container items are re-encoded as UTF-8
    #: May the cleaner take an opening headline-like line for the title? Not in a
    #: Telegram post, whose first line is as much body as the rest.
    guess_title: bool = True

    def text(self) -> str:
        """The document's characters, decoded with the encoding ingest detected."""
        return self.data.decode(self.encoding, errors="replace")


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the cleaner dropped, and the rule that dropped it (the audit trail)."""

    line: int  # 1-based line number in the cleaner's input text
    text: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Document:
    """A clean document: the main text and its metadata, ready for analysis."""

    input: str
    text: str
    metadata: Metadata = field(default_factory=Metadata)
    removed: list[RemovedLine] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        """sha256 of the clean text: the same text is the same document wherever it came from."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        meta = self.metadata
        return {
            "doc_id": self.doc_id,
            "input": self.input,
            "title": meta.title,
            "authors": list(meta.authors),
            "published": meta.published,
            "outlet": meta.outlet,
            "url": meta.url,
            "language": meta.language,
            "tags": list(meta.tags),
            "relayed_from": meta.relayed_from,
            "text": self.text,
            "entities": self.entities,
            "claims": self.claims,
            "figures": self.figures,
            "removed": [r.to_dict() for r in self.removed],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            input=data["input"],
            text=data["text"],
            metadata=Metadata.from_dict(data),
            removed=[RemovedLine(**r) for r in data.get("removed", [])],
            entities=list(data.get("entities", [])),
            claims=list(data.get("claims", [])),
            figures=list(data.get("figures", [])),
        )


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that produced no document, with a stable reason code and a message for people."""

    input: str
    reason: str  # a SkipReason value
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
