"""Shared reads of the content-safety facts for the rules in this folder."""

from __future__ import annotations

from checks.registry import AgencyView, NotApplicable
from crawler.safety import schema  # noqa: F401  (registers the safety tables)
from crawler.store import dumps

NO_SAFETY_DATA = "本次抓取未记录内容安全数据（内容安全检查未启用，或数据库早于此功能）"


def require_safety_data(view: AgencyView) -> None:
    """Raise NotApplicable when the crawl recorded no page texts for this agency."""
    if not view.exists("pages", "error = '' and kind != 'binary'"):
        raise NotApplicable("未抓取到任何页面（首页无法访问），无法检查内容安全")
    if "page_texts" not in view.store.db.table_names() or not view.exists("page_texts"):
        raise NotApplicable(NO_SAFETY_DATA)


def first_sources(view: AgencyView, targets: list[str]) -> dict[str, list[str]]:
    """Pages linking to each target (sorted), from the links table."""
    if not targets:
        return {}
    found: dict[str, set[str]] = {}
    for row in view.store.query(
            "select target, source from links where run_id = ? and agency = ? and target in "
            "(select value from json_each(?))", [view.run_id, view.agency_id, dumps(sorted(set(targets)))]):
        found.setdefault(row["target"], set()).add(row["source"])
    return {target: sorted(sources) for target, sources in found.items()}


def unscanned_attachments(store, run_id: int, agency: str) -> list[dict]:
    """Attachments the privacy scan could not read (over the cap, unreadable), as review rows
    (the shape of reports.render.review_links): a person checks them; they are never "clean"."""
    if "attachments" not in store.db.table_names():
        return []
    rows = store.query(
        "select a.url, a.status as scan_status, a.reason as scan_reason, a.bytes, a.scanned_at, "
        "(select l.source from links l indexed by idx_links_run_id_agency_target "
        " where l.run_id = a.run_id and l.agency = a.agency "
        " and l.target = a.url limit 1) as source "
        "from attachments a where a.run_id = ? and a.agency = ? and a.status in ('too-large', 'unreadable') "
        "order by a.url", [run_id, agency])
    return [{"url": r["url"], "status": None, "reason": f"not-scanned:{r['scan_status']}",
             "verdict": "review", "scope": "attachment", "checked_at": r["scanned_at"], "source": r["source"],
             "reason_text": "附件未扫描个人信息：" + (r["scan_reason"] if r["scan_status"] == "unreadable"
                                                    else "超过附件大小上限")} for r in rows]


#: Chinese labels of the safety rules' evidence keys (reports/render.py shows evidence with them).
SAFETY_EVIDENCE_LABELS = {
    "samples": "样例（已脱敏）", "masked": "号码（已脱敏）", "numbers": "不同号码数",
    "occurrences": "出现次数",
    "container": "所在位置类型", "linked_from": "链接所在页面", "attachments": "未扫描附件",
    "wrong": "错误表述", "right": "正确表述", "context": "上下文", "contexts": "上下文",
    "list_version": "词表版本", "markers": "命中标记", "category": "类别", "link_domain": "链接域名",
    "final_domain": "最终域名", "cross_domain": "跳转到其他域名", "css": "隐藏样式", "origin": "样式来源",
    "element": "隐藏元素", "detected": "检测到的文件类型", "on_home": "首页链接",
}
