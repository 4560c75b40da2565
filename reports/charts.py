"""The report's inline SVG charts: score distribution and problems by family per agency.

Inputs are scorecards (``reports.scoring.Scorecard``) and agency reports (``reports.model.AgencyReport``).

Pure layout arithmetic (no drawing library): text widths are estimated at the chart font size (a CJK
character is one em) so labels are cut to fit and legend entries flow onto further rows instead of
running off the chart's edge — checked in headless Chromium by ``tests/test_report_layout.py``.
"""

from __future__ import annotations

import colorsys
import hashlib
import unicodedata
from typing import Any

from checks.registry import FAMILIES

FAMILY_COLORS = {
    "links": "#d9534f", "documents": "#f0ad4e", "freshness": "#5bc0de",
    "identity": "#5cb85c", "disclosure": "#8e6cc1", "availability": "#555555",
    "safety": "#a3001b",
    "coverage": "#2c7fb8",
}
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


def score_histogram(cards: list[Any], pass_line: float) -> dict:
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


def family_bars(reports: list[Any]) -> dict:
    """Stacked horizontal bars: problems by family per agency (the most affected first)."""
    shown = sorted(reports, key=lambda r: (-r.card.findings, r.card.agency))[:MAX_CHART_AGENCIES]
    peak = max((r.card.findings for r in shown), default=0) or 1
    label_w, bar_w, row_h = 150, 360, 18
    rows = []
    for report in shown:
        x = label_w
        segments = []
        for family in FAMILIES:
            count = report.card.families.get(family, 0)
            if count:
                w = bar_w * count / peak
                segments.append({"x": round(x, 1), "w": round(max(w, 1), 1), "color": family_color(family),
                                 "title": f"{family_name(family)}：{count}"})
                x += w
        rows.append({"name": report.card.name, "label": fit_text(report.card.name or report.card.agency,
                                                                   label_w - 10),
                     "total": report.card.findings, "end": round(x + 4, 1), "segments": segments})
    width = label_w + bar_w + 60
    legend, legend_h = legend_layout([(family_color(f), family_name(f)) for f in FAMILIES], width)
    for index, row in enumerate(rows):
        row["y"] = legend_h + 8 + index * row_h
    return {"width": width, "height": legend_h + 16 + len(rows) * row_h, "rows": rows, "legend": legend,
            "omitted": max(len(reports) - len(shown), 0)}


CHART_FONT_PX = 11


def text_px(text: str, font_px: int = CHART_FONT_PX) -> float:
    """Rendered width estimate: a CJK character is one em, other characters at most 0.62 em."""
    return sum(font_px if unicodedata.east_asian_width(ch) in "WF" else 0.62 * font_px for ch in text)


def fit_text(text: str, max_px: float) -> str:
    """``text`` cut (with …) so it fits ``max_px`` at the chart font size."""
    if text_px(text) <= max_px:
        return text
    while text and text_px(text + "…") > max_px:
        text = text[:-1]
    return text + "…"


def legend_layout(items: list[tuple[str, str]], width: float) -> tuple[list[dict], float]:
    """Legend entries (colour swatch + name) flowed into rows inside ``width``; returns the
    entries with x/y and the legend's height, so no entry is ever cut off at the chart's edge."""
    x, y, entries = 10.0, 4.0, []
    for color, name in items:
        entry_w = 14 + text_px(name) + 14
        if x > 10 and x + entry_w > width - 4:
            x, y = 10.0, y + 16
        entries.append({"x": round(x, 1), "y": y, "color": color, "name": name})
        x += entry_w
    return entries, y + 14
