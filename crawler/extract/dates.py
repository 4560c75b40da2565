"""Dates as Chinese government pages write them, to ISO ``YYYY-MM-DD``.

Forms understood (RULES.md): ``2020-03-05``, ``2020/03/05``, ``2020.03.05``, ``[2020/03/05]``,
``2020-3-5``, ``2020年3月5日``, ``2020年03月05日``, ``2020-03-05 10:49:00``, Chinese numerals
``二〇二〇年三月五日`` (〇/零/○/Ｏ, 十/十一/二十一/三十一), full-width digits ``２０２０年３月５日``,
and list dates without a year (``10-20``, ``03-05``, ``[10/20]``, ``3月5日``) whose year comes
from a reference date: the latest such date not after the reference (so ``12-30`` seen on
2024-01-05 is 2023-12-30). Impossible dates (2020-02-30) are rejected.

A date may carry a time part, which :func:`match_date` includes in the span it reports (the value a
field shows): ``2025-06-03 13:44:02``, ``2025-06-03 13:44``, ``2025年06月03日 13时44分``,
``2025年6月3日13:44``, ``2007-08-20-23:59:59``. :func:`year_from_url` reads the publication date a
CMS writes into an article URL (``/t20180315_…``, ``/2018/03/15/``, ``/2018-03/15/``, ``/201803/``,
``/art/2018/3/15/art_…``), which :func:`parse_list_date` uses for ``MM-DD`` list dates before
falling back to the reference date.
"""

from __future__ import annotations

import datetime as dt
import re

_FULLWIDTH = str.maketrans("０１２３４５６７８９／－．：", "0123456789/-.:")

# The same separator twice (2020-03-05, 2020/3/5, 2020.03.05) or 年…月; mixed forms are no dates.
_NUMERIC = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})\s*(?:-\s*(\d{1,2})\s*-|/\s*(\d{1,2})\s*/|\.\s*(\d{1,2})\s*\.|"
    r"年\s*(\d{1,2})\s*月)\s*(\d{1,2})(?!\d)"
)
_CN_VALUE = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CHINESE = re.compile(
    r"([〇零○ＯO一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*"
    r"([一二三四五六七八九十]{1,4})\s*日"
)
_MONTH_DAY = re.compile(
    r"(?<![\d.:/-])(\d{1,2})\s*(?:-\s*(\d{1,2})|/\s*(\d{1,2})|月\s*(\d{1,2})\s*日)(?![\d:/-])"
)


def _cn_number(text: str) -> int | None:
    """一..九, 十, 十一, 二十, 二十一, 三十一 → int (None for anything else)."""
    if not text:
        return None
    if "十" not in text:
        return _CN_VALUE.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if "十" in ones or len(tens) > 1 or len(ones) > 1:
        return None
    tens_value = 1 if not tens else _CN_VALUE.get(tens)
    ones_value = 0 if not ones else _CN_VALUE.get(ones)
    if tens_value is None or ones_value is None or tens_value == 0 or ones_value == 10:
        return None
    return tens_value * 10 + ones_value


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _iter_full(text: str):
    """(position, ISO date or None when impossible) for every full date in ``text``."""
    for m in _NUMERIC.finditer(text):
        month = next(g for g in m.group(2, 3, 4, 5) if g is not None)
        yield m.start(), _make(int(m.group(1)), int(month), int(m.group(6)))
    if any(ch in text for ch in "〇零○ＯO一二三四五六七八九"):
        for m in _CHINESE.finditer(text):
            year = "".join(str(_CN_VALUE[c]) for c in m.group(1))
            month, day = _cn_number(m.group(2)), _cn_number(m.group(3))
            value = _make(int(year), month, day) if month and day else None
            yield m.start(), value


def parse_date(text: str | None, ref: dt.date | None = None) -> str | None:
    """The first date written in ``text`` as ISO ``YYYY-MM-DD``, or None.

    A full date (with year) wins; an impossible first full date gives None. Without any full
    date, a month-day date (``10-20``, ``3月5日``) takes its year from ``ref`` (default: today),
    rolled back a year when it would lie after ``ref``.

    >>> parse_date("发布日期：2020年3月5日")
    '2020-03-05'
    >>> parse_date("10-20", dt.date(2024, 1, 5))
    '2023-10-20'
    """
    if not text:
        return None
    text = str(text).translate(_FULLWIDTH)
    first = min(_iter_full(text), default=None, key=lambda found: found[0])
    if first is not None:
        return first[1]
    m = _MONTH_DAY.search(text)
    if not m:
        return None
    month = int(m.group(1))
    day = int(next(g for g in m.group(2, 3, 4) if g is not None))
    ref = ref or dt.date.today()
    for year in range(ref.year, ref.year - 8, -1):  # 02-29 may need a few years back
        value = _make(year, month, day)
        if value is not None and value <= ref.isoformat():
            return value
        if not (month == 2 and day == 29) and year < ref.year:
            break
    return None


_TIME_PART = re.compile(
    r"[\sT-]*([01]?\d|2[0-3])\s*(?::|时)\s*([0-5]\d)\s*(?:分)?(?:\s*(?::)\s*([0-5]\d)|\s*([0-5]\d)\s*秒)?"
)
_DAY_END = re.compile(r"\s*日")


def match_date(text: str | None) -> tuple[str | None, int, int]:
    """``(ISO date, start, end)`` of the first full date in ``text``, its time part included in
    the span (``2025年06月03日 13时44分``); ``(None, -1, -1)`` when there is none.

    >>> match_date("发布时间：2025-06-03 13:44:02 来源：本站")
    ('2025-06-03', 5, 24)
    """
    if not text:
        return None, -1, -1
    text = str(text)
    work = text.translate(_FULLWIDTH)
    found = [(m.start(), m) for m in _NUMERIC.finditer(work)]
    found += [(m.start(), m) for m in _CHINESE.finditer(work)] if any(
        ch in work for ch in "〇零○ＯO一二三四五六七八九") else []
    if not found:
        return None, -1, -1
    start, m = min(found, key=lambda pair: pair[0])
    value = parse_date(work[start:m.end()])
    end = m.end()
    day_end = _DAY_END.match(work, end)
    if day_end and m.re is _NUMERIC:
        end = day_end.end()
    time_part = _TIME_PART.match(work, end)
    if time_part and value:
        end = time_part.end()
    return value, start, end


def date_text(text: str | None) -> str:
    """The date as written in ``text`` with its time part (``2025年06月03日 13时44分``), or ``""``."""
    value, start, end = match_date(text)
    return str(text)[start:end].strip() if value else ""


_URL_DATES = (
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+"),                  # TRS t20180315_123
    re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})/"),           # /2018/03/15/, /2018-03/15/
    re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/art_"),         # Hanweb art/2018/3/15/art_
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/[^/]+\.\w+$"),             # /20180315/x.html
    re.compile(r"/((?:19|20)\d{2})(\d{2})()/"),                             # /201803/ (year and month)
)


def year_from_url(url: str | None) -> tuple[int, int, int | None] | None:
    """``(year, month, day or None)`` an article URL is dated with, or None.

    >>> year_from_url("http://www.example.org/zwgk/tzgg/201803/t20180315_1.html")
    (2018, 3, 15)
    """
    path = (url or "").split("?", 1)[0]
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if not m:
            continue
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        if 1 <= month <= 12 and (day is None or 1 <= day <= 31):
            return year, month, day
    return None


def parse_list_date(text: str | None, url: str | None = None, ref: dt.date | None = None) -> str | None:
    """A list item's date: a full date as written; a month-day date (``03-15``) takes its year from
    the item's URL when the URL is dated (TRS names an article by the day it was made,
    ``t20180307_…``, and shows the day it was published, ``03-08``; a ``01-02`` item of
    ``t20171229_…`` is of the next year; an ``08-21`` item of ``t20171023_…`` was entered after it
    was published, see :func:`_near_url_date`), else from ``ref`` as :func:`parse_date` does.

    >>> parse_list_date("03-15", "http://x.example.org/201803/t20180315_1.html", dt.date(2024, 1, 5))
    '2018-03-15'
    """
    if not text:
        return None
    text = str(text).translate(_FULLWIDTH)
    first = min(_iter_full(text), default=None, key=lambda found: found[0])
    if first is not None:
        return first[1]
    m = _MONTH_DAY.search(text)
    hint = year_from_url(url) if m else None
    if m and hint:
        month = int(m.group(1))
        day = int(next(g for g in m.group(2, 3, 4) if g is not None))
        value = _near_url_date(month, day, hint)
        if value:
            return value
    return parse_date(text, ref)


URL_DATE_WINDOW = 31
"""Days a list item's shown date may lie from its URL's date for the URL to give it a year."""


def _near_url_date(month: int, day: int, hint: tuple[int, int, int | None]) -> str | None:
    """The shown month-day's date in the year its URL implies: within :data:`URL_DATE_WINDOW` days of
    the URL's date (either side, over a year end), else up to a year *before* it — content entered
    later than it was published (migrated 国际动态 of ``t20171023_…`` shown as ``08-21``) — but never
    long after it, which a URL named on the day the article was made rules out."""
    year, url_month, url_day = hint
    if url_day is None:  # a month folder (/201803/): the same month only
        return _make(year, month, day) if month == url_month else None
    try:
        anchor = dt.date(year, url_month, url_day)
    except ValueError:
        return None
    candidates = [value for value in (_make(y, month, day) for y in (year, year + 1, year - 1)) if value]
    offsets = {value: (dt.date.fromisoformat(value) - anchor).days for value in candidates}
    near = [value for value in candidates if abs(offsets[value]) <= URL_DATE_WINDOW]
    if near:
        return near[0]
    earlier = [value for value in candidates if -366 < offsets[value] < 0]
    return earlier[0] if earlier else None


def find_dates(text: str | None) -> list[str]:
    """Every valid full date in ``text``, ISO, in the order written (impossible ones skipped)."""
    if not text:
        return []
    text = str(text).translate(_FULLWIDTH)
    return [value for _, value in sorted(_iter_full(text), key=lambda found: found[0]) if value]
