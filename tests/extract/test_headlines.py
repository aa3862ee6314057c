"""Claims in a document's title, read with the same pipeline as its body (``extract.headlines``)."""

from __future__ import annotations

import pytest

from corroborator.extract import annotate, load_pipeline
from corroborator.extract.headlines import MAX_TITLE_CHARS
from corroborator.records import Claim, Document, Metadata

BODY = "The ferry resumed its crossings on Monday, the port authority said.\n"


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline()


def annotated(pipeline, title: str | None) -> Document:
    [document] = annotate([Document(input="t.txt", text=BODY, metadata=Metadata(title=title))], pipeline)
    return document


@pytest.mark.parametrize(
    ("title", "source", "content"),
    [
        ("Harbour master says the eastern pier will reopen in May", "Harbour master", "the eastern pier will reopen"),
        ("Eastern Pier To Reopen In May, Harbour Master Says", "Harbour Master", "Eastern Pier To Reopen In May"),
        ("Halvorsen: ferry crossings will resume after the storm", "Halvorsen", "ferry crossings will resume"),
    ],
)
def test_a_headline_that_attributes_is_a_claim_of_the_title(pipeline, title, source, content):
    document = annotated(pipeline, title)
    body, headline = [c for c in document.claims if not c.in_title], [c for c in document.claims if c.in_title]
    assert len(body) == 1 and len(headline) == 1
    claim = headline[0]
    assert source in (claim.source.text or "") and content in claim.content
    assert title[claim.span[0] : claim.span[1]] == claim.content  # offsets into the title, not the text
    assert claim.id == "c2" and claim.parent is None  # numbered after the body's


def test_a_title_that_attributes_nothing_adds_nothing(pipeline):
    assert [c for c in annotated(pipeline, "Ferry crossings resume").claims if c.in_title] == []
    assert [c for c in annotated(pipeline, None).claims if c.in_title] == []


def test_a_title_too_long_for_a_headline_is_not_read(pipeline):
    long = "Harbour master says the eastern pier will reopen in May " * (MAX_TITLE_CHARS // 40)
    assert len(long) > MAX_TITLE_CHARS
    assert [c for c in annotated(pipeline, long).claims if c.in_title] == []


def test_in_title_goes_out_and_comes_back_only_where_it_is_so(pipeline):
    claims = annotated(pipeline, "Harbour master says the eastern pier will reopen in May").claims
    exported = [c.to_dict() for c in claims]
    assert ["in_title" in e for e in exported] == [False, True]
    assert [Claim.from_dict(e) for e in exported] == claims


def test_a_title_the_text_repeats_is_read_once_there(pipeline):
    title = "Harbour master says the eastern pier will reopen in May"
    text = f"{title}\n\n{BODY}"
    [document] = annotate([Document(input="t.txt", text=text, metadata=Metadata(title=title))], pipeline)
    assert not any(c.in_title for c in document.claims)
