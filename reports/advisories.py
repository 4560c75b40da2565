"""预警 (early warnings): a profile's ``warnings`` thresholds, raised before a veto is reached.

Vendors warn an agency while there is still time to act — failure share ≥ 3 % (the veto is 5 %),
the home page 10 days without news (veto: 14), more than 2 blank columns (veto: 5), more than 6
stale columns (veto: 10), replies near 3 months. A profile lists them::

    warnings:
      - {id: stale-columns, title: 栏目不更新预警（超过6个）, rule: column-stale, min: 7,
         veto: column-stale-any, source: 测评实践}
      - {id: home-quiet, title: 首页更新预警（10天无新信息）, metric: home_days_without_news,
         at: 10, veto: home-stale, source: 测评实践}

A ``rule`` warning counts the agency's scored findings of that rule (``fields``/``count`` as in
vetoes); a ``metric`` warning measures a value from the store (:data:`METRICS`). Warnings are
shown apart from the scored findings and never change a score; a metric the store cannot measure
is reported as 不适用 with the reason, not as a silent pass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from crawler.store import Store, loads
from reports.scoring import agency_findings, is_scored


@dataclass
class Advisory:
    """One warning threshold applied to one agency."""

    id: str
    title: str
    source: str
    raised: bool
    value: float | None
    threshold: float
    text: str
    veto: str = ""
    not_applicable: str = ""
    findings: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _as_of(run: dict) -> date:
    return date.fromisoformat((run.get("as_of") or run.get("started_at") or "")[:10])


def probe_failure_share(store: Store, run: dict, agency: dict, profile: dict) -> tuple[float, str]:
    """Share of failed home-page probes in the profile's probe window before the monitoring point."""
    days = int((profile.get("thresholds") or {}).get("probe_window_days", 7))
    end = _as_of(run) + timedelta(days=1)
    start = end - timedelta(days=days)
    rows = list(store.query("select ok from probes where agency = ? and at >= ? and at < ?",
                            [agency["id"], start.isoformat(), end.isoformat()]))
    if not rows:
        raise LookupError(f"{start.isoformat()}至{(end - timedelta(days=1)).isoformat()}没有可访问性探测记录")
    failed = sum(1 for r in rows if not r["ok"])
    return failed / len(rows), f"{len(rows)} 次探测中失败 {failed} 次（{failed / len(rows):.1%}）"


def home_days_without_news(store: Store, run: dict, agency: dict, profile: dict) -> tuple[float, str]:
    """Days from the newest dated item listed on the home page to the monitoring point."""
    homes = [r["url"] for r in store.query("select url from pages where run_id = ? and agency = ? "
                                           "and is_home = 1", [run["id"], agency["id"]])]
    if not homes:
        raise LookupError("未抓取到首页")
    marks = ",".join("?" for _ in homes)
    rows = list(store.query(f"select max(date) as newest from list_items where run_id = ? and agency = ? "
                            f"and column_url in ({marks}) and date is not null and date != ''",
                            [run["id"], agency["id"], *homes]))
    newest = rows[0]["newest"] if rows else None
    if not newest:
        raise LookupError("首页没有带日期的信息条目")
    days = (_as_of(run) - date.fromisoformat(newest[:10])).days
    return float(days), f"首页最新信息 {newest[:10]}，距监测时间点 {days} 天"


def oldest_unanswered_days(store: Store, run: dict, agency: dict, profile: dict) -> tuple[float, str]:
    """Age in days of the oldest unanswered consultation (needs the interaction crawl's table)."""
    if "messages" not in store.db.table_names():
        raise LookupError("未采集互动交流留言数据")
    readable = list(store.query("select 1 from message_lists where run_id = ? and agency = ? "
                                "and state != 'unreadable' limit 1", [run["id"], agency["id"]]))
    if not readable:
        raise LookupError("未读取到可读的咨询留言列表")
    rows = list(store.query("select min(asked_date) as oldest from messages where run_id = ? and agency = ? "
                            "and coalesce(replied_date, '') = ''", [run["id"], agency["id"]]))
    oldest = rows[0]["oldest"] if rows else None
    if not oldest:
        return 0.0, "没有未答复的留言"
    days = (_as_of(run) - datetime.fromisoformat(oldest[:10]).date()).days
    return float(days), f"最早一条未答复留言 {oldest[:10]}，已 {days} 天"


METRICS: dict[str, Callable[[Store, dict, dict, dict], tuple[float, str]]] = {
    "probe_failure_share": probe_failure_share,
    "home_days_without_news": home_days_without_news,
    "oldest_unanswered_days": oldest_unanswered_days,
}


def _matching(findings: list[dict], item: dict) -> list[dict]:
    fields = item.get("fields")
    return [f for f in findings if f.get("rule") == item["rule"] and is_scored(f)
            and (not fields or (f.get("field") or "") in fields)]


def agency_advisories(store: Store, run: dict, agency: dict, profile: dict) -> list[Advisory]:
    """Every warning of the profile applied to one agency (raised or not, or not applicable)."""
    items = profile.get("warnings") or []
    if not items:
        return []
    findings = agency_findings(store, run["id"], agency["id"])
    config = loads(agency.get("config"), {}) or {}
    result = []
    for item in items:
        base = {"id": item["id"], "title": item["title"], "source": item["source"],
                "veto": item.get("veto", "")}
        if "rule" in item:
            matches = _matching(findings, item)
            count = len({f.get("url") for f in matches}) if item.get("count") == "urls" else len(matches)
            result.append(Advisory(**base, raised=count >= item["min"], value=float(count),
                                   threshold=float(item["min"]),
                                   text=f"{count} 项（预警线 {item['min']} 项）",
                                   findings=[{k: f.get(k) for k in ("id", "rule", "url", "field", "detail")}
                                             for f in matches]))
            continue
        try:
            value, text = METRICS[item["metric"]](store, run, agency, {**profile, **config})
        except LookupError as exc:
            result.append(Advisory(**base, raised=False, value=None, threshold=float(item["at"]),
                                   text="", not_applicable=str(exc)))
            continue
        result.append(Advisory(**base, raised=value >= item["at"], value=value,
                               threshold=float(item["at"]), text=f"{text}（预警线 {item['at']:g}）"))
    return result
