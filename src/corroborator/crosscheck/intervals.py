"""Numbers as intervals: what a qualifier allows, and when two intervals agree.

The extractor keeps the bounds as printed ("around 8,000" is 8,000 to 8,000);
the cross-check widens them by what the qualifier allows, so that "around
8,000" and "8,200" agree and "at least 100" agrees with any larger count.
"""

from __future__ import annotations

import math

#: "around N" is read as N ± 10%: wide enough for the rounding reporters do
#: ("roughly 8,000" for 7,600), narrow enough that 8,000 and 11,000 stay apart.
APPROXIMATE_TOLERANCE = 0.10

#: "up to N", "nearly N", "as many as N": from this share of N up to N. "Nearly
#: 1,000" is not 3; the floor keeps such a figure from agreeing with any small number.
AT_MOST_FLOOR = 0.5


def interval(value: float, printed_low: float, printed_high: float, qualifier: str) -> tuple[float, float]:
    """The values a figure allows, from its qualifier (SPEC's vocabulary)."""
    if qualifier == "approximately":
        spread = abs(value) * APPROXIMATE_TOLERANCE
        return value - spread, value + spread
    if qualifier == "at_least":
        return printed_low, math.inf
    if qualifier == "at_most":
        return printed_high * AT_MOST_FLOOR, printed_high
    if qualifier == "range":
        return min(printed_low, printed_high), max(printed_low, printed_high)
    return printed_low, printed_high


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
