"""When two values were said by different sources at a comparable moment: found in O(log n) a report.

A value's reports become its *moments*: one per (group, date). The findings ask,
for a report of one value, whether the other value has a moment from another
group within a window of dates. Sorted dates and, for each position, the next
position whose group differs answer that with one binary search, so a
variable with many thousands of reports costs n log n, not n².
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date

from .independence import Partition
from .model import Report, Value
from .timing import WINDOW_DAYS, MeasureKind, measure_kind


def ordinal(when: str | None) -> int | None:
    if not when:
        return None
    try:
        return date.fromisoformat(when[:10]).toordinal()
    except ValueError:
        return None


class Moments:
    """One value's reports, one per group and date, sorted by date; the undated ones apart."""

    def __init__(self, value: Value, groups: Partition) -> None:
        unique = {(groups.root(r), r.when): r for r in value.reports}
        dated = sorted(
            ((day, groups.root(r), r) for r in unique.values() if (day := ordinal(r.when)) is not None),
            key=lambda item: (item[0], item[1]),
        )
        self.days = [day for day, _, _ in dated]
        self.roots = [root for _, root, _ in dated]
        self.reports = [report for _, _, report in dated]
        self.undated = [r for r in unique.values() if ordinal(r.when) is None]
        self.undated_roots = {groups.root(r): r for r in self.undated}
        # next_other[i]: the first position after i whose group differs from position i's
        self.next_other = [len(self.roots)] * len(self.roots)
        for i in range(len(self.roots) - 2, -1, -1):
            self.next_other[i] = i + 1 if self.roots[i + 1] != self.roots[i] else self.next_other[i + 1]

    def all(self) -> list[Report]:
        return [*self.reports, *self.undated]

    def other_in(self, low: int, high: int, root: int) -> Report | None:
        """A dated moment with ``low <= day <= high`` from a group other than ``root``."""
        start, end = bisect_left(self.days, low), bisect_right(self.days, high)
        if start >= end:
            return None
        if self.roots[start] != root:
            return self.reports[start]
        following = self.next_other[start]
        return self.reports[following] if following < end else None

    def other_undated(self, root: int) -> Report | None:
        return next((r for other, r in self.undated_roots.items() if other != root), None)


def meeting(measure: str, a: Moments, b: Moments, groups: Partition) -> tuple[Report, Report] | None:
    """A report of ``a`` and one of ``b`` from different groups at a comparable moment (``timing``)."""
    kind = measure_kind(measure)
    window = WINDOW_DAYS[kind]
    undated_meets = kind in (MeasureKind.LEVEL, MeasureKind.CONSTANT)
    for x in a.all():
        root, day = groups.root(x), ordinal(x.when)
        if kind is MeasureKind.CONSTANT or (day is None and undated_meets):
            y = b.other_in(-(10**9), 10**9, root) or b.other_undated(root)
        elif day is None:
            y = None
        else:
            y = b.other_in(day - window, day + window, root) or (b.other_undated(root) if undated_meets else None)
        if y is not None:
            return x, y
    return None


def earlier_and_later(a: Moments, b: Moments, groups: Partition) -> tuple[Report, Report] | None:
    """A report of ``a`` and a later one of ``b`` (by at least a day) from different groups."""
    for x, day, root in zip(a.reports, a.days, a.roots, strict=True):
        y = b.other_in(day + 1, 10**9, root)
        if y is not None:
            return x, y
    return None
