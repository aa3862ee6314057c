"""HTML pages and fragments: main text and metadata through trafilatura."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import lxml.html
from trafilatura import bare_extraction
from trafilatura.settings import use_config
from trafilatura.xml import xmltotxt

from ..dates import iso_date
from ..errors import SkipInput, SkipReason
from ..records import Metadata
from .people import split_authors

#: trafilatura falls back to a flat, paragraph-less baseline when its main extractor
#: finds less than 250 characters; short wire items and feed entries are that
#: small, so the threshold is lowered to keep their paragraphs.
_MIN_EXTRACTED_CHARS = 40

#: libxml2 stops building the tree past this depth and drops what lies deeper.
_PARSER_MAX_DEPTH = 255


def _config():  # type: ignore[no-untyped-def]
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(_MIN_EXTRACTED_CHARS))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work off the main thread
    return config


_CONFIG = _config()


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    metadata: Metadata


def extract_page(html: str, input: str, url: str | None = None) -> PageText:
    """Main text (paragraphs one a line) and metadata of an HTML page or fragment."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # htmldate and dateparser warn about their own dependencies
        try:
            result = bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                favor_precision=True,
                config=_CONFIG,
            )
        except (ValueError, RecursionError) as error:
            raise SkipInput(input, SkipReason.MALFORMED_HTML, f"HTML that cannot be parsed ({error})") from None
    text = xmltotxt(result.body, include_formatting=False) if result is not None and result.body is not None else ""
    if not text.strip():
        raise _why_no_text(html, input)
    return PageText(text=text, metadata=_metadata(result))


def _metadata(result) -> Metadata:  # type: ignore[no-untyped-def]
    authors = split_authors(result.author.replace(";", ",")) if result.author else []
    return Metadata(
        title=_text(result.title),
        authors=tuple(authors),
        published=iso_date(result.date),
        outlet=_text(result.sitename) or _text(result.hostname),
        url=_text(result.url),
        language=_text(result.language),
        tags=tuple(t.strip() for t in (result.tags or []) if t and t.strip()),
    )


def _why_no_text(html: str, input: str) -> SkipInput:
    try:
        depth = _depth(lxml.html.fromstring(html))
    except (ValueError, lxml.etree.ParserError):
        return SkipInput(input, SkipReason.MALFORMED_HTML, "HTML that cannot be parsed")
    if depth >= _PARSER_MAX_DEPTH:
        return SkipInput(
            input, SkipReason.MALFORMED_HTML, f"HTML nested deeper than {_PARSER_MAX_DEPTH} levels; its text cannot be reached"
        )
    return SkipInput(input, SkipReason.NO_TEXT, "no article text found in the page")


def _depth(root: lxml.html.HtmlElement) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:  # iterative: a recursive walk would overflow on the very pages it is for
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node)
    return deepest


def _text(value: str | None) -> str | None:
    text = " ".join(value.split()) if value else ""
    return text or None
