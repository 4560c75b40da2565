"""报备 windows and the task window: findings that are listed but not scored.

**报备 (临时报备).** An agency files a maintenance or migration window in the agencies file::

    filings:
      - {from: 2026-11-20, to: 2026-11-22, reason: 网站迁移}
      - {from: "2026-11-25 22:00", to: "2026-11-26 06:00", reason: 服务器维护}

Times are 北京时间; a date alone means the whole day. Inside a window, probe failures and freshness
findings (the families ``availability`` and ``freshness``) are not counted: a freshness finding
observed (its page fetched) inside a window gets the status ``filed``; ``site-unreachable`` is
re-measured without the probes inside the windows and is ``filed`` when what remains is under the
threshold. Filed findings keep every bit of evidence and are listed as 报备期内 — never dropped.

**Task window (--window FROM..TO).** Observations outside the evaluation task's window don't count:
a finding observed outside it gets the status ``outside-window`` and is listed apart, unscored.

Both only change ``findings.status``; scoring already counts only ``open`` findings.
"""

from __future__ import annotations

from datetime import datetime

from crawler.store import Store, dumps, loads
from crawler.timewindows import FilingError, Window, parse_moment, windows_of

FILED_FAMILIES = {"availability", "freshness"}
FILED = "filed"
OUTSIDE = "outside-window"


def observed(finding: dict, evidence: dict) -> datetime | None:
    """When the problem was observed: the fetch or check time in the evidence, else the row's."""
    for value in (evidence.get("observed_at"), evidence.get("fetched_at"), finding.get("observed_at")):
        if value:
            try:
                return parse_moment(value)
            except FilingError:
                continue
    return None


def _unreachable_after_filings(store: Store, finding: dict, evidence: dict, windows: list[Window]) -> dict:
    """Re-measure the failure share of ``site-unreachable`` without probes inside the windows."""
    span = evidence.get("window") or {}
    rows = list(store.query("select at, ok from probes where agency = ? and at >= ? and at < ?",
                            [finding["agency"], span.get("start", ""), span.get("end", "9999")]))
    kept = [r for r in rows if not any(w.contains(parse_moment(r["at"])) for w in windows)]
    failed = sum(1 for r in kept if not r["ok"])
    share = failed / len(kept) if kept else 0.0
    return {"probes": len(kept), "failures": failed, "share": round(share, 4),
            "filed_probes": len(rows) - len(kept)}


def apply_filings(store: Store, run_id: int, settings: dict | None = None) -> dict[str, int]:
    """Set ``filed`` / ``outside-window`` on this run's findings; returns counts per status."""
    run = store.run(run_id)
    settings = settings if settings is not None else (loads(run.get("settings"), {}) or {})
    task = settings.get("task_window")
    task_window = Window(parse_moment(task["from"]), parse_moment(task["to"], end=True)) if task else None
    agencies = {row["id"]: windows_of((loads(row["config"], {}) or {}).get("filings") or [])
                for row in store.query("select id, config from agencies where run_id = ?", [run_id])}
    if task_window is None and not any(agencies.values()):
        return {}
    counts: dict[str, int] = {}
    updates = []
    for finding in store.query("select rowid, * from findings where run_id = ?", [run_id]):
        evidence = loads(finding["evidence"], {}) or {}
        when = observed(finding, evidence)
        status, note = None, None
        if task_window is not None and when is not None and not task_window.contains(when):
            status, note = OUTSIDE, {"task_window": task}
        windows = agencies.get(finding["agency"]) or []
        if status is None and windows and finding["family"] in FILED_FAMILIES:
            if finding["rule"] == "site-unreachable":
                measured = _unreachable_after_filings(store, finding, evidence, windows)
                if measured["filed_probes"] and measured["share"] < float(evidence.get("threshold") or 0.05):
                    status, note = FILED, {"filings": [w.text() for w in windows], "without_filed": measured}
            elif when is not None:
                inside = [w for w in windows if w.contains(when)]
                if inside:
                    status, note = FILED, {"filings": [w.text() for w in inside]}
        if status:
            counts[status] = counts.get(status, 0) + 1
            updates.append((status, dumps({**evidence, **note}), finding["rowid"]))
    with store.db.conn:
        store.db.conn.executemany("update findings set status = ?, evidence = ? where rowid = ?", updates)
    return counts
