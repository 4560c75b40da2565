"""Shared by the freshness rules: what several of them read from the store."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from checks.registry import AgencyView
from crawler.urls import dedup_key

WINDOW_RE = re.compile(r"^\s*(\d+)\s*([dwmy])\s*$", re.IGNORECASE)


UNIT_NAMES = {"d": "天", "w": "周", "m": "个月", "y": "年"}


INDEX_PAGE_RE = re.compile(r"/index(_0)?\.(s?html?|jsp|aspx?|php)$", re.IGNORECASE)


class WindowError(ValueError):
    """A freshness window setting that cannot be read; the message names setting and value."""


def parse_window(text: str, setting: str = "window") -> tuple[int, str]:
    """``"14d"`` → ``(14, "d")``; units d(ays), w(eeks), m(onths), y(ears)."""
    match = WINDOW_RE.match(str(text))
    if not match:
        raise WindowError(f"{setting}: 无法解析的时间窗口 {text!r}（应写作 14d、2w、6m 或 1y）")
    return int(match.group(1)), match.group(2).lower()


def window_start(as_of: dt.date, window: str, setting: str = "window") -> dt.date:
    """The oldest date still inside ``window`` before ``as_of`` (an item dated on it is fresh)."""
    count, unit = parse_window(window, setting)
    if unit == "d":
        return as_of - dt.timedelta(days=count)
    if unit == "w":
        return as_of - dt.timedelta(weeks=count)
    months = count * (12 if unit == "y" else 1)
    year, month = divmod(as_of.year * 12 + as_of.month - 1 - months, 12)
    month += 1
    day = min(as_of.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def window_text(window: str) -> str:
    """``"6m"`` → ``"6个月"`` for details users read."""
    count, unit = parse_window(window)
    return f"{count}{UNIT_NAMES[unit]}"


def as_of_date(view: AgencyView) -> dt.date:
    return dt.date.fromisoformat(str(view.as_of)[:10])


def item_date(value: str | None) -> dt.date | None:
    """The ISO date of a list item, or None when it has none or it cannot be read."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def column_key(url: str) -> str:
    """A comparable form of a column URL: no fragment/session ids, no ``index.html``, no final /."""
    if not url:
        return ""
    key = INDEX_PAGE_RE.sub("/", dedup_key(url.strip()))
    return key.rstrip("/")


def column_types(view: AgencyView) -> list[dict]:
    """The agency's ``columns`` rows with ``effective_type`` and ``effective_type_source`` added.

    An override in the agency file (``columns: {url: type}``) wins and is recorded as
    ``"override"``; otherwise the stored ``column_type``/``type_source`` stand.
    """
    overrides = {column_key(url): kind for url, kind in (view.config.get("columns") or {}).items()}
    result = []
    for row in view.rows("columns"):
        override = overrides.get(column_key(row["url"]))
        row = dict(row)
        if override:
            row["effective_type"], row["effective_type_source"] = override, "override"
        else:
            row["effective_type"] = row.get("column_type") or "other"
            row["effective_type_source"] = row.get("type_source") or ""
        result.append(row)
    return result


def newest_item(items: list[dict], as_of: dt.date) -> tuple[dict | None, int, int]:
    """``(newest dated item on or before as_of, dated items, items dated after as_of)``.

    Items dated after the monitoring point did not exist then (or carry a wrong date) and cannot
    show the column was updated at that time; they are counted, not used.
    """
    newest, newest_date, dated, future = None, None, 0, 0
    for item in items:
        day = item_date(item.get("date"))
        if day is None:
            continue
        dated += 1
        if day > as_of:
            future += 1
            continue
        if newest_date is None or day > newest_date:
            newest, newest_date = item, day
    return newest, dated, future


def item_evidence(item: dict | None) -> dict | None:
    if not item:
        return None
    return {"title": item.get("title"), "url": item.get("url"), "date": item.get("date"),
            "page": item.get("page_url")}

