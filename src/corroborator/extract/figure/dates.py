"""When a figure holds: "last week", "on Tuesday", "in October", "on Nov. 5", against the publication date.

News dates its figures relative to the day it is published. ``resolve_date``
handles the common English forms itself (weekday names, month names with or
without a day, "yesterday", "last week", "a month ago"), which is quick and
predictable; anything else that names a day or month goes to dateparser with
the publication date as its base. Results are cached: a corpus repeats the
same few expressions.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

#: The day of the month a bare month reference stands for: "early", "mid" and "late" October.
PART_OF_MONTH = {"early": 1, "mid": 15, "late": 25, None: 1}

#: Days back for "last week" and friends; a month is taken as 30 days.
DAYS_IN = {"day": 1, "week": 7, "month": 30, "year": 365}

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = re.compile(rf"\b(?:(last|this|past)\s+)?({'|'.join(WEEKDAYS)})\b")
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?({_MONTH_NAMES})\b\.?(?:,?\s*(\d{{4}}))?"
)
_MONTH_DAY = re.compile(rf"\b({_MONTH_NAMES})\b\.?\s*(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(\d{{4}}))?")
_MONTH = re.compile(rf"\b(?:(early|mid|late)[\s-]+)?({_MONTH_NAMES})\b\.?(?:,?\s*(\d{{4}}))?")
_ORDINAL_DAY = re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b")
_AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|\d+)\s+(day|week|month|year)s?\s+ago\b")
_RELATIVE = re.compile(r"\b(last|past|previous|this)\s+(week|month|year)\b")
_TODAY = re.compile(r"\b(today|tonight|this morning|this afternoon|this evening|earlier today)\b")
_YESTERDAY = re.compile(r"\b(yesterday|last night)\b")
_YEAR_ONLY = re.compile(r"(?:the\s+)?(?:year\s+)?\d{4}")
#: A number alone ("58", "1,200") names no day: dateparser would read "58" as 1958.
_NUMBER_ONLY = re.compile(r"[\d,.\s]+")
_WORTH_PARSING = re.compile(rf"\d|\b(?:{_MONTH_NAMES}|{'|'.join(WEEKDAYS)})\b")

_DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}


@lru_cache(maxsize=4096)
def resolve_date(expression: str, published: str | None) -> str | None:
    """ISO date for ``expression`` ("last week") in a text published on ``published`` (ISO), or None if unknown."""
    text = re.sub(r"\s+", " ", expression.lower()).strip()
    if _YEAR_ONLY.fullmatch(text) or _NUMBER_ONLY.fullmatch(text):
        return None  # a year is not a date, and a bare number is neither
    base = _parse_iso(published)
    found = _absolute(text) or (_relative(text, base) if base else None)
    if found is None and _WORTH_PARSING.search(text):
        found = _with_dateparser(expression, base)
    return found.isoformat() if found else None


def _parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _absolute(text: str) -> date | None:
    """A date that names its year: "5 November 2024", "Nov. 5, 2024"."""
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        m = pattern.search(text)
        if m and m.group(3):
            return _safe_date(int(m.group(3)), MONTHS[m.group(month_group)], int(m.group(day_group)))
    return None


def _relative(text: str, base: date) -> date | None:
    if _TODAY.search(text):
        return base
    if _YESTERDAY.search(text):
        return base - timedelta(days=1)
    m = _AGO.search(text)
    if m:
        count = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
        return base - timedelta(days=count * DAYS_IN[m.group(2)])
    m = _RELATIVE.search(text)
    if m:
        return base if m.group(1) == "this" else base - timedelta(days=DAYS_IN[m.group(2)])
    m = _WEEKDAY.search(text)
    if m:
        back = (base.weekday() - WEEKDAYS.index(m.group(2))) % 7
        if m.group(1) == "last" and back == 0:
            back = 7
        return base - timedelta(days=back)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        m = pattern.search(text)
        if m:
            return _latest(base, MONTHS[m.group(month_group)], int(m.group(day_group)))
    m = _MONTH.search(text)
    if m:
        day = PART_OF_MONTH[m.group(1)]
        if m.group(3):
            return _safe_date(int(m.group(3)), MONTHS[m.group(2)], day)
        return _latest(base, MONTHS[m.group(2)], day)
    m = _ORDINAL_DAY.search(text)
    return _latest_day(base, int(m.group(1))) if m else None


def _latest_day(base: date, day: int) -> date | None:
    """ "on the 5th": that day of the publication month, or of the month before if it is still to come."""
    found = _safe_date(base.year, base.month, day)
    if found is None or found > base:
        previous = base.replace(day=1) - timedelta(days=1)
        found = _safe_date(previous.year, previous.month, day)
    return found


def _latest(base: date, month: int, day: int) -> date | None:
    """The latest ``month``/``day`` on or before ``base``: news reports the past."""
    found = _safe_date(base.year, month, day)
    if found and found > base:
        found = _safe_date(base.year - 1, month, day)
    return found


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_dateparser(expression: str, base: date | None) -> date | None:
    settings = dict(_DATEPARSER_SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    else:
        settings["STRICT_PARSING"] = True  # without a base only a full date means anything
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser's dependencies warn about their own internals
        parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    return parsed.date() if parsed else None
