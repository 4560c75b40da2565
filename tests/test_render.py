"""Report files: HTML (ranking, SVG, escaping, self-contained), CSV with BOM, XLSX, JSON, Markdown."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from lxml import html
from openpyxl import load_workbook
from reportfactory import add_run, finding, new_store, status

from reports.render import OutputPathError, safe_output_path, write_reports

XSS = "<script>alert(1)</script>"
CALENDAR = "2027 年不在 chinesecalendar 覆盖范围内：工作日仅按周末计算"


@pytest.fixture()
def report(tmp_path):
    """Two runs of three agencies; the report of the second, under gov-website-2019."""
    store = new_store(tmp_path / "a.db")
    agencies = {"jyj": "示例市教育局", "wjw": "示例市卫健委", "down": "示例市统计局"}
    add_run(store, agencies, [finding("link-broken", url="https://www.example.org/old", agency="jyj")])
    findings = [
        finding("link-broken", url="https://www.example.org/a.pdf", source="https://www.example.org/",
                detail=XSS, evidence={"anchor": XSS, "status": 404, "final_url": "javascript:alert(2)"},
                agency="jyj"),
        finding("home-link-broken", url="https://www.example.org/b", agency="jyj"),
        finding("doc-number-missing", url="https://www.example.org/doc/1.html", agency="jyj",
                evidence={"status": 200, "empty": "", "calendar_warnings": [CALENDAR]}),
        finding("column-stale", field="news", agency="wjw"),
        finding("home-stale", agency="wjw"),
        finding("meta-tag-missing", field="SiteName", detail="=HYPERLINK(\"x\")", agency="wjw"),
        finding("site-unreachable", detail="首页无法打开", agency="down",
                evidence={"error": "TimeoutError"}),
    ]
    run_id = add_run(store, agencies, findings, note="示例备注：日历回退",
                     statuses=[status("jyj", "annual-report-missing", reason="未找到年报栏目"),
                               status("jyj", "doc-published-late", state="ran",
                                      reason="2027 年节假日日历缺失，按周末计算")],
                     agency_status={"down": "unreachable"})
    out = tmp_path / "out"
    written = write_reports(store, run_id, out, "gov-website-2019")
    return out, written, findings


def parse(path: Path):
    return html.fromstring(path.read_text(encoding="utf-8"))


def test_files_written(report):
    out, written, _ = report
    expected = {"index.html", "report.md", "findings.csv", "问题清单.xlsx"}
    expected |= {f"{a}.{ext}" for a in ("jyj", "wjw", "down") for ext in ("html", "json")}
    assert set(written) == expected
    assert all(p.exists() and p.parent == out for p in written.values())


def test_index_ranking_charts_and_metadata(report):
    out, _, _ = report
    doc = parse(out / "index.html")
    rows = doc.xpath('//table[@id="ranking"]/tbody/tr')
    # an agency whose home page could not be opened is 无法评估, ranked after every assessed one
    assert [r.get("data-agency") for r in rows] == ["jyj", "wjw", "down"]
    first = [c.text_content().strip() for c in rows[0].xpath("td")]
    assert first[:4] == ["1", "示例市教育局", "98.4", "合格"]
    down = [c.text_content().strip() for c in rows[2].xpath("td")]
    assert down[2] == "—" and down[3].startswith("无法评估") and "站点无法访问（本次监测）" in down[3]
    assert "站点无法访问" in down[4]
    assert "首页不更新" in rows[1].xpath("td")[4].text_content()
    assert rows[0].xpath("td")[1].xpath("a/@href") == ["jyj.html"]
    assert len(doc.xpath("//svg")) == 2
    assert doc.xpath('//svg[@id="chart-scores"]//rect') and doc.xpath('//svg[@id="chart-families"]//rect')
    meta = {r.xpath("th")[0].text_content(): r.xpath("td")[0].text_content()
            for r in doc.xpath('//table[@id="run-meta"]//tr')}
    assert meta["监测时间点"] == "2026-11-27" and meta["运行编号"] == "2"
    assert "gov-website-2019" in meta["评分方案"] and meta["报告工具版本"]
    warnings = doc.xpath('//div[@class="warnings"]')[0].text_content()
    assert "示例备注：日历回退" in warnings and "2027 年节假日日历缺失，按周末计算" in warnings
    assert CALENDAR in warnings
    assert doc.xpath('//table[@id="rectification"]/tbody/tr')


def test_index_is_self_contained(report):
    out, _, _ = report
    for name in ("index.html", "jyj.html"):
        doc = parse(out / name)
        assert not doc.xpath("//script | //link[@rel='stylesheet'] | //img | //iframe")
        assert doc.xpath("//style")
        assert "@media print" in doc.xpath("//style")[0].text


def test_page_text_is_escaped_and_only_web_urls_clickable(report):
    out, _, _ = report
    raw = (out / "jyj.html").read_text(encoding="utf-8")
    assert XSS not in raw and "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    doc = parse(out / "jyj.html")
    assert not doc.xpath("//script")
    assert any(XSS == td.text_content().strip() for td in doc.xpath("//td"))
    hrefs = doc.xpath("//a/@href")
    assert "https://www.example.org/a.pdf" in hrefs
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    assert "javascript:alert(2)" in doc.text_content()


def test_agency_page_scorecard_findings_not_applicable_and_diff(report):
    out, _, _ = report
    doc = parse(out / "jyj.html")
    assert doc.xpath('//span[@class="score"]')[0].text_content() == "98.4"
    assert len(doc.xpath('//tr[@class="finding"]')) == 3
    families = [h.text_content() for h in doc.xpath("//h3[starts-with(@id, 'family-')]")]
    assert families == ["链接可用性（2）", "政策文件要素（1）"]
    na = doc.xpath('//table[@id="not-applicable"]//tbody/tr')
    assert [c.text_content().strip() for c in na[0].xpath("td")][1:] == ["不适用", "未找到年报栏目"]
    rect = doc.xpath('//h2[@id="rectification"]')[0].getparent().text_content()
    assert "已整改 1 项，新增 3 项，仍存在 0 项" in rect
    down = parse(out / "down.html")
    assert "站点抓取结果：unreachable" in down.text_content()
    vetoes = down.xpath('//div[@class="veto"]')
    assert vetoes and "首页无法打开" in vetoes[0].text_content()


def test_csv_has_bom_and_one_row_per_finding(report):
    out, _, findings = report
    raw = (out / "findings.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader((out / "findings.csv").open(encoding="utf-8-sig")))
    assert len(rows) == len(findings)
    assert rows[0].keys() >= {"单位", "规则", "URL", "所在页面", "证据", "发现时间"}
    formula = next(r for r in rows if r["规则"] == "meta-tag-missing")
    assert formula["问题"] == "'=HYPERLINK(\"x\")"


def test_xlsx_one_row_per_finding(report):
    out, _, findings = report
    book = load_workbook(out / "问题清单.xlsx")
    assert book.sheetnames == ["汇总", "示例市教育局", "示例市卫健委", "示例市统计局"]
    summary = book["汇总"]
    headers = [c.value for c in summary[1]]
    assert headers[:6] == ["排名", "单位ID", "单位", "得分", "结论", "单项否决"]
    assert summary.freeze_panes == "A2" and summary["A1"].font.bold
    per_agency = {}
    for row in summary.iter_rows(min_row=2, max_row=4, values_only=True):
        per_agency[row[1]] = row[headers.index("问题合计")]
        per_sheet = book[row[headers.index("工作表")]]
        assert [c.value for c in per_sheet[1]] == ["单位", "指标", "问题类型", "问题描述", "问题页面",
                                                   "所在页面",
                                                   "监测时间", "证据", "计分", "问题编号"]
        assert per_sheet.freeze_panes == "A2"
        body = list(per_sheet.iter_rows(min_row=2, values_only=True))
        expected = [f for f in findings if f["agency"] == row[1]]
        assert len(body) == len(expected) == per_agency[row[1]]
        assert sorted(r[4] for r in body) == sorted(f["url"] for f in expected)
    assert per_agency == {"jyj": 3, "wjw": 3, "down": 1}
    wjw = book["示例市卫健委"]
    cell = next(c for c in wjw["D"] if c.value == "=HYPERLINK(\"x\")")
    assert cell.data_type == "s"


def test_agency_json(report):
    out, _, _ = report
    doc = json.loads((out / "wjw.json").read_text(encoding="utf-8"))
    assert doc["agency"]["id"] == "wjw" and doc["scorecard"]["verdict"] == "不合格"
    assert doc["scorecard"]["vetoes"][0]["id"] == "home-stale"
    assert len(doc["findings"]) == 3 and doc["findings"][0]["evidence"] == {"status": 404}
    assert doc["diff"]["counts"] == {"已整改": 0, "新增": 3, "仍存在": 0}
    assert doc["run"]["as_of"] == "2026-11-27" and doc["profile"]["name"] == "gov-website-2019"


def test_markdown(report):
    out, _, _ = report
    text = (out / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# 政府网站检查报告")
    assert "| 1 | 示例市教育局 | 98.4 | 合格 |" in text
    assert XSS not in text and "&lt;script&gt;" in text
    assert "整改情况" in text and "不适用：年报未发布" in text


def test_refuses_to_write_outside_out_dir(tmp_path):
    for bad in ("../evil", "a/b", "..", "", "x.y"):
        with pytest.raises(OutputPathError):
            safe_output_path(tmp_path, bad, ".html")
    assert safe_output_path(tmp_path, "ok-1_x", ".html") == (tmp_path / "ok-1_x.html").resolve()
