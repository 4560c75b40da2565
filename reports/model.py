"""What a report shows, computed from the store: per-agency scorecards, findings, diffs, warnings
and the chart data. Pure data; :mod:`reports.render` and :mod:`reports.xlsx` turn it into files."""

from __future__ import annotations

import colorsys
import hashlib
from dataclasses import dataclass, field

from checks.registry import FAMILIES
from checks.safety.common import unscanned_attachments
from crawler import __version__
from crawler.store import Store, loads
from reports.diff import AgencyDiff, checked_runs, diff_agency, previous_run
from reports.profiles import rule_title
from reports.scoring import Scorecard, agency_findings, ranked, score_run

FAMILY_COLORS = {
    "links": "#d9534f", "documents": "#f0ad4e", "freshness": "#5bc0de",
    "identity": "#5cb85c", "disclosure": "#8e6cc1", "availability": "#555555",
    "safety": "#a3001b",
}
#: Families shown before all others (内容安全: each finding may be a single-veto accusation).
FIRST_FAMILIES = ("safety",)


#: Evidence keys whose texts are run-level caveats (e.g. the working-day calendar fell back to weekends).
WARNING_KEYS = ("calendar_warnings", "warnings")


MAX_CHART_AGENCIES = 60


def family_name(family: str) -> str:
    return FAMILIES.get(family, family or "其他")


def family_color(family: str) -> str:
    """The chart colour of a family: hand-picked, else a stable hue derived from its id, so a new
    family folder never needs an edit here."""
    if family in FAMILY_COLORS:
        return FAMILY_COLORS[family]
    hue = int(hashlib.sha1(family.encode("utf-8")).hexdigest()[:4], 16) % 360
    red, green, blue = colorsys.hls_to_rgb(hue / 360, 0.5, 0.45)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


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

    @property
    def by_family(self) -> list[tuple[str, str, list[dict]]]:
        """(family, 中文 name, findings) in FAMILIES order, unknown families last."""
        order = list(FAMILIES) + sorted({f["family"] for f in self.findings} - set(FAMILIES))
        order.sort(key=lambda fam: fam not in FIRST_FAMILIES)
        groups = [(fam, family_name(fam), [f for f in self.findings if f["family"] == fam]) for fam in order]
        return [g for g in groups if g[2]]


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
            ("开始时间", run.get("started_at") or ""), ("结束时间", run.get("finished_at") or ""),
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
        "(select l.source from links l where l.run_id = c.run_id and l.agency = c.agency "
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
        found = sorted(agency_findings(store, run_id, card.agency),
                       key=lambda f: f.get("family") not in FIRST_FAMILIES)  # safety first
        reports.append(AgencyReport(rank, card, row, found,
                                    diff, agency_warnings(row), review_links(store, run_id, card.agency)))
    return ReportData(run, profile, reports, run_warnings(store, run))


def score_histogram(cards: list[Scorecard], pass_line: float) -> dict:
    """Bars of the score distribution in 10-point bins (the last bin includes 100)."""
    bins = [0] * 10
    for card in cards:
        bins[min(int(card.score // 10), 9)] += 1
    peak = max(bins) or 1
    width, height, left, bottom = 520, 200, 36, 170
    bar = (width - left - 10) / 10
    bars = []
    for index, count in enumerate(bins):
        h = (bottom - 20) * count / peak
        upper = index * 10 + 9 if index < 9 else 100
        bars.append({"x": round(left + index * bar + 2, 1), "y": round(bottom - h, 1),
                     "w": round(bar - 4, 1), "h": round(h, 1), "count": count,
                     "label": f"{index * 10}–{upper}", "failing": (index + 1) * 10 <= pass_line})
    return {"width": width, "height": height + 10, "bottom": bottom, "left": left, "bars": bars}


def family_bars(reports: list[AgencyReport]) -> dict:
    """Stacked horizontal bars: problems by family per agency (the most affected first)."""
    shown = sorted(reports, key=lambda r: (-r.card.findings, r.card.agency))[:MAX_CHART_AGENCIES]
    peak = max((r.card.findings for r in shown), default=0) or 1
    label_w, bar_w, row_h = 150, 360, 18
    rows = []
    for index, report in enumerate(shown):
        x = label_w
        segments = []
        for family in FAMILIES:
            count = report.card.families.get(family, 0)
            if count:
                w = bar_w * count / peak
                segments.append({"x": round(x, 1), "w": round(max(w, 1), 1), "color": family_color(family),
                                 "title": f"{family_name(family)}：{count}"})
                x += w
        rows.append({"y": 28 + index * row_h, "name": report.card.name, "total": report.card.findings,
                     "end": round(x + 4, 1), "segments": segments})
    legend = [{"x": 10 + i * 100, "color": family_color(f), "name": family_name(f)}
              for i, f in enumerate(FAMILIES)]
    return {"width": label_w + bar_w + 60, "height": 36 + len(rows) * row_h, "rows": rows, "legend": legend,
            "omitted": max(len(reports) - len(shown), 0)}

