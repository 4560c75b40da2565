"""信息更新: columns and the home page must show recent, dated information.

Windows come from 指标2019/普查2015: 动态/要闻 14 days, 通知公告/政策文件 6 months, 人事/规划计划
1 year, the home page 2 weeks. They are settings (``freshness_windows``, ``home_window``) so a
scoring profile or an agency can change them; a window is written ``14d``, ``2w``, ``6m`` or
``1y``, months and years being calendar months and years (6 months before 2026-11-27 is
2026-05-27; from 08-31 it ends on the last day of February).

A column's type is the agency's ``columns`` override for that column URL when there is one
(``type_source`` "override"), else the type the crawler extracted. :func:`column_types` is the one
place that decides it; the documents family uses it too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.urls import dedup_key

DEFAULT_WINDOWS = {"news": "14d", "notice": "6m", "policy": "6m", "personnel": "1y",
                   "planning": "1y"}
TYPE_NAMES = {"news": "动态/要闻", "notice": "通知公告", "policy": "政策文件", "personnel": "人事",
              "planning": "规划计划", "other": "其他"}
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


def _home_urls(view: AgencyView) -> set[str]:
    home = view.home_page()
    urls = {view.agency.get("url") or ""}
    if home:
        urls |= {home["url"], home.get("final_url") or home["url"]}
    return {column_key(u) for u in urls if u}


def _item_evidence(item: dict | None) -> dict | None:
    if not item:
        return None
    return {"title": item.get("title"), "url": item.get("url"), "date": item.get("date"),
            "page": item.get("page_url")}


@rule(id="column-stale", family="freshness", title="栏目不更新", ref="指标2019 · 栏目不更新; 普查2015",
      default="news 14d · notice/policy 6m · personnel/planning 1y")
def column_stale(view: AgencyView) -> Iterator[Finding]:
    """栏目不更新：栏目最新一条带日期的信息早于该类栏目的更新时限。

    What: every column typed news (动态/要闻, 14 天), notice (通知公告, 6 个月), policy (政策文件,
    6 个月), personnel (人事, 1 年) or planning (规划计划, 1 年) — the agency's column override
    first, else the extracted type — is judged by its newest dated list item at the monitoring
    point. An item dated exactly on the window's first day is fresh; one day older is stale.
    A column none of whose items carries a date counts as not updated (普查2015: 无发布时间视为未
    更新). Columns of type other are not judged; blank columns are left to ``column-blank``.

    Why: 指标2019 makes columns not updated within these windows a single-veto item (≥5 such
    columns), and 普查2015 deducts for each.

    Fix: publish current information in the column, show a 发布日期 on every list item, or
    retire/merge a column that no longer has content (and remove links to it). If the type is
    wrong, correct it with ``columns:`` in the agencies file.
    """
    columns = column_types(view)
    if not columns:
        raise NotApplicable("未识别到任何栏目页面，无法判断栏目更新情况")
    windows = {**DEFAULT_WINDOWS, **(view.setting("freshness_windows", DEFAULT_WINDOWS) or {})}
    as_of = as_of_date(view)
    homes = _home_urls(view)
    judged = [c for c in columns if c["effective_type"] in windows
              and c["effective_type"] != "other" and column_key(c["url"]) not in homes]
    if not judged:
        raise NotApplicable("没有可判定更新时限的栏目（已识别的栏目类型均为 other）")
    unreadable_columns(view, "column-stale", judged)
    for column in judged:
        if column.get("blank") or column.get("unreadable"):
            continue
        kind = column["effective_type"]
        window = str(windows[kind])
        start = window_start(as_of, window, f"freshness_windows.{kind}")
        items = view.rows("list_items", "column_url = ?", [column["url"]])
        newest, dated, future = newest_item(items, as_of)
        name = column.get("name") or column["url"]
        label = TYPE_NAMES.get(kind, kind)
        evidence = {
            "column": name, "column_type": kind, "type_source": column["effective_type_source"],
            "window": window, "window_start": start.isoformat(), "as_of": as_of.isoformat(),
            "items": len(items), "dated_items": dated, "items_after_as_of": future,
            "newest_item": _item_evidence(newest), "seen_on": column.get("seen_on") or "",
        }
        if newest is not None and item_date(newest["date"]) >= start:
            continue
        if newest is not None:
            detail = (f"{label}栏目「{name}」最新信息发布于 {newest['date'][:10]}，截至 "
                      f"{as_of.isoformat()} 已超过 {window_text(window)}未更新")
        elif not items:
            detail = f"{label}栏目「{name}」未识别到任何信息条目，无法证明在 {window_text(window)}内更新"
        else:
            detail = (f"{label}栏目「{name}」的 {len(items)} 条信息均无可用的发布日期"
                      f"{'（或日期晚于监测时间点）' if future else ''}，视为未更新")
        yield Finding(url=column["url"], source=column["url"], field=kind, detail=detail,
                      evidence=evidence)


@rule(id="column-blank", family="freshness", title="空白栏目", ref="指标2019 · 栏目不更新（空白栏目）")
def column_blank(view: AgencyView) -> Iterator[Finding]:
    """空白栏目：栏目页面存在，但没有任何内容（空列表，或显示「暂无信息」「暂无数据」）。

    What: every column the crawler recorded as blank, whatever its type.

    Why: 指标2019 counts 5 or more blank columns as a single-veto item (栏目不更新); a blank column
    tells visitors the site is not maintained.

    Fix: publish the content the column is meant to hold, or remove the column and every link
    to it.
    """
    columns = column_types(view)
    if not columns:
        raise NotApplicable("未识别到任何栏目页面，无法判断是否存在空白栏目")
    unreadable_columns(view, "column-blank", columns)
    for column in columns:
        if not column.get("blank") or column.get("unreadable"):
            continue
        name = column.get("name") or column["url"]
        text = column.get("blank_text") or ""
        shown = f"，页面显示「{text}」" if text else "，列表中没有任何信息"
        yield Finding(
            url=column["url"], source=column.get("seen_on") or column["url"],
            field=column["effective_type"],
            detail=f"栏目「{name}」为空白栏目{shown}",
            evidence={"column": name, "column_type": column["effective_type"],
                      "blank_text": text, "page": column["url"], "items": column.get("items") or 0,
                      "seen_on": column.get("seen_on") or ""},
        )


@rule(id="home-stale", family="freshness", title="首页不更新", ref="指标2019 · 首页不更新",
      default="14d")
def home_stale(view: AgencyView) -> Iterator[Finding]:
    """首页不更新：首页上最新一条带日期的信息早于 14 天（``home_window``）。

    What: the list items shown on the home page (新闻、通知公告 … blocks) are read with their
    dates; the newest one on or before the monitoring point must fall inside the window (the
    window's first day counts as fresh). When the home page shows no dated item at all, that is
    a finding too: a home page with nothing dated cannot show that it is updated, and an
    evaluator would judge it the same way.

    Why: 指标2019 makes a home page without new information for 2 weeks a single-veto item.

    Fix: keep the home page's news/notice blocks fed with current information and show the
    publication date next to each item.
    """
    home = view.home_page()
    if home is None:
        raise NotApplicable("没有首页记录（首页未抓取），无法判断首页更新情况")
    if home.get("error") or not (200 <= (home.get("status") or 0) < 400) or home.get("soft404"):
        raise NotApplicable(f"首页未能正常打开（{home.get('error') or home.get('status')}），"
                            "见 site-unreachable")
    window = str(view.setting("home_window", "14d"))
    as_of = as_of_date(view)
    start = window_start(as_of, window, "home_window")
    urls = {home["url"], home.get("final_url") or home["url"]}
    marks = ",".join("?" * len(urls))
    items = view.rows("list_items", f"page_url in ({marks}) or column_url in ({marks})",
                      [*urls, *urls])
    newest, dated, future = newest_item(items, as_of)
    evidence = {"window": window, "window_start": start.isoformat(), "as_of": as_of.isoformat(),
                "items": len(items), "dated_items": dated, "items_after_as_of": future,
                "newest_item": _item_evidence(newest), "home_fetched_at": home.get("fetched_at")}
    if newest is not None and item_date(newest["date"]) >= start:
        return
    if newest is not None:
        detail = (f"首页最新信息发布于 {newest['date'][:10]}，截至 {as_of.isoformat()} 已超过 "
                  f"{window_text(window)}未更新")
    elif items:
        detail = (f"首页 {len(items)} 条信息中没有可用的发布日期，无法证明首页在 "
                  f"{window_text(window)}内更新")
    else:
        detail = f"首页未识别到任何带发布日期的信息，无法证明首页在 {window_text(window)}内更新"
    yield Finding(url=home["url"], source=home["url"], detail=detail, evidence=evidence)
