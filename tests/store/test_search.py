"""One search over both engines: FTS5 on SQLite, tsvector on PostgreSQL."""

from __future__ import annotations

import pytest

from corroborator.store import ingest, search
from corroborator.store.search import fts5_query


@pytest.fixture
def filled(filled_store):  # type: ignore[no-untyped-def]
    return filled_store


def test_words_find_documents_claims_and_figures(filled):
    hits = search(filled, "Blinken Kursk", limit=50)
    assert {hit.kind for hit in hits} == {"document", "claim", "figure"}
    assert all("[" in hit.snippet for hit in hits)
    assert hits == sorted(hits, key=lambda hit: -hit.rank)
    titles = {hit.title for hit in hits if hit.kind == "document"}
    assert "Blinken says around 8,000 North Korean soldiers are now in Kursk" in titles


def test_words_match_in_any_form(filled):
    drones = {hit.input for hit in search(filled, "drones", kind="document", limit=50)}
    assert drones and drones == {hit.input for hit in search(filled, "drone", kind="document", limit=50)}
    killed = {hit.input for hit in search(filled, "killed", kind="document", limit=50)}
    assert killed == {hit.input for hit in search(filled, "kill", kind="document", limit=50)}


def test_phrases_alternatives_and_exclusions(filled):
    phrase = {hit.document_id for hit in search(filled, '"North Korean soldiers"', kind="document", limit=50)}
    words = {hit.document_id for hit in search(filled, "North Korean soldiers", kind="document", limit=50)}
    assert phrase and phrase <= words
    blinken = {hit.document_id for hit in search(filled, "Blinken", kind="document", limit=50)}
    zelensky = {hit.document_id for hit in search(filled, "Zelensky", kind="document", limit=50)}
    either = {hit.document_id for hit in search(filled, "Blinken OR Zelensky", kind="document", limit=50)}
    assert either == blinken | zelensky
    without = {hit.document_id for hit in search(filled, "Blinken -Zelensky", kind="document", limit=50)}
    assert without == blinken - zelensky


def test_kinds_and_limits(filled):
    claims = search(filled, "soldiers", kind="claim", limit=3)
    assert len(claims) == 3 and {hit.kind for hit in claims} == {"claim"}
    assert all(hit.item and hit.item.startswith("c") and hit.heading for hit in claims)
    figures = search(filled, "soldiers", kind="figure", limit=2)
    assert [hit.item[0] for hit in figures] == ["f", "f"]
    with pytest.raises(ValueError):
        search(filled, "soldiers", kind="paragraph")


@pytest.mark.parametrize("query", ["", "   ", "-", '"', "AND OR NOT", "* ( ) : ^ NEAR", "'; DROP TABLE documents; --"])
def test_no_query_is_a_syntax_error(filled, query):
    search(filled, query)  # may find something or nothing, never raise


def test_only_current_versions_are_found(store, nlp, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Heavy shelling in Vovchansk\n\nThe governor said that 17 houses were destroyed in Vovchansk.\n")
    ingest(store, [str(page)], nlp=nlp)
    assert search(store, "Vovchansk", kind="document")
    page.write_text("Heavy shelling in Kupiansk\n\nThe governor said that 21 houses were destroyed in Kupiansk.\n")
    ingest(store, [str(page)], nlp=nlp)
    assert search(store, "Vovchansk") == []
    assert [hit.title for hit in search(store, "Kupiansk", kind="document")] == ["Heavy shelling in Kupiansk"]


def test_fts5_query_translation():
    assert fts5_query("kursk soldiers") == '"kursk" AND "soldiers"'
    assert fts5_query('"north korean" troops') == '"north korean" AND "troops"'
    assert fts5_query("blinken OR zelensky") == '("blinken") OR ("zelensky")'
    assert fts5_query("kursk -drone") == '("kursk") NOT "drone"'
    assert fts5_query("8,000 NEAR(x)") == '"8 000" AND "NEAR x"'
    assert fts5_query("-only") == ""
    assert fts5_query("OR") == ""
    assert fts5_query('"unclosed phrase') == '"unclosed phrase"'
