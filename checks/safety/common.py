"""Shared reads of the content-safety facts for the rules in this folder."""

from __future__ import annotations

from checks.registry import AgencyView, NotApplicable
from crawler.store import dumps

NO_SAFETY_DATA = "本次抓取未记录内容安全数据（内容安全检查未启用，或数据库早于此功能）"


def require_safety_data(view: AgencyView) -> None:
    """Raise NotApplicable when the crawl recorded no page texts for this agency."""
    if not view.exists("pages", "error = '' and kind != 'binary'"):
        raise NotApplicable("未抓取到任何页面（首页无法访问），无法检查内容安全")
    if not view.exists("page_texts"):
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
