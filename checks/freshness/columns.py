"""Shared by the freshness rules: what several of them read from the store."""

from __future__ import annotations

import datetime as dt

from checks.registry import AgencyView
from crawler.urls import dedup_key
from crawler.vocabulary import INDEX_PAGE_RE, DurationError

#: Kept under its old name: a window setting that cannot be read.
WindowError = DurationError


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


def unreadable_columns(view: AgencyView, rule_id: str, columns: list[dict]) -> list[dict]:
    """Columns whose list only JavaScript renders (avalon/Vue templates, lists filled from an API):
    not judged, and remarked on the rule as 无法读取 with their names and reasons."""
    unreadable = [c for c in columns if c.get("unreadable")]
    if unreadable:
        shown = "、".join(f"「{c.get('name') or c['url']}」（{c.get('unreadable_reason') or '脚本生成'}）"
                         for c in unreadable[:5])
        more = f" 等 {len(unreadable)} 个" if len(unreadable) > 5 else ""
        view.remark(rule_id, f"无法读取：{shown}{more}栏目的列表由 JavaScript 生成，页面源码中没有条目，"
                             "未作判断（需人工复核）")
    return unreadable


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

