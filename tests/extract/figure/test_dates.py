"""Dates as news prints them, resolved against the publication date (no model needed)."""

from __future__ import annotations

import pytest

from corroborator.extract.figure.dates import resolve_date


@pytest.mark.parametrize(
    ("expression", "iso"),
    [
        ("yesterday", "2024-03-13"),
        ("a month ago", "2024-02-13"),
        ("late on Monday", "2024-03-11"),
        ("mid-January", "2024-01-15"),
        ("Nov. 5", "2023-11-05"),  # the last 5 November before the publication date
        ("the 20th", "2024-02-20"),
    ],
)
def test_date_expressions(expression, iso):
    assert resolve_date(expression, "2024-03-14") == iso


def test_date_resolution_without_a_base_keeps_full_dates():
    assert resolve_date("5 November 2024", None) == "2024-11-05"
    assert resolve_date("yesterday", None) is None
    assert resolve_date("2023", "2024-03-14") is None  # a year is not a date
