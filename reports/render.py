"""Report outputs of one run under one profile: HTML, Markdown, JSON, CSV (and XLSX via ``xlsx``).

``write_reports(store, run_id, out_dir, profile)`` writes into ``out_dir``::

    index.html        ranking, inline SVG charts, run metadata and warnings, 整改情况 summary
    <agency>.html     scorecard and every finding with its evidence, print-ready, self-contained
    <agency>.json     the same data for machines
    findings.csv      one row per finding, UTF-8 with BOM (Excel opens the Chinese correctly)
    问题清单.xlsx      汇总 sheet + one sheet per agency
    report.md         Markdown of the same

Templates are Jinja2 with autoescape on: every page-derived string (titles, anchors, details,
evidence) is escaped; only ``http(s)`` URLs become links. File names come from validated agency
ids and are still checked to resolve inside ``out_dir``.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from checks.registry import FAMILIES
from checks.safety.common import SAFETY_EVIDENCE_LABELS
from crawler.coverage import coverage_text
from crawler.store import Store, loads
from reports.model import (
    AgencyReport,
    ReportData,
    build_report,
    family_bars,
    family_color,
    family_name,
    score_histogram,
)
from reports.profiles import load_profile, rule_title
from reports.readable import EVIDENCE_LABELS, beijing_time
from reports.scoring import Scorecard, ranked, rule_indicators
from reports.xlsx import write_xlsx

TEMPLATES = Path(__file__).parent / "templates"
AGENCY_ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")
SNAPSHOT_DIR = "evidence"
EVIDENCE_LABELS.update(SAFETY_EVIDENCE_LABELS)
FINDING_FIELDS = ("rule", "family", "url", "source", "field", "detail", "observed_at", "status")
RUN_FIELDS = ("id", "as_of", "status", "started_at", "finished_at", "tool_version")


class OutputPathError(ValueError):
    """An output file name would fall outside the report folder."""


def safe_output_path(out_dir: Path, agency_id: str, suffix: str) -> Path:
    """``out_dir/<agency_id><suffix>``; refuses ids outside ``[A-Za-z0-9_-]`` or paths leaving ``out_dir``."""
    if not AGENCY_ID_RE.match(agency_id or ""):
        raise OutputPathError(f"agency id {agency_id!r} is not usable as a file name")
    base = out_dir.resolve()
    target = (base / f"{agency_id}{suffix}").resolve()
    if target.parent != base:
        raise OutputPathError(f"refusing to write outside {base}: {target}")
    return target


def is_web_url(value: Any) -> bool:
    """Only these become clickable: never ``javascript:`` or ``data:`` URLs from a page."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def evidence_items(evidence: Any) -> list[tuple[str, Any]]:
    """Evidence as (中文 label, value) pairs in stored order; nested values as JSON, empty ones left out."""
    if isinstance(evidence, str):
        try:
            evidence = loads(evidence, {})
        except ValueError:
            return [("证据", evidence)]
    if not isinstance(evidence, dict):
        return [("证据", evidence)] if evidence else []
    items = []
    for key, value in evidence.items():
        if value is None or value == "" or value == [] or value == {}:
            continue
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False)
        items.append((EVIDENCE_LABELS.get(key, key), value))
    return items


def evidence_text(evidence: Any) -> str:
    """Evidence flattened to one line ``标签: 值; …`` for CSV, XLSX and Markdown."""
    return "; ".join(f"{label}: {value}" for label, value in evidence_items(evidence))


def display_width(text: str) -> int:
    """Terminal columns of ``text`` (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(headers: list[str], rows: list[list[Any]]) -> str:
    """A plain aligned text table that respects CJK width."""
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for index, row in enumerate(cells):
        padded = (v + " " * (w - display_width(v)) for v, w in zip(row, widths, strict=True))
        lines.append("  ".join(padded).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --- charts ---------------------------------------------------------------------------------


# --- rendering ------------------------------------------------------------------------------

@functools.cache
def environment() -> Environment:
    """The Jinja2 environment: autoescape ON for every template except Markdown.

    ``report.md`` escapes each page-derived value with :func:`md_cell` instead (HTML escaping
    plus Markdown table safety), which autoescaping would double-escape.
    """
    html_escape = select_autoescape(default=True, default_for_string=True)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                      autoescape=lambda name: not (name or "").endswith(".md") and html_escape(name),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(family_name=family_name, is_web_url=is_web_url, evidence_items=evidence_items,
                       rule_title=rule_title, families=FAMILIES, family_color=family_color,
                       coverage_text=coverage_text, beijing_time=beijing_time)
    return env


def render_index(data: ReportData) -> str:
    cards = [r.card for r in data.agencies]
    return environment().get_template("index.html").render(
        data=data, histogram=score_histogram(cards, data.profile["pass_line"]),
        family_chart=family_bars(data.agencies))


def render_agency(data: ReportData, report: AgencyReport) -> str:
    return environment().get_template("agency.html").render(
        data=data, report=report, indicator_of=rule_indicators(data.profile))


def agency_document(data: ReportData, report: AgencyReport) -> dict:
    """The per-agency JSON document."""
    findings = []
    for f in report.findings:
        item = {k: f.get(k) for k in FINDING_FIELDS}
        item["rule_title"] = rule_title(f["rule"])
        item["evidence"] = loads(f.get("evidence"), {}) if f.get("evidence") else {}
        for key in ("id", "problem_type", "observed_text", "evidence_lines", "scoring", "archive",
                    "snapshot"):
            item[key] = f.get(key)
        findings.append(item)
    return {
        "run": {k: data.run.get(k) for k in RUN_FIELDS},
        "profile": {k: data.profile[k] for k in ("name", "title", "follows", "pass_line", "total")},
        "agency": {k: report.row.get(k) for k in ("id", "name", "url", "status", "error")},
        "rank": report.rank, "scorecard": report.card.to_dict(), "findings": findings,
        "diff": report.diff.to_dict() if report.diff else None, "warnings": data.warnings + report.warnings,
        "review_links": report.review_links,
        "advisories": [a.to_dict() for a in report.advisories],
    }


CSV_HEADERS = ["单位ID", "单位", "规则", "规则名称", "类别", "指标", "URL", "所在页面", "字段", "问题",
               "证据", "发现时间", "状态"]


def csv_safe(value: Any) -> str:
    """Text for a CSV cell; a leading ``= + - @`` gets a ``'`` so Excel never runs it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def finding_rows(data: ReportData) -> list[dict]:
    """One row per finding for CSV and XLSX, with Chinese column names."""
    indicator_of = rule_indicators(data.profile)
    rows = []
    for report in data.agencies:
        for f in report.findings:
            rows.append({
                "单位ID": report.card.agency, "单位": report.card.name, "规则": f["rule"],
                "规则名称": rule_title(f["rule"]), "类别": family_name(f.get("family") or ""),
                "指标": indicator_of.get(f["rule"], family_name(f.get("family") or "")),
                "URL": f.get("url") or "", "所在页面": f.get("source") or "", "字段": f.get("field") or "",
                "问题": f.get("detail") or "", "证据": evidence_text(f.get("evidence")),
                "发现时间": f.get("observed_at") or "", "状态": f.get("status") or "",
                "问题编号": f.get("id") or "", "问题类型": f.get("problem_type") or rule_title(f["rule"]),
                "问题描述": f.get("detail") or "", "问题页面": f.get("url") or "",
                "监测时间": f.get("observed_text") or beijing_time(f.get("observed_at")),
                "证据说明": "；".join(f.get("evidence_lines") or []), "快照": f.get("snapshot") or "",
                "计分": f.get("scoring") or "",
            })
    return rows


def write_csv(data: ReportData, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_HEADERS)
        for row in finding_rows(data):
            writer.writerow([csv_safe(row[h]) for h in CSV_HEADERS])


def md_cell(value: Any) -> str:
    """Text safe inside a Markdown table cell: no raw HTML, no column breaks, one line."""
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def render_markdown(data: ReportData) -> str:
    return environment().get_template("report.md").render(
        data=data, md=md_cell, evidence_text=evidence_text, indicator_of=rule_indicators(data.profile))


def write_reports(store: Store, run_id: int, out_dir: str | Path, profile: dict | str) -> dict[str, Path]:
    """Write every report file of ``run_id`` into ``out_dir``; returns {file name: path} of all written.

    Writes only files: scorecards are stored by the commands (``compute_scorecards``).
    """
    if isinstance(profile, str):
        profile = load_profile(profile)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    data = build_report(store, run_id, profile)
    written: dict[str, Path] = {}
    written.update(write_snapshots(store, data, out))
    for report in data.agencies:
        page = safe_output_path(out, report.card.agency, ".html")
        page.write_text(render_agency(data, report), encoding="utf-8")
        doc = safe_output_path(out, report.card.agency, ".json")
        document = agency_document(data, report)
        doc.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        written[page.name] = page
        written[doc.name] = doc
    rows = finding_rows(data)
    for name, write in (("index.html", lambda p: p.write_text(render_index(data), encoding="utf-8")),
                        ("findings.csv", lambda p: write_csv(data, p)),
                        ("问题清单.xlsx", lambda p: write_xlsx(data, rows, p)),
                        ("report.md", lambda p: p.write_text(render_markdown(data), encoding="utf-8"))):
        write(out / name)
        written[name] = out / name
    return written


def write_snapshots(store: Store, data: ReportData, out: Path) -> dict[str, Path]:
    """``evidence/<finding id>.html`` for every finding whose page is archived; sets ``snapshot``
    (the relative link the agency page and the XLSX use) on each such finding."""
    from reports.evidence import page_candidates, snapshot_html

    folder = out / SNAPSHOT_DIR
    written: dict[str, Path] = {}
    pages: dict = {}  # the archived page of the findings being written
    for report in data.agencies:
        for finding in sorted(report.findings, key=page_candidates):  # a page's findings one after another
            if not finding.get("archive") or not finding.get("id"):
                continue
            folder.mkdir(exist_ok=True)
            path = folder / f"{finding['id']}.html"
            try:
                path.write_text(snapshot_html(store, finding, rule_title(finding["rule"]), pages),
                                encoding="utf-8")
            except (OSError, ValueError) as exc:  # an unreadable record must not stop the report
                finding["snapshot_error"] = str(exc)
                continue
            finding["snapshot"] = f"{SNAPSHOT_DIR}/{path.name}"
            written[f"{SNAPSHOT_DIR}/{path.name}"] = path
    return written


def summary_table(cards: list[Scorecard]) -> str:
    headers = ["排名", "单位", "得分", "结论", "单项否决", *FAMILIES.values(), "合计"]
    rows = []
    for rank, card in ranked(cards):
        rows.append([rank, card.name or card.agency, "—" if card.unassessable else f"{card.score:.1f}",
                     card.verdict_label,
                     "、".join(v.title for v in card.vetoes) or "—",
                     *(card.families.get(f, 0) for f in FAMILIES), card.findings])
    return format_table(headers, rows)
