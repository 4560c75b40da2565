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

FINDING_COLUMNS = [("单位", 16), ("指标", 14), ("规则", 22), ("问题", 40), ("URL", 48),
                   ("所在页面", 40), ("证据", 50), ("发现时间", 22)]
SUMMARY_SHEET = "汇总"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
MAX_CELL = 32767
WRAPPED = {"问题", "证据", "单项否决"}  # long text wraps; others stay one line (and writing stays fast)
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
            [row["单位"], row["指标"], f"{row['规则名称']}（{row['规则']}）", row["问题"], row["URL"],
             row["所在页面"], row["证据"], row["发现时间"]] for row in rows])
    workbook.save(path)
