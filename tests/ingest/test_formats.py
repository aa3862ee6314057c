"""Formats are known by name and by their first bytes; content that says what it is wins."""

from __future__ import annotations

import pytest

from corroborator.ingest.formats import Format, sniff

PAGE = b"<!DOCTYPE html><html><head><title>Strike on Kharkiv</title></head><body><p>Text.</p></body></html>"
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>'
ATOM = b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title></feed>'


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("page.html", Format.HTML),
        ("page.HTM", Format.HTML),
        ("feed.xml", Format.FEED),
        ("feed.rss", Format.FEED),
        ("feed.atom", Format.FEED),
        ("batch.jsonl", Format.JSONL),
        ("batch.ndjson", Format.JSONL),
        ("result.json", Format.JSON),
        ("notes.txt", Format.TEXT),
        ("notes.md", Format.TEXT),
    ],
)
def test_format_by_extension(name, expected):
    assert sniff(name, b"plain words, nothing that looks like markup") is expected


@pytest.mark.parametrize("name", ["saved.txt", "saved", "saved.php", "https://example.org/story?id=3"])
def test_html_page_is_recognised_whatever_its_name(name):
    assert sniff(name, PAGE) is Format.HTML


@pytest.mark.parametrize(
    "head",
    [
        b"\n\n  <html lang='en'><body>",
        b"<!-- saved by a browser -->\n<!DOCTYPE HTML>",
        b"\xef\xbb\xbf<!doctype html>",
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">',
        b"<meta charset='utf-8'><title>Fragment</title><div class='story'><p>Text</p></div>",
    ],
)
def test_html_is_sniffed_from_its_first_bytes(head):
    assert sniff("download", head) is Format.HTML


def test_html_in_utf16_is_sniffed_from_its_characters():
    assert sniff("saved.txt", PAGE.decode().encode("utf-16")) is Format.HTML


@pytest.mark.parametrize("data", [FEED, ATOM])
def test_feed_is_sniffed_from_its_root_element(data):
    assert sniff("download", data) is Format.FEED
    assert sniff("feed.html", data) is Format.FEED


def test_served_media_type_counts_before_the_name():
    assert sniff("https://example.org/news.xml", b'{"name": "x", "messages": []}', "application/json") is Format.JSON


def test_html_served_as_text_plain_is_html():
    assert sniff("https://example.org/story", PAGE, "text/plain") is Format.HTML


def test_feed_served_as_html_is_a_feed():
    assert sniff("https://example.org/rss", FEED, "text/html") is Format.FEED


def test_json_lines_and_json_are_told_apart_by_content():
    assert sniff("download", b'{"text": "one"}\n{"text": "two"}\n') is Format.JSONL
    assert sniff("download", b'{\n  "name": "Channel",\n  "messages": []\n}\n') is Format.JSON
    assert sniff("download", b'[{"text": "one"}]') is Format.JSON


@pytest.mark.parametrize(
    "text", [b"[Reuters] Kyiv said on Monday...", b"{UPDATE} The ministry said...", b"[1] A note."]
)
def test_text_opening_with_a_bracket_is_not_json(text):
    assert sniff("scraped", text) is Format.TEXT


def test_plain_text_with_no_name_is_text():
    assert sniff("-", b"Officials said on Monday that 12 people were hurt.") is Format.TEXT


def test_declared_jsonl_is_kept_even_if_it_opens_with_markup_like_text():
    assert sniff("batch.jsonl", b'{"html": "<html><body><p>x</p></body></html>"}\n') is Format.JSONL
