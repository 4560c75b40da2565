"""Small audit stores for the reporting tests: runs, agencies, findings and rule status only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crawler.store import Store, dumps

HOME = "https://www.example.org/"
RULE_FAMILIES = {
    "home-link-broken": "links", "link-broken": "links", "column-stale": "freshness",
    "column-blank": "freshness", "home-stale": "freshness", "doc-number-missing": "documents",
    "doc-pub-date-missing": "documents", "doc-download-missing": "documents",
    "site-id-missing": "identity", "icp-missing": "identity", "meta-tag-missing": "identity",
    "guide-element-missing": "disclosure", "annual-report-missing": "disclosure",
    "site-unreachable": "availability",
}


def finding(rule: str, url: str = HOME, field: str = "", detail: str = "", source: str = "",
            evidence: dict | None = None, status: str = "open", agency: str = "a1") -> dict:
    """A findings row (without run id) for ``rule``; link rules default to an internal target."""
    if not field and rule in ("home-link-broken", "link-broken"):
        field = "internal"
    return {"agency": agency, "rule": rule, "family": RULE_FAMILIES.get(rule, "links"), "url": url,
            "source": source, "field": field, "detail": detail or f"{rule} 问题",
            "evidence": dumps(evidence or {"status": 404}), "observed_at": "2026-11-27T02:00:00+00:00",
            "status": status}


def add_run(store: Store, agencies: dict[str, str], findings: list[dict] = (),
            statuses: list[dict] = (), as_of: str = "2026-11-27", note: str = "",
            agency_status: dict[str, str] | None = None) -> int:
    """One completed run with ``agencies`` ({id: name}), findings and rule status rows."""
    run_id = store.new_run(as_of, {})
    store.set_run(run_id, status="completed", finished_at="2026-11-27T03:00:00+00:00", note=note)
    store.insert_many("agencies", [{
        "run_id": run_id, "id": agency_id, "name": name, "url": HOME, "config": "{}",
        "status": (agency_status or {}).get(agency_id, "ok"), "error": "", "pages": 10,
    } for agency_id, name in agencies.items()])
    store.insert_many("findings", [{"run_id": run_id, **row} for row in findings])
    ran = [{"run_id": run_id, "agency": a, "rule": "link-broken", "status": "ran", "reason": "",
            "findings": 0} for a in agencies]
    store.insert_many("rule_status", ran + [{"run_id": run_id, "findings": 0, **row} for row in statuses])
    return run_id


def new_store(path: Path) -> Store:
    return Store(path)


def status(agency: str, rule: str, state: str = "not-applicable", reason: str = "") -> dict[str, Any]:
    return {"agency": agency, "rule": rule, "status": state, "reason": reason}
