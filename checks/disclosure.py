"""政务公开平台: the 「政府信息公开」 column and its sections, the 公开指南, the annual report.

Sections are recognised by what a visitor sees: link anchors, column names and page titles, with
the short forms sites use (公开指南, 公开制度, 主动公开, 公开年报/年度报告). The 公开指南's
elements come from the page the crawler recognised as the guide (kind ``guide`` or
``facts.guide``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from checks.identity import page_ok
from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.store import loads

GUIDE_ELEMENTS = {"office": "信息公开工作机构名称", "address": "办公地址", "hours": "办公时间",
                  "phone": "联系电话", "fax": "传真号码", "postcode": "邮政编码",
                  "online": "互联网联系方式（电子邮箱/在线申请）"}
SECTIONS = {
    "platform": ("「政府信息公开」专栏", re.compile(r"信息公开")),
    "guide": ("政府信息公开指南", re.compile(r"公开指南")),
    "system": ("政府信息公开制度", re.compile(r"公开制度")),
    "proactive": ("法定主动公开内容", re.compile(r"主动公开")),
    "annual_report": ("政府信息公开年报", re.compile(r"公开年报|年度报告|公开工作年报")),
}
SECTION_FILTER = "{column} like '%公开%' or {column} like '%年报%' or {column} like '%年度报告%'"
DEFAULT_DEADLINES = {"department": "01-31", "government": "03-31"}
CN_DIGITS = "〇一二三四五六七八九"


def _home_url(view: AgencyView) -> str:
    home = view.home_page()
    return home["url"] if home else (view.agency.get("url") or view.config.get("url") or "")


def _ok_pages(view: AgencyView) -> list[dict]:
    return [p for p in view.rows("pages") if page_ok(p)]


def guide_pages(view: AgencyView) -> list[tuple[dict, dict | None]]:
    """``(page, guide elements or None)`` for every page recognised as the 公开指南."""
    found = []
    for page in _ok_pages(view):
        facts = loads(page.get("facts"), {}) or {}
        guide = facts.get("guide")
        if page.get("kind") == "guide" or guide:
            found.append((page, guide if isinstance(guide, dict) else None))
    return found


def _filled(value: object) -> bool:
    return bool(str(value or "").strip())


@rule(id="guide-element-missing", family="disclosure", title="公开指南要素缺失", ref="条例 第十二条")
def guide_element_missing(view: AgencyView) -> Iterator[Finding]:
    """公开指南要素缺失：政府信息公开指南缺少法定要素。

    What: the 政府信息公开指南 page must give the disclosure office's name (office), its address,
    office hours, phone, fax, postcode and online contact (email or online application). One
    finding per missing element, ``field`` naming it. When several pages look like the guide,
    the most complete one is judged. No guide page at all is ``platform-section-missing``
    (field guide).

    Why: 条例 Art. 12 lists the elements the guide must contain so applicants know where and how
    to apply.

    Fix: update the guide with each element, written out in the page text (not only in an image).
    """
    candidates = guide_pages(view)
    if not candidates:
        raise NotApplicable("未找到政府信息公开指南页面（见 platform-section-missing，field=guide）")
    parsed = [(page, guide) for page, guide in candidates if guide is not None]
    if not parsed:
        raise NotApplicable(f"公开指南页面 {candidates[0][0]['url']} 的要素未能解析")
    page, guide = max(parsed, key=lambda pair: sum(_filled(v) for v in pair[1].values()))
    present = {key: guide.get(key) for key in GUIDE_ELEMENTS if _filled(guide.get(key))}
    for key, label in GUIDE_ELEMENTS.items():
        if key in present:
            continue
        yield Finding(url=page["url"], source=page["url"], field=key,
                      detail=f"政府信息公开指南未写明{label}",
                      evidence={"page": page["url"], "title": page.get("title") or "",
                                "element": key, "elements_found": present,
                                "other_guide_pages": [p["url"] for p, _ in candidates
                                                      if p["url"] != page["url"]]})


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
    for page in _ok_pages(view):
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
      default="部门 01-31 · 政府 03-31")
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
    home = _home_url(view)
    seen = f"（网站上找到的年报年份：{'、'.join(map(str, other_years))}）" if other_years else ""
    yield Finding(url=home, source=home, field=str(year),
                  detail=(f"截至 {as_of.isoformat()}（截止日 {deadline.isoformat()} 已过）未找到 "
                          f"{year} 年政府信息公开工作年度报告{seen}"),
                  evidence={"year": year, "deadline": deadline.isoformat(), "as_of": as_of.isoformat(),
                            "level": view.config.get("level") or "department",
                            "searched": {"pages": sum(1 for s in sightings if s["where"] == "title"),
                                         "list_items": _count(view, "list_items"),
                                         "links": _count(view, "links")},
                            "other_years_found": other_years,
                            "examples_other_years": [{k: s.get(k) for k in ("text", "url", "page")}
                                                     for s in others[:5]]})


def _count(view: AgencyView, table: str) -> int:
    sql = f"select count(*) as n from [{table}] where run_id = ? and agency = ?"
    return next(iter(view.store.query(sql, [view.run_id, view.agency_id])))["n"]


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
    for page in _ok_pages(view):
        if page.get("title"):
            seen.append({"where": "title", "text": page["title"], "url": page["url"],
                         "page": page["url"]})
    return seen


@rule(id="platform-section-missing", family="disclosure", title="公开专栏不规范",
      ref="国办公开办函〔2019〕61号")
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
    pages = _ok_pages(view)
    if not pages:
        raise NotApplicable("没有成功抓取的页面，无法检查政府信息公开专栏")
    sightings = _section_sightings(view)
    home = _home_url(view)
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
    searched = {"links": _count(view, "links"), "columns": _count(view, "columns"), "titles": len(pages)}
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
