"""HTML pages and fragments: main text and metadata through trafilatura."""

from __future__ import annotations

import json
import logging
import re
import warnings
from configparser import ConfigParser
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml.etree import ParserError
from trafilatura import bare_extraction
from trafilatura.settings import Document, use_config
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from ..dates import iso_date, iso_moment, parse_stamp
from ..errors import SkipInput, SkipReason
from ..records import Metadata
from . import patterns
from .headlines import looks_like_headline, tidy_title
from .people import is_person_name, split_authors

#: trafilatura falls back to a flat, paragraph-less baseline when its main extractor
#: finds less than 250 characters; short wire items and feed entries are that
#: small, so the threshold is lowered to keep their paragraphs.
_MIN_EXTRACTED_CHARS = 40

#: libxml2 stops building the tree past this depth and drops what lies deeper.
_PARSER_MAX_DEPTH = 255

#: A page has an ``<html>`` or ``<body>`` tag; a feed item's summary, a JSON line's
#: ``html`` or a one-paragraph file has neither (and may have no tag at all).
_PAGE_TAG = re.compile(r"<(?:html|body)[\s/>]", re.IGNORECASE)

_log = logging.getLogger(__name__)


def _config() -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(_MIN_EXTRACTED_CHARS))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work off the main thread
    return config


_CONFIG = _config()


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    metadata: Metadata
    #: Blocks of the page that are one link and nothing else (teasers for other articles).
    link_lines: frozenset[str] = frozenset()


#: A first line shorter than this is a section name or a kicker, not the headline.
_HEADLINE_MIN_WORDS = 3

_AUTHOR_LINKS = '//a[@rel="author"]'
_BYLINE_ELEMENTS = (
    '//*[contains(concat(" ", normalize-space(@class), " "), " byline ") or contains(@class, "author-name")]'
)
_TAG_LINKS = (
    '//a[@rel="tag" or contains(@href, "/tag/") or contains(@href, "/tags/") or contains(@href, "/topic/")'
    ' or ancestor::*[contains(concat(" ", normalize-space(@class), " "), " tags ")]]'
)
_SHORT_BODY_ELEMENTS = "//body//*[string-length(normalize-space(.)) < 300]"
#: Links to the site's home page: where a masthead prints the site's name or logo.
_HOME_LINKS = '//a[@href="/" or @href="./" or @rel="home"]'
_COPYRIGHT_TEXT = '//body//text()[contains(., "©") or contains(., "Copyright") or contains(., "copyright")]'
#: How titles join the headline, the section and the site's name.
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—·»:]\s+|\s*::\s*")
#: A title part longer than this is a headline, not a site's name.
_SITE_NAME_MAX_WORDS = 6
_TABLE_PARTS = ".//tr|.//td|.//th|.//tbody|.//thead|.//tfoot|.//caption"

#: Where a page declares its own publication date, surest first.
_OWN_DATE_META = (
    '//meta[@property="article:published_time" or @name="article:published_time" or @property="og:published_time"'
    ' or @itemprop="datePublished" or @name="pubdate" or @name="publishdate" or @name="publish-date"'
    ' or @name="parsely-pub-date" or @name="sailthru.date" or @name="dc.date.issued"'
    ' or @name="DC.date.issued"]/@content'
)
_OWN_DATE_TIME = '//time[@itemprop="datePublished"]/@datetime|//article//time[@datetime][not(ancestor::a)]/@datetime'
#: JSON-LD types whose dates are the article's own.
_ARTICLE_TYPES = (
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "AnalysisNewsArticle",
)
#: Text pieces read after the headline for a printed byline and date, before the body starts.
_HEADER_PIECES = 30
#: A printed date stamp is short; the body's first long paragraph ends the header.
_STAMP_MAX_CHARS = 80
_BODY_PARAGRAPH_WORDS = 25
#: Blocks that may hold a teaser: a paragraph, a list item or a small heading that is a single link.
_LINK_ONLY_BLOCKS = "//body//*[self::p or self::li or self::h2 or self::h3 or self::h4][count(.//a[@href]) = 1]"
#: A teaser's headline has at least this many words.
_TEASER_MIN_WORDS = 4


def extract_page(html: str, input: str, url: str | None = None) -> PageText:
    """Main text (paragraphs one a line) and metadata of an HTML page or fragment."""
    tree = load_html(as_page(html))
    if tree is None:
        raise SkipInput(input, SkipReason.MALFORMED_HTML, "HTML that cannot be parsed")
    page_title = " ".join((tree.findtext(".//title") or "").split())
    # Read from the whole page before trafilatura prunes the tree.
    headline, headline_element = _longest_title_part_in_body(tree, page_title)
    site_name = _site_name(tree, page_title, headline)
    byline_authors, page_tags = _byline_authors(tree), _page_tags(tree)
    first_h1 = tree.find(".//h1")
    printed = _printed_header(tree, headline_element if headline_element is not None else first_h1)
    declared = _own_date(tree)
    own_date = iso_date(declared) or printed.published
    link_lines = _link_only_blocks(tree)
    _unwrap_layout_tables(tree)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # htmldate and dateparser warn about their own dependencies
        try:
            result = bare_extraction(
                tree,
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
        except Exception as error:  # htmldate and trafilatura assert on trees they did not expect (an SVG root)
            _log.debug("trafilatura failed on %s", input, exc_info=True)
            raise SkipInput(
                input, SkipReason.MALFORMED_HTML, f"HTML that cannot be read ({type(error).__name__})"
            ) from None
    document = result if isinstance(result, Document) else None  # a dict only with as_dict=True
    text = (
        xmltotxt(document.body, include_formatting=False) if document is not None and document.body is not None else ""
    )
    if document is None or not text.strip():
        raise _why_no_text(html, input)
    metadata = _metadata(document)
    if not metadata.outlet:
        metadata = replace(metadata, outlet=site_name)
    if len(headline) > len(metadata.title or "") or _is_glued_part(headline, metadata.title):
        metadata = replace(metadata, title=headline)
    if metadata.title:
        metadata = replace(metadata, title=tidy_title(metadata.title, metadata.outlet))
    if set(metadata.authors) < set(byline_authors) or not metadata.authors:
        metadata = replace(metadata, authors=byline_authors or printed.authors)
    if not metadata.tags:
        metadata = replace(metadata, tags=page_tags)
    if own_date:
        # htmldate may take a date from a link to another story ("/world/2024/09/07/...").
        metadata = replace(metadata, published=own_date, published_at=iso_moment(declared))
    return PageText(text=text, metadata=metadata, link_lines=link_lines - {metadata.title or ""})


def as_page(html: str) -> str:
    """A fragment (one ``<p>``, plain text with ``&amp;``) wrapped in a page's ``<html><body>``.

    trafilatura's ``load_html`` takes a parse of fewer than two elements, with no
    "html" near the start, for something that is not HTML, and logs an error: a
    feed's one-paragraph summary would be lost. A page is given as it is.
    """
    return html if _PAGE_TAG.search(html) else f"<html><body>{html}</body></html>"


def _is_glued_part(headline: str, title: str | None) -> bool:
    """Is the body's headline one part of a title that glues on the site and section ("Site :: World :: headline")?"""
    if not headline or not title or headline == title:
        return False
    return headline.casefold() in (part.strip().casefold() for part in _TITLE_SEPARATORS.split(title))


def _own_date(tree: lxml.html.HtmlElement) -> str | None:
    """The date the page declares for its own article, as written (with its time of day, if it has one):
    meta tags, JSON-LD, a ``<time>`` in the article.

    The earliest of created and published, where JSON-LD gives both.
    """
    for value in tree.xpath(_OWN_DATE_META):
        if iso_date(str(value)):
            return str(value)
    dates: list[tuple[str, str]] = []  # (day, as written)
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        for item in _json_ld_items(script.text or ""):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(k in _ARTICLE_TYPES for k in kinds if isinstance(k, str)):
                written = [item.get(key) for key in ("dateCreated", "datePublished")]
                dates += [(day, str(w)) for w in written if (day := iso_date(w))]
    if dates:
        return min(dates)[1]
    for value in tree.xpath(_OWN_DATE_TIME):
        if iso_date(str(value)):
            return str(value)
    return None


@dataclass(frozen=True, slots=True)
class _Printed:
    authors: tuple[str, ...] = ()
    published: str | None = None


def _printed_header(tree: lxml.html.HtmlElement, headline: lxml.html.HtmlElement | None) -> _Printed:
    """The byline and date printed under the headline ("By GRAHAM OKAFOR, Shipping Editor",
    "Saturday, September 21, 2024 | 6:48 PM"), read before trafilatura drops them.

    Pieces of text are read in order after the headline, up to the body's first long
    paragraph; text inside links is skipped (a related story's date is not this one's).
    """
    if headline is None:
        return _Printed()
    authors: list[str] = []
    stamps = []
    seen = 0
    for node in _following_text(headline):
        text = " ".join(node.split())
        if not text:
            continue
        seen += 1
        if seen > _HEADER_PIECES or len(text.split()) >= _BODY_PARAGRAPH_WORDS:
            break
        if not authors and patterns.BYLINE.match(text):
            authors = split_authors(re.split(r"\s+[|•·]\s+|\s+[–—-]\s+(?=\S*\d)", text)[0])
        elif len(text) <= _STAMP_MAX_CHARS and (stamp := parse_stamp(text)):
            stamps.append(stamp)
    first = [s.date for s in stamps if not s.revision] or [s.date for s in stamps]
    return _Printed(tuple(authors), min(first).isoformat() if first else None)


def _following_text(element: lxml.html.HtmlElement) -> list[str]:
    """The text nodes after ``element`` in document order, outside links, scripts and styles."""
    texts: list[str] = []
    for node in element.xpath("following::text()[not(ancestor::a) and not(ancestor::script) and not(ancestor::style)]"):
        texts.append(str(node))
        if len(texts) > _HEADER_PIECES * 3:  # blank pieces between tags
            break
    return texts


def _link_only_blocks(tree: lxml.html.HtmlElement) -> frozenset[str]:
    """Paragraphs, list items and small headings whose whole text is one link to a headline."""
    found = set()
    for block in tree.xpath(_LINK_ONLY_BLOCKS):
        text = " ".join(block.text_content().split())
        link = " ".join("".join(block.xpath(".//a[@href]")[0].itertext()).split())
        if text and text == link and len(text.split()) >= _TEASER_MIN_WORDS and looks_like_headline(text):
            found.add(text)
    return frozenset(found)


def _byline_authors(tree: lxml.html.HtmlElement) -> tuple[str, ...]:
    """Names in the page's byline: ``rel=author`` links, or an element classed as a byline."""
    names = [_text(a.text_content()) for a in tree.xpath(_AUTHOR_LINKS)]
    if not any(names):
        names = [name for element in tree.xpath(_BYLINE_ELEMENTS)[:1] for name in split_authors(element.text_content())]
    return tuple(dict.fromkeys(n for n in names if n and is_person_name(n)))


def _page_tags(tree: lxml.html.HtmlElement) -> tuple[str, ...]:
    """The article's own tags: JSON-LD ``keywords``, or links to the site's tag pages.

    Site-wide ``<meta name="keywords">`` is not read: on news sites it lists the
    same words on every page.
    """
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        for item in _json_ld_items(script.text or ""):
            keywords = item.get("keywords")
            if isinstance(keywords, str):
                keywords = keywords.split(",")
            if isinstance(keywords, list) and keywords:
                return tuple(dict.fromkeys(k.strip() for k in keywords if isinstance(k, str) and k.strip()))
    links = [_text(a.text_content()) for a in tree.xpath(_TAG_LINKS)]
    return tuple(dict.fromkeys(t for t in links if t))


def _json_ld_items(source: str) -> list[dict[str, Any]]:
    try:
        data = json.loads(source)
    except json.JSONDecodeError:
        return []
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    return [item for item in items if isinstance(item, dict)]


def _unwrap_layout_tables(tree: lxml.html.HtmlElement) -> None:
    """Tables that hold paragraphs or other tables lay out a page; they are not data.

    trafilatura keeps tables as rows of cells, which turns an old table-layout
    page into one row of navigation, article and sidebar; as plain blocks, its
    usual scoring finds the article.
    """
    for table in tree.xpath("//table[.//p or .//table]"):
        for element in (table, *table.xpath(_TABLE_PARTS)):
            element.tag = "div"


def _longest_title_part_in_body(
    tree: lxml.html.HtmlElement, page_title: str
) -> tuple[str, lxml.html.HtmlElement | None]:
    """The longest heading-sized text of the body that the page's <title> holds.

    Pages without an <h1> or og:title leave trafilatura to guess from <title>,
    which may give the site's name ("Courier - World - <headline>"); the
    headline is the part of <title> that is also printed on the page.
    """
    best, best_element, folded_title = "", None, page_title.casefold()
    if not folded_title:
        return best, best_element
    for element in tree.xpath(_SHORT_BODY_ELEMENTS):
        text = " ".join(element.text_content().split())
        if len(text) > len(best) and len(text.split()) >= _HEADLINE_MIN_WORDS and text.casefold() in folded_title:
            best, best_element = text, element
    return best, best_element


def _metadata(result: Document) -> Metadata:
    authors = split_authors(result.author.replace(";", ",")) if result.author else []
    return Metadata(
        title=_text(result.title),
        authors=tuple(authors),
        published=iso_date(result.date),
        outlet=_declared_site_name(result),
        url=_text(result.url),
        language=_text(result.language),
        tags=tuple(tag.strip() for field in (result.tags or []) for tag in field.split(",") if tag.strip()),
    )


def _declared_site_name(result: Document) -> str | None:
    """The site's name as the page declares it (``og:site_name``, JSON-LD publisher, ...).

    trafilatura falls back to the URL's host ("www.example.com"); that is left to the
    cleaner's last resort (``metadata.outlet_from_url``), after the page's own title.
    """
    name = _text(result.sitename)
    if name is None:
        return None
    hosts = {h for h in (_text(result.hostname), _host_of(result.url)) if h}
    folded = name.casefold()
    if any(folded in (host, host.removeprefix("www.")) for host in hosts):
        return None
    return name


def _host_of(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None


def _site_name(tree: lxml.html.HtmlElement, page_title: str, headline: str) -> str | None:
    """The site's name from ``<title>``, where the page confirms it ("Courier - World - <headline>").

    A part of the title, other than the headline, is the site's name when the page
    prints it again where a site names itself: the text or logo of a link to the
    home page, or the copyright line.
    """
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(page_title) if p.strip()]
    if len(parts) < 2:
        return None
    own_words = " ".join(
        [_text(a.text_content()) or "" for a in tree.xpath(_HOME_LINKS)]
        + [img.get("alt") or "" for img in tree.xpath(_HOME_LINKS + "//img")]
        + [_text(t) or "" for t in tree.xpath(_COPYRIGHT_TEXT)]
    ).casefold()
    headline_folded = headline.casefold()
    for part in (parts[0], parts[-1]):  # the site's name opens or closes a title
        words = len(part.split())
        if part.casefold() == headline_folded or not 0 < words <= _SITE_NAME_MAX_WORDS:
            continue
        if part.casefold() in own_words:
            return part
    return None


def _why_no_text(html: str, input: str) -> SkipInput:
    try:
        depth = _depth(lxml.html.fromstring(html))
    except (ValueError, ParserError):
        return SkipInput(input, SkipReason.MALFORMED_HTML, "HTML that cannot be parsed")
    if depth >= _PARSER_MAX_DEPTH:
        return SkipInput(
            input,
            SkipReason.MALFORMED_HTML,
            f"HTML nested deeper than {_PARSER_MAX_DEPTH} levels; its text cannot be reached",
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
