"""Language and outlet where the container and the page leave them out (issue 8, part 4)."""

from __future__ import annotations

import pytest

from corroborator.clean import clean
from corroborator.clean.metadata import detect_language, language_code, outlet_from_url
from corroborator.records import Metadata, RawDocument

ENGLISH = (
    "Repair crews worked through the night to restore heating in three districts, "
    "and the regional administration said schools would reopen on Thursday."
)
# Our own sentences, one per language, of the length of a short channel post.
OTHERS = {
    "ru": "Ремонтные бригады работали всю ночь, чтобы вернуть отопление в три района города.",
    "uk": "Ремонтні бригади працювали всю ніч, щоб повернути опалення у три райони міста.",
    "de": "Reparaturtrupps arbeiteten die ganze Nacht, um die Heizung in drei Stadtteilen wiederherzustellen.",
    "fr": "Les équipes de réparation ont travaillé toute la nuit pour rétablir le chauffage dans trois quartiers.",
}


def test_english_and_other_languages_are_detected():
    assert detect_language(ENGLISH) == "en"
    for code, text in OTHERS.items():
        assert detect_language(text) == code, code


@pytest.mark.parametrize("text", ["", "   ", "Kyiv, 12 May", "OK"])
def test_too_short_to_tell_is_none(text):
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("tag", "code"), [("en-US", "en"), ("EN", "en"), ("uk_UA", "uk"), ("", None), (None, None), ("english!", None)]
)
def test_a_declared_language_is_its_primary_subtag(tag, code):
    assert language_code(tag) == code


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.reuters.com/world/europe/some-story/", "reuters.com"),
        ("https://edition.cnn.com/2024/11/01/europe/x", "cnn.com"),
        ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
        ("https://www.pravda.com.ua/eng/news/2024/11/1/", "pravda.com.ua"),
        ("https://m.yna.co.kr/view/AEN2024", "yna.co.kr"),
        ("https://kyivindependent.com/x", "kyivindependent.com"),
        ("http://127.0.0.1:8000/page", None),
        ("http://localhost/page", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_outlet_from_the_domain(url, outlet):
    assert outlet_from_url(url) == outlet


def raw(text: str, media_type: str = "text/plain", **hints) -> RawDocument:
    return RawDocument(source="x", key="x", data=text.encode(), media_type=media_type, hints=Metadata(**hints))


def test_clean_fills_outlet_from_the_url_and_detects_the_language():
    doc = clean(raw(ENGLISH, url="https://www.harbour-gazette.example/news/1", language="de"))
    assert doc.metadata.outlet == "harbour-gazette.example"
    assert doc.metadata.language == "en"  # the text, not a template's tag


def test_what_the_container_names_wins_over_the_domain():
    doc = clean(raw(ENGLISH, url="https://www.harbour-gazette.example/news/1", outlet="Harbour Gazette"))
    assert doc.metadata.outlet == "Harbour Gazette"


def test_a_declared_language_stays_when_the_text_is_too_short():
    doc = clean(raw("Sirens again.", language="en-GB"))
    assert doc.metadata.language == "en"


def page(title: str, masthead: str, footer: str) -> str:
    body = "".join(f"<p>{ENGLISH} Paragraph {n} adds detail on the outages.</p>" for n in range(4))
    return (
        f"<html><head><title>{title}</title></head><body>"
        f'<div class="top"><a href="/">{masthead}</a></div>'
        f"<article><h1>Heating restored in three districts</h1>{body}</article>"
        f"<footer><p>{footer}</p></footer></body></html>"
    )


def test_the_site_name_in_the_title_that_the_masthead_repeats():
    html = page("Heating restored in three districts - The Harbour Gazette", "The Harbour Gazette", "About us")
    assert clean(raw(html, "text/html")).metadata.outlet == "The Harbour Gazette"


def test_the_site_name_in_the_title_that_the_copyright_line_repeats():
    html = page("Harbour Gazette | World | Heating restored in three districts", "Home", "© 2024 Harbour Gazette Ltd.")
    assert clean(raw(html, "text/html")).metadata.outlet == "Harbour Gazette"


def test_a_title_part_the_page_does_not_confirm_is_not_an_outlet():
    html = page("Heating restored in three districts - Winter", "Home", "About us")
    assert clean(raw(html, "text/html")).metadata.outlet is None
