"""Rule annual-report-missing (年报未发布); the rule's docstring is its documentation."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from checks.disclosure.sections import home_url, ok_pages, row_count
from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.store import loads

DEFAULT_DEADLINES = {"department": "01-31", "government": "03-31"}


CN_DIGITS = "〇一二三四五六七八九"


def _cn_year(year: int) -> str:
    return "".join(CN_DIGITS[int(d)] for d in str(year))


def report_pattern(year: int) -> re.Pattern:
    """Titles/anchors naming the 政府信息公开工作年度报告 of ``year`` (also 二〇二五年, 年报).

    The text must mention 信息公开: ``2025年度…报告`` alone would also match a 政府工作报告 or a
    决算报告.
    """
    years = f"(?:{year}|{_cn_year(year)})"
    return re.compile(rf"{years}\s*年度?.*?信息公开.*?(?:年度报告|年报|报告)")


def report_sightings(view: AgencyView) -> list[dict]:
    """Every place an annual report is seen: page facts, page titles, list items, link anchors."""
    seen = []
    for page in ok_pages(view):
        facts = loads(page.get("facts"), {}) or {}
        if facts.get("report_year"):
            seen.append({"year": int(facts["report_year"]), "where": "page", "url": page["url"],
                         "text": page.get("title") or ""})
        seen.append({"year": None, "where": "title", "url": page["url"], "text": page.get("title") or ""})
    for item in view.rows("list_items", "title like '%信息公开%'"):
        seen.append({"year": None, "where": "list_item", "url": item["url"],
                     "text": item.get("title") or "", "page": item.get("page_url")})
    for link in view.link_anchors("anchor like '%信息公开%'"):
        seen.append({"year": None, "where": "link", "url": link["target"],
                     "text": link.get("anchor") or "", "page": link.get("source")})
    return seen


def deadline_for(view: AgencyView, year: int) -> dt.date:
    """The annual-report deadline in ``year``: agency MM-DD, else 01-31 (部门) / 03-31 (政府)."""
    text = view.config.get("annual_report_deadline") or DEFAULT_DEADLINES.get(
        view.config.get("level") or "department", "01-31")
    month, day = (int(part) for part in text.split("-"))
    return dt.date(year, month, day)


@rule(id="annual-report-missing", family="disclosure", title="年报未发布", ref="条例 第四十九条",
      default="部门 01-31 · 政府 03-31",
      reads=("pages", "links", "list_items"))
def annual_report_missing(view: AgencyView) -> Iterator[Finding]:
    """年报未发布：监测时间点已过截止日，仍未找到上一年度的政府信息公开工作年度报告。

    What: once the deadline has passed at the monitoring point (the agency's
    ``annual_report_deadline``, else 31 January for departments and 31 March for governments),
    the report for the previous year must be found somewhere on the site: a page recognised as
    that year's report, or a page title, list item or link anchor such as
    「2025年政府信息公开工作年度报告」. Before the deadline the rule runs and finds nothing.

    Why: 条例 Art. 49 requires every agency to publish its annual report on the previous year's
    disclosure work by these dates.

    Fix: publish the report in the 「政府信息公开年报」 section, titled with its year, and link it
    from there.
    """
    if not view.rows("pages"):
        raise NotApplicable("未抓取到任何页面，无法查找年度报告")
    as_of = dt.date.fromisoformat(str(view.as_of)[:10])
    year = as_of.year - 1
    deadline = deadline_for(view, as_of.year)
    if as_of <= deadline:
        return
    pattern = report_pattern(year)
    sightings = report_sightings(view)
    matches = [s for s in sightings if s["year"] == year or (s["year"] is None and pattern.search(s["text"]))]
    if matches:
        return
    others = [s for s in sightings if s["year"] is None and re.search(
        r"(\d{4})\s*年度?.*?信息公开.*?(?:年度报告|年报)", s["text"])]
    other_years = sorted({int(re.search(r"(\d{4})", s["text"]).group(1)) for s in others}
                         | {s["year"] for s in sightings if s["year"]}, reverse=True)
    home = home_url(view)
    seen = f"（网站上找到的年报年份：{'、'.join(map(str, other_years))}）" if other_years else ""
    yield Finding(url=home, source=home, field=str(year),
                  detail=(f"截至 {as_of.isoformat()}（截止日 {deadline.isoformat()} 已过）未找到 "
                          f"{year} 年政府信息公开工作年度报告{seen}"),
                  evidence={"year": year, "deadline": deadline.isoformat(), "as_of": as_of.isoformat(),
                            "level": view.config.get("level") or "department",
                            "searched": {"pages": sum(1 for s in sightings if s["where"] == "title"),
                                         "list_items": row_count(view, "list_items"),
                                         "links": row_count(view, "links")},
                            "other_years_found": other_years,
                            "examples_other_years": [{k: s.get(k) for k in ("text", "url", "page")}
                                                     for s in others[:5]]})

