"""crawl-incomplete: the crawl stopped at one of its own limits, so the audit saw part of the portal."""

from __future__ import annotations

from collections.abc import Iterator

from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.coverage import LIMIT_REASONS, agency_coverage, coverage_text


@rule(id="crawl-incomplete", family="coverage", title="抓取不完整",
      ref="测评方法 · 抓取覆盖（非扣分项）", default="页面预算/深度/陷阱上限截断即报告",
      reads=("pages", "skips"))
def crawl_incomplete(view: AgencyView) -> Iterator[Finding]:
    """抓取不完整：本次抓取因页面预算、深度上限或陷阱防护而未抓取部分站内页面。

    What: one finding per agency whose crawl left in-scope pages out because of the crawl's own
    limits (``page-budget``, ``too-deep``, ``pattern-cap``, ``url-too-long``, ``path-too-deep``,
    ``repeated-path-segment``, ``too-large``); ``field`` is the limit that cut most pages, the evidence
    has every coverage figure (discovered, fetched, failed, skipped by reason, columns whose
    pagination was cut, share fetched). Pages left out by robots.txt or the private-address guard are
    counted in the coverage but are not a truncation.

    Why: a scorecard built on a third of a site cannot be defended; every other rule's silence is
    only as good as the coverage behind it.

    Fix (for the evaluator, not the agency): raise ``max_pages`` / ``max_depth`` for the agency (or
    ``--max-pages``) and crawl again; look at the columns listed as cut.
    """
    home = view.home_page()
    if home is None:
        raise NotApplicable("未抓取到首页，无法计算抓取覆盖")
    coverage = agency_coverage(view.store, view.run_id, view.agency_id)
    if not coverage["truncated"]:
        return
    limits = {r: n for r, n in coverage["skipped"].items() if r in LIMIT_REASONS}
    main = max(sorted(limits), key=lambda r: limits[r])
    evidence = {**coverage, "columns_cut": coverage["columns_cut"][:50]}
    yield Finding(url=view.agency.get("url") or home["url"], source="", field=main,
                  detail=coverage_text(coverage), evidence=evidence)
