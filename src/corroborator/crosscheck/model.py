"""The cross-check's records: reports of figures, independent groups, values, variables, findings.

They serialise to the contract of ``shared/eval/SPEC.md`` section 2 (``to_dict``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

#: Measures that count the same people in a place: troops sent to a country and troops present in one of its regions.
STOCKS = frozenset({"present", "deployed"})


class Grade(StrEnum):
    """A value's grade, after Airwars' scale."""

    CONFIRMED = "confirmed"  # the party concerned admits it
    FAIR = "fair"  # two or more independent sources
    WEAK = "weak"  # one source
    CONTESTED = "contested"  # independent sources disagree


class FindingKind(StrEnum):
    AGREEMENT = "agreement"
    DISAGREEMENT = "disagreement"
    UPDATE = "update"
    PART_EXCEEDS_WHOLE = "part_exceeds_whole"
    MISQUOTE = "misquote"


@dataclass(frozen=True, slots=True)
class VariableKey:
    """What several figures measure: one subject, measure, place, unit and modality."""

    subject: str
    measure: str
    location: str | None
    unit: str | None
    modality: str

    @property
    def id(self) -> str:
        return "|".join((self.subject, self.measure, self.location or "", self.unit or "", self.modality))

    @property
    def family(self) -> str:
        """The variables that findings compare with each other: one subject, unit, modality and measure (troops
        present and deployed are one stock) in every place, so that a part is compared with its whole. A
        family is what a refresh recomputes when one of its reports changes."""
        measure = "stock" if self.measure in STOCKS else self.measure
        return "|".join((self.subject, self.unit or "", self.modality, measure))

    def to_dict(self) -> dict[str, Any]:
        return {
            "subject": self.subject,
            "measure": self.measure,
            "location": self.location,
            "unit": self.unit,
            "modality": self.modality,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """One figure of one document, read for the cross-check: who says it, through whom, when, which interval."""

    doc_id: str
    figure: str  # the figure's id within its document
    variable: VariableKey
    text: str  # the number as printed, with its qualifier
    value: float
    qualifier: str
    printed_low: float  # the bounds as printed ("between 10,000 and 12,000")
    printed_high: float
    low: float  # the interval the qualifier allows (``intervals.interval``)
    high: float
    vague: bool
    when: str | None  # ISO date: as_of, else the document's publication date
    speaker: str  # the original speaker's key, relays resolved ("unnamed" when nobody is named)
    speaker_label: str  # how to name the speaker to a reader
    relays: tuple[str, ...]  # who passed it on, nearest first
    outlet: str | None
    wire: str | None  # the agency credited for the copy ("Reuters"), if any
    copy_cluster: str  # documents that are copies of one story share it
    government: str | None = None  # the country an official speaker speaks for
    location_parents: tuple[str, ...] = ()
    part_of: str | None = None  # the id of the figure it is a part of, in the same document
    interested: bool = False  # a party to the fighting on its own success or the enemy's losses
    admitted: bool = False  # a party to the fighting on its own losses
    at: str | None = None  # ``when`` with its time of day (ISO 8601), where the document gives one

    @property
    def ref(self) -> dict[str, str]:
        return {"doc_id": self.doc_id, "figure": self.figure}

    def to_record(self) -> dict[str, Any]:
        """Every field, as JSON holds it (what a store keeps between refreshes); ``from_record`` reads it back."""
        # An open interval's infinite bound goes as Python's json writes it ("Infinity") and reads it back.
        return {f.name: getattr(self, f.name) for f in fields(self)} | {"variable": self.variable.to_dict()}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Report:
        return cls(
            **{
                **record,
                "variable": VariableKey(**record["variable"]),
                "relays": tuple(record["relays"]),
                "location_parents": tuple(record["location_parents"]),
            }
        )

    @property
    def named(self) -> bool:
        return self.speaker != UNNAMED

    def to_dict(self) -> dict[str, Any]:
        """What a reader needs to trace it: the figure, its words, its date, who said it, through whom, where."""
        return {
            "doc_id": self.doc_id,
            "figure": self.figure,
            "text": self.text,
            "as_of": self.when,
            "at": self.at,
            "source": self.speaker,
            "source_name": self.speaker_label,
            "via": list(self.relays),
            "outlet": self.outlet,
        }


UNNAMED = "unnamed"


@dataclass(slots=True)
class Group:
    """Reports that count as one source: the same original speaker, copies of one story, one wire, one outlet."""

    source: str
    documents: list[str]
    via: list[str]
    why: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "documents": self.documents, "via": self.via, "why": "; ".join(self.why)}


@dataclass(slots=True)
class Value:
    """One number (or interval) of a variable, with every report that backs it."""

    value: float
    low: float
    high: float
    qualifier: str
    when: str | None
    reports: list[Report]
    groups: list[Group] = field(default_factory=list)
    grade: Grade = Grade.WEAK
    interested_party: bool = False

    @property
    def independent_sources(self) -> int:
        return len(self.groups)

    @property
    def sources(self) -> list[str]:
        return sorted({r.speaker for r in self.reports})

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": number(self.value),
            "low": number(self.low),
            "high": number(self.high),
            "qualifier": self.qualifier,
            "as_of": self.when,
            "figures": [r.ref for r in self.reports],
            "sources": self.sources,
            "groups": [g.to_dict() for g in self.groups],
            "independent_sources": self.independent_sources,
            "grade": str(self.grade),
            "interested_party": self.interested_party,
            "reports": [r.to_dict() for r in self.reports],
        }


@dataclass(slots=True)
class Variable:
    key: VariableKey
    values: list[Value]
    low: float | None = None
    best: float | None = None
    high: float | None = None
    subject_name: str | None = None
    location_name: str | None = None

    @property
    def id(self) -> str:
        return self.key.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.key.to_dict(),
            "subject_name": self.subject_name,
            "location_name": self.location_name,
            "low": number(self.low),
            "best": number(self.best),
            "high": number(self.high),
            "values": [v.to_dict() for v in self.values],
        }


@dataclass(slots=True)
class Finding:
    kind: FindingKind
    variable: VariableKey
    reports: list[Report]
    independent_sources: int
    explanation: str
    values: list[Value] = field(default_factory=list)  # the values it is about (not exported)

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(r.speaker for r in self.reports))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "variable": self.variable.to_dict(),
            "variable_id": self.variable.id,
            "figures": [r.ref for r in self.reports],
            "sources": self.sources,
            "independent_sources": self.independent_sources,
            "explanation": self.explanation,
        }


@dataclass(slots=True)
class Ledger:
    """Everything the cross-check found over a corpus."""

    variables: list[Variable]
    findings: list[Finding]
    speakers: dict[str, Speaker]

    def variable(self, variable_id: str) -> Variable | None:
        return next((v for v in self.variables if v.id == variable_id), None)


@dataclass(slots=True)
class Speaker:
    """One speaker across the corpus: its key, the names it goes by, whom it was relayed by."""

    key: str
    name: str
    kind: str
    names: set[str] = field(default_factory=set)
    relays: set[str] = field(default_factory=set)
    party: str | None = None  # the side it belongs to, when it is a party to the fighting
    claims: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.key,
            "name": self.name,
            "kind": self.kind,
            "names": sorted(self.names),
            "relays": sorted(self.relays),
            "party_to_fighting": self.party,
            "claims": self.claims,
        }


def number(value: float | None) -> float | int | None:
    """A whole number as an int (8000, not 8000.0); infinity as None (JSON has no infinity)."""
    if value is None or math.isinf(value):
        return None
    return int(value) if float(value).is_integer() else value
