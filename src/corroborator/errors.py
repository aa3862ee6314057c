"""The exceptions Corroborator raises, and the stable codes of skipped inputs.

Exception tree::

    CorroboratorError
    ├── ConfigError        a setting or model that cannot be used
    └── SkipInput          one input (file, URL, item) cannot be read; the run goes on
                           .reason is a SkipReason, .input names the input

A ``SkipInput`` never ends a run: the pipeline records it as a ``Skipped``
record, prints one line and moves to the next input.
"""

from __future__ import annotations

from enum import StrEnum


class SkipReason(StrEnum):
    """Why an input produced no document. The values are stable: reports and the store keep them."""

    NOT_FOUND = "not-found"
    UNREADABLE = "unreadable"  # permissions, I/O errors, a directory where a file was expected
    BROKEN_SYMLINK = "broken-symlink"
    SYMLINK_LOOP = "symlink-loop"
    EMPTY = "empty"
    TOO_LARGE = "too-large"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    MALFORMED_JSON = "malformed-json"
    NOT_TELEGRAM = "not-telegram-export"
    MALFORMED_XML = "malformed-xml"
    MALFORMED_HTML = "malformed-html"
    NO_TEXT = "no-text"
    FETCH_FAILED = "fetch-failed"
    UNSUPPORTED_URL = "unsupported-url"
    NOT_ARTICLE = "not-an-article"  # a file of a kind that holds no article (an SVG image)
    READ_FAILED = "read-failed"  # a reader failed on this item in a way nobody foresaw; --debug shows why
    STORE_FAILED = "store-failed"  # the database refused a document (a value it cannot hold); the run goes on


class CorroboratorError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(CorroboratorError):
    """A setting, option or model that cannot be used as given."""


class SkipInput(CorroboratorError):
    """One input cannot become a document; the run records it and goes on."""

    def __init__(self, input: str, reason: SkipReason, message: str) -> None:
        super().__init__(f"{input}: {message}")
        self.input = input
        self.reason = reason
        self.message = message
