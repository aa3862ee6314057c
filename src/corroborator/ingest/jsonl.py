"""JSON Lines batches: one document a line, keyed ``batch.jsonl#N`` (N counts from 1).

Each line is an object with ``text`` or ``html`` and, optionally, ``url``,
``title``, ``published``, ``outlet``, ``authors`` (a list or one string),
``tags`` and ``language``. A bad line is skipped; the others are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..dates import iso_date, iso_moment
from ..errors import SkipInput, SkipReason
from ..records import Metadata, RawDocument
from .items import guarded, load_json, utf8, valid_text


def read_jsonl(source: str, name: str, text: str) -> Iterator[RawDocument | SkipInput]:
    # Lines end at "\n" only: str.splitlines() also breaks at U+2028, U+0085 and
    # the like, which JSON strings may hold unescaped.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        key = f"{name}#{number}"
        try:
            record = load_json(line)
        except json.JSONDecodeError as error:
            yield SkipInput(key, SkipReason.MALFORMED_JSON, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        except RecursionError:
            yield SkipInput(key, SkipReason.MALFORMED_JSON, "malformed JSON (nested too deeply to read)")
            continue
        if not isinstance(record, dict):
            yield SkipInput(key, SkipReason.MALFORMED_JSON, "a JSON line must be an object with 'text' or 'html'")
            continue
        yield guarded(key, _document, source, key, record)


def _document(source: str, key: str, record: dict[str, Any]) -> RawDocument | SkipInput:
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        body, media_type = html, "text/html"
    elif isinstance(text, str) and text.strip():
        body, media_type = text, "text/plain"
    else:
        return SkipInput(key, SkipReason.NO_TEXT, "no 'text' or 'html' field with content")
    return RawDocument(
        source=source,
        key=key,
        data=utf8(body),
        media_type=media_type,
        hints=Metadata(
            title=_string(record.get("title")),
            authors=_strings(record.get("authors") or record.get("author")),
            published=iso_date(record.get("published") or record.get("date")),
            published_at=iso_moment(record.get("published") or record.get("date")),
            outlet=_string(record.get("outlet") or record.get("source")),
            url=_string(record.get("url")),
            language=_string(record.get("language")),
            tags=_strings(record.get("tags")),
        ),
    )


def _string(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(valid_text(value).split()) or None


def _strings(value: object) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(s for s in (_string(v) for v in items) if s)
