"""Inputs on disk and on standard input: paths, folders, ``-`` and gzip files.

Folders are walked recursively in a stable (sorted) order; hidden files and
folders are left out, as ``git`` and ``rsync`` users expect. Symbolic links are
followed, but a broken link or a loop is reported, never followed forever.
"""

from __future__ import annotations

import errno
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import SkipInput, SkipReason

STDIN = "-"
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16


def shown(path: str) -> str:
    """A path as text that can be printed and written as UTF-8.

    File names are bytes; one that is not valid UTF-8 reaches Python with
    surrogate escapes, which no UTF-8 stream or JSON report can hold. The
    undecodable bytes are shown as U+FFFD; the path itself is kept for opening.
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def expand_path(source: str) -> Iterator[str | SkipInput]:
    """The files a path names: itself, or every file under it. Problems are yielded, not raised."""
    path = Path(source)
    try:
        path.stat()  # follows links: a broken one raises FileNotFoundError, a loop ELOOP
    except OSError as error:
        yield _path_error(source, error, is_link=path.is_symlink())
        return
    if not path.is_dir():
        yield source
        return
    yield from _walk(path, set())


def _walk(folder: Path, seen: set[Path]) -> Iterator[str | SkipInput]:
    """Files under ``folder``; ``seen`` holds the real paths of the folders above, to catch loops."""
    seen = seen | {folder.resolve()}
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as error:
        yield _path_error(str(folder), error, is_link=False)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            entry.stat()
        except OSError as error:
            yield _path_error(str(entry), error, is_link=entry.is_symlink())
            continue
        if entry.is_dir():
            if entry.resolve() in seen:
                yield SkipInput(
                    shown(str(entry)), SkipReason.SYMLINK_LOOP, "symbolic link loop: a folder that contains this link"
                )
                continue
            yield from _walk(entry, seen)
        else:
            yield str(entry)


def _path_error(source: str, error: OSError, is_link: bool) -> SkipInput:
    name = shown(source)
    if error.errno == errno.ELOOP:
        return SkipInput(name, SkipReason.SYMLINK_LOOP, "symbolic link loop: the link points back to itself")
    if is_link and isinstance(error, FileNotFoundError):
        target = shown(os.readlink(source))
        return SkipInput(name, SkipReason.BROKEN_SYMLINK, f"broken symbolic link to {target!r}")
    if isinstance(error, FileNotFoundError):
        return SkipInput(name, SkipReason.NOT_FOUND, "no such file or folder")
    return SkipInput(name, SkipReason.UNREADABLE, f"cannot read: {error.strerror or error}")


def read_bytes(source: str, max_bytes: int) -> bytes:
    """The bytes of a file (or of standard input for ``-``), gunzipped, at most ``max_bytes``."""
    name = shown(source)
    if source == STDIN:
        data = _read_bounded(sys.stdin.buffer, name, max_bytes)
    else:
        try:
            size = os.path.getsize(source)
            if size > max_bytes:
                raise _too_large(name, size, max_bytes)
            with open(source, "rb") as stream:
                data = _read_bounded(stream, name, max_bytes)
        except IsADirectoryError:
            raise SkipInput(name, SkipReason.UNREADABLE, "is a folder, not a file") from None
        except OSError as error:
            raise _path_error(source, error, is_link=os.path.islink(source)) from None
    if is_gzip(data):
        data = gunzip(data, name, max_bytes)
    if not data.strip():
        raise SkipInput(name, SkipReason.EMPTY, "empty file")
    return data


def is_gzip(data: bytes) -> bool:
    """Whether ``data`` is gzip, whatever its name says."""
    return data.startswith(_GZIP_MAGIC)


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip ``data`` in bounded memory: a small file that inflates past the limit is refused.

    Every member of a multi-member file (``cat a.gz b.gz``) is read, as ``gzip -d``
    does; a file cut short is refused rather than read in part. Time is linear in
    the file's size, however many members it holds (``_Members``).
    """
    out = bytearray()
    members = _Members(data)
    while members.remaining:
        inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        while not inflater.eof and (piece := members.next_piece()):
            try:
                out += inflater.decompress(piece, max_bytes + 1 - len(out))
            except zlib.error as error:
                raise SkipInput(source, SkipReason.UNREADABLE, f"broken gzip data ({error})") from None
            if len(out) > max_bytes or inflater.unconsumed_tail:
                raise _too_large(source, None, max_bytes)
        if not inflater.eof:
            raise SkipInput(source, SkipReason.UNREADABLE, "broken gzip data (the file is cut short)")
        members.give_back(len(inflater.unused_data))
        if members.remaining and not members.starts_with(_GZIP_MAGIC):
            break  # trailing padding after the last member, as gzip -d allows
    return bytes(out)


class _Members:
    """The bytes of a gzip file, handed to one member's decompressor in growing pieces.

    A decompressor copies whatever it was given past its member's end
    (``unused_data``); handing it the whole rest of the file made a file of many
    small members quadratic. Pieces start small and double while one member goes
    on, so each member costs time in its own size, not the file's.
    """

    _FIRST_PIECE = 256

    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)
        self._at = 0
        self._piece = self._FIRST_PIECE

    @property
    def remaining(self) -> int:
        return len(self._data) - self._at

    def starts_with(self, prefix: bytes) -> bool:
        return self._data[self._at : self._at + len(prefix)] == prefix

    def next_piece(self) -> memoryview:
        piece = self._data[self._at : self._at + self._piece]
        self._at += len(piece)
        self._piece *= 2
        return piece

    def give_back(self, unused: int) -> None:
        """The decompressor's member ended ``unused`` bytes before the end of what it was given."""
        self._at -= unused
        self._piece = self._FIRST_PIECE


def _read_bounded(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    chunks, total = [], 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise _too_large(source, None, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(source: str, size: int | None, max_bytes: int) -> SkipInput:
    shown_size = f"{human_size(size)} > " if size is not None else "more than "
    return SkipInput(
        source,
        SkipReason.TOO_LARGE,
        f"too large ({shown_size}the {human_size(max_bytes)} limit); raise it with --max-bytes",
    )


def human_size(size: int) -> str:
    """``20971520`` -> ``"20 MB"``, ``1536`` -> ``"1.5 KB"``: binary multiples, as --max-bytes reads them."""
    for unit, factor in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def strip_gz_suffix(name: str) -> str:
    """``"feed.xml.gz"`` -> ``"feed.xml"``: the format is the inner file's."""
    return name[:-3] if name.lower().endswith(".gz") else name


__all__ = ["STDIN", "expand_path", "gunzip", "human_size", "is_gzip", "read_bytes", "shown", "strip_gz_suffix"]
