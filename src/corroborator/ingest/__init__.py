"""Ingest: turn paths, folders, ``-`` and URLs into raw documents.

``list_inputs`` names every input first (cheap: paths and URLs only), so that
progress can be shown; ``read_input`` then reads one input into the raw
documents it holds (one for a page or a text, many for a feed, a JSON Lines
batch or a Telegram export). Problems come out as ``SkipInput`` values in
the same stream, never as exceptions: one bad input never ends a run. An
exception that no reader rule foresaw becomes a ``read-failed`` skip of its
input (or, inside a container, of its item: ``items.guarded``), and ``--debug``
logs its traceback.

``read_input`` is two steps, each usable alone (the pipeline hashes an input's
bytes before it splits them, to pass over an input it has already stored):
``read_bytes_of`` reads one input's bytes as a ``Blob``, and ``split`` turns a
``Blob`` into its raw documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from ..errors import SkipInput, SkipReason
from ..records import Metadata, RawDocument
from ..settings import Settings
from .decode import declared_charset, decode
from .feeds import read_feed
from .files import STDIN, expand_path, gunzip, is_gzip, read_bytes, shown, strip_gz_suffix
from .formats import Format, sniff
from .items import unforeseen
from .jsonl import read_jsonl
from .telegram import read_telegram
from .web import fetch, is_url, without_credentials

__all__ = [
    "Blob",
    "decode",
    "list_inputs",
    "read_blob",
    "read_bytes_of",
    "read_input",
    "read_sources",
    "shown",
    "source_name",
    "split",
]

Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class Blob:
    """The bytes of one input, read and not yet split, with what is needed to split them again later."""

    source: str  # where it was read from (a path keeps its undecodable bytes, for opening)
    name: str  # the input key that its items extend: the path or URL, less a .gz suffix
    data: bytes
    media_type: str | None = None  # as a server declared it
    charset: str | None = None
    url: str | None = None  # where a URL led, after redirects


def list_inputs(sources: Iterable[str]) -> Iterator[str | SkipInput]:
    """Every input the sources name: files under folders, ``-``, URLs; or why one cannot be read."""
    for source in sources:
        if source == STDIN or is_url(source):
            yield source
        else:
            yield from expand_path(source)


def read_input(source: str, settings: Settings) -> Iterator[RawDocument | SkipInput]:
    """The raw documents in one input (a file, ``-`` or a URL)."""
    try:
        yield from split(read_bytes_of(source, settings))
    except SkipInput as skip:
        yield skip


def read_bytes_of(source: str, settings: Settings) -> Blob:
    """The bytes of one input (a file, ``-`` or a URL), before any parsing; raises ``SkipInput``.

    A URL's credentials (``user:secret@``) are used to fetch it and kept out of the blob.
    """
    return _or_skip(source_name(source), lambda: _read_bytes_of(source, settings))


def source_name(source: str) -> str:
    """An input as it may be stored and printed: a URL without its credentials, a path as shown."""
    return without_credentials(source) if is_url(source) else shown(source)


def _read_bytes_of(source: str, settings: Settings) -> Blob:
    if is_url(source):
        fetched = fetch(source, settings)
        source = without_credentials(source)
        if is_gzip(fetched.data):  # a .gz file served as bytes: its format is the inner file's
            data = gunzip(fetched.data, source, settings.max_input_bytes)
            return Blob(source, strip_gz_suffix(source), data, url=fetched.url)
        return Blob(source, source, fetched.data, fetched.content_type, fetched.charset, fetched.url)
    return Blob(source, shown(strip_gz_suffix(source)), read_bytes(source, settings.max_input_bytes))


def split(blob: Blob) -> Iterator[RawDocument | SkipInput]:
    """The raw documents in a blob's bytes; an input that cannot be split at all raises ``SkipInput``.

    A reader that fails past its own rules ends its input with a ``SkipInput``;
    the items it gave before are kept.
    """
    items = read_blob(blob.source, blob.name, blob.data, blob.media_type, blob.charset, url=blob.url)
    while True:
        item = _or_skip(blob.name, lambda: next(items, None))
        if item is None:
            return
        yield item


def _or_skip(name: str, read: Callable[[], Result]) -> Result:
    """``read()``; an exception that is not a ``SkipInput`` is raised as one, ``read-failed``."""
    try:
        return read()
    except SkipInput:
        raise
    except Exception as error:  # the point: no input can end a run, whatever it holds
        raise unforeseen(name, error) from None


def read_sources(sources: Iterable[str], settings: Settings | None = None) -> Iterator[RawDocument | SkipInput]:
    """All raw documents of all sources, in order."""
    settings = settings or Settings()
    for item in list_inputs(sources):
        if isinstance(item, SkipInput):
            yield item
        else:
            yield from read_input(item, settings)


def read_blob(
    source: str,
    name: str,
    data: bytes,
    media_type: str | None = None,
    charset: str | None = None,
    url: str | None = None,
) -> Iterator[RawDocument | SkipInput]:
    """Split the bytes of one input into raw documents, by their sniffed format.

    ``source`` is where the bytes came from; ``name`` is the input key (the
    path or URL, less a ``.gz`` suffix) that contained items extend with ``#item``.
    """
    if not data.strip():
        raise SkipInput(name, SkipReason.EMPTY, "empty file")
    key = name if source != STDIN else STDIN
    kind = sniff(name, data, media_type)
    if kind is Format.SVG:
        raise SkipInput(name, SkipReason.NOT_ARTICLE, "an SVG image, not an article")
    if kind is Format.FEED:
        yield from read_feed(source, key, data)
        return
    text, encoding = decode(data, key, declared=charset or declared_charset(data))
    if kind is Format.JSONL:
        yield from read_jsonl(source, key, text)
    elif kind is Format.JSON:
        yield from read_telegram(source, key, text)
    else:
        media = "text/html" if kind is Format.HTML else "text/plain"
        yield RawDocument(source, key, data, media, hints=Metadata(url=url), encoding=encoding)
