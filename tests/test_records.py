"""Records serialise to the export contract (shared/eval/SPEC.md section 1) and back."""

from __future__ import annotations

import hashlib
import json

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
    QuoteKind,
    RemovedLine,
)

SPEC_KEYS = {
    "doc_id",
    "input",
    "title",
    "authors",
    "published",
    "outlet",
    "tags",
    "text",
    "entities",
    "claims",
    "figures",
}


def make_document() -> Document:
    return Document(
        input="feed.xml#https://x.example/1",
        text="Officials said 40 drones were launched.",
        metadata=Metadata(
            title="Drones", authors=("Jane Doe",), published="2024-11-05", outlet="Wire", tags=("Drones",)
        ),
        removed=[RemovedLine(line=2, text="Share:", rule="share-widget")],
    )


def test_document_has_every_field_the_contract_requires():
    data = make_document().to_dict()
    assert data.keys() >= SPEC_KEYS
    assert data["authors"] == ["Jane Doe"] and data["tags"] == ["Drones"]
    assert data["entities"] == data["claims"] == data["figures"] == []


def test_doc_id_is_the_sha256_of_the_clean_text():
    document = make_document()
    assert document.doc_id == hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def test_round_trip():
    document = make_document()
    again = Document.from_dict(document.to_dict())
    assert again.to_dict() == document.to_dict()


def test_metadata_merge_fills_only_the_gaps():
    known = Metadata(title="From the feed", authors=())
    page = Metadata(title="From the page", authors=("Jane Doe",), published="2024-11-05")
    merged = known.merged_over(page)
    assert (merged.title, merged.authors, merged.published) == ("From the feed", ("Jane Doe",), "2024-11-05")


def _claim_and_figure() -> tuple[Claim, Figure]:
    claim = Claim(
        id="c1",
        source=Party(text="Officials", kind=PartyKind.UNNAMED, span=(0, 9)),
        cue="say",
        certainty=Certainty.ASSERTED,
        content="40 drones were launched",
        span=(15, 38),
        quote=QuoteKind.INDIRECT,
    )
    figure = Figure(
        id="f1",
        text="40",
        span=(15, 17),
        value=40,
        low=40,
        high=40,
        qualifier=Qualifier.EXACT,
        unit="drones",
        measure=Measure.LAUNCHED,
        modality=Modality.ACTUAL,
        claim="c1",
    )
    return claim, figure


def test_vocabularies_export_as_the_strings_they_stand_for():
    claim, figure = _claim_and_figure()
    document = make_document()
    document.claims, document.figures = [claim], [figure]
    exported = json.dumps(document.to_dict(), ensure_ascii=False)
    plain = json.loads(exported)
    assert exported == json.dumps(plain, ensure_ascii=False)  # byte for byte what plain strings give
    assert plain["claims"][0]["certainty"] == "asserted" and plain["claims"][0]["source"]["kind"] == "unnamed"
    assert (plain["figures"][0]["qualifier"], plain["figures"][0]["measure"]) == ("exact", "launched")
    assert f"{claim.source.kind}|{figure.measure}" == "unnamed|launched"


def test_from_dict_reads_the_vocabularies_back_as_enums():
    claim, figure = _claim_and_figure()
    again = Claim.from_dict(json.loads(json.dumps(claim.to_dict())))
    assert again == claim
    assert type(again.certainty) is Certainty and type(again.quote) is QuoteKind
    assert type(again.source.kind) is PartyKind
    read = Figure.from_dict(json.loads(json.dumps(figure.to_dict())))
    assert read == figure
    assert (type(read.qualifier), type(read.measure), type(read.modality)) == (Qualifier, Measure, Modality)


def test_a_value_outside_a_vocabulary_is_refused():
    _, figure = _claim_and_figure()
    data = figure.to_dict() | {"measure": "exploded"}
    with pytest.raises(ValueError, match="exploded"):
        Figure.from_dict(data)
