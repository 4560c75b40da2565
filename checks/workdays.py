"""Working-day arithmetic on the State Council holiday calendar (法定节假日与调休).

:class:`WorkdayCalendar` answers "is this a working day", "which day is n working days after
that one" and "how many working days lie between two days" — the arithmetic behind the 条例's
deadlines (20 个工作日 for proactive disclosure, …).

Sources, in order of precedence, for any one date:

1. a user holiday file (YAML or JSON ``{holidays: [dates], workdays: [make-up dates]}``) for
   the years it lists — the way to cover a year the package does not know yet, or a local
   calendar; a file's year is judged from the file alone (weekdays work unless listed as
   holidays, weekends rest unless listed as make-up workdays);
2. the ``chinesecalendar`` package (``chinese_calendar``, 2004–2026), make-up workdays (调休)
   counted as working days;
3. otherwise weekends only, and :attr:`WorkdayCalendar.warnings` says so once per year so
   reports can show that the deadline arithmetic is approximate.

Counting convention: ``add_workdays(d, n)`` is the day on which the n-th working day *after* d
falls (the day d itself is not counted, as in 条例 deadlines counted from the day after the
information is formed); ``workdays_between(a, b)`` is the number of working days in ``(a, b]``,
so ``workdays_between(d, add_workdays(d, n)) == n``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import chinese_calendar
import yaml

PACKAGE_YEARS = "2004–2026"


class HolidayFileError(ValueError):
    """The holiday file is unreadable or malformed; the message names the file and the value."""


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def load_holiday_file(path: str | Path) -> tuple[set[dt.date], set[dt.date]]:
    """Read ``{holidays: [...], workdays: [...]}`` from a YAML or JSON file.

    Returns ``(holidays, workdays)`` as sets of dates; raises :class:`HolidayFileError` naming the
    file and the bad value.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise HolidayFileError(f"{path}: cannot read holiday file ({exc.strerror})") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(text)
        else:  # BaseLoader: dates stay text, so a bad one is reported by value below
            data = yaml.load(text, Loader=yaml.BaseLoader)
    except (ValueError, yaml.YAMLError) as exc:
        raise HolidayFileError(f"{path}: not valid YAML/JSON ({exc})") from None
    if not isinstance(data, dict) or not ({"holidays", "workdays"} & set(data)):
        raise HolidayFileError(f"{path}: expected a mapping with 'holidays' and/or 'workdays' lists")
    result: list[set[dt.date]] = []
    for key in ("holidays", "workdays"):
        values = data.get(key) or []
        if not isinstance(values, list):
            raise HolidayFileError(f"{path}: '{key}' must be a list of YYYY-MM-DD dates")
        dates = set()
        for value in values:
            try:
                dates.add(_as_date(value))
            except ValueError:
                raise HolidayFileError(f"{path}: '{key}': not a YYYY-MM-DD date: {value!r}") from None
        result.append(dates)
    holidays, workdays = result
    both = holidays & workdays
    if both:
        raise HolidayFileError(f"{path}: {min(both).isoformat()} is listed as both holiday and workday")
    return holidays, workdays


class WorkdayCalendar:
    """Chinese working days: ``chinese_calendar`` plus an optional holiday file, else weekends."""

    def __init__(self, holiday_file: str | Path | None = None):
        self.holiday_file = str(holiday_file) if holiday_file else ""
        self.holidays: set[dt.date] = set()
        self.workdays: set[dt.date] = set()
        if holiday_file:
            self.holidays, self.workdays = load_holiday_file(holiday_file)
        self.file_years = {d.year for d in self.holidays | self.workdays}
        self.warnings: list[str] = []
        self._warned: set[int] = set()

    def is_workday(self, day: dt.date | str) -> bool:
        """True when ``day`` is a working day, make-up workdays (调休) included."""
        day = _as_date(day)
        if day.year in self.file_years:
            if day in self.workdays:
                return True
            return day.weekday() < 5 and day not in self.holidays
        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:
            self._warn(day.year)
            return day.weekday() < 5

    def add_workdays(self, day: dt.date | str, n: int) -> dt.date:
        """The date of the n-th working day after ``day`` (before it when n < 0); n = 0 → ``day``."""
        day = _as_date(day)
        if n == 0:
            return day
        if not self.file_years:
            try:
                # find_workday(0, d) is the first working day on or after d.
                if n > 0:
                    return chinese_calendar.find_workday(n - 1, day + dt.timedelta(days=1))
                return chinese_calendar.find_workday(n, day)
            except NotImplementedError:
                pass  # a year outside the package: count day by day with the fallback
        step = dt.timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_workday(day):
                remaining -= 1
        return day

    def workdays_between(self, start: dt.date | str, end: dt.date | str) -> int:
        """Working days in ``(start, end]``; negative when ``end`` is before ``start``."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.workdays_between(end, start)
        return sum(1 for day in _days(start + dt.timedelta(days=1), end) if self.is_workday(day))

    def _warn(self, year: int) -> None:
        if year in self._warned:
            return
        self._warned.add(year)
        self.warnings.append(
            f"{year} 年不在 chinesecalendar 覆盖范围（{PACKAGE_YEARS}）内，且未提供该年的节假日文件："
            f"工作日仅按周末计算，未计法定节假日与调休")


def _days(first: dt.date, last: dt.date) -> Iterable[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)




def calendar_for(view, holiday_file: str | None = None) -> WorkdayCalendar:
    """The calendar a rule judges deadlines on: ``holiday_file`` (the rule's ``holiday_file``
    option, read by the rule), else the run's ``--holiday-file`` setting, else none.

    ``view`` is the rule's :class:`~checks.registry.AgencyView` (its run's settings are read).
    """
    if not holiday_file:
        try:
            holiday_file = (json.loads(view.run.get("settings") or "{}") or {}).get("holiday_file")
        except (ValueError, AttributeError):
            holiday_file = None
    return WorkdayCalendar(holiday_file)
