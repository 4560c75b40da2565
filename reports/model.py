"""What a report shows, computed from the store: per-agency scorecards, findings, diffs, warnings
and the chart data. Pure data; :mod:`reports.render` and :mod:`reports.xlsx` turn it into files."""

from __future__ import annotations

from dataclasses import dataclass, field

from checks.registry import FAMILIES
from checks.safety.common import unscanned_attachments
from crawler import __version__
from crawler.store import Store, loads
from reports.charts import FAMILY_COLORS, family_bars, family_color, family_name, score_histogram
from reports.diff import AgencyDiff, checked_runs, diff_agency, previous_run
from reports.profiles import rule_title
from reports.readable import SET_APART, beijing_time, readable
from reports.scoring import Scorecard, agency_findings, ranked, score_run

__all__ = ["FAMILY_COLORS", "AgencyReport", "ReportData", "build_report", "family_bars", "family_color",
           "family_name", "score_histogram"]
#: Families shown before all others (内容安全: each finding may be a single-veto accusation).
FIRST_FAMILIES = ("safety",)


#: Evidence keys whose texts are run-level caveats (e.g. the working-day calendar fell back to weekends).
WARNING_KEYS = ("calendar_warnings", "warnings")


@dataclass
class AgencyReport:
    """Everything shown for one agency."""

    rank: int
    card: Scorecard
    row: dict
    findings: list[dict]
    diff: AgencyDiff | None = None
    warnings: list[str] = field(default_factory=list)
    review_links: list[dict] = field(default_factory=list)
    advisories: list = field(default_factory=list)

    @property
    def by_family(self) -> list[tuple[str, str, list[dict]]]:
        """(family, 中文 name, findings) in FAMILIES order (safety first), unknown families last;
        findings set apart (报备期内, outside the task window) are listed separately (:attr:`set_apart`)."""
        listed = [f for f in self.findings if (f.get("status") or "") not in SET_APART]
        order = list(FAMILIES) + sorted({f["family"] for f in listed} - set(FAMILIES))
        order.sort(key=lambda fam: fam not in FIRST_FAMILIES)
        groups = [(fam, family_name(fam), [f for f in listed if f["family"] == fam]) for fam in order]
        return [g for g in groups if g[2]]

    @property
    def set_apart(self) -> list[dict]:
        """Findings listed but not scored: inside an agency's 报备 window or outside the task window."""
        return [f for f in self.findings if (f.get("status") or "") in SET_APART]


@dataclass
class ReportData:
    """Everything shown for one run under one profile."""

    run: dict
    profile: dict
    agencies: list[AgencyReport]
    warnings: list[str]

    @property
    def as_of(self) -> str:
        return self.run.get("as_of") or (self.run.get("started_at") or "")[:10]

    @property
    def meta(self) -> list[tuple[str, str]]:
        """Run metadata rows (label, value)."""
        run, profile = self.run, self.profile
        return [
            ("监测时间点", self.as_of),
            ("评分方案", f"{profile['title']}（{profile['name']}，依据 {profile['follows']}）"),
            ("运行编号", str(run["id"])),
            ("运行状态", RUN_STATUS.get(run.get("status") or "", run.get("status") or "")),
            ("开始时间（北京时间）", beijing_time(run.get("started_at"))),
            ("结束时间（北京时间）", beijing_time(run.get("finished_at"))),
            ("抓取工具版本", run.get("tool_version") or ""), ("报告工具版本", __version__),
            ("合格线", f"{self.profile['pass_line']} / {self.profile['total']}"),
        ]


RUN_STATUS = {"completed": "已完成", "interrupted": "已中断（可 --resume 继续）", "failed": "失败",
              "running": "进行中"}


def run_warnings(store: Store, run: dict) -> list[str]:
    """Run-level warnings: the run's note, an unfinished status, remarks of rules that ran, and
    caveats carried in findings' evidence (``calendar_warnings``: the working-day calendar fell
    back to weekends only)."""
    warnings = [line.strip() for line in (run.get("note") or "").splitlines() if line.strip()]
    if run.get("status") and run["status"] != "completed":
        warnings.append(f"本次运行状态为 {run['status']}，结果可能不完整。")
    remarks = store.query(
        "select rule, reason, count(*) as n from rule_status where run_id = ? and status != 'not-applicable' "
        "and coalesce(reason, '') != '' group by rule, reason order by rule, reason", [run["id"]])
    for row in remarks:
        warnings.append(f"{rule_title(row['rule'])}（{row['rule']}）：{row['reason']}（{row['n']} 个单位）")
    caveats = store.query(
        "select distinct evidence from findings where run_id = ? and (" +
        " or ".join("evidence like ?" for _ in WARNING_KEYS) + ")",
        [run["id"], *(f'%"{key}"%' for key in WARNING_KEYS)])
    for row in caveats:
        evidence = loads(row["evidence"], {})
        for key in WARNING_KEYS:
            texts = evidence.get(key) if isinstance(evidence, dict) else None
            for text in [texts] if isinstance(texts, str) else (texts or []):
                warnings.append(str(text))
    return list(dict.fromkeys(warnings))


def agency_warnings(row: dict) -> list[str]:
    status = row.get("status") or ""
    if status and status != "ok":
        return [f"站点抓取结果：{status}" + (f"（{row['error']}）" if row.get("error") else "")]
    return []


REVIEW_REASONS = {
    "http-401": "需要登录（401）", "http-403": "拒绝访问（403）", "http-429": "请求过多（429）",
    "robots": "robots.txt 禁止抓取", "too-large": "页面过大未下载", "blocked-private": "内网地址，未访问",
    "ignored": "未访问",
}


def review_links(store: Store, run_id: int, agency: str) -> list[dict]:
    """Links a person must look at (疑似): 401/403/429, robots.txt, too large, private addresses.

    They are not findings — the tool could not prove them broken — but an evaluator checks them by hand.
    """
    rows = store.query(
        "select c.url, c.status, c.reason, c.verdict, c.scope, c.checked_at, "
        "(select l.source from links l indexed by idx_links_run_id_agency_target "
        " where l.run_id = c.run_id and l.agency = c.agency "
        " and l.target = c.url limit 1) as source "
        "from link_checks c where c.run_id = ? and c.agency = ? and c.verdict in ('review', 'skipped') "
        "order by c.url", [run_id, agency])
    return [{**row, "reason_text": REVIEW_REASONS.get(row["reason"], row["reason"])} for row in rows] \
        + unscanned_attachments(store, run_id, agency)  # 内容安全: attachments not scanned


def build_report(store: Store, run_id: int, profile: dict) -> ReportData:
    """Score a run (storing the scorecards) and gather what every output shows."""
    run = store.run(run_id)
    cards = {c.agency: c for c in score_run(store, run_id, profile)}
    rows = {r["id"]: r for r in store.query("select * from agencies where run_id = ?", [run_id])}
    reports = []
    checked = checked_runs(store)
    for rank, card in ranked(list(cards.values())):
        row = rows[card.agency]
        before = previous_run(store, card.agency, run_id, checked)
        diff = diff_agency(store, card.agency, before, run_id, profile) if before else None
        found = sorted(readable_findings(store, run_id, card.agency),
                       key=lambda f: f.get("family") not in FIRST_FAMILIES)  # safety first
        reports.append(AgencyReport(rank, card, row, found,
                                    diff, agency_warnings(row), review_links(store, run_id, card.agency),
                                    advisories(store, run, row, profile)))
    return ReportData(run, profile, reports, run_warnings(store, run))


def readable_findings(store: Store, run_id: int, agency: str) -> list[dict]:
    """An agency's findings with ids, archive references and their plain-Chinese fields."""
    from reports.evidence import archive_refs, ensure_ids
    rows = ensure_ids(agency_findings(store, run_id, agency))
    return [readable(f, rule_title(f["rule"]), family_name(f.get("family") or ""),
                     archive_refs(store, f)["archive"]) for f in rows]


def advisories(store: Store, run: dict, agency: dict, profile: dict) -> list:
    """预警 of one agency under the profile's ``warnings`` section (empty without one)."""
    from reports.advisories import agency_advisories
    return agency_advisories(store, run, agency, profile)
