"""WorkdayCalendar: State Council holidays with make-up workdays, holiday files, fallback."""

import datetime as dt
import json

import chinese_calendar
import pytest

from checks.workdays import HolidayFileError, WorkdayCalendar

D = dt.date.fromisoformat


@pytest.fixture
def cal():
    return WorkdayCalendar()


@pytest.mark.parametrize("day, workday", [
    ("2024-09-29", True),    # Sunday, 国庆 make-up workday
    ("2024-10-01", False),   # 国庆
    ("2024-10-07", False),   # 国庆, a Monday
    ("2024-10-08", True),
    ("2024-10-12", True),    # Saturday, make-up workday
    ("2025-09-28", True),    # Sunday, make-up workday
    ("2025-10-08", False),   # 国庆/中秋, a Wednesday
    ("2025-10-11", True),    # Saturday, make-up workday
    ("2025-01-26", True),    # Sunday, 春节 make-up workday
    ("2025-01-28", False),   # 除夕
    ("2025-02-04", False),   # 春节, a Tuesday
    ("2025-02-08", True),    # Saturday, make-up workday
    ("2026-02-14", True),    # Saturday, 春节 make-up workday
    ("2026-02-23", False),   # 春节, a Monday
    ("2026-02-28", True),    # Saturday, make-up workday
    ("2026-03-01", False),   # plain Sunday
])
def test_is_workday_follows_state_council_calendar(cal, day, workday):
    assert chinese_calendar.is_workday(D(day)) is workday  # the facts, from the package itself
    assert cal.is_workday(day) is workday
    assert cal.warnings == []


def test_add_workdays_skips_national_day_and_counts_make_up_days(cal):
    # 2024-09-27 (Fri) → Sun 09-29 is a make-up workday, 09-30 works, 10-01…07 holiday.
    assert cal.add_workdays(D("2024-09-27"), 1) == D("2024-09-29")
    assert cal.add_workdays(D("2024-09-27"), 2) == D("2024-09-30")
    assert cal.add_workdays(D("2024-09-27"), 3) == D("2024-10-08")
    assert cal.add_workdays(D("2024-10-08"), -1) == D("2024-09-30")
    assert cal.add_workdays(D("2024-10-03"), 0) == D("2024-10-03")


def test_add_workdays_from_a_holiday_counts_from_the_next_working_day(cal):
    assert cal.add_workdays(D("2025-10-01"), 1) == D("2025-10-09")
    assert cal.add_workdays(D("2025-10-01"), 3) == D("2025-10-11")  # Saturday make-up day


def test_twenty_workdays_across_spring_festival_2025(cal):
    start = D("2025-01-20")
    end = cal.add_workdays(start, 20)
    expected = start
    for _ in range(20):
        expected = chinese_calendar.find_workday(1, expected)
    assert end == expected
    assert cal.workdays_between(start, end) == 20
    assert cal.workdays_between(start, end - dt.timedelta(days=1)) == 19


def test_workdays_between_spring_festival_2026(cal):
    # 2026-02-13 (Fri) → 02-14 (Sat, make-up) works, 02-15…23 holiday, 02-24 works.
    assert cal.workdays_between(D("2026-02-13"), D("2026-02-24")) == 2
    assert cal.workdays_between(D("2026-02-24"), D("2026-02-13")) == -2
    assert cal.workdays_between(D("2026-02-13"), D("2026-02-13")) == 0
    expected = len(chinese_calendar.get_workdays(D("2026-02-14"), D("2026-03-31")))
    assert cal.workdays_between(D("2026-02-13"), D("2026-03-31")) == expected


def test_workdays_between_national_day_2025(cal):
    expected = len(chinese_calendar.get_workdays(D("2025-09-27"), D("2025-10-31")))
    assert cal.workdays_between(D("2025-09-26"), D("2025-10-31")) == expected
    assert cal.add_workdays(D("2025-09-26"), expected) == D("2025-10-31")


def test_2027_without_holiday_file_falls_back_to_weekends_with_warning(cal):
    assert cal.is_workday(D("2027-02-08")) is True      # a Monday (would be 春节 in reality)
    assert cal.is_workday(D("2027-02-06")) is False     # Saturday
    assert len(cal.warnings) == 1 and "2027" in cal.warnings[0] and "周末" in cal.warnings[0]
    cal.is_workday(D("2027-03-01"))
    assert len(cal.warnings) == 1                       # once per year


def test_add_workdays_crossing_into_2027_uses_fallback(cal):
    assert cal.add_workdays(D("2026-12-31"), 1) == D("2027-01-01")  # weekday: no holiday data
    assert cal.warnings


@pytest.mark.parametrize("suffix", [".yml", ".json"])
def test_2027_with_holiday_file(tmp_path, suffix):
    data = {"holidays": ["2027-01-01", "2027-02-08"], "workdays": ["2027-02-06"]}
    path = tmp_path / f"holidays{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_text("holidays: [2027-01-01, 2027-02-08]\nworkdays: ['2027-02-06']\n",
                        encoding="utf-8")
    cal = WorkdayCalendar(path)
    assert cal.is_workday(D("2027-02-08")) is False
    assert cal.is_workday(D("2027-02-06")) is True      # Saturday make-up day
    assert cal.is_workday(D("2027-02-07")) is False     # plain Sunday
    assert cal.add_workdays(D("2026-12-31"), 1) == D("2027-01-04")
    assert cal.workdays_between(D("2027-02-05"), D("2027-02-09")) == 2  # Sat 06 + Tue 09
    assert cal.is_workday(D("2026-02-23")) is False     # package still used for its years
    assert cal.warnings == []


@pytest.mark.parametrize("text, message", [
    ("holidays: [2027-13-01]\n", "2027-13-01"),
    ("- 2027-01-01\n", "mapping"),
    ("holidays: 2027-01-01\n", "list"),
    ("holidays: [2027-01-01]\nworkdays: [2027-01-01]\n", "both"),
])
def test_bad_holiday_file_names_the_problem(tmp_path, text, message):
    path = tmp_path / "h.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(HolidayFileError, match=message):
        WorkdayCalendar(path)


def test_missing_holiday_file(tmp_path):
    with pytest.raises(HolidayFileError, match="cannot read"):
        WorkdayCalendar(tmp_path / "nope.yml")
