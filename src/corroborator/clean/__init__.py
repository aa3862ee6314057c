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
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import SkipInput, SkipReason
from ..records import Document, Metadata, RawDocument
from .html import extract_page
from .lines import clean_lines, normalize
from .metadata import detect_language, language_code, outlet_from_url
from .people import split_authors

__all__ = ["clean", "clean_lines", "normalize"]


def clean(raw: RawDocument) -> Document:
    """The clean ``Document`` of ``raw``; raises ``SkipInput`` when no text is left."""
    hints = _tidy(raw.hints)
    text = raw.text()
    if raw.media_type == "text/html":
        page = extract_page(text, raw.key, url=hints.url)
        known = hints.merged_over(_tidy(page.metadata))
        cleaned = clean_lines(page.text, hints=known, guess_title=False, link_lines=page.link_lines)
    else:
        known = hints
        cleaned = clean_lines(text, hints=known, guess_title=raw.guess_title)
    if not cleaned.text.strip():
        raise SkipInput(raw.key, SkipReason.NO_TEXT, "no text left after removing page furniture")
    return Document(
        input=raw.key,
        text=cleaned.text,
        metadata=_inferred(known.merged_over(cleaned.metadata), cleaned.text),
        removed=cleaned.removed,
    )


def _inferred(metadata: Metadata, text: str) -> Metadata:
    """The outlet from the URL where nothing named it; the language detected from the text."""
    return replace(
        metadata,
        outlet=metadata.outlet or outlet_from_url(metadata.url),
        language=detect_language(text) or language_code(metadata.language),
    )


def _tidy(metadata: Metadata) -> Metadata:
    """Authors as person names only, split where a field held several."""
    authors = [name for field in metadata.authors for name in split_authors(field)]
    return replace(metadata, authors=tuple(dict.fromkeys(authors)))
