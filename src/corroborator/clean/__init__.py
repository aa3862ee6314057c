"""Clean: a raw document's main text and metadata, with an audit of what was removed.

HTML goes through trafilatura first; then every text, from a page, a feed,
an export or a scraper, goes through the same line rules (``lines``), since
pages leave bylines, credits and widgets in the text trafilatura returns.

Metadata is taken in this order: what the container said (a feed item's
title, a JSON line's ``published``, a feed's or channel's title as the outlet),
then what the page's markup says, then what the text's own lines say (a byline,
a dateline, a tag line). Last come the inferences of ``metadata``: the outlet
from the URL's domain, and the language, detected from the clean text (a
confident detection wins over a declared tag, which site templates set alike
on every page; the declared tag is kept when the text is too short to tell).

Hostile text stays text (``sanitise``): the text loses terminal escapes,
control characters that are not whitespace and bidi overrides before the line
rules read it; the metadata of each origin (container, page, text) is read as
plain text once, before they are merged: tags removed, character references
decoded, control characters and bidi overrides removed, one line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..errors import SkipInput, SkipReason
from ..records import Document, Metadata, RawDocument
from .html import extract_page
from .lines import clean_lines, normalize
from .metadata import detect_language, language_code, outlet_from_url
from .people import split_authors
from .sanitise import plain_line, plain_markup, plain_text

__all__ = ["clean", "clean_lines", "normalize"]


def clean(raw: RawDocument) -> Document:
    """The clean ``Document`` of ``raw``; raises ``SkipInput`` when no text is left."""
    hints = _tidy(_plain(raw.hints))
    text = raw.text()
    if raw.media_type == "text/html":
        # The markup too: the HTML parser drops a bare ESC and would leave its sequence's "[2J" in the text.
        page = extract_page(plain_text(text), raw.key, url=hints.url)
        known = hints.merged_over(_tidy(_plain(page.metadata)))
        cleaned = clean_lines(plain_text(page.text), hints=known, guess_title=False, link_lines=page.link_lines)
    else:
        known = hints
        cleaned = clean_lines(plain_text(text), hints=known, guess_title=raw.guess_title)
    if not cleaned.text.strip():
        raise SkipInput(raw.key, SkipReason.NO_TEXT, "no text left after removing page furniture")
    # Only the fields the container and the page left out come from the text: each field is read once.
    from_text = _plain(_missing_from(cleaned.metadata, known))
    return Document(
        input=raw.key,
        text=cleaned.text,
        metadata=_inferred(known.merged_over(from_text), cleaned.text),
        removed=cleaned.removed,
    )


def _plain(metadata: Metadata) -> Metadata:
    """Every text field as plain text, once (``sanitise``): tags and controls out, one line each; empty is unknown."""

    def one(value: str | None, read: Callable[[str], str] = plain_markup) -> str | None:
        return (read(value) or None) if value else value

    def many(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(plain for value in values if (plain := plain_markup(value)))

    return replace(
        metadata,
        title=one(metadata.title),
        authors=many(metadata.authors),
        published=one(metadata.published, plain_line),
        published_at=one(metadata.published_at, plain_line),
        outlet=one(metadata.outlet),
        url=one(metadata.url, plain_line),
        language=one(metadata.language, plain_line),
        tags=many(metadata.tags),
        relayed_from=one(metadata.relayed_from),
        dateline=one(metadata.dateline),
    )


def _missing_from(found: Metadata, known: Metadata) -> Metadata:
    """The fields of ``found`` that ``known`` leaves empty (the others would be read for nothing)."""
    empty = Metadata()
    return replace(found, **{name: getattr(empty, name) for name in found.__dataclass_fields__ if getattr(known, name)})


def _inferred(metadata: Metadata, text: str) -> Metadata:
    """The outlet from the URL where nothing named it; the language detected from the text; the time of
    day kept only where it is the time of the day ``published`` gives (a container's date wins over a page's)."""
    moment = metadata.published_at
    return replace(
        metadata,
        outlet=metadata.outlet or outlet_from_url(metadata.url),
        language=detect_language(text) or language_code(metadata.language),
        published_at=moment if moment and metadata.published and moment[:10] == metadata.published else None,
    )


def _tidy(metadata: Metadata) -> Metadata:
    """Authors as person names only, split where a field held several."""
    authors = [name for field in metadata.authors for name in split_authors(field)]
    return replace(metadata, authors=tuple(dict.fromkeys(authors)))
