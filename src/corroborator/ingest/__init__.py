"""Ingest: turn paths, folders, ``-`` and URLs into raw documents.

``list_inputs`` names every input first (cheap: paths and URLs only), so that
progress can be shown; ``read_input`` then reads one input into the raw
documents it holds (one for a page or a text, many for a feed, a JSON Lines
batch or a Telegram export). Problems come out as ``SkipInput`` values in
the same stream, never as exceptions: one bad input never ends a run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import SkipInput, SkipReason
from ..records import Metadata, RawDocument
from ..settings import Settings
from .decode import declared_charset, decode
from .feeds import read_feed
from .files import STDIN, expand_path, gunzip, is_gzip, read_bytes, shown, strip_gz_suffix
from .formats import Format, sniff
from .jsonl import read_jsonl
from .telegram import read_telegram
from .web import fetch, is_url

__all__ = ["decode", "list_inputs", "read_blob", "read_input", "read_sources"]


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
        if is_url(source):
            fetched = fetch(source, settings)
            if is_gzip(fetched.data):  # a .gz file served as bytes: its format is the inner file's
                data = gunzip(fetched.data, source, settings.max_input_bytes)
                yield from read_blob(source, strip_gz_suffix(source), data, url=fetched.url)
            else:
                yield from read_blob(
                    source, source, fetched.data, fetched.content_type, fetched.charset, url=fetched.url
                )
        else:
            data = read_bytes(source, settings.max_input_bytes)
            yield from read_blob(source, shown(strip_gz_suffix(source)), data)
    except SkipInput as skip:
        yield skip


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
