"""Hostile text stays text: terminal escapes, controls and bidi overrides out at cleaning; titles are plain text."""

from __future__ import annotations

import json

import pytest

from corroborator.clean import clean
from corroborator.clean.sanitise import MAX_FIELD_CHARS, plain_line, plain_markup, plain_text
from corroborator.records import Metadata, RawDocument

ESC = "\x1b"
CLEAR = f"{ESC}[2J"  # clears the screen
TITLE = f"{ESC}]0;owned{chr(7)}"  # sets the window title, ended by BEL
TITLE_ST = f"{ESC}]2;owned{ESC}\\"  # the same, ended by ST
COLOUR = f"{ESC}[1;31m"
RLO = "\u202e"  # shows what follows right to left
#: Every hostile piece, and what an honest field holds around it.
HOSTILE = (CLEAR, TITLE, TITLE_ST, COLOUR, RLO, "\x00", "\x07", "\x7f", "\x9b", "\u2066", f"{ESC}c")

STORY = (
    "Rescue teams searched the flooded district on Sunday after the river rose overnight, "
    "and the regional governor said 31 people had been taken to shelters."
)


def forbidden(text: str) -> list[str]:
    """Characters a stored field must not hold: escapes, non-whitespace controls, bidi overrides."""
    return [c for c in text if (ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) < 0xA0 or c in RLO + "\u2066"]


@pytest.mark.parametrize("piece", HOSTILE)
def test_a_hostile_piece_leaves_a_name_whole_and_nothing_else(piece):
    assert plain_line(f"Harbour{piece} Gazette") == "Harbour Gazette"
    assert plain_line(f"{piece}Harbour Gazette") == "Harbour Gazette"


def test_a_whole_escape_sequence_goes_not_only_its_escape_character():
    assert plain_text(f"A{CLEAR}B{COLOUR}C{TITLE}D{TITLE_ST}E") == "ABCDE"  # no "[2J" or "0;owned" left


def test_an_unended_title_string_loses_its_introducer_and_keeps_its_text():
    assert plain_text(f"{ESC}]0;still text\nnext line") == "0;still text\nnext line"


def test_the_text_keeps_its_whitespace_and_right_to_left_marks():
    text = "First line\twith a tab\r\nsecond \u200fline\n\nA paragraph."
    assert plain_text(text) == text
    assert plain_text("one\x0ctwo\x0bthree\u2028four") == "one\ntwo\nthree\nfour"


def test_a_name_is_one_line():
    assert plain_line("Maria\nKoval\r\n\tSenior  writer") == "Maria Koval Senior writer"


@pytest.mark.parametrize(
    ("field", "plain"),
    [
        ("<script>alert(1)</script> Soldiers killed near the dam", "Soldiers killed near the dam"),
        ("<b>Bridge</b> <i>reopens</i>", "Bridge reopens"),
        ("Talks &amp; aid: &quot;a start&quot;", 'Talks & aid: "a start"'),
        ("&lt;b&gt;not a tag&lt;/b&gt;", "<b>not a tag</b>"),  # decoded once: the result is not parsed again
        ("Casualties < 100 & rising", "Casualties < 100 & rising"),
        ("Q&A with the mayor", "Q&A with the mayor"),
        ("<style>p{}</style>Ceasefire<br>holds", "Ceasefire holds"),
    ],
)
def test_a_title_is_plain_text(field, plain):
    assert plain_markup(field) == plain


def test_a_long_field_is_cut_at_a_space():
    cut = plain_markup("word " * 1000)
    assert len(cut) <= MAX_FIELD_CHARS and cut.endswith("word")


def raw(text: str, media_type: str = "text/plain", guess_title: bool = True, **hints) -> RawDocument:
    return RawDocument(
        source="x", key="x", data=text.encode(), media_type=media_type, hints=Metadata(**hints), guess_title=guess_title
    )


@pytest.mark.parametrize("piece", HOSTILE)
def test_clean_takes_every_hostile_piece_out_of_the_text_and_the_metadata(piece):
    document = clean(
        raw(
            f"{piece}{STORY}\n\nA second {piece}paragraph says the water is falling.",
            title=f"{piece}Floods in the valley{piece}",
            outlet=f"Valley {piece}Courier",
            authors=(f"{piece}Maria Koval",),
            tags=(f"floods{piece}",),
            url=f"https://courier.example/floods{piece}",
        )
    )
    stored = json.loads(json.dumps(document.to_dict()))  # every field the export writes
    for value in _strings(stored):
        assert not forbidden(value), (piece, value)
    assert document.metadata.title == "Floods in the valley"
    assert document.metadata.outlet == "Valley Courier"
    assert document.metadata.authors == ("Maria Koval",)
    assert STORY in document.text


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def page(head: str) -> str:
    body = "".join(f"<p>{STORY} Paragraph {n} adds what the shelters need.</p>" for n in range(3))
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_a_page_title_holding_markup_is_plain_text():
    html = page("<title><script>alert(1)</script> Soldiers killed near the dam</title>")
    assert clean(raw(html, "text/html")).metadata.title == "Soldiers killed near the dam"


def test_an_og_title_holding_markup_is_plain_text():
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; Soldiers killed near the dam"
    html = page(f'<meta property="og:title" content="{escaped}"><title>x</title>')
    assert clean(raw(html, "text/html")).metadata.title == "Soldiers killed near the dam"


@pytest.mark.parametrize("piece", HOSTILE)
def test_a_page_with_escapes_in_its_markup_stores_none_of_them(piece):
    html = page(f"<title>Dam {piece}breached{piece}</title>").replace("<p>", f"<p>{piece}", 1)
    document = clean(raw(html, "text/html"))
    assert document.metadata.title == "Dam breached"
    assert not forbidden(document.text) and document.text.startswith(STORY)


def test_a_character_reference_to_a_control_is_not_stored():
    html = page("<title>Dam &#x202E;breached&#27;&#x7f;&#x2066;</title>")
    assert clean(raw(html, "text/html")).metadata.title == "Dam breached"


def test_a_container_title_is_read_once():
    document = clean(raw(STORY, title="Aid &amp;amp; repairs"))
    assert document.metadata.title == "Aid &amp; repairs"  # the container's escape decoded, not a second time
