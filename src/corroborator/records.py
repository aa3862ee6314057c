"""Typed records that travel between the stages.

``RawDocument`` leaves ``ingest``; ``Document`` leaves ``clean``; a ``Document``
later carries the entities, claims and figures that ``extract`` fills in.
``Document.to_dict`` is the export contract of ``shared/eval/SPEC.md``
section 1; ``from_dict`` reads it back. Its closed vocabularies (certainty,
quote kind, party kind, qualifier, measure, modality) are the enums defined
first here, which serialise as the strings they stand for.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from .errors import SkipInput, SkipReason

# -- the closed vocabularies of the contract -----------------------------------------------------
#
# Each is a ``StrEnum``: a member is the string it stands for, so it compares, hashes, formats and
# serialises (``json.dumps``, msgpack, SQL parameters) as that string, and the export is the same
# byte for byte. The extractors use the members instead of string literals, the records below are
# typed with them, and the cross-check groups on them.


class Certainty(StrEnum):
    """How surely a claim's source states it, surest first."""

    CONFIRMED = "confirmed"
    ASSERTED = "asserted"
    CLAIMED = "claimed"
    HEDGED = "hedged"
    DENIED = "denied"


class QuoteKind(StrEnum):
    """Whether a claim's content is the source's own words."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class PartyKind(StrEnum):
    """What kind of source or relay a party is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    MEDIA = "media"
    UNNAMED = "unnamed"


class Qualifier(StrEnum):
    """How a figure's number is qualified: "about", "at least", "up to", "between"."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    RANGE = "range"


class Measure(StrEnum):
    """What happens to what a figure counts."""

    PRESENT = "present"  # stationed, in a place
    DEPLOYED = "deployed"  # sent, moved to
    KILLED = "killed"
    WOUNDED = "wounded"
    CAPTURED = "captured"
    MISSING = "missing"
    CASUALTIES = "casualties"  # killed and wounded together
    LAUNCHED = "launched"
    INTERCEPTED = "intercepted"  # shot down, destroyed in the air
    DESTROYED = "destroyed"
    DAMAGED = "damaged"
    DISPLACED = "displaced"
    TRAINED = "trained"
    DISTANCE = "distance"
    COST = "cost"
    OTHER = "other"


class Modality(StrEnum):
    """Whether a figure is what is, what is planned, or what may be."""

    ACTUAL = "actual"
    PLANNED = "planned"
    POSSIBLE = "possible"


# -- the records ---------------------------------------------------------------------------------


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
    # The same moment with its time of day where the source gives one (a Telegram message, a feed's
    # pubDate, a page's published_time), ISO 8601 with the source's offset: "2024-09-15T14:02:00+03:00".
    published_at: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    relayed_from: str | None = None  # e.g. a Telegram message's "forwarded_from"
    dateline: str | None = None  # the place a story was filed from ("Kyiv" of "KYIV, Feb 23 (Reuters) -")

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


Offsets = tuple[int, int]  # [start, end) character offsets into Document.text


def _offsets(value: Any) -> Offsets | None:
    return (int(value[0]), int(value[1])) if value else None


@dataclass(slots=True)
class Entity:
    """A named thing the text mentions, linked to a stable id (``kursk-oblast``, ``north-korea``)."""

    id: str
    name: str
    type: str  # the spaCy label: GPE, LOC, ORG, PERSON, NORP, ...
    kind: str | None = None  # person | organization | government | media | place | group
    mentions: list[Offsets] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    parents: list[str] = field(default_factory=list)  # enclosing places, nearest first
    role: str | None = None  # a person's office, as the text gives it

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mentions"] = [list(m) for m in self.mentions]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["mentions"] = [tuple(m) for m in known.get("mentions", [])]
        known["parents"] = list(known.get("parents", []))  # msgpack may hand back tuples
        return cls(**known)


@dataclass(slots=True)
class Party:
    """Who said or passed on a claim: the words of the text, and who they name."""

    text: str | None
    name: str | None = None
    entity: str | None = None
    kind: PartyKind = PartyKind.UNNAMED
    span: Offsets | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span) if self.span else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Party:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["span"] = _offsets(known.get("span"))
        if "kind" in known:
            known["kind"] = PartyKind(known["kind"])
        return cls(**known)


@dataclass(slots=True)
class Claim:
    """An attributed statement: who said it, with which cue, what, how surely, through whom."""

    id: str
    source: Party
    cue: str  # lemma of the reporting verb or phrase: "say", "according to", "reportedly"
    certainty: Certainty
    content: str
    span: Offsets  # of the content
    via: list[Party] = field(default_factory=list)  # who passed it on, nearest first
    channel: str | None = None  # "Telegram", "its website"
    quote: QuoteKind = QuoteKind.INDIRECT
    cue_span: Offsets | None = None
    parent: str | None = None  # the claim this one is nested in
    in_title: bool = False  # read in the document's title: its offsets are into the title, not the text

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "source": self.source.to_dict(),
            "cue": self.cue,
            "certainty": self.certainty,
            "content": self.content,
            "span": list(self.span),
            "via": [v.to_dict() for v in self.via],
            "channel": self.channel,
            "quote": self.quote,
            "cue_span": list(self.cue_span) if self.cue_span else None,
            "parent": self.parent,
        }
        if self.in_title:  # only where it is so: a body's claims keep the contract's keys alone
            data["in_title"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            id=data["id"],
            source=Party.from_dict(data["source"]),
            cue=data["cue"],
            certainty=Certainty(data["certainty"]),
            content=data["content"],
            span=_offsets(data["span"]) or (0, 0),
            via=[Party.from_dict(v) for v in data.get("via", [])],
            channel=data.get("channel"),
            quote=QuoteKind(data.get("quote", QuoteKind.INDIRECT)),
            cue_span=_offsets(data.get("cue_span")),
            parent=data.get("parent"),
            in_title=bool(data.get("in_title", False)),
        )


@dataclass(slots=True)
class Reference:
    """What a figure counts, or where: the words of the text and the entity they name."""

    text: str
    entity: str | None = None
    span: Offsets | None = None
    parents: list[str] = field(default_factory=list)  # for places: the enclosing ones, nearest first

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span) if self.span else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Reference | None:
        if not data:
            return None
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["span"] = _offsets(known.get("span"))
        known["parents"] = list(known.get("parents", []))
        return cls(**known)


@dataclass(slots=True)
class Figure:
    """A reported number: its value and interval, what it counts, where, when, and who says so."""

    id: str
    text: str  # the number as printed, with its qualifier: "around 8,000"
    span: Offsets
    value: float
    low: float
    high: float
    qualifier: Qualifier
    unit: str | None = None  # people, drones, km, ...
    subject: Reference | None = None
    measure: Measure = Measure.OTHER
    location: Reference | None = None
    as_of: str | None = None  # ISO date
    modality: Modality = Modality.ACTUAL
    claim: str | None = None  # the id of the claim that carries it
    part_of: str | None = None  # the id of the figure it is a part of ("62 of the 73")
    vague: bool = False  # "dozens", "hundreds": a conventional number for a word

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["span"] = list(self.span)
        data["subject"] = self.subject.to_dict() if self.subject else None
        data["location"] = self.location.to_dict() if self.location else None
        for key in ("value", "low", "high"):
            number = data[key]
            data[key] = int(number) if float(number).is_integer() else number
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["span"] = _offsets(known["span"]) or (0, 0)
        known["subject"] = Reference.from_dict(known.get("subject"))
        known["location"] = Reference.from_dict(known.get("location"))
        known["qualifier"] = Qualifier(known["qualifier"])
        for key, vocabulary in (("measure", Measure), ("modality", Modality)):
            if key in known:
                known[key] = vocabulary(known[key])
        return cls(**known)


@dataclass(slots=True)
class Document:
    """A clean document: the main text and its metadata, ready for analysis."""

    input: str
    text: str
    metadata: Metadata = field(default_factory=Metadata)
    removed: list[RemovedLine] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

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
            "published_at": meta.published_at,
            "outlet": meta.outlet,
            "url": meta.url,
            "language": meta.language,
            "tags": list(meta.tags),
            "relayed_from": meta.relayed_from,
            "dateline": meta.dateline,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "claims": [c.to_dict() for c in self.claims],
            "figures": [f.to_dict() for f in self.figures],
            "removed": [r.to_dict() for r in self.removed],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            input=data["input"],
            text=data["text"],
            metadata=Metadata.from_dict(data),
            removed=[RemovedLine(**r) for r in data.get("removed", [])],
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            claims=[Claim.from_dict(c) for c in data.get("claims", [])],
            figures=[Figure.from_dict(f) for f in data.get("figures", [])],
        )


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that produced no document, with a stable reason code and a message for people."""

    input: str
    reason: SkipReason  # a StrEnum: JSON and the store keep its value ("not-found")
    message: str

    @classmethod
    def from_skip(cls, skip: SkipInput) -> Skipped:
        """The record of a ``SkipInput``: the one place where one becomes the other."""
        return cls(input=skip.input, reason=skip.reason, message=skip.message)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
