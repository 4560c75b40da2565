"""Crawl coverage, a first-class fact: how much of an agency's portal one run actually saw.

Per agency and run, from the store alone (``pages`` and ``skips``):

* ``discovered`` — in-scope page URLs the crawl found and meant to follow (every ``pages`` row that
  is not an alias of another page, plus every ``skips`` row);
* ``fetched`` — of those, the ones answered by the server (any status; a 404 page is a broken link,
  but it was fetched);
* ``failed`` — requests that got no answer (timeout, refused, reset …);
* ``skipped`` — not requested, by reason: the crawl's own limits (``page-budget``, ``too-deep``,
  ``pattern-cap``, ``url-too-long``, ``path-too-deep``, ``repeated-path-segment``, ``too-large``) and
  the site's or the user's rules (``robots``, ``blocked-private``);
* ``columns_cut`` — columns whose pagination was cut (a list page of theirs was skipped);
* ``share`` — fetched / discovered, in per cent; ``truncated`` — a crawl limit left pages out.

The ``crawl-incomplete`` rule turns a truncated crawl into a finding; reports show 抓取覆盖.
"""

from __future__ import annotations

from crawler.store import Store

LIMIT_REASONS = ("page-budget", "too-deep", "pattern-cap", "url-too-long", "path-too-deep",
                 "repeated-path-segment", "too-large")
POLICY_REASONS = ("robots", "blocked-private")
REASON_TEXT = {
    "page-budget": "超出页面预算", "too-deep": "超出深度上限",
    "pattern-cap": "同类网址过多（疑似陷阱）", "url-too-long": "网址过长", "path-too-deep": "路径层级过深",
    "repeated-path-segment": "路径重复（疑似陷阱）",
    "too-large": "页面过大", "robots": "robots.txt 禁止", "blocked-private": "私有地址",
}


def agency_coverage(store: Store, run_id: int, agency: str) -> dict:
    """The coverage facts of one agency in one run (see the module docstring)."""
    args = [run_id, agency]
    pages = list(store.query(
        "select error, count(*) n from pages where run_id = ? and agency = ? "
        "and coalesce(kind, '') != 'alias' group by error", args))
    skipped: dict[str, int] = {}
    for row in store.query("select reason, count(*) n from skips where run_id = ? and agency = ? "
                           "group by reason", args):
        skipped[row["reason"]] = row["n"]
    fetched = failed = 0
    for row in pages:
        error = row["error"] or ""
        if not error:
            fetched += row["n"]
        elif error in LIMIT_REASONS or error in POLICY_REASONS:
            skipped[error] = skipped.get(error, 0) + row["n"]
        else:
            failed += row["n"]
    discovered = fetched + failed + sum(skipped.values())
    cut = [r["column"] for r in store.query(
        "select distinct coalesce(nullif(column_url, ''), source) as [column] from skips "
        "where run_id = ? and agency = ? and tag = 'pagination' order by 1", args)]
    share = round(100.0 * fetched / discovered, 1) if discovered else 0.0
    return {"discovered": discovered, "fetched": fetched, "failed": failed,
            "skipped": dict(sorted(skipped.items())), "columns_cut": cut, "share": share,
            "truncated": any(reason in LIMIT_REASONS for reason in skipped)}


def run_coverage(store: Store, run_id: int) -> dict[str, dict]:
    """Coverage of every agency of a run, by agency id."""
    return {row["id"]: agency_coverage(store, run_id, row["id"])
            for row in store.query("select id from agencies where run_id = ? order by id", [run_id])}


def coverage_text(coverage: dict) -> str:
    """One line in Chinese, e.g.
    ``抓取覆盖 68.0%：发现 10,320 个页面，抓取 6,985 个；未抓取：超出深度上限 3,335 个``."""
    if not coverage.get("discovered"):
        return "未抓取到任何页面"
    text = (f"抓取覆盖 {coverage['share']:.1f}%：发现 {coverage['discovered']:,} 个页面，"
            f"抓取 {coverage['fetched']:,} 个")
    if coverage.get("failed"):
        text += f"，请求失败 {coverage['failed']:,} 个"
    if coverage.get("skipped"):
        text += "；未抓取：" + "、".join(f"{REASON_TEXT.get(r, r)} {n:,} 个"
                                        for r, n in coverage["skipped"].items())
    if coverage.get("columns_cut"):
        text += f"；分页被截断的栏目 {len(coverage['columns_cut'])} 个"
    return text
