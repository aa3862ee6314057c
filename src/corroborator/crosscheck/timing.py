"""When two reports can be compared: by what their measure counts.

- A *toll* (killed, wounded, captured, displaced...) only grows: an earlier
  lower count and a later higher one are both right, so only a later count
  below an earlier one, or two counts within ``TOLL_WINDOW_DAYS`` of each
  other (a toll given late one day and repeated the next morning), can
  disagree.
- A *level* (troops present, deployed) moves either way, slowly: two counts
  within ``LEVEL_WINDOW_DAYS`` of each other are about the same moment.
- An *event* count (drones launched or shot down on one night, buildings
  damaged in one strike) belongs to its day: two counts compare only when
  they are dated the same day (attacks come night after night, and the
  next night's count is another event).
- A *constant* (a distance, a cost) does not move with time.

An unknown date is comparable with any date for levels and constants (an
undated 11,000 beside a dated 8,000 is the disagreement a reader sees), and
with none for tolls and events (the times could explain any difference).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Protocol


class MeasureKind(StrEnum):
    TOLL = "toll"
    LEVEL = "level"
    EVENT = "event"
    CONSTANT = "constant"


TOLLS = frozenset({"killed", "wounded", "captured", "missing", "casualties", "displaced", "trained"})
LEVELS = frozenset({"present", "deployed", "other"})
EVENTS = frozenset({"launched", "intercepted", "destroyed", "damaged"})

#: Troop levels reported within two weeks of each other describe the same deployment.
LEVEL_WINDOW_DAYS = 14
#: A toll reported one evening and the next morning is one count of one moment.
TOLL_WINDOW_DAYS = 1
#: Counts of events compare within the same day only.
EVENT_WINDOW_DAYS = 0
#: One statement is dated by one outlet on its day and by a relay the next morning: two reports of one
#: speaker within this many days may be one statement (a misquote); further apart, a new one (an update).
STATEMENT_WINDOW_DAYS = 1


WINDOW_DAYS = {
    MeasureKind.TOLL: TOLL_WINDOW_DAYS,
    MeasureKind.LEVEL: LEVEL_WINDOW_DAYS,
    MeasureKind.EVENT: EVENT_WINDOW_DAYS,
    MeasureKind.CONSTANT: 10**6,
}


def measure_kind(measure: str) -> MeasureKind:
    if measure in TOLLS:
        return MeasureKind.TOLL
    if measure in EVENTS:
        return MeasureKind.EVENT
    if measure in LEVELS:
        return MeasureKind.LEVEL
    return MeasureKind.CONSTANT


def days_between(a: str | None, b: str | None) -> int | None:
    """Days from ``a`` to ``b`` (ISO dates), or None when either is unknown or unreadable."""
    if not a or not b:
        return None
    try:
        return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days
    except ValueError:
        return None


def same_moment(measure: str, a: str | None, b: str | None) -> bool:
    """May two reports of this measure, dated ``a`` and ``b``, describe the same moment?"""
    kind = measure_kind(measure)
    if kind is MeasureKind.CONSTANT:
        return True
    gap = days_between(a, b)
    if gap is None:
        return kind is MeasureKind.LEVEL
    return abs(gap) <= WINDOW_DAYS[kind]


def consistent_in_time(measure: str, earlier: tuple[float, float], later: tuple[float, float]) -> bool:
    """Can a toll have moved from ``earlier`` to ``later``? It can only have grown."""
    return measure_kind(measure) is MeasureKind.TOLL and later[1] >= earlier[0]


class _Timed(Protocol):
    @property
    def at(self) -> str | None: ...


def instant(at: str | None) -> datetime | None:
    """A report's time of day as a moment; a time without an offset (a Telegram export's) is read as UTC."""
    if not at:
        return None
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def clock(at: str | None) -> float:
    """A sort key within one day: the time of day as a timestamp, reports without one first."""
    moment = instant(at)
    return moment.timestamp() if moment else float("-inf")


def rose_in_time(measure: str, lower: Iterable[_Timed], higher: Iterable[_Timed]) -> bool:
    """Was every report of a toll's lower count given before every report of its higher one, by their times
    of day? Then the toll rose through the day (a count at noon, a higher one in the evening), and the
    two are not a disagreement. Any report without a time of day leaves the question open: no."""
    if measure_kind(measure) is not MeasureKind.TOLL:
        return False
    earlier, later = [instant(r.at) for r in lower], [instant(r.at) for r in higher]
    if not earlier or not later or None in earlier or None in later:
        return False
    return max(m for m in earlier if m) < min(m for m in later if m)


def order_key(when: str | None) -> tuple[int, str]:
    """Sort key: dated reports in time order, undated ones last."""
    return (0, when) if when else (1, "")
