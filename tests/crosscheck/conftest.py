"""Documents built as records, so that each cross-check rule is tested on exactly the figures it reads."""

from __future__ import annotations

import itertools

import pytest

from corroborator.records import (
    Certainty,
    Claim,
    Document,
    Figure,
    Measure,
    Metadata,
    Modality,
    Party,
    PartyKind,
    Qualifier,
    Reference,
)

_serial = itertools.count(1)


def party(name: str | None = None, entity: str | None = None, kind: str = "person", text: str | None = None) -> Party:
    return Party(text=text or name, name=name, entity=entity, kind=PartyKind(kind if (name or entity) else "unnamed"))


def figure(
    value: float,
    *,
    measure: str = "present",
    subject: str | None = "north-korea",
    subject_text: str = "North Korean troops",
    location: str | None = "kursk-oblast",
    parents: tuple[str, ...] = ("russia",),
    qualifier: str = "exact",
    unit: str = "people",
    modality: str = "actual",
    as_of: str | None = None,
    high: float | None = None,
    text: str | None = None,
) -> Figure:
    return Figure(
        id="",
        text=text or f"{value:,.0f}",
        span=(0, 1),
        value=value,
        low=value,
        high=high if high is not None else value,
        qualifier=Qualifier(qualifier),
        unit=unit,
        subject=Reference(subject_text, entity=subject),
        measure=Measure(measure),
        location=Reference(location.replace("-", " ").title(), entity=location, parents=list(parents))
        if location
        else None,
        as_of=as_of,
        modality=Modality(modality),
    )


def document(
    *said: tuple[Party | None, list[Figure]],
    published: str | None = "2024-11-05",
    published_at: str | None = None,
    outlet: str | None = None,
    text: str | None = None,
    relayed_from: str | None = None,
    via: list[Party] | None = None,
) -> Document:
    """A document in which each speaker (None: nobody) says its figures."""
    claims: list[Claim] = []
    figures: list[Figure] = []
    for speaker, numbers in said:
        claim_id = None
        if speaker is not None:
            claim_id = f"c{len(claims) + 1}"
            claims.append(Claim(claim_id, speaker, "say", Certainty("asserted"), "…", (0, 1), via=list(via or [])))
        for number in numbers:
            number.id = f"f{len(figures) + 1}"
            number.claim = claim_id
            figures.append(number)
    serial = next(_serial)
    body = text or _distinct_text(serial)
    return Document(
        input=f"doc{serial}.txt",
        text=body,
        metadata=Metadata(
            published=published,
            published_at=published_at,
            outlet=outlet or f"Outlet {serial}",
            relayed_from=relayed_from,
        ),
        claims=claims,
        figures=figures,
    )


_WORDS = (
    "river harbour convoy village bridge winter market school tower ferry orchard station council "
    "valley garrison border engine signal meadow quarry archive lantern harvest shelter factory"
).split()


def _distinct_text(serial: int) -> str:
    """A body that shares no run of three words with another test document's: not a copy of it."""
    random = __import__("random").Random(serial)
    words = [random.choice(_WORDS) + str(serial) for _ in range(30)]
    return " ".join(words) + "."


class Build:
    """The record builders, handed to tests as the ``build`` fixture."""

    party = staticmethod(party)
    figure = staticmethod(figure)
    document = staticmethod(document)


@pytest.fixture
def build() -> type[Build]:
    return Build


@pytest.fixture
def blinken() -> Party:
    return party("Antony Blinken", "antony-blinken")


@pytest.fixture
def zelensky() -> Party:
    return party("Volodymyr Zelensky", "volodymyr-zelensky")
