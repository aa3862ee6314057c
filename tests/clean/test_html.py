"""HTML pages through trafilatura and the line rules: body kept, furniture gone, metadata read."""

from __future__ import annotations

import json

import pytest

from corroborator.clean import clean
from corroborator.clean.html import extract_page
from corroborator.errors import SkipInput, SkipReason
from corroborator.records import Metadata, RawDocument

PARAGRAPHS = [
    "Regional officials said on Tuesday that repair crews had restored power to most of the city after the overnight strike.",
    "The governor told reporters that 23 people were treated in hospital, four of them for serious injuries.",
    "According to the energy ministry, the attack damaged two substations and a water pumping station.",
    "Engineers expect the remaining districts to be reconnected by the end of the week, the ministry added.",
]


def modern_page(*, with_jsonld: bool = True) -> str:
    jsonld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Power restored after overnight strike",
        "datePublished": "2024-11-12T08:30:00+02:00",
        "author": [{"@type": "Person", "name": "Iryna Koval"}],
        "publisher": {"@type": "Organization", "name": "Harbour Gazette"},
        "keywords": "Energy, Strikes",
    }
    script = f'<script type="application/ld+json">{json.dumps(jsonld)}</script>' if with_jsonld else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Power restored after overnight strike | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">{script}</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article><h1>Power restored after overnight strike</h1>
<p class="byline">By Iryna Koval</p>
<figure><img src="/a.jpg"><figcaption>Crews at a substation. Photo: Harbour Gazette</figcaption></figure>
{body}
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/x">Grid operator warns of winter cuts</a></li>
<li><a href="/y">Drone debris falls on suburb</a></li></ul></aside>
<div class="newsletter">Sign up for our morning briefing newsletter</div></main>
<footer>Copyright 2024 Harbour Gazette. All rights reserved.</footer></body></html>"""


def raw(html: str, key: str = "page.html", hints: Metadata | None = None) -> RawDocument:
    return RawDocument(
        source=key, key=key, data=html.encode("utf-8"), media_type="text/html", hints=hints or Metadata()
    )


def test_modern_page_keeps_the_body_and_loses_the_furniture():
    document = clean(raw(modern_page()))
    assert document.text.split("\n\n") == PARAGRAPHS
    for clutter in (
        "cookies",
        "Home",
        "Share on",
        "Related articles",
        "Grid operator",
        "briefing",
        "Copyright",
        "By Iryna",
    ):
        assert clutter not in document.text


def test_modern_page_metadata():
    meta = clean(raw(modern_page())).metadata
    assert meta.title == "Power restored after overnight strike"
    assert meta.authors == ("Iryna Koval",)
    assert meta.published == "2024-11-12"
    assert meta.published_at == "2024-11-12T08:30:00+02:00"
    assert meta.outlet == "Harbour Gazette"


def test_byline_in_the_text_gives_the_author_when_markup_has_none():
    meta = clean(raw(modern_page(with_jsonld=False))).metadata
    assert meta.authors == ("Iryna Koval",)


def test_container_hints_win_over_the_page():
    hints = Metadata(title="Feed title", published="2024-11-13", outlet="Wire")
    meta = clean(raw(modern_page(), hints=hints)).metadata
    assert (meta.title, meta.published, meta.outlet) == ("Feed title", "2024-11-13", "Wire")
    assert meta.published_at is None  # the page's 08:30 is a time of the 12th, not of the container's day


def test_a_page_dated_without_a_time_of_day_has_no_moment():
    page = modern_page().replace("2024-11-12T08:30:00+02:00", "2024-11-12")
    meta = clean(raw(page)).metadata
    assert (meta.published, meta.published_at) == ("2024-11-12", None)


def test_table_layout_page_is_read_as_blocks():
    cells = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = f"""<html><head><title>Gazette - World - Power restored after overnight strike</title></head><body>
<table><tr><td><a href="/">Home</a> | <a href="/w">World</a></td></tr>
<tr><td><table><tr><td><b>Most Read</b></td></tr><tr><td><a href="/z">Unrelated story about sport</a></td></tr></table></td>
<td><font size="5"><b>Power restored after overnight strike</b></font><br>{cells}</td></tr></table></body></html>"""
    document = clean(raw(html))
    assert document.metadata.title == "Power restored after overnight strike"
    assert PARAGRAPHS[0] in document.text and PARAGRAPHS[-1] in document.text
    assert "Unrelated story" not in document.text
    assert "|" not in document.text


def test_feed_fragment_keeps_its_paragraphs():
    fragment = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    page = extract_page(fragment, "feed.xml#1")
    assert page.text.split("\n") == PARAGRAPHS[:2]


def test_page_nested_beyond_the_parser_limit_is_skipped_with_a_reason():
    html = "<html><body>" + "<div>" * 20_000 + "<p>Deep text.</p>" + "</div>" * 20_000 + "</body></html>"
    with pytest.raises(SkipInput) as skipped:
        extract_page(html, "deep.html")
    assert skipped.value.reason is SkipReason.MALFORMED_HTML
    assert "nested deeper" in skipped.value.message


def test_unclosed_html_is_recovered():
    html = "<html><body><article>" + "".join(f"<p>{p}" for p in PARAGRAPHS)
    document = clean(raw(html))
    assert PARAGRAPHS[0] in document.text and PARAGRAPHS[-1] in document.text


def test_page_without_text_is_skipped():
    with pytest.raises(SkipInput) as skipped:
        clean(raw("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
    assert skipped.value.reason is SkipReason.NO_TEXT
