"""链接可用性: broken links on the home page and on every other crawled page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.store import loads

REASON_TEXT = {
    "4xx": "返回错误状态码", "5xx": "服务器错误", "soft-404": "页面显示“页面不存在”等错误内容（状态码 200）",
    "redirect-to-error": "跳转后指向错误页面", "timeout": "访问超时", "refused": "连接被拒绝",
    "reset": "连接被重置", "dns": "域名无法解析", "tls": "HTTPS 证书/加密错误",
    "no-response": "服务器未响应", "empty": "页面内容为空（状态码 200）",
    "too-many-redirects": "重定向次数过多或循环跳转",
    "not-a-document": "附件无效（返回网页或文件类型不符）",
}
NOT_A_DOCUMENT = "not-a-document"  # reported by checks/safety/attachment_invalid.py instead
SCOPE_TEXT = {"internal": "站内链接", "external": "外部链接", "attachment": "附件/图片"}


def broken_links(view: AgencyView) -> dict[str, dict]:
    """Broken targets of this agency with every page linking to them (one entry per target).

    Only broken targets and their edges are read (a join in SQLite), never the agency's whole link
    graph; both link rules share the result.
    """
    if not view.exists("pages", "error = '' and kind != 'binary'"):
        raise NotApplicable("未抓取到任何页面（首页无法访问），无法检查链接")
    return view.cached("broken_links", lambda: _broken_links(view))


def _broken_links(view: AgencyView) -> dict[str, dict]:
    args = [view.run_id, view.agency_id]
    checks = {row["url"]: row for row in view.store.query(
        "select * from link_checks where run_id = ? and agency = ? and verdict = 'broken'", args)}
    edges: dict[str, list[dict]] = defaultdict(list)
    for edge in view.store.query(
            "select l.* from link_checks c cross join links l on l.run_id = c.run_id "
            "and l.agency = c.agency and l.target = c.url where c.run_id = ? and c.agency = ? "
            "and c.verdict = 'broken' and l.scope != 'special' order by l.source", args):
        edges[edge["target"]].append(edge)
    return {target: {"check": checks[target], "edges": found} for target, found in edges.items()}


def link_finding(target: str, check: dict, edges: list[dict]) -> Finding:
    first = edges[0]
    reason = check["reason"] or check["error"]
    status = f"HTTP {check['status']}" if check["status"] else (check["error"] or "无响应")
    scope = first["scope"]
    detail = (f"{SCOPE_TEXT.get(scope, scope)}不可用：{REASON_TEXT.get(reason, reason)}（{status}），"
              f"出现在 {len({e['source'] for e in edges})} 个页面")
    return Finding(
        url=target, source=first["source"], field=scope, detail=detail,
        evidence={
            "target": target, "status": check["status"], "error_class": reason,
            "redirects": loads(check["redirects"], []), "final_url": check["final_url"],
            "scope": scope, "tag": first["tag"], "anchor": first["anchor"],
            "sources": sorted({e["source"] for e in edges})[:10],
            "source_count": len({e["source"] for e in edges}),
            "observed_at": check["checked_at"], "elapsed": check["elapsed"],
        })


@rule(id="home-link-broken", family="links", title="首页不可用链接",
      ref="普查2015 · 指标2019 链接可用性", default="超时 15 秒, 重试 1 次")
def home_link_broken(view: AgencyView) -> Iterator[Finding]:
    """A link on the home page (page, image, attachment or external link) cannot be opened.

    Why: the home page is what every visitor sees; 指标2019 deducts for each unusable home link.
    How to fix: correct or remove the link; for external sites, link to their current address.
    """
    for target, entry in sorted(broken_links(view).items()):
        home_edges = [e for e in entry["edges"] if e["on_home"]]
        if home_edges and entry["check"]["reason"] != NOT_A_DOCUMENT:
            yield link_finding(target, entry["check"], home_edges)


@rule(id="link-broken", family="links", title="其他页面不可用链接",
      ref="普查2015 · 指标2019 链接可用性", default="超时 15 秒, 重试 1 次")
def link_broken(view: AgencyView) -> Iterator[Finding]:
    """A link on any page other than the home page cannot be opened (one finding per target).

    Why: broken links, images and attachments on column and article pages are deducted under
    链接可用性; a target already reported as a home-page link is not counted twice.
    How to fix: correct the link target or remove the link on every page listed in the evidence.
    """
    for target, entry in sorted(broken_links(view).items()):
        if any(e["on_home"] for e in entry["edges"]) or entry["check"]["reason"] == NOT_A_DOCUMENT:
            continue
        yield link_finding(target, entry["check"], entry["edges"])
