"""One search over both engines: ranked best first, snippets from readable text, one query syntax, no engine errors."""

from __future__ import annotations

import json
import random
import re

import pytest
from sqlalchemy import text

from corroborator.cli import main
from corroborator.pipeline.storing import ingest
from corroborator.store import Store, search
from corroborator.store.migrations import run_downgrade, run_upgrade
from corroborator.store.search import (
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    QueryError,
    fts5_query,
    parse_query,
    postgres_query,
)

# Written for these tests. Files are read in name order, so the best match for
# "Zatoka" (z-bridge) is stored last: ranking by id would put it last.
TEXTS = {
    "a-ferries.txt": "Ferries run again near the coast\n\n"
    "Officials said the ferries crossed near Zatoka once in the morning and then stopped for the day "
    "because of the weather at sea, and that the crossing would reopen when the wind drops.\n",
    "m-spokesperson.txt": "Troops moved south\n\n"
    "A State Department spokesperson said that about 3,000 soldiers had been moved to the Zatoka area.\n",
    "z-bridge.txt": "Zatoka bridge struck again\n\n"
    "Governor Oleh Syniehubov said on Monday that 14 people were wounded when drones hit Zatoka. "
    "Zatoka residents were told to stay indoors.\n",
}
UNTITLED = {
    "text": "Air defence units shot down eleven drones over the port overnight, the navy reported on its channel.",
    "outlet": "Coastal Monitor",
    "authors": ["Iryna Koval", "Petro Lys"],
    "tags": ["drones", "air defence"],
}
UNTITLED_TITLE = "Air defence units shot down eleven drones over the port… — Coastal Monitor"


@pytest.fixture
def small(store, nlp, tmp_path):
    for name, body in TEXTS.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "batch.jsonl").write_text(json.dumps(UNTITLED) + "\n", encoding="utf-8")
    ingest(store, [str(tmp_path)], nlp=nlp)
    return store


def _plain(snippet: str) -> list[str]:
    """The snippet's pieces without the marks, whitespace folded."""
    return [" ".join(p.replace("[", "").replace("]", "").split()) for p in snippet.split("…") if p.strip()]


def _readable(store: Store, hit) -> str:
    """The text a reader sees for a hit: the document's text, or the claim's content."""
    with store.engine.connect() as connection:
        if hit.kind == "claim":
            sql, params = "SELECT content FROM claims WHERE document_id = :d AND claim = :i", {"i": hit.item}
        else:
            sql, params = "SELECT text FROM documents WHERE id = :d", {}
        found = connection.execute(text(sql), {"d": hit.document_id, **params}).scalar_one()
    return " ".join(found.split())


def test_hits_come_best_first_not_in_stored_order(small):
    hits = search(small, "Zatoka", kind="document")
    assert hits[0].input.rsplit("/", 1)[-1] == "z-bridge.txt"
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)
    assert hits != sorted(hits, key=lambda hit: hit.document_id)
    everything = search(small, "Zatoka")
    assert [hit.rank for hit in everything] == sorted((hit.rank for hit in everything), reverse=True)


def test_snippets_are_cut_from_what_a_reader_sees(small):
    for query in ("Zatoka", "drones", "soldiers", "wounded", "deployed", "Syniehubov", "spokesperson"):
        for hit in search(small, query, limit=50):
            assert hit.snippet, hit
            for piece in _plain(hit.snippet):
                assert piece in _readable(small, hit), (query, hit)


def test_a_figure_shows_its_sentence_and_a_speaker_what_they_said(small):
    # "deployed" is the figure's measure: it finds the figure, and is not shown after its sentence.
    (figure,) = search(small, "deployed", kind="figure")
    assert figure.heading == "about 3,000"
    assert (
        figure.snippet
        == "A State Department spokesperson said that about 3,000 soldiers had been moved to the Zatoka area."
    )
    (wounded,) = search(small, "wounded", kind="figure")
    assert "[wounded]" in wounded.snippet and "Syniehubov" in wounded.snippet
    # A hit on the speaker's name shows the claim's content.
    (claim,) = search(small, "Syniehubov", kind="claim")
    assert claim.heading == "Oleh Syniehubov"
    assert claim.snippet == "14 people were wounded when drones hit Zatoka"
    # A hit on a spokesperson's words finds the claim of the body they speak for, under its name.
    (spokesperson,) = search(small, "spokesperson", kind="claim")
    assert spokesperson.heading == "U.S. Department of State"
    assert spokesperson.snippet == "about 3,000 soldiers had been moved to the Zatoka area"


def test_matched_words_are_marked_alike_on_both_engines(small):
    (hit,) = search(small, '"bridge struck" zatoka', kind="document")
    assert hit.title == "Zatoka bridge struck again"
    assert hit.snippet.endswith("drones hit [Zatoka]. [Zatoka] residents were told to stay indoors.")
    (claim,) = search(small, "wounded Zatoka", kind="claim")
    assert claim.snippet == "14 people were [wounded] when drones hit [Zatoka]"


def test_an_untitled_document_is_shown_by_its_first_words_and_outlet(small):
    (hit,) = search(small, "navy", kind="document")
    assert hit.title == hit.heading == UNTITLED_TITLE
    (figure,) = search(small, "eleven", kind="figure")
    assert figure.title == UNTITLED_TITLE
    with small.engine.connect() as connection:
        titles = connection.execute(text("SELECT title FROM documents_view")).scalars().all()
    assert UNTITLED_TITLE in titles and None not in titles


def test_words_alternatives_phrases_and_exclusions(small):
    def inputs(query: str) -> set[str]:
        return {hit.input.rsplit("/", 1)[-1] for hit in search(small, query, kind="document")}

    assert inputs("Zatoka") == {"a-ferries.txt", "m-spokesperson.txt", "z-bridge.txt"}
    assert inputs("zatoka -drones") == {"a-ferries.txt", "m-spokesperson.txt"}
    assert inputs('zatoka -"State Department"') == {"a-ferries.txt", "z-bridge.txt"}
    assert inputs("ferries OR soldiers") == {"a-ferries.txt", "m-spokesperson.txt"}
    assert inputs("ferries OR soldiers moved OR bridge -wind") == {"m-spokesperson.txt", "z-bridge.txt"}
    assert inputs('"residents were told"') == {"z-bridge.txt"}
    assert inputs('"told were residents"') == set()
    assert inputs('"unclosed phrase about ferries') == set()
    assert inputs('"ferries crossed') == {"a-ferries.txt"}
    assert inputs("ferry") == {"a-ferries.txt"}  # any form of a word


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "the search query is empty"),
        ("   \t", "the search query is empty"),
        ("-", "nothing to search for"),
        ("*", "nothing to search for"),
        ('"', "nothing to search for"),
        ("OR OR", "nothing to search for"),
        ("( * ) : ^", "nothing to search for"),
        ("-drones", "only excludes"),
        (" ".join(["drones"] * (MAX_QUERY_WORDS + 1)), f"at most {MAX_QUERY_WORDS}"),
        ("x" * (MAX_QUERY_CHARS + 1), f"at most {MAX_QUERY_CHARS:,}"),
        ("-" * (MAX_QUERY_CHARS + 1), f"at most {MAX_QUERY_CHARS:,}"),
    ],
)
def test_a_query_with_nothing_to_find_says_so(small, query, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        search(small, query)


#: What users type by mistake, and what FTS5, tsquery or SQL would take as syntax.
NASTY = [
    '"', '""', '"""', '"Zatoka', 'Zatoka"', '-"', '- Zatoka', "--Zatoka", "Zatoka -", "Zatoka OR", "OR Zatoka",
    "Zatoka OR OR drones", "AND", "NOT Zatoka", "Zatoka AND NOT drones", "NEAR(Zatoka drones)", "NEAR(",
    "Zatoka*", "*Zatoka", "Zat*ka", "^Zatoka", "title:Zatoka", "body : Zatoka", "{title body}: Zatoka",
    "Zatoka + drones", "(Zatoka", "Zatoka)", "((()))", "Zatoka & drones | !bridge", "Zatoka <-> drones",
    "Zatoka:*", "'Zatoka'", "Zatoka'; DROP TABLE documents; --", "Zatoka\\", "%Zatoka%", "_", "Zatoka_bridge",
    "3,000", "14", "zatoka ZATOKA ZaToKa", "Zátoka", "Ｚａｔｏｋａ", "Затока", "ザトカ", "😀 Zatoka", "Zatoka\x00drones",
    "Zatoka\u200bdrones", "\ufeffZatoka", "a" * 5000, "Zatoka " + "x" * 2000, " OR ".join(["Zatoka"] * 30),
    "the", "the OR of", "-the Zatoka", '"the" "a" Zatoka', "Zatoka -Zatoka",
]  # fmt: skip

_PIECES = ['"', "-", "OR", "AND", "NOT", "NEAR(", "*", "(", ")", ":", "^", "+", "'", ";", "\\", "|", "&", "!", "<->"]
_PIECES += ["Zatoka", "drones", "bridge", "the", "3,000", "ü", "\t", " ", " ", " "]


def _random_queries(count: int) -> list[str]:
    rng = random.Random(8)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_no_query_is_an_engine_error(small):
    for query in NASTY + _random_queries(300):
        try:
            hits = search(small, query)
        except QueryError as error:
            assert "\n" not in str(error)
            continue
        assert all(hit.kind in ("document", "claim", "figure") for hit in hits)
    assert search(small, "Zatoka\\") and search(small, "Zatoka*") and search(small, "NEAR(Zatoka")
    assert search(small, "Zatoka'; DROP TABLE documents; --") == [] and search(small, "Zatoka", kind="document")


def test_the_command_line_says_what_is_wrong_with_a_query(small, capsys):
    def run(*args: str) -> tuple[object, str, str]:
        with pytest.raises(SystemExit) as done:
            main(["search", *args, "--db", str(small.url.render_as_string(hide_password=False))])
        out, err = capsys.readouterr()
        return done.value.code, out, err

    code, out, err = run("")
    assert (code, out) == (2, "") and len(err.strip().splitlines()) == 1 and "the search query is empty" in err
    code, out, err = run("*")
    assert (code, out) == (2, "") and "nothing to search for in '*'" in " ".join(err.split())
    code, out, err = run("NEAR(Zatoka", "--kind", "document")  # a word joined to punctuation is a phrase
    assert code == 0 and "a-ferries.txt" in out
    code, out, err = run("navy")
    assert code == 0 and f"({UNTITLED_TITLE})" in out and "untitled" not in out
    code, out, err = run("Zatoka OR OR", "--kind", "document")
    assert code == 0 and out.splitlines()[0].endswith("(Zatoka bridge struck again)")


def test_a_pasted_wall_of_words_is_refused_in_one_line(small, capsys):
    """2,000 repeated words, 12,000 characters: refused before the engine sees them, with the cap named."""
    wall = "shell " * 2_000
    assert len(wall) == 12_000
    with pytest.raises(SystemExit) as done:
        main(["search", wall, "--db", str(small.url.render_as_string(hide_password=False))])
    out, err = capsys.readouterr()
    assert (done.value.code, out) == (2, "")
    assert err.strip().splitlines() == [f"error: the search query has 12,000 characters: at most {MAX_QUERY_CHARS:,}"]
    with pytest.raises(QueryError, match="has 500 words: at most"):  # within the characters, over the words
        parse_query(" ".join(["w"] * 2_000)[:MAX_QUERY_CHARS])  # 500 words fit in 1,000 characters


def test_a_repeated_term_is_given_to_the_engine_once(small):
    assert fts5_query("Zatoka Zatoka zatoka drones Zatoka") == '"Zatoka" AND "zatoka" AND "drones"'
    assert fts5_query("Zatoka OR Zatoka OR drones -bridge -bridge") == '(("Zatoka") OR ("drones")) NOT "bridge"'
    assert postgres_query("Zatoka Zatoka")[1] == {"t0": "Zatoka"}
    once = [(hit.document_id, hit.item) for hit in search(small, "Zatoka")]
    assert [(hit.document_id, hit.item) for hit in search(small, " ".join(["Zatoka"] * MAX_QUERY_WORDS))] == once


def test_an_existing_0001_store_is_upgraded_in_place(small):
    with small.engine.connect() as connection:
        before = connection.execute(text("SELECT * FROM search ORDER BY id")).mappings().all()
        run_downgrade(connection, "0001")
        old = connection.execute(text("SELECT body FROM search WHERE kind = 'figure' ORDER BY id")).scalars().all()
        assert any(body.endswith("deployed soldiers Zatoka area") for body in old)  # 0001's figure rows
        run_upgrade(connection)
        after = connection.execute(text("SELECT * FROM search ORDER BY id")).mappings().all()
    assert [{k: v for k, v in row.items() if k != "tsv"} for row in after] == [
        {k: v for k, v in row.items() if k != "tsv"} for row in before
    ]
    assert search(small, "deployed", kind="figure")[0].snippet.endswith("the Zatoka area.")


def test_the_corpus_is_searchable_best_first(filled_store):
    hits = search(filled_store, "Blinken Kursk", limit=50)
    assert {hit.kind for hit in hits} == {"document", "claim", "figure"}
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)
    assert hits[0].kind in ("document", "claim")
    for hit in hits:
        for piece in _plain(hit.snippet):
            assert piece in _readable(filled_store, hit), hit
        assert hit.title and hit.title != "(untitled)"


def test_only_current_versions_are_found(store, nlp, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Heavy shelling in Vovchansk\n\nThe governor said that 17 houses were destroyed in Vovchansk.\n")
    ingest(store, [str(page)], nlp=nlp)
    assert search(store, "Vovchansk", kind="document")
    page.write_text("Heavy shelling in Kupiansk\n\nThe governor said that 21 houses were destroyed in Kupiansk.\n")
    ingest(store, [str(page)], nlp=nlp)
    assert search(store, "Vovchansk") == []
    assert [hit.title for hit in search(store, "Kupiansk", kind="document")] == ["Heavy shelling in Kupiansk"]


def test_unknown_kinds_are_refused(small):
    with pytest.raises(ValueError, match="unknown kind"):
        search(small, "Zatoka", kind="paragraph")


def test_the_query_is_parsed_once_and_written_for_each_engine():
    assert fts5_query("kursk soldiers") == '"kursk" AND "soldiers"'
    assert fts5_query('"north korean" troops') == '"north korean" AND "troops"'
    assert fts5_query("blinken OR zelensky") == '("blinken") OR ("zelensky")'
    assert fts5_query("kursk -drone") == '("kursk") NOT "drone"'
    assert fts5_query("8,000 NEAR(x)") == '"8 000" AND "NEAR x"'
    assert fts5_query('"unclosed phrase') == '"unclosed phrase"'
    assert fts5_query("a OR OR b -") == '("a") OR ("b")'
    assert fts5_query("x_y") == '"x y"'
    parsed = parse_query('kursk "north korean" OR dprk -"drone strike" -')
    assert parsed.alternatives == ((("kursk",), ("north", "korean")), (("dprk",),))
    assert parsed.excluded == (("drone", "strike"),)
    expression, params = postgres_query(parsed)
    assert params == {"t0": "kursk", "t1": "north korean", "t2": "dprk", "t3": "drone strike"}
    assert expression == (
        "((phraseto_tsquery('english', CAST(:t0 AS text)) && phraseto_tsquery('english', CAST(:t1 AS text)))"
        " || (phraseto_tsquery('english', CAST(:t2 AS text)))) && !!phraseto_tsquery('english', CAST(:t3 AS text))"
    )
