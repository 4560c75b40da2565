"""Shared by the identity rules: what several of them read from the store."""

from __future__ import annotations

from collections.abc import Iterator

from checks.registry import AgencyView, Finding, NotApplicable
from crawler.store import loads


def page_ok(page: dict) -> bool:
    """Fetched and served as a real page: 2xx (or 304 re-used), no error, not a soft 404."""
    status = page.get("status") or 0
    return (not page.get("error") and not page.get("soft404")
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


def footer_of(home: dict) -> dict:
    return loads(home.get("footer"), {}) or {}


def home_evidence(home: dict, footer: dict) -> dict:
    return {"page": home["url"], "final_url": home.get("final_url") or home["url"],
            "fetched_at": home.get("fetched_at"), "footer": footer,
            "meta_SiteIDCode": (loads(home.get("meta"), {}) or {}).get("SiteIDCode")}


def footer_missing(view: AgencyView, key: str, label: str) -> Iterator[Finding]:
    home = fetched_home(view)
    footer = footer_of(home)
    if str(footer.get(key) or "").strip():
        return
    yield Finding(url=home["url"], source=home["url"], field=key,
                  detail=f"首页页脚未显示{label}", evidence=home_evidence(home, footer))

