"""Records serialise to the export contract (shared/eval/SPEC.md section 1) and back."""

from __future__ import annotations

import hashlib

from corroborator.records import Document, Metadata, RemovedLine

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
