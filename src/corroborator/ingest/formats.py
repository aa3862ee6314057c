"""Which format a blob of bytes is in: by its name first, then by its first bytes."""

from __future__ import annotations

import codecs
import re
from enum import StrEnum
from pathlib import PurePosixPath
from urllib.parse import urlsplit


class Format(StrEnum):
    HTML = "html"
    TEXT = "text"
    FEED = "feed"  # RSS or Atom
    JSONL = "jsonl"
    JSON = "json"  # a whole-file JSON document: a Telegram export
    SVG = "svg"  # an image in XML: no article, refused


_BY_EXTENSION = {
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".shtml": Format.HTML,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".rdf": Format.FEED,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.TEXT,
    ".svg": Format.SVG,
}

_BY_MEDIA_TYPE = {
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "application/rss+xml": Format.FEED,
    "application/atom+xml": Format.FEED,
    "application/rdf+xml": Format.FEED,
    "application/xml": Format.FEED,
    "text/xml": Format.FEED,
    "application/json": Format.JSON,
    "application/x-ndjson": Format.JSONL,
    "application/jsonl": Format.JSONL,
    "text/plain": Format.TEXT,
    "image/svg+xml": Format.SVG,
}

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_SVG_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<svg\b", re.IGNORECASE | re.DOTALL
)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_TAGS = re.compile(rb"<(?:p|div|article|span|h[1-6]|a|br)\b[^>]*>", re.IGNORECASE)
#: A JSON document opens with an object's first key, or an array of objects, arrays
#: or strings; a text that opens with "[Reuters]", "[1]" or "{update}" does not.
_JSON_START = re.compile(rb'^(?:\{\s*["}]|\[\s*[\[{"\]])')
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

#: How far into a file sniffing looks. Enough for an XML prolog and a few comments.
_SNIFF_BYTES = 2048


def sniff(name: str, data: bytes, media_type: str | None = None) -> Format:
    """The format of ``data`` called ``name`` (a path or URL), served as ``media_type`` if fetched."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):  # sniff the characters, not their UTF-16 bytes
        head = data[: _SNIFF_BYTES * 2].decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8).lstrip(b" \t\r\n")
    by_content = _sniff_content(head)
    declared = _BY_MEDIA_TYPE.get(media_type or "") or _BY_EXTENSION.get(_extension(name))
    if declared is None:
        return by_content or Format.TEXT
    # A page saved as .txt, or a feed served as text/html, is read as what it is; so is an
    # image saved as .xml (a page that opens with an inline icon stays a page).
    if by_content in {Format.HTML, Format.FEED} and declared in {Format.TEXT, Format.HTML, Format.FEED}:
        return by_content
    if by_content is Format.SVG and declared in {Format.TEXT, Format.FEED}:
        return by_content
    return declared


def _sniff_content(head: bytes) -> Format | None:
    if _SVG_START.match(head):
        return Format.SVG
    if _HTML_START.match(head):
        return Format.HTML
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        if _FEED_ROOT.search(head):
            return Format.FEED
        if _HTML_TAGS.search(head):
            return Format.HTML
    if _JSON_START.match(head):
        first_line = head.split(b"\n", 1)[0].rstrip()
        return Format.JSONL if first_line.endswith(b"}") and b"\n" in head else Format.JSON
    return None


def _extension(name: str) -> str:
    path = urlsplit(name).path if "://" in name else name
    return PurePosixPath(path).suffix.lower()
