"""The report as a person sees it, in headless Chromium with the CJK fonts installed (``make browser``):
chart legends and labels are never clipped, and the font stack resolves to an installed CJK font.

A copy of each page gets a measuring script (the reports themselves carry none); Chromium lays it out
and ``--dump-dom`` returns the measurements. A screenshot is kept next to the report for a human look.
"""

from __future__ import annotations

import json

import pytest
from lxml import html
from reportfactory import add_run, finding, new_store

from checks.registry import FAMILIES
from reports.browser import find_chromium, run_chromium, screenshot
from reports.render import write_reports

pytestmark = pytest.mark.skipif(find_chromium() is None, reason="chromium not installed (make browser)")

MEASURE = """<script>
window.addEventListener('load', () => {
  const out = {clipped: [], texts: 0};
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      out.texts += 1;
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5
          || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        out.clipped.push([svg.id, text.textContent, r.left - box.left, box.right - r.right]);
    }
  }
  const ctx = document.createElement('canvas').getContext('2d');
  const width = (family) => {
    ctx.font = '20px ' + family;
    return ctx.measureText('政务公开 govaudit WWW').width;
  };
  out.family = getComputedStyle(document.body).fontFamily;
  out.noto = width('"Noto Sans CJK SC"');
  out.missing = width('"NoSuchFont-govaudit"');
  const pre = document.createElement('pre'); pre.id = 'layout'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>"""

NAMES = {"jyj": "示例市教育局", "wjw": "示例市卫生健康委员会（示例市中医药管理局）", "tjj": "示例市统计局",
         "zfb": "示例县人民政府办公室"}
RULES = ["home-link-broken", "doc-number-missing", "column-stale", "site-id-missing", "guide-element-missing",
         "site-unreachable", "link-broken", "column-blank", "icp-missing"]


#: Families other modules add (as issue branches do): the legend must make room for them.
MORE_FAMILIES = {"interaction": "互动交流", "services": "办事服务", "safety": "安全与保密（严重错误）"}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("layout")
    store = new_store(tmp / "a.db")
    rows = [finding(rule, url=f"https://www.example.org/{agency}/{i}", agency=agency)
            for n, agency in enumerate(NAMES) for i, rule in enumerate(RULES[: 4 + 2 * n])]
    rows += [{**finding("link-broken", url=f"https://www.example.org/{family}", agency="zfb"),
              "family": family} for family in MORE_FAMILIES]
    run_id = add_run(store, NAMES, rows)
    added = [family for family in MORE_FAMILIES if family not in FAMILIES]
    FAMILIES.update({family: MORE_FAMILIES[family] for family in added})
    try:
        write_reports(store, run_id, tmp / "out", "gov-website-2019")
    finally:
        for family in added:
            del FAMILIES[family]
    store.close()
    return tmp / "out"


def measure(page, tmp_path) -> dict:
    probe = page.with_name(f"measure-{page.name}")
    text = page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>")
    probe.write_text(text, encoding="utf-8")
    result = run_chromium("--window-size=1280,1200", "--virtual-time-budget=3000", "--dump-dom",
                          probe.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(html.fromstring(result.stdout).get_element_by_id("layout").text_content())


def test_chart_text_is_never_clipped(report, tmp_path):
    layout = measure(report / "index.html", tmp_path)
    assert layout["texts"] > 10
    assert layout["clipped"] == []
    legend = html.fromstring((report / "index.html").read_text(encoding="utf-8")).xpath(
        "//svg[@id='chart-families']//g[@class='legend']/text")
    shown = set(FAMILIES) | set(MORE_FAMILIES)        # every family has a legend entry
    assert len(legend) == len(shown) and len({t.get("y") for t in legend}) >= 2   # wrapped onto more rows


def test_font_stack_resolves_to_an_installed_cjk_font(report, tmp_path):
    layout = measure(report / "jyj.html", tmp_path)
    assert "Noto Sans CJK SC" in layout["family"]
    assert layout["noto"] != layout["missing"], "fonts-noto-cjk is not installed (make browser)"


def test_index_screenshot_for_review(report):
    png = screenshot(report / "index.html", report / "index.png", 1280, 1400)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20000
