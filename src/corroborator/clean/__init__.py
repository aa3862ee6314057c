"""Clean: a raw document's main text and metadata, with an audit of what was removed.

HTML goes through trafilatura first; then every text, from a page, a feed,
an export or a scraper, goes through the same line rules (``lines``), since
pages leave bylines, credits and widgets in the text trafilatura returns.

Metadata is taken in this order: what the container said (a feed item's
title, a JSON line's ``published``), then what the page's markup says, then
what the text's own lines say (a byline, a dateline, a tag line).
"""

from __future__ import annotations

from dataclasses import replace

from ..errors import SkipInput, SkipReason
from ..records import Document, Metadata, RawDocument
from .html import extract_page
from .lines import clean_lines, normalize
from .people import split_authors

__all__ = ["clean", "clean_lines", "normalize"]


def clean(raw: RawDocument) -> Document:
    """The clean ``Document`` of ``raw``; raises ``SkipInput`` when no text is left."""
    hints = _tidy(raw.hints)
    text = raw.text()
    if raw.media_type == "text/html":
        page = extract_page(text, raw.key, url=hints.url)
        known = hints.merged_over(_tidy(page.metadata))
        cleaned = clean_lines(page.text, hints=known, guess_title=False)
    else:
        known = hints
        cleaned = clean_lines(text, hints=known, guess_title=raw.guess_title)
    if not cleaned.text.strip():
        raise SkipInput(raw.key, SkipReason.NO_TEXT, "no text left after removing page furniture")
    return Document(
        input=raw.key,
        text=cleaned.text,
        metadata=known.merged_over(cleaned.metadata),
        removed=cleaned.removed,
    )


def _tidy(metadata: Metadata) -> Metadata:
    """Authors as person names only, split where a field held several."""
    authors = [name for field in metadata.authors for name in split_authors(field)]
    return replace(metadata, authors=tuple(dict.fromkeys(authors)))
