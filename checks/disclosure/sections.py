"""Shared by the disclosure rules: what several of them read from the store."""

from __future__ import annotations

from checks.identity.home import page_ok
from checks.registry import AgencyView
from crawler.store import loads


def home_url(view: AgencyView) -> str:
    home = view.home_page()
    return home["url"] if home else (view.agency.get("url") or view.config.get("url") or "")


def ok_pages(view: AgencyView) -> list[dict]:
    return [p for p in view.rows("pages") if page_ok(p)]


def guide_pages(view: AgencyView) -> list[tuple[dict, dict | None]]:
    """``(page, guide elements or None)`` for every page recognised as the 公开指南."""
    found = []
    for page in ok_pages(view):
        facts = loads(page.get("facts"), {}) or {}
        guide = facts.get("guide")
        if page.get("kind") == "guide" or guide:
            found.append((page, guide if isinstance(guide, dict) else None))
    return found


def row_count(view: AgencyView, table: str) -> int:
    sql = f"select count(*) as n from [{table}] where run_id = ? and agency = ?"
    return next(iter(view.store.query(sql, [view.run_id, view.agency_id])))["n"]

