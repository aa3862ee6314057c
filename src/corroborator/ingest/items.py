"""What every container reader shares: valid text, unique item keys, one item's failure kept to that item.

A feed, a JSON Lines batch and a Telegram export each hold many items. One
item that no rule foresaw (a lone surrogate escape, a 5,000-digit number, a
value of the wrong type) must cost that item only: ``guarded`` turns its
exception into a ``SkipInput`` and the reader goes on with the next item.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import SkipInput, SkipReason

_log = logging.getLogger(__name__)

#: UTF-16 halves. JSON's ``"\\ud800"`` and XML's ``&#xD800;`` decode to one standing
#: alone, which no UTF-8 stream, JSON writer or database can hold.
_SURROGATE = re.compile("[\ud800-\udfff]")

#: An item's own name (a guid, a link, a message id) longer than this is cut and a
#: hash of the whole appended: a key is a name, not a second copy of the item.
_MAX_ITEM_NAME_CHARS = 200

#: Python refuses to turn longer digit strings into an int (CVE-2020-10735); JSON
#: numbers past it are kept as their digits.
_MAX_INT_DIGITS = 4300

Result = TypeVar("Result")


def valid_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, as a decoder replaces a bad byte."""
    return _SURROGATE.sub("\ufffd", text)


def utf8(text: str) -> bytes:
    """The UTF-8 bytes of ``text``, whatever surrogates it holds."""
    return valid_text(text).encode("utf-8")


def load_json(text: str) -> Any:
    """``json.loads``, with numbers too long for an int kept as their digits rather than refused."""
    return json.loads(text, parse_int=_bounded_int)


def _bounded_int(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) < _MAX_INT_DIGITS else digits


def guarded(key: str, read: Callable[..., Result], *args: Any) -> Result | SkipInput:
    """``read(*args)``, or a ``SkipInput`` for ``key`` when it fails, foreseen or not."""
    try:
        return read(*args)
    except SkipInput as skip:
        return skip
    except Exception as error:  # the point: one item's failure is that item's, whatever it is
        return unforeseen(key, error)


def unforeseen(key: str, error: Exception) -> SkipInput:
    """The ``read-failed`` skip of an exception no reader rule foresaw; ``--debug`` logs its traceback."""
    if isinstance(error, RecursionError | MemoryError):
        return SkipInput(key, SkipReason.READ_FAILED, "too deeply nested or too large to read")
    _log.debug("reading %s failed", key, exc_info=error)
    first = (str(error).strip().splitlines() or [""])[0][:200]
    what = f"{type(error).__name__}: {first}" if first else type(error).__name__
    return SkipInput(key, SkipReason.READ_FAILED, f"could not be read ({what})")


class ItemKeys:
    """Keys for the items of one read of one input: ``name#item``, unique within the read.

    Two feed items with one guid, or two messages with one id, are two documents:
    the second gets ``name#item~2``, the third ``~3``. The numbering follows the
    items' order, so a re-read of the same input gives every item the same key
    again, and the store versions an item only against itself.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._given: set[str] = set()

    def key(self, item: str) -> str:
        base = f"{self.name}#{_short(valid_text(item))}"
        key, repeat = base, 1
        while key in self._given:
            repeat += 1
            key = f"{base}~{repeat}"
        self._given.add(key)
        return key


def _short(item: str) -> str:
    if len(item) <= _MAX_ITEM_NAME_CHARS:
        return item
    digest = hashlib.sha256(item.encode("utf-8")).hexdigest()[:16]
    return f"{item[:_MAX_ITEM_NAME_CHARS]}…{digest}"
