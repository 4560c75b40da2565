"""The 问题清单 workbook: a 汇总 sheet and one sheet per agency, one row per finding.

Cells holding page-derived text are always written as strings (a title starting with ``=`` is
never a formula), with characters Excel cannot store removed and long values cut to Excel's
32 767-character cell limit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from checks.registry import FAMILIES

if TYPE_CHECKING:
    from reports.model import ReportData

FINDING_COLUMNS = [("单位", 16), ("指标", 14), ("问题类型", 24), ("问题描述", 44), ("问题页面", 48),
                   ("所在页面", 40), ("监测时间", 17), ("证据", 50), ("计分", 14), ("问题编号", 14)]
ADVISORY_SHEET = "预警"
ADVISORY_COLUMNS = [("单位", 24), ("预警", 36), ("情况", 50), ("对应单项否决", 18), ("依据", 10)]
SUMMARY_SHEET = "汇总"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
MAX_CELL = 32767
WRAPPED = {"问题", "问题描述", "证据", "单项否决", "情况"}  # long text wraps; the rest stays one line
LINK_FONT = Font(color="0563C1", underline="single")
WRAP = Alignment(vertical="top", wrap_text=True)


def cell_text(value: Any) -> Any:
    """A value Excel can store: numbers as they are, text cleaned and cut to the cell limit."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_CELL]


def sheet_name(name: str, agency_id: str, taken: set[str]) -> str:
    """A unique, legal sheet title (≤31 characters) from the agency name, else its id."""
    for candidate in (name, f"{name}-{agency_id}", agency_id):
        title = SHEET_NAME_BAD.sub("_", candidate or "").strip("'")[:31]
        if title and title not in taken:
            taken.add(title)
            return title
    index = 2
    while f"{agency_id[:27]}-{index}" in taken:
        index += 1
    taken.add(f"{agency_id[:27]}-{index}")
    return f"{agency_id[:27]}-{index}"


def _write_table(sheet, headers: list[tuple[str, int]], rows: list[list[Any]]) -> None:
    """Header styled and frozen, columns sized, every cell a literal value."""
    sheet.append([h for h, _ in headers])
    for column, (_, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    wrapped = {index for index, (name, _) in enumerate(headers) if name in WRAPPED}
    for number, row in enumerate(rows, start=2):
        sheet.append([cell_text(v) for v in row])
        for column in range(1, len(row) + 1):
            cell = sheet.cell(row=number, column=column)  # O(1); sheet[max_row] rescans the sheet
            if isinstance(cell.value, str):
                cell.data_type = "s"
            if column - 1 in wrapped:
                cell.alignment = WRAP
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions


def write_xlsx(data: ReportData, finding_rows: list[dict], path: Path) -> None:
    """Write the workbook: 汇总 (one row per agency) and one sheet per agency."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = SUMMARY_SHEET
    headers = [("排名", 6), ("单位ID", 14), ("单位", 24), ("得分", 8), ("结论", 8), ("单项否决", 30)]
    headers += [(name, 12) for name in FAMILIES.values()] + [("问题合计", 10), ("工作表", 20)]
    taken = {SUMMARY_SHEET}
    names = {r.card.agency: sheet_name(r.card.name, r.card.agency, taken) for r in data.agencies}
    _write_table(summary, headers, [
        [r.rank, r.card.agency, r.card.name, "—" if r.card.unassessable else r.card.score,
         r.card.verdict_label,
         "；".join(v.title for v in r.card.vetoes) or "—",
         *(r.card.families.get(f, 0) for f in FAMILIES), r.card.findings, names[r.card.agency]]
        for r in data.agencies])
    summary.append([])
    summary.append([f"监测时间点 {data.as_of} · 评分方案 {data.profile['title']} · 运行 {data.run['id']}"])
    for report in data.agencies:
        sheet = workbook.create_sheet(names[report.card.agency])
        rows = [row for row in finding_rows if row["单位ID"] == report.card.agency]
        _write_table(sheet, FINDING_COLUMNS, [
            [row["单位"], row["指标"], row["问题类型"], row["问题描述"], row["问题页面"], row["所在页面"],
             row["监测时间"], evidence_cell(row), row["计分"], row["问题编号"]] for row in rows])
        add_links(sheet, rows)
    advisories = [(r.card.name, a) for r in data.agencies for a in r.advisories if a.raised]
    if advisories:
        _write_table(workbook.create_sheet(ADVISORY_SHEET, 1), ADVISORY_COLUMNS, [
            [name, a.title, a.text, a.veto, a.source] for name, a in advisories])
    workbook.save(path)


def evidence_cell(row: dict) -> str:
    """The 证据 cell: the plain-Chinese evidence lines, one per line, and the snapshot's file."""
    lines = [line for line in (row.get("证据说明") or "").split("；") if line]
    if row.get("快照"):
        lines.append(f"页面快照：{row['快照']}")
    return "\n".join(lines) or row.get("证据") or ""


def add_links(sheet, rows: list[dict]) -> None:
    """问题页面 and 所在页面 link to the page (http(s) only); 证据 links to the snapshot file."""
    for number, row in enumerate(rows, start=2):
        for column, key in ((5, "问题页面"), (6, "所在页面")):
            url = row.get(key) or ""
            if url.lower().startswith(("http://", "https://")) and len(url) < 2000:
                cell = sheet.cell(row=number, column=column)
                cell.hyperlink = url
                cell.font = LINK_FONT
        if row.get("快照"):
            cell = sheet.cell(row=number, column=8)
            cell.hyperlink = row["快照"]
