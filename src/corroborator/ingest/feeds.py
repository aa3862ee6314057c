"""RSS and Atom feeds: each item is one document, keyed ``feed.xml#<guid or link>``.

An item with neither is keyed by its position; a guid or link that an earlier
item of the same feed holds gets ``~2``, ``~3`` (``ItemKeys``): every item is a
document of its own, and a re-read gives each the same key again.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any
from xml.sax import SAXException

import feedparser

from ..dates import iso_date, iso_moment
from ..errors import SkipInput, SkipReason
from ..records import Metadata, RawDocument
from .items import ItemKeys, guarded, utf8, valid_text

_SAX_POSITION = re.compile(r"^(?:<unknown>)?:?\d+:\d+:")
#: A numeric character reference: ``&#xD800;``, ``&#55296;``.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
_REPLACEMENT_REF = b"&#xFFFD;"


def read_feed(source: str, name: str, data: bytes) -> Iterator[RawDocument | SkipInput]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # feedparser warns about its own deprecated aliases
        # A stream, never the bytes themselves: feedparser takes bytes that name a
        # file for that file's path and reads it ("/dev/zero" in a .xml file).
        parsed = feedparser.parse(io.BytesIO(_CHAR_REF.sub(_valid_char_ref, data)))
    broken = _syntax_error(parsed)
    entries = [(entry, *_body(entry)) for entry in parsed.entries]
    if not any(body.strip() for _, body, _ in entries):
        if broken:
            raise SkipInput(name, SkipReason.MALFORMED_XML, f"malformed XML ({broken})")
        if not entries:
            raise SkipInput(name, SkipReason.NO_TEXT, "an XML file with no RSS or Atom items")
    outlet = _clean(parsed.feed.get("title"))
    language = parsed.feed.get("language")
    keys = ItemKeys(name)
    for position, (entry, body, media_type) in enumerate(entries, start=1):
        key = keys.key(_clean(entry.get("id")) or _clean(entry.get("link")) or str(position))
        if not body.strip():
            if broken:  # the loose parser's guess at a broken item, not an empty one
                yield SkipInput(key, SkipReason.MALFORMED_XML, f"feed item in malformed XML ({broken})")
            else:
                yield SkipInput(key, SkipReason.NO_TEXT, "feed item with no content")
            continue
        yield guarded(key, _document, source, key, entry, body, media_type, outlet, language)


def _document(
    source: str, key: str, entry: Any, body: str, media_type: str, outlet: str | None, language: object
) -> RawDocument:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # feedparser warns as it maps "updated" to "published" when one is missing
        hints = _hints(entry, outlet, language)
    return RawDocument(source=source, key=key, data=utf8(body), media_type=media_type, hints=hints)


def _hints(entry: Any, outlet: str | None, language: object) -> Metadata:
    return Metadata(
        title=_clean(entry.get("title")),
        authors=_authors(entry),
        published=_published(entry),
        published_at=_published_at(entry),
        outlet=outlet,
        url=_clean(entry.get("link")),
        language=_clean(entry.get("language") or language),
        tags=tuple(tag for t in entry.get("tags", []) if (tag := _clean(t.get("term")))),
    )


def _valid_char_ref(match: re.Match[bytes]) -> bytes:
    """A reference to a character that text cannot hold (a UTF-16 half, past U+10FFFF), as U+FFFD.

    XML forbids them; feedparser's loose parser, which reads a feed XML refuses,
    turns one into a lone surrogate and fails on it, losing the whole feed.
    """
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    return _REPLACEMENT_REF if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else match.group(0)


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


def _published_at(entry: Any) -> str | None:
    """The item's date and time of day as the feed prints them (RFC 822 or ISO 8601), offset kept."""
    return next((moment for field in ("published", "updated") if (moment := iso_moment(entry.get(field)))), None)


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
    text = " ".join(valid_text(str(value)).split()) if value else ""
    return text or None
