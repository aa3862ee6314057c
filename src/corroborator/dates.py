"""Publication dates as ISO strings, from whatever a feed, export or page prints."""

from __future__ import annotations

import re
import time
import warnings
from datetime import date, datetime

import dateparser

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

#: Words that introduce a dateline and that dateparser does not know.
_DATELINE_LABEL = re.compile(
    r"^\s*(?:published|updated|posted|last\s+updated|first\s+published|date|created|modified)"
    r"(?:\s+(?:on|at))?\s*[:\-–—|]?\s*",
    re.IGNORECASE,
)

#: A full date names its year; lines without one are not tried (dateparser is slow to say no).
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")

#: Languages tried when none is given. Naming them keeps dateparser from trying
#: all 200 of its locales, which takes a second a line.
DATE_LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk"]

_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,  # day, month and year must all be there
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for a date, datetime, ``time.struct_time`` or date string; None if unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    text = str(value).strip()
    iso = _ISO_PREFIX.match(text)
    if iso:
        try:
            return date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    parsed = parse_date(text)
    return parsed.isoformat() if parsed else None


def parse_date(text: str, languages: list[str] | None = None) -> date | None:
    """A full date (day, month and year) written in ``text``, or None.

    Labels such as "Published:" are dropped first. Relative dates ("3 hours
    ago") are refused: they mean nothing without the moment of scraping.
    """
    text = _DATELINE_LABEL.sub("", text).strip()
    if not _YEAR.search(text) or "ago" in text.lower():
        return None
    with warnings.catch_warnings():
        # dateparser's own dependencies warn about their pytz and regex usage.
        warnings.simplefilter("ignore")
        parsed = dateparser.parse(text, languages=languages or DATE_LANGUAGES, settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None
