"""Rule platform-section-missing (公开专栏不规范); the rule's docstring is its documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.disclosure.sections import guide_pages, home_url, ok_pages, row_count
from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.store import loads

SECTIONS = {
    "platform": ("「政府信息公开」专栏", re.compile(r"信息公开")),
    "guide": ("政府信息公开指南", re.compile(r"公开指南")),
    "system": ("政府信息公开制度", re.compile(r"公开制度")),
    "proactive": ("法定主动公开内容", re.compile(r"主动公开")),
    "annual_report": ("政府信息公开年报", re.compile(r"公开年报|年度报告|公开工作年报")),
}


SECTION_FILTER = "{column} like '%公开%' or {column} like '%年报%' or {column} like '%年度报告%'"


def _section_sightings(view: AgencyView) -> list[dict]:
    """Link anchors, column names and page titles that could name a section (SQL-filtered)."""
    seen = []
    for link in view.link_anchors(SECTION_FILTER.format(column="anchor")):
        if link.get("anchor"):
            seen.append({"where": "link", "text": link["anchor"], "url": link["target"],
                         "page": link.get("source")})
    for column in view.rows("columns", SECTION_FILTER.format(column="name")):
        if column.get("name"):
            seen.append({"where": "column", "text": column["name"], "url": column["url"],
                         "page": column.get("seen_on") or column["url"]})
    for page in ok_pages(view):
        if page.get("title"):
            seen.append({"where": "title", "text": page["title"], "url": page["url"],
                         "page": page["url"]})
    return seen


@rule(id="platform-section-missing", family="disclosure", title="公开专栏不规范",
      ref="国办公开办函〔2019〕61号",
      reads=("pages", "links", "columns"))
def platform_section_missing(view: AgencyView) -> Iterator[Finding]:
    """公开专栏不规范：缺少「政府信息公开」专栏，或缺少其四个标准栏目之一。

    What: the site must have a 「政府信息公开」 column (field platform) with the sections
    政府信息公开指南 (guide), 政府信息公开制度 (system), 法定主动公开内容 (proactive) and
    政府信息公开年报 (annual_report). A section counts as present when a link anchor, a column
    name or a page title names it, short forms included (公开指南, 公开制度, 主动公开,
    公开年报/年度报告); a page recognised as the guide or as an annual report counts too.

    Why: 国办公开办函〔2019〕61号 standardises the platform so that the public finds the same
    sections on every government site.

    Fix: create the 「政府信息公开」 column with the four sections, named as above, and link it
    from the home page.
    """
    pages = ok_pages(view)
    if not pages:
        raise NotApplicable("没有成功抓取的页面，无法检查政府信息公开专栏")
    sightings = _section_sightings(view)
    home = home_url(view)
    found: dict[str, list[dict]] = {}
    for key, (_, pattern) in SECTIONS.items():
        found[key] = [s for s in sightings if pattern.search(s["text"])]
    for page, _ in guide_pages(view):
        found["guide"].append({"where": "guide_page", "text": page.get("title") or "", "url": page["url"],
                               "page": page["url"]})
    for page in pages:
        facts = loads(page.get("facts"), {}) or {}
        if page.get("kind") == "annual_report" or facts.get("report_year"):
            found["annual_report"].append({"where": "report_page", "text": page.get("title") or "",
                                           "url": page["url"], "page": page["url"]})
    searched = {"links": row_count(view, "links"), "columns": row_count(view, "columns"),
                "titles": len(pages)}
    summary = {key: [{k: s.get(k) for k in ("where", "text", "url")} for s in matches[:3]]
               for key, matches in found.items() if matches}
    for key, (label, pattern) in SECTIONS.items():
        if found[key]:
            continue
        what = "「政府信息公开」专栏" if key == "platform" else f"「{label}」栏目"
        yield Finding(url=home, source=home, field=key,
                      detail=f"未找到{what}（链接文字、栏目名称和页面标题中均未出现）",
                      evidence={"section": label, "pattern": pattern.pattern,
                                "searched": searched,
                                "sections_found": summary})

