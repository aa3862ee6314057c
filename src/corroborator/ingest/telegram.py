"""Telegram Desktop exports ("Export chat history" as JSON, the ``result.json`` file).

Each message of type ``message`` with text is a document keyed
``result.json#<message id>`` (its position in the export where the id is not
an integer or a string; ``~2``, ``~3`` added to a repeated one): the channel's name is the outlet, the message's
date the published date, ``forwarded_from`` the relay it came through.
Service messages (pins, joins) and messages without text (a bare photo) are
not documents and are passed over; an export with no text message at all is
skipped as ``no-text``.

A message's ``text`` is a string or a list of strings and entity objects
(``{"type": "bold", "text": "..."}``); a bold first line is the post's headline.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..dates import iso_date, iso_moment
from ..errors import SkipInput, SkipReason
from ..records import Metadata, RawDocument
from .items import ItemKeys, guarded, load_json, utf8, valid_text

#: A bold opening line longer than this is an emphasised paragraph, not a headline.
_MAX_HEADLINE_CHARS = 200


def read_telegram(source: str, name: str, text: str) -> Iterator[RawDocument | SkipInput]:
    try:
        export = load_json(text)
    except json.JSONDecodeError as error:
        raise SkipInput(
            name, SkipReason.MALFORMED_JSON, f"malformed JSON ({error.msg} at line {error.lineno} column {error.colno})"
        ) from None
    except RecursionError:
        raise SkipInput(name, SkipReason.MALFORMED_JSON, "malformed JSON (nested too deeply to read)") from None
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        raise SkipInput(
            name,
            SkipReason.NOT_TELEGRAM,
            "JSON, but not a Telegram export (no 'messages' list); for one document a line use .jsonl",
        )
    channel = _string(export.get("name"))
    keys, found = ItemKeys(name), False
    for position, message in enumerate(export["messages"], start=1):
        if not isinstance(message, dict) or message.get("type") != "message":
            continue
        body = guarded(name, flatten_text, message.get("text"))
        if isinstance(body, SkipInput) or not body.strip():
            continue
        found = True
        key = keys.key(_message_name(message.get("id"), position))
        yield guarded(key, _document, source, key, message, body, channel)
    if not found:
        raise SkipInput(name, SkipReason.NO_TEXT, "a Telegram export with no text messages")


def _message_name(message_id: object, position: int) -> str:
    """The message's id as its key names it; its position in the export where the id is neither a number nor a name."""
    if isinstance(message_id, int) and not isinstance(message_id, bool):
        return str(message_id)
    if isinstance(message_id, str) and message_id.strip():
        return " ".join(message_id.split())
    return str(position)


def _document(source: str, key: str, message: dict[str, Any], body: str, channel: str | None) -> RawDocument:
    author = _string(message.get("author"))
    return RawDocument(
        source=source,
        key=key,
        data=utf8(body),
        media_type="text/plain",
        guess_title=False,
        hints=Metadata(
            title=_headline(message.get("text")),
            authors=(author,) if author else (),
            published=iso_date(message.get("date")),
            published_at=iso_moment(message.get("date")),
            outlet=channel,
            relayed_from=_string(message.get("forwarded_from")),
        ),
    )


def flatten_text(text: Any) -> str:
    """The plain text of a message whose text is a string or a list of strings and entities."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(_part_text(part) for part in text)
    return ""


def _part_text(part: Any) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, dict) and isinstance(text := part.get("text"), str):
        return text
    return ""  # an entity of another shape, or a stray value: no text


def _string(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(valid_text(value).split()) or None


def _headline(text: Any) -> str | None:
    """The message's opening line, when it is set in bold on its own: the channel's headline."""
    if not isinstance(text, list) or not text:
        return None
    first = text[0]
    if not isinstance(first, dict) or first.get("type") != "bold":
        return None
    bold = _part_text(first).strip()
    rest = flatten_text(text[1:])
    ends_line = not rest or rest.startswith("\n") or "\n" in bold
    headline = valid_text(bold.split("\n", 1)[0].strip())
    if ends_line and 0 < len(headline) <= _MAX_HEADLINE_CHARS:
        return headline
    return None
