"""网站标识: the home page footer (网站标识码, ICP备案, 公安备案, 主办单位) and 指引2017 meta tags."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.store import loads

SITE_ID_RE = re.compile(r"^(\d{10}|bm\d{8})$")
KIND_NAMES = {"home": "首页", "list": "栏目页", "document": "文章页", "guide": "公开指南页",
              "annual_report": "年报页", "other": "其他页面"}
SITE_TAGS = ("SiteName", "SiteDomain", "SiteIDCode")
COLUMN_TAGS = ("ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType")
ARTICLE_TAGS = ("ArticleTitle", "PubDate", "ContentSource")
EXAMPLES = 5


def required_tags(kind: str) -> tuple[str, ...]:
    """指引2017 mandatory meta tags for a page kind."""
    if kind == "document":
        return SITE_TAGS + COLUMN_TAGS + ARTICLE_TAGS
    if kind == "list":
        return SITE_TAGS + COLUMN_TAGS
    return SITE_TAGS


def page_ok(page: dict) -> bool:
    """Fetched and served as a real page: 2xx (or 304 re-used), no error, not a soft 404."""
    status = page.get("status") or 0
    return (not page.get("error") and not page.get("soft404") and page.get("kind") != "alias"
            and (200 <= status < 300 or bool(page.get("not_modified"))))


def fetched_home(view: AgencyView) -> dict:
    """The home page row, or ``NotApplicable`` when it is missing or was not fetched OK."""
    home = view.home_page()
    if home is None:
        raise NotApplicable("没有首页记录（首页未抓取）")
    if not page_ok(home):
        reason = home.get("error") or ("软404" if home.get("soft404") else f"HTTP {home.get('status')}")
        raise NotApplicable(f"首页未能正常打开（{reason}），见 site-unreachable")
    return home


def _footer(home: dict) -> dict:
    return loads(home.get("footer"), {}) or {}


def _home_evidence(home: dict, footer: dict) -> dict:
    return {"page": home["url"], "final_url": home.get("final_url") or home["url"],
            "fetched_at": home.get("fetched_at"), "footer": footer,
            "meta_SiteIDCode": (loads(home.get("meta"), {}) or {}).get("SiteIDCode")}


def _footer_missing(view: AgencyView, key: str, label: str) -> Iterator[Finding]:
    home = fetched_home(view)
    footer = _footer(home)
    if str(footer.get(key) or "").strip():
        return
    yield Finding(url=home["url"], source=home["url"], field=key,
                  detail=f"首页页脚未显示{label}", evidence=_home_evidence(home, footer))


@rule(id="site-id-missing", family="identity", title="网站标识码缺失", ref="指引2017 · 网站标识")
def site_id_missing(view: AgencyView) -> Iterator[Finding]:
    """网站标识码缺失：首页页脚没有显示网站标识码。

    What: the home page footer must show the 网站标识码 issued for the site.

    Why: 指引2017 requires every government website to show its 网站标识码 in the footer; it is
    how the national site registry identifies the site.

    Fix: add 「网站标识码：xxxxxxxxxx」 to the common footer template.
    """
    yield from _footer_missing(view, "site_id", "网站标识码")


@rule(id="site-id-malformed", family="identity", title="网站标识码格式错误", ref="指引2017 · 网站标识")
def site_id_malformed(view: AgencyView) -> Iterator[Finding]:
    """网站标识码格式错误：网站标识码不是 10 位（6 位行政区划代码 + 4 位数字，或 bm + 8 位数字）。

    What: the 网站标识码 in the footer, and the SiteIDCode meta tag of the home page, are checked
    against the two known shapes: 10 digits, or ``bm`` followed by 8 digits (State Council
    departments).

    Why: a wrong code points to another site or none; it is usually a typo or a template copied
    from another site.

    Fix: copy the code exactly as issued (全国政府网站信息报送系统) into the footer and the
    SiteIDCode meta tag.
    """
    home = fetched_home(view)
    footer = _footer(home)
    meta = loads(home.get("meta"), {}) or {}
    values = {"footer": str(footer.get("site_id") or "").strip(),
              "meta": str(meta.get("SiteIDCode") or "").strip()}
    if not any(values.values()):
        raise NotApplicable("首页没有网站标识码（见 site-id-missing）")
    bad = {where: value for where, value in values.items() if value and not SITE_ID_RE.match(value)}
    if not bad:
        return
    places = "、".join(f"{'页脚' if where == 'footer' else 'SiteIDCode 元数据'}「{value}」"
                      for where, value in bad.items())
    evidence = _home_evidence(home, footer)
    first = next(iter(bad))
    evidence.update({"value": bad[first], "where": first, "length": len(bad[first]), "places": bad})
    yield Finding(url=home["url"], source=home["url"], field="site_id",
                  detail=f"首页网站标识码格式错误：{places}（应为 10 位数字，或 bm 加 8 位数字）",
                  evidence=evidence)


@rule(id="icp-missing", family="identity", title="ICP备案编号缺失", ref="指引2017 · 网站标识")
def icp_missing(view: AgencyView) -> Iterator[Finding]:
    """ICP备案编号缺失：首页页脚没有显示 ICP 备案编号。

    What: the home page footer must show the ICP备案编号 (e.g. 皖ICP备12345678号-1).

    Why: 指引2017 requires the ICP filing number in the footer, linked to the filing system.

    Fix: add the ICP备案编号 to the common footer, linked to https://beian.miit.gov.cn/.
    """
    yield from _footer_missing(view, "icp", "ICP备案编号")


@rule(id="psb-missing", family="identity", title="公安机关备案号缺失", ref="指引2017 · 网站标识")
def psb_missing(view: AgencyView) -> Iterator[Finding]:
    """公安机关备案号缺失：首页页脚没有显示公网安备号。

    What: the home page footer must show the 公安机关备案号 (e.g. 皖公网安备 34010202000123号).

    Why: 指引2017 requires the public-security filing number in the footer.

    Fix: add the 公网安备 number and badge to the common footer, linked to the filing system.
    """
    yield from _footer_missing(view, "psb", "公安机关备案号")


@rule(id="sponsor-missing", family="identity", title="主办单位缺失", ref="指引2017 · 网站标识")
def sponsor_missing(view: AgencyView) -> Iterator[Finding]:
    """主办单位缺失：首页页脚没有显示主办单位。

    What: the home page footer must name the 主办单位 (the agency running the site).

    Why: 指引2017 requires the sponsor in the footer so visitors know who is responsible.

    Fix: add 「主办单位：…」 to the common footer.
    """
    yield from _footer_missing(view, "sponsor", "主办单位")


def _present_tags(meta: dict) -> set[str]:
    """Lower-cased names of the meta tags that carry a non-empty value."""
    return {str(k).lower() for k, v in meta.items() if str(v or "").strip()}


@rule(id="meta-tag-missing", family="identity", title="网页元数据缺失", ref="指引2017 · 网页元数据")
def meta_tag_missing(view: AgencyView) -> Iterator[Finding]:
    """网页元数据缺失：页面缺少 指引2017 规定的必填 meta 标签。

    What: every page must carry SiteName, SiteDomain and SiteIDCode; list (栏目) and document
    (文章) pages also ColumnName, ColumnDescription, ColumnKeywords and ColumnType; document pages
    also ArticleTitle, PubDate and ContentSource. An empty value counts as missing. One finding
    per tag and page kind, with how many pages lack it and up to 5 example pages.

    Why: 指引2017 requires these tags so search engines and the national monitoring platform can
    identify the site, column and article.

    Fix: add the tags to the CMS templates of each page kind, e.g.
    ``<meta name="SiteIDCode" content="3401000001">``.
    """
    pages = [p for p in view.rows("pages") if page_ok(p)]
    if not pages:
        raise NotApplicable("没有成功抓取的页面，无法检查网页元数据")
    by_kind: dict[str, list[dict]] = {}
    for page in pages:
        by_kind.setdefault(page.get("kind") or "other", []).append(page)
    for kind, kind_pages in by_kind.items():
        metas = [(page, _present_tags(loads(page.get("meta"), {}) or {})) for page in kind_pages]
        for tag in required_tags(kind):
            wanted = tag.lower()
            missing = [page["url"] for page, present in metas if wanted not in present]
            if not missing:
                continue
            name = KIND_NAMES.get(kind, kind)
            yield Finding(
                url=missing[0], source=missing[0], field=tag,
                detail=f"{len(missing)}/{len(kind_pages)} 个{name}缺少 <meta name=\"{tag}\">",
                evidence={"tag": tag, "kind": kind, "missing": len(missing),
                          "pages": len(kind_pages), "examples": missing[:EXAMPLES]},
            )
