"""Rule column-stale (栏目不更新); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.freshness.columns import (
    as_of_date,
    column_key,
    column_types,
    unreadable_columns,
    item_date,
    item_evidence,
    newest_item,
)
from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.vocabulary import COLUMN_TYPES, window_start, window_text

DEFAULT_WINDOWS = {"news": "14d", "notice": "6m", "policy": "6m", "personnel": "1y",
                   "planning": "1y"}


TYPE_NAMES = COLUMN_TYPES


def _home_urls(view: AgencyView) -> set[str]:
    home = view.home_page()
    urls = {view.agency.get("url") or ""}
    if home:
        urls |= {home["url"], home.get("final_url") or home["url"]}
    return {column_key(u) for u in urls if u}


@rule(id="column-stale", family="freshness", title="栏目不更新", ref="指标2019 · 栏目不更新; 普查2015",
      reads=("columns", "list_items", "pages"), options={"freshness_windows": DEFAULT_WINDOWS})
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
            "newest_item": item_evidence(newest), "seen_on": column.get("seen_on") or "",
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

