"""Dates as news pages print them, to ISO 8601 with offset."""

import pytest

from pipelines.dates import parse_date

HCM = "Asia/Ho_Chi_Minh"


@pytest.mark.parametrize(
    "raw, tz, expected",
    [
        ("Thứ Tư, 31/7/2024 - 10:25", HCM, "2024-07-31T10:25:00+07:00"),
        ("31/07/2024 10:25 GMT+7", None, "2024-07-31T10:25:00+07:00"),
        ("Thứ năm, 20/12/2012, 10:18 GMT+7", None, "2012-12-20T10:18:00+07:00"),
        ("10:25 31/07/2024", HCM, "2024-07-31T10:25:00+07:00"),
        ("31/7/2024", HCM, "2024-07-31T00:00:00+07:00"),
        ("2024-07-31T10:25:00+07:00", None, "2024-07-31T10:25:00+07:00"),
        ("2024-07-31T03:25:00Z", None, "2024-07-31T03:25:00+00:00"),
        ("2024-07-31 10:25", HCM, "2024-07-31T10:25:00+07:00"),
        ("Wed, 31 Jul 2024 03:25:00 GMT", None, "2024-07-31T03:25:00+00:00"),
        ("July 31, 2024", None, "2024-07-31T00:00:00+00:00"),
    ],
)
def test_parse_date(raw, tz, expected):
    assert parse_date(raw, tz) == expected


@pytest.mark.parametrize("raw", [None, "", "   ", "not a date at all", "32/13/2024"])
def test_not_a_date(raw):
    assert parse_date(raw) is None
