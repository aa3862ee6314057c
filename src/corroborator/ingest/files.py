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
                yield SkipInput(str(entry), SkipReason.SYMLINK_LOOP, "symbolic link loop: a folder that contains this link")
                continue
            yield from _walk(entry, seen)
        else:
            yield str(entry)


def _path_error(source: str, error: OSError, is_link: bool) -> SkipInput:
    if error.errno == errno.ELOOP:
        return SkipInput(source, SkipReason.SYMLINK_LOOP, "symbolic link loop: the link points back to itself")
    if is_link and isinstance(error, FileNotFoundError):
        target = os.readlink(source)
        return SkipInput(source, SkipReason.BROKEN_SYMLINK, f"broken symbolic link to {target!r}")
    if isinstance(error, FileNotFoundError):
        return SkipInput(source, SkipReason.NOT_FOUND, "no such file or folder")
    return SkipInput(source, SkipReason.UNREADABLE, f"cannot read: {error.strerror or error}")


def read_bytes(source: str, max_bytes: int) -> bytes:
    """The bytes of a file (or of standard input for ``-``), gunzipped, at most ``max_bytes``."""
    if source == STDIN:
        data = _read_bounded(sys.stdin.buffer, source, max_bytes)
    else:
        try:
            size = os.path.getsize(source)
            if size > max_bytes:
                raise _too_large(source, size, max_bytes)
            with open(source, "rb") as stream:
                data = _read_bounded(stream, source, max_bytes)
        except IsADirectoryError:
            raise SkipInput(source, SkipReason.UNREADABLE, "is a folder, not a file") from None
        except OSError as error:
            raise _path_error(source, error, is_link=os.path.islink(source)) from None
    if data.startswith(_GZIP_MAGIC):
        data = gunzip(data, source, max_bytes)
    if not data.strip():
        raise SkipInput(source, SkipReason.EMPTY, "empty file")
    return data


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip ``data`` in bounded memory: a small file that inflates past the limit is refused."""
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise SkipInput(source, SkipReason.UNREADABLE, f"broken gzip data ({error})") from None
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise _too_large(source, None, max_bytes)
    return out


def _read_bounded(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    chunks, total = [], 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise _too_large(source, None, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(source: str, size: int | None, max_bytes: int) -> SkipInput:
    shown = f"{size / 2**20:.1f} MB" if size is not None else "more"
    return SkipInput(
        source,
        SkipReason.TOO_LARGE,
        f"too large ({shown} > {max_bytes / 2**20:g} MB limit); raise it with --max-bytes",
    )


def strip_gz_suffix(name: str) -> str:
    """``"feed.xml.gz"`` -> ``"feed.xml"``: the format is the inner file's."""
    return name[:-3] if name.lower().endswith(".gz") else name


__all__ = ["STDIN", "expand_path", "gunzip", "read_bytes", "strip_gz_suffix"]
