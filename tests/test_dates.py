"""Dates as government pages write them → ISO (crawler.extract.dates)."""

import datetime as dt

import pytest

from crawler.extract.dates import find_dates, parse_date

REF = dt.date(2024, 1, 5)

CASES = [
    # (text, expected ISO or None) — with REF as the reference date
    ("2020-03-05", "2020-03-05"),
    ("2020/03/05", "2020-03-05"),
    ("2020.03.05", "2020-03-05"),
    ("[2020/03/05]", "2020-03-05"),
    ("［2020-03-05］", "2020-03-05"),
    ("2020年3月5日", "2020-03-05"),
    ("2020年03月05日", "2020-03-05"),
    ("2020 年 3 月 5 日", "2020-03-05"),
    ("二〇二〇年三月五日", "2020-03-05"),
    ("二零二零年三月五日", "2020-03-05"),
    ("二○二○年三月五日", "2020-03-05"),
    ("二〇一九年十二月三十一日", "2019-12-31"),
    ("二〇二五年十一月二十一日", "2025-11-21"),
    ("二〇二〇年十月十日", "2020-10-10"),
    ("一九九六年六月二十九日", "1996-06-29"),
    ("2020-03-05 10:49:00", "2020-03-05"),
    ("2017-05-15 10:49", "2017-05-15"),
    ("2020-3-5", "2020-03-05"),
    ("2020/3/5", "2020-03-05"),
    ("２０２０年３月５日", "2020-03-05"),
    ("发布日期：2017-05-15 10:49:00", "2017-05-15"),
    ("时间：2019-09-18 06:23", "2019-09-18"),
    ("2007-08-20-23:59:59", "2007-08-20"),  # gov.cn firstpublishedtime
    ("10-20", "2023-10-20"),  # list date: after the reference in 2024, so last year
    ("01-05", "2024-01-05"),  # the reference day itself
    ("01-04", "2024-01-04"),
    ("03-05", "2023-03-05"),
    ("[12-30]", "2023-12-30"),
    ("12/30", "2023-12-30"),
    ("3月5日", "2023-03-05"),
    ("02-29", "2020-02-29"),  # the latest leap day before the reference
    ("2020-02-30", None),  # impossible
    ("2021-02-29", None),
    ("2020-13-01", None),
    ("二〇二〇年二月三十日", None),
    ("000014348/2020-35147", None),  # an index number, not a date
    ("2020-03/05", None),  # mixed separators
    ("", None),
    ("无", None),
    ("13-45", None),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_parse_date(text, expected):
    assert parse_date(text, REF) == expected


def test_list_date_year_follows_the_reference():
    assert parse_date("12-30", dt.date(2023, 12, 31)) == "2023-12-30"
    assert parse_date("12-30", dt.date(2024, 1, 2)) == "2023-12-30"
    assert parse_date("01-02", dt.date(2024, 1, 2)) == "2024-01-02"


def test_list_date_without_reference_uses_today():
    today = dt.date.today()
    assert parse_date(today.strftime("%m-%d")) == today.isoformat()


def test_full_date_wins_over_month_day():
    assert parse_date("10-20 发布于 2019-10-20", REF) == "2019-10-20"


def test_none_and_non_string_input():
    assert parse_date(None) is None
    assert find_dates(None) == []


def test_find_dates_in_order_skipping_impossible_ones():
    text = "成文日期：2018年12月21日 发布日期：2018-12-29 错误 2020-02-30 一九九六年六月二十九日 [2020/03/05]"
    assert find_dates(text) == ["2018-12-21", "2018-12-29", "1996-06-29", "2020-03-05"]


def test_find_dates_ignores_month_day_fragments():
    assert find_dates("浏览次数 10-20 次") == []
