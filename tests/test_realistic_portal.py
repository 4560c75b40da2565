"""A realistic portal end to end (issue 12): every reachable page crawled, exactly the planted findings.

``bench/realistic.py`` builds four agencies (~2,300 pages) in the four CMS styles the extractors
support — TRS ``createPageHTML`` with 100+ list pages, Hanweb JCMS whose ``dataproxy.jsp`` POSTs share
one URL across five columns of 45 records, a GBK gov.cn-style site paged by 下一页 only (45+ pages),
TRS with both — plus ``/index.html → /`` and ``/old/ → /`` redirects onto the home page, blank columns
in four shapes, 公示 items with metadata blocks, policy documents without a 文号 and broken links on
home, list and article pages. ``bench/oracle.py`` (no project code) re-derives the reachable pages.
``cli.py run`` must reach 100 % of them and report exactly the planted findings ``(rule, url, source)``
— the regression test of pagination depth, dataproxy identity, home-ness after redirects, blank
columns and policy scope at once. A second, tiny run covers 无法评估 and a truncated crawl.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import portal_server  # noqa: E402
import run_realistic  # noqa: E402

pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    work = tmp_path_factory.mktemp("realistic")
    result = run_realistic.run(work, pages=450, agencies=4, workers=2)
    truth = json.loads((work / "truth.json").read_text(encoding="utf-8"))
    return {"work": work, "result": result, "truth": truth, "db": work / "audit.db"}


def rows(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_generator_shapes_and_the_oracle_agrees(audited):
    truth, result = audited["truth"], audited["result"]
    assert result["oracle_agrees"], result["oracle"]
    assert sum(len(a["pages"]) for a in truth["agencies"]) >= 2000
    assert [a["style"] for a in truth["agencies"]] == ["trsjs", "hanweb", "govcn", "trsmix"]
    sites = audited["work"] / "sites"
    trs_news = len(list((sites / "trsjs1" / "zwgk" / "gzdt").glob("index_*.shtml")))
    gov_news = len(list((sites / "govcn3" / "zhengce" / "gzdt").glob("home_*.htm")))
    assert trs_news >= 100 and gov_news >= 40
    hanweb = json.loads((sites / "hanweb2" / "_server.json").read_text(encoding="utf-8"))
    assert sum(1 for records in hanweb["dataproxy"].values() if len(records) == 45) >= 5
    assert b'charset="gb2312"' in (sites / "govcn3" / "index.htm").read_bytes()


def test_every_reachable_page_is_crawled(audited):
    result = audited["result"]
    assert result["rc"] == 0, result.get("stderr")
    for agency, row in result["agencies"].items():
        assert row["coverage"] == 100.0, (agency, row["missed"])
        assert not row["unknown"], (agency, row["unknown"])
    coverage = rows(audited["db"], "select agency, count(*) n from skips group by agency")
    assert coverage == []


def test_exactly_the_planted_findings(audited):
    result = audited["result"]
    assert result["missed_findings"] == [] and result["unexpected_findings"] == []
    assert result["precision"] == 100.0 and result["recall"] == 100.0
    # families the generator does not model are reported apart, never mixed into the comparison
    assert set(audited["truth"]["unmodelled_families"]) == {"interpretation", "interaction"}
    rules = {e["rule"] for a in audited["truth"]["agencies"] for e in a["expected"]}
    assert rules == {"home-link-broken", "link-broken", "column-blank", "doc-number-missing"}


def test_redirects_onto_the_home_page_keep_it_the_home_page(audited):
    db = audited["db"]
    for agency in audited["truth"]["agencies"]:
        home = agency["url"]
        aliases = {r["url"]: r["final_url"] for r in rows(
            db, "select url, final_url from pages where agency = ? and kind = 'alias'", (agency["id"],))}
        assert aliases.get(home + "index.html") == home and aliases.get(home + "old/") == home
        edges = rows(db, "select on_home, count(*) n from links where agency = ? and source = ? "
                         "group by on_home", (agency["id"], home))
        assert [e["on_home"] for e in edges] == [1]
        assert len(rows(db, "select 1 from pages where agency = ? and is_home = 1", (agency["id"],))) == 1


def test_scorecards_pass_with_full_coverage(audited):
    report = json.loads((audited["work"] / "report" / "trsjs1.json").read_text(encoding="utf-8"))
    card = report["scorecard"]
    # (the portal models no 解读 links and no 政务咨询 column, so it is not graded here)
    assert card["verdict"] != "无法评估" and card["coverage"]["share"] == 100.0
    assert card["coverage"]["truncated"] is False
    page = (audited["work"] / "report" / "trsjs1.html").read_text(encoding="utf-8")
    assert "抓取覆盖 100.0%" in page


# --- an unreachable agency and a truncated crawl ---------------------------------------------------

def tiny_site(root: Path) -> None:
    """A home page and a column of 12 list pages linked by 下一页 only."""
    root.mkdir(parents=True)
    (root / "_server.json").write_text(json.dumps({"index": "index.html"}), encoding="utf-8")

    def page(title: str, body: str) -> str:
        return (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
                f'<div class="nav"><a href="/">首页</a> <a href="/tzgg/">通知公告</a></div>{body}'
                "</body></html>")
    (root / "index.html").write_text(page("首页", '<a href="/tzgg/">通知公告</a>'), encoding="utf-8")
    (root / "tzgg").mkdir()
    for k in range(12):
        items = "".join(f'<li><a href="/tzgg/{k}_{i}.html">通知{k}-{i}</a>'
                        f"<span>2026-11-{10 + i}</span></li>" for i in range(3))
        nxt = f'<a href="index_{k + 1}.html">下一页</a>' if k < 11 else ""
        name = "index.html" if k == 0 else f"index_{k}.html"
        (root / "tzgg" / name).write_text(page("通知公告", f'<ul class="list">{items}</ul>{nxt}'),
                                          encoding="utf-8")


def test_unreachable_home_is_unassessable_and_truncation_is_reported(tmp_path):
    tiny_site(tmp_path / "sites" / "small")
    dead = run_realistic.free_ports(1)[0]
    with portal_server.serve_portals(tmp_path / "sites", {"small": 0}) as urls:
        agencies = tmp_path / "agencies.yml"
        agencies.write_text(f'- {{id: small, name: 小单位, url: "{urls["small"]}/"}}\n'
                            f'- {{id: dead, name: 关闭的单位, url: "http://127.0.0.1:{dead}/"}}\n',
                            encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "cli.py", "run", "--agencies", str(agencies), "--db", str(tmp_path / "a.db"),
             "--out", str(tmp_path / "out"), "--as-of", "2026-11-27", "--max-pages", "6", "--timeout", "2",
             "--workers", "1", "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 4, proc.stderr[-2000:]
    assert "无法评估: dead 站点无法访问（本次监测）：首页无法打开（refused）" in proc.stderr
    assert "抓取不完整: small 抓取覆盖" in proc.stderr and "超出页面预算" in proc.stderr
    table = [line for line in proc.stdout.splitlines() if "关闭的单位" in line]
    assert table and "无法评估" in table[0] and "合格" not in table[0].replace("无法评估", "")
    card = json.loads((tmp_path / "out" / "dead.json").read_text(encoding="utf-8"))["scorecard"]
    assert card["verdict"] == "无法评估" and not card["passed"]
    assert "站点无法访问（本次监测）" in card["unassessable"]
    small = json.loads((tmp_path / "out" / "small.json").read_text(encoding="utf-8"))
    coverage = small["scorecard"]["coverage"]
    assert coverage["truncated"] and coverage["skipped"].get("page-budget")
    assert coverage["columns_cut"] == [f"{urls['small']}/tzgg/"]
    assert [f["rule"] for f in small["findings"] if f["family"] == "coverage"] == ["crawl-incomplete"]
    from openpyxl import load_workbook
    summary = load_workbook(tmp_path / "out" / "问题清单.xlsx")["汇总"]
    verdicts = {row[1]: row[4] for row in summary.iter_rows(min_row=2, max_row=3, values_only=True)}
    assert verdicts["dead"].startswith("无法评估（站点无法访问（本次监测）")
    assert verdicts["small"] != "无法评估"
