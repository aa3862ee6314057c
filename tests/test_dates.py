"""Publication dates and times as the sources write them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from corroborator.dates import iso_date, iso_moment


@pytest.mark.parametrize(
    ("written", "moment", "day"),
    [
        ("2024-09-15T14:02:11", "2024-09-15T14:02:11", "2024-09-15"),  # a Telegram export: no offset
        ("2024-09-15T14:02:00Z", "2024-09-15T14:02:00+00:00", "2024-09-15"),
        ("2024-09-15 23:10:00-05:00", "2024-09-15T23:10:00-05:00", "2024-09-15"),  # the source's day kept
        ("Sun, 15 Sep 2024 23:30:00 +0300", "2024-09-15T23:30:00+03:00", "2024-09-15"),  # RSS
        ("2024-09-15", None, "2024-09-15"),  # a day without a time of day
        ("15 September 2024", None, "2024-09-15"),
        ("Sun, 15 Sep 2024 25:99:00 +0300", None, None),  # no such time
        ("2024-09-31T10:00:00", None, None),  # no such day
        ("", None, None),
    ],
)
def test_a_moment_is_the_day_with_its_time_where_one_is_written(written, moment, day):
    assert iso_moment(written) == moment
    assert iso_date(written) == day


def test_a_datetime_keeps_its_offset_and_other_values_have_no_moment():
    kyiv = timezone(timedelta(hours=2))
    assert iso_moment(datetime(2024, 11, 8, 23, 40, tzinfo=kyiv)) == "2024-11-08T23:40:00+02:00"
    assert iso_moment(None) is None and iso_moment(20240915) is None
