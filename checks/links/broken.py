"""Shared by the links rules: what several of them read from the store."""

from __future__ import annotations

from collections import defaultdict

from checks.registry import AgencyView, Finding, NotApplicable
from crawler.store import loads
from crawler.vocabulary import SCOPES, error_text

#: Attachments answered with a web page or another file type: reported by the safety family's
#: attachment-invalid rule (checks/safety/attachment_invalid.py), not again as broken links.
NOT_A_DOCUMENT = "not-a-document"


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
    detail = (f"{SCOPES.get(scope, scope)}不可用：{error_text(reason)}（{status}），"
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

