"""RSS and Atom feeds: each item is one document, keyed ``feed.xml#<guid or link>``."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import feedparser

from ..dates import iso_date
from ..errors import SkipInput, SkipReason
from ..records import Metadata, RawDocument


def read_feed(source: str, name: str, data: bytes) -> Iterator[RawDocument | SkipInput]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # feedparser warns about its own deprecated aliases
        parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            problem = str(parsed.get("bozo_exception", "")).strip() or "not well-formed"
            raise SkipInput(name, SkipReason.MALFORMED_XML, f"malformed XML ({problem})")
        raise SkipInput(name, SkipReason.NO_TEXT, "an XML file with no RSS or Atom items")
    outlet = _clean(parsed.feed.get("title"))
    for position, entry in enumerate(parsed.entries, start=1):
        item = _clean(entry.get("id")) or _clean(entry.get("link")) or str(position)
        key = f"{name}#{item}"
        body, media_type = _body(entry)
        if not body.strip():
            yield SkipInput(key, SkipReason.NO_TEXT, "feed item with no content")
            continue
        hints = Metadata(
            title=_clean(entry.get("title")),
            authors=_authors(entry),
            published=iso_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
            url=_clean(entry.get("link")),
            language=_clean(entry.get("language") or parsed.feed.get("language")),
            tags=tuple(t["term"].strip() for t in entry.get("tags", []) if (t.get("term") or "").strip()),
        )
        yield RawDocument(source=source, key=key, data=body.encode("utf-8"), media_type=media_type, hints=hints)


def _body(entry: Any) -> tuple[str, str]:
    """The fullest content an item carries: content:encoded or Atom content, else the summary."""
    candidates = [(c.get("value", ""), c.get("type", "")) for c in entry.get("content", [])]
    if entry.get("summary"):
        detail = entry.get("summary_detail") or {}
        candidates.append((entry["summary"], detail.get("type", "text/html")))
    if not candidates:
        return "", "text/plain"
    value, kind = max(candidates, key=lambda c: len(c[0]))
    return value, "text/plain" if kind == "text/plain" else "text/html"


def _authors(entry: Any) -> tuple[str, ...]:
    names = [_clean(a.get("name")) for a in entry.get("authors", [])]
    if not any(names) and entry.get("author"):
        names = [_clean(entry["author"])]
    return tuple(dict.fromkeys(n for n in names if n))


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None
