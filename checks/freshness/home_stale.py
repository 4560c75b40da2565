"""Rule home-stale (首页不更新); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.freshness.columns import as_of_date, item_date, item_evidence, newest_item
from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.vocabulary import window_start, window_text


@rule(id="home-stale", family="freshness", title="首页不更新", ref="指标2019 · 首页不更新",
      reads=("pages", "list_items"), options={"home_window": "14d"})
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
                "newest_item": item_evidence(newest), "home_fetched_at": home.get("fetched_at")}
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

