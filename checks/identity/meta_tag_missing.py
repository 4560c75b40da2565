"""Rule meta-tag-missing (网页元数据缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.identity.home import page_ok
from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.store import loads

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


def _present_tags(meta: dict) -> set[str]:
    """Lower-cased names of the meta tags that carry a non-empty value."""
    return {str(k).lower() for k, v in meta.items() if str(v or "").strip()}


@rule(id="meta-tag-missing", family="identity", title="网页元数据缺失", ref="指引2017 · 网页元数据",
      reads=("pages",))
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

