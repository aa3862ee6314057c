"""Publication dates as ISO strings, from whatever a feed, export or page prints.

``iso_date`` gives the day (``YYYY-MM-DD``), the contract's ``published``;
``iso_moment`` the day with its time of day (ISO 8601, with the offset the
source gives), where the source has one: a Telegram message's time, a feed's
``pubDate``, a page's ``article:published_time`` or ``<time datetime>``.
"""

from __future__ import annotations

import re
import time
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import dateparser

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
#: An ISO 8601 date with a time of day: "2024-09-15T14:02", "2024-09-15 14:02:11+03:00", "...Z".
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
#: RFC 822, as RSS writes it: "Sun, 15 Sep 2024 14:02:00 +0300".
_RFC822_MOMENT = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")

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


def iso_moment(value: object) -> str | None:
    """The day and time of day of a datetime, or of an ISO 8601 or RFC 822 string that has a time; else None.

    The offset is kept as the source gives it (none for a Telegram export, which writes its
    exporter's local time), so that the day part is the source's own day, as ``iso_date`` reads it.
    """
    if isinstance(value, datetime):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if _ISO_MOMENT.match(text):
            return datetime.fromisoformat(text).isoformat()
        if _RFC822_MOMENT.match(text):
            return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
    return None


#: A page's own stamp: "Updated: 03-02-2025 09:40 IST", "Published on 12 March 2024, 10:15 GMT".
_STAMP_LABEL = re.compile(
    r"^\s*(?P<label>first\s+published|published|posted|created|last\s+updated|last\s+modified|updated|modified|edited)"
    r"(?:\s+(?:on|at))?\s*[:\-–—|]?\s*",
    re.IGNORECASE,
)
#: Labels that say the stamp is a later revision, not the first publication.
_REVISION_LABELS = ("updated", "modified", "edited")

#: An all-numbers date, day and month in either order: "03-02-2025", "3/2/2025".
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](?:19|20)\d{2}(?!\d)")
#: US time zones: the only places that write the month first.
_MONTH_FIRST_ZONES = re.compile(r"\b(?:E[SD]T|C[SD]T|M[SD]T|P[SD]T|ET|PT|CT)\b")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date a page prints about itself; ``revision`` for "Updated"/"Modified" stamps."""

    date: date
    revision: bool


def parse_stamp(text: str) -> Stamp | None:
    """The date of a stamp line ("Updated: 03-02-2025 09:40 IST"), or None.

    An unlabelled date counts as the publication date. An all-numbers date
    whose day and month could be either way round is read day first, as
    outlets outside the United States write it, unless the stamp gives a US
    time zone.
    """
    label = _STAMP_LABEL.match(text)
    revision = bool(label and label["label"].lower().split()[-1] in _REVISION_LABELS)
    rest = text[label.end() :] if label else text
    order = None
    numeric = _NUMERIC_DATE.search(rest)
    if numeric and max(int(numeric[1]), int(numeric[2])) <= 12:
        order = "MDY" if _MONTH_FIRST_ZONES.search(rest) else "DMY"
    found = parse_date(rest, date_order=order)
    return Stamp(found, revision) if found else None


def parse_date(text: str, languages: list[str] | None = None, date_order: str | None = None) -> date | None:
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
        settings = _DATEPARSER_SETTINGS if date_order is None else {**_DATEPARSER_SETTINGS, "DATE_ORDER": date_order}
        parsed = dateparser.parse(text, languages=languages or DATE_LANGUAGES, settings=settings)
    return parsed.date() if parsed else None
