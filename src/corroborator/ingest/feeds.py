"""RSS and Atom feeds: each item is one document, keyed ``feed.xml#<guid or link>``."""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any
from xml.sax import SAXException

import feedparser

from ..dates import iso_date
from ..errors import SkipInput, SkipReason
from ..records import Metadata, RawDocument

_SAX_POSITION = re.compile(r"^(?:<unknown>)?:?\d+:\d+:")


def read_feed(source: str, name: str, data: bytes) -> Iterator[RawDocument | SkipInput]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # feedparser warns about its own deprecated aliases
        # A stream, never the bytes themselves: feedparser takes bytes that name a
        # file for that file's path and reads it ("/dev/zero" in a .xml file).
        parsed = feedparser.parse(io.BytesIO(data))
    broken = _syntax_error(parsed)
    entries = [(entry, *_body(entry)) for entry in parsed.entries]
    if not any(body.strip() for _, body, _ in entries):
        if broken:
            raise SkipInput(name, SkipReason.MALFORMED_XML, f"malformed XML ({broken})")
        if not entries:
            raise SkipInput(name, SkipReason.NO_TEXT, "an XML file with no RSS or Atom items")
    outlet = _clean(parsed.feed.get("title"))
    for position, (entry, body, media_type) in enumerate(entries, start=1):
        item = _clean(entry.get("id")) or _clean(entry.get("link")) or str(position)
        key = f"{name}#{item}"
        if not body.strip():
            if broken:  # the loose parser's guess at a broken item, not an empty one
                yield SkipInput(key, SkipReason.MALFORMED_XML, f"feed item in malformed XML ({broken})")
            else:
                yield SkipInput(key, SkipReason.NO_TEXT, "feed item with no content")
            continue
        hints = Metadata(
            title=_clean(entry.get("title")),
            authors=_authors(entry),
            published=_published(entry),
            outlet=outlet,
            url=_clean(entry.get("link")),
            language=_clean(entry.get("language") or parsed.feed.get("language")),
            tags=tuple(t["term"].strip() for t in entry.get("tags", []) if (t.get("term") or "").strip()),
        )
        yield RawDocument(source=source, key=key, data=body.encode("utf-8"), media_type=media_type, hints=hints)


def _syntax_error(parsed: Any) -> str | None:
    """What is wrong with the XML, when it is not well-formed; None when it is.

    feedparser also sets ``bozo`` for harmless things (a charset declared wrongly,
    a feed served as text/plain); only a parse error makes the XML malformed.
    """
    error = parsed.get("bozo_exception")
    if not parsed.get("bozo") or not isinstance(error, SAXException):
        return None
    # "<unknown>:5:8: unclosed token": the position is left out, since feedparser
    # counts a line of its own when the file has no XML declaration.
    return _SAX_POSITION.sub("", str(error)).strip() or "not well-formed"


def _published(entry: Any) -> str | None:
    """The item's date as the feed prints it, in the feed's own time zone.

    feedparser's ``published_parsed`` is converted to UTC, which moves an evening
    item of a feed at -05:00 to the next day; the printed date is the outlet's.
    """
    for field in ("published", "updated"):
        printed = entry.get(field)
        if not printed:
            continue
        try:
            return parsedate_to_datetime(printed).date().isoformat()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        date = iso_date(printed)  # Atom: ISO 8601, and what else people write
        if date:
            return date
    return iso_date(entry.get("published_parsed") or entry.get("updated_parsed"))


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
