"""End to end on the bundled demo portal: crawl → check → report → re-crawl → fix → diff.

One portal is served for the whole module; three runs go into one database:
run 1 the initial portal, run 2 the same portal again (a conditional re-crawl), run 3 after some
planted problems were fixed on the running server. Every assertion compares against the portal's
own truth table of planted defects — exactly, so a missed defect and a false alarm both fail.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from demo.server import DEMO_AS_OF, serve_demo

ROOT = Path(__file__).resolve().parent.parent
LINK_RULES = {"home-link-broken", "link-broken"}


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"cli {args[0]} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def findings(db: Path, run: int) -> list[dict]:
    out = cli("findings", "--db", str(db), "--run", str(run), "--format", "jsonl").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    db = tmp / "audit.db"
    with serve_demo() as portal:
        common = ["--agencies", str(portal.agencies_file), "--db", str(db), "--as-of", DEMO_AS_OF,
                  "--timeout", "2", "--workers", "2", "--quiet"]
        first = cli("run", *common, "--out", str(tmp / "out1"))
        second = cli("crawl", *common)
        cli("check", "--db", str(db), "--run", "2")
        truth_initial = portal.truth
        portal.set_variant("fixed")
        third = cli("run", *common, "--out", str(tmp / "out3"))
        truth_fixed = portal.truth
    return {"db": db, "tmp": tmp, "truth": truth_initial, "truth_fixed": truth_fixed,
            "outputs": (first, second, third)}


def link_set(rows) -> set[tuple]:
    return {(r["agency"], r["rule"], r.get("url") or r.get("target")) for r in rows}


def content_set(rows) -> set[tuple]:
    return {(r["agency"], r["rule"], r["url"], r["field"]) for r in rows}


def test_every_planted_broken_link_is_found_and_nothing_else(audit):
    found = [f for f in findings(audit["db"], 1) if f["rule"] in LINK_RULES]
    assert link_set(found) == link_set(audit["truth"]["links"])


def test_every_planted_content_problem_is_found_and_nothing_else(audit):
    found = [f for f in findings(audit["db"], 1) if f["rule"] not in LINK_RULES]
    assert content_set(found) == content_set(audit["truth"]["findings"])


def test_findings_carry_the_contract_fields_and_evidence(audit):
    rows = findings(audit["db"], 1)
    assert rows
    for row in rows:
        assert {"agency", "rule", "url", "source", "field", "detail", "evidence"} <= set(row)
        assert row["detail"] and row["evidence"]
    link = next(r for r in rows if r["rule"] == "home-link-broken")
    assert {"status", "error_class", "redirects", "scope", "anchor", "observed_at"} <= set(link["evidence"])


def test_valid_special_and_review_links_are_not_broken(audit):
    broken = {(f["agency"], f["url"]) for f in findings(audit["db"], 1) if f["rule"] in LINK_RULES}
    for entry in audit["truth"]["not_broken"]:
        assert (entry["agency"], entry["target"]) not in broken, entry


def test_pages_behind_javascript_pagination_and_dataproxy_are_crawled(audit):
    import sqlite3
    conn = sqlite3.connect(audit["db"])
    crawled = {url for (url,) in conn.execute("select url from pages where run_id = 1 and error = ''")}
    for via, urls in audit["truth"]["reachable_only_via"].items():
        missing = [u for u in urls if u not in crawled]
        assert not missing, f"not reached via {via}: {missing}"


def test_news_items_and_complete_documents_get_no_document_findings(audit):
    doc_urls = {f["url"] for f in findings(audit["db"], 1) if f["rule"].startswith("doc-")}
    clean = audit["truth"]["clean"]
    for url in clean.get("news", []) + clean.get("complete_documents", []):
        assert url not in doc_urls


def test_recrawl_of_unchanged_site_uses_304_and_finds_the_same(audit):
    import sqlite3
    conn = sqlite3.connect(audit["db"])
    not_modified, total = conn.execute(
        "select sum(not_modified), count(*) from pages where run_id = 2 and error = '' "
        "and kind != 'binary'").fetchone()
    assert not_modified >= 0.8 * total
    keys = ("agency", "rule", "url", "source", "field")
    strip = [{k: f[k] for k in keys} for f in findings(audit["db"], 1)]
    again = [{k: f[k] for k in keys} for f in findings(audit["db"], 2)]
    assert sorted(map(json.dumps, strip)) == sorted(map(json.dumps, again))


def test_diff_lists_exactly_what_was_fixed(audit):
    out = cli("diff", "--db", str(audit["db"]), "--from", "2", "--to", "3", "--format", "json").stdout
    data = json.loads(out)
    fixed, new = set(), set()
    for agency in data["agencies"] if isinstance(data, dict) and "agencies" in data else data:
        for f in agency["fixed"]:
            fixed.add((agency["agency"], f["rule"], f["url"]))
        for f in agency["new"]:
            new.add((agency["agency"], f["rule"], f["url"]))
    expected_fixed = {(e["agency"], e["rule"], e.get("url") or e.get("target"))
                      for e in audit["truth"]["fixed_in_variant"]}
    expected_new = {(e["agency"], e["rule"], e.get("url") or e.get("target"))
                    for e in audit["truth_fixed"]["new_in_variant"]}
    assert fixed == expected_fixed
    assert new == expected_new


def test_report_files_are_written(audit):
    out = audit["tmp"] / "out1"
    for name in ("index.html", "jyj.html", "jyj.json", "findings.csv", "问题清单.xlsx", "report.md"):
        assert (out / name).exists(), name
    rows = findings(audit["db"], 1)
    import openpyxl
    book = openpyxl.load_workbook(out / "问题清单.xlsx", read_only=True)
    from reports.xlsx import ADVISORY_SHEET, SUMMARY_SHEET
    per_agency = sum(book[name].max_row - 1 for name in book.sheetnames
                     if name not in (SUMMARY_SHEET, ADVISORY_SHEET))
    assert per_agency == len(rows)
    review = json.loads((out / "jyj.json").read_text(encoding="utf-8"))["review_links"]
    expected = {e["target"] for e in audit["truth"]["not_broken"]
                if e["agency"] == "jyj" and e["kind"] in ("403", "robots")}
    assert expected and expected <= {r["url"] for r in review}
    assert "需人工复核的链接" in (out / "jyj.html").read_text(encoding="utf-8")


def test_fail_on_exit_codes(audit):
    db = str(audit["db"])
    assert cli("check", "--db", db, "--run", "1", "--fail-on", "any", check=False).returncode == 1
    assert cli("check", "--db", db, "--run", "1", "--fail-on", "never", check=False).returncode == 0
    assert cli("check", "--db", db, "--run", "1", "--fail-on", "psb-missing", check=False).returncode == 1
    assert cli("check", "--db", db, "--run", "3", "--fail-on", "no-such-rule", check=False).returncode == 2
    assert cli("check", "--db", db, "--run", "1", "--fail-on", "reply-overdue", check=False).returncode == 1
    assert cli("check", "--db", db, "--run", "1", "--fail-on", "veto", check=False).returncode == 1


def test_as_of_moves_the_freshness_verdicts(audit):
    """Judged earlier, the news column that is stale on 2026-11-27 (newest item 2026-10-28) is fresh;
    judged half a year later, every dated column is stale. Nothing is re-crawled."""
    db = str(audit["db"])

    def stale(as_of: str) -> set[tuple]:
        cli("check", "--db", db, "--run", "1", "--as-of", as_of)
        return {(f["agency"], f["url"], f["field"]) for f in findings(audit["db"], 1)
                if f["rule"] == "column-stale"}

    try:
        on_day = stale("2026-11-27")
        earlier = stale("2026-11-05")
        later = stale("2027-06-30")
    finally:
        cli("check", "--db", db, "--run", "1", "--as-of", DEMO_AS_OF)
    expected = {(e["agency"], e["url"], e["field"]) for e in audit["truth"]["findings"]
                if e["rule"] == "column-stale"}
    assert on_day == expected
    news = {s for s in on_day if s[2] == "news"}
    assert news and not (news & earlier)
    assert on_day <= later and len(later) > len(on_day)


def test_interaction_facts_lists_and_the_veto(audit):
    """政策解读 / 互动回应 on the demo: the JavaScript-only 在线咨询 page is unreadable (the reply rules
    are not applicable with that reason, never "no messages"), every message of the 县长信箱 list is
    read across its 下一页 pages, on-time cases give no finding, and the message unanswered for more
    than 3 months makes 示例县人民政府办公室 不合格 with the 互动回应差 veto and its evidence."""
    import sqlite3
    conn = sqlite3.connect(audit["db"])
    clean = audit["truth"]["clean"]
    states = {url: (state, reason) for url, state, reason in conn.execute(
        "select page_url, state, reason from message_lists where run_id = 1")}
    for url in clean["unreadable_lists"]:
        assert states[url] == ("unreadable", "javascript")
    reasons = dict(conn.execute("select rule, reason from rule_status where run_id = 1 and agency = 'wsj' "
                                "and status = 'not-applicable'"))
    assert "JavaScript" in reasons["reply-overdue"] and "JavaScript" in reasons["reply-unanswered"]
    messages = {url for (url,) in conn.execute(
        "select distinct url from messages where run_id = 1 and agency = 'zfb' and found_in = 'list'")}
    assert len(messages) == 6
    found = {f["url"] for f in findings(audit["db"], 1)}
    for url in clean["interpretations_on_time"] + clean["messages_within_limit"]:
        assert url not in found
    card = json.loads((audit["tmp"] / "out1" / "zfb.json").read_text(encoding="utf-8"))
    text = json.dumps(card, ensure_ascii=False)
    assert "不合格" in text and "reply-unanswered-3m" in text and "2026-06-01" in text


# --- evidence: the WARC archive behind every finding, snapshots, readable reports -------------

def open_reference(db: Path, ref: dict):
    """The record a finding's reference points at, read with plain warcio (no project code)."""
    from warcio.archiveiterator import ArchiveIterator
    with open(db.parent / ref["file"], "rb") as handle:
        handle.seek(ref["offset"])
        record = next(iter(ArchiveIterator(handle)))
        return record.rec_type, record.rec_headers.get_header("WARC-Target-URI"), record.http_headers


@pytest.mark.parametrize("run", [1, 2, 3])
def test_every_finding_has_an_id_and_an_archive_reference_warcio_opens(audit, run):
    rows = findings(audit["db"], run)
    assert rows and len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["id"].startswith(f"{run}-")
        ev = row["evidence"]
        pages = {row["source"] or row["url"], ev.get("seen_on"), ev.get("page")}
        kind, uri, http = open_reference(audit["db"], row["archive"])
        assert kind in ("response", "revisit") and uri in pages, (row["rule"], uri, pages)
        if row["rule"] in LINK_RULES:
            if ev.get("status"):          # the server answered: its status line is archived
                kind, uri, http = open_reference(audit["db"], row["target_archive"])
                first_hop = http.get_statuscode()
                assert uri == row["url"]
                assert (first_hop.startswith("3") if ev["redirects"] else first_hop == str(ev["status"])
                        ) or first_hop == "304"   # a re-crawl's conditional answer: unchanged since
            else:                         # refused / timed out: no answer to archive
                assert row["target_archive"] is None


def test_finding_ids_are_stable_across_checks_and_runs(audit):
    before = {(r["rule"], r["url"], r["field"]): r["id"] for r in findings(audit["db"], 1)}
    cli("check", "--db", str(audit["db"]), "--run", "1")
    after = {(r["rule"], r["url"], r["field"]): r["id"] for r in findings(audit["db"], 1)}
    assert before == after
    second = {(r["rule"], r["url"], r["field"]): r["id"] for r in findings(audit["db"], 2)}
    shared = before.keys() & second.keys()
    assert shared and all(before[k].split("-", 1)[1] == second[k].split("-", 1)[1] for k in shared)


def snapshot(audit, finding: dict, *extra: str):
    from lxml import html
    out = audit["tmp"] / "evidence"
    result = cli("evidence", "--db", str(audit["db"]), finding["id"], "--out", str(out), *extra)
    assert "快照" in result.stdout
    doc = html.fromstring((out / f"{finding['id']}.html").read_text(encoding="utf-8"))
    header = doc.get_element_by_id("govaudit-header").text_content()
    assert finding["url"] in header and "监测时间" in header and "所在页面状态HTTP 200" in header
    assert finding["detail"] in header and not doc.xpath("//script")
    return doc, result


def test_evidence_highlights_the_broken_link(audit):
    from urllib.parse import urljoin
    link = next(f for f in findings(audit["db"], 1)
                if f["rule"] == "link-broken" and f["evidence"]["tag"] == "a" and f["evidence"]["anchor"])
    doc, _ = snapshot(audit, link)
    marked = doc.find_class("govaudit-mark")
    assert marked and all(urljoin(link["source"], m.get("href")) == link["url"] for m in marked)
    assert link["evidence"]["anchor"] in marked[0].text_content()
    assert marked[0].get("id") == "govaudit-target"


def test_evidence_marks_the_missing_field_and_the_stale_columns_newest_item(audit):
    rows = findings(audit["db"], 1)
    missing = next(f for f in rows if f["rule"] == "doc-number-missing")
    doc, _ = snapshot(audit, missing)
    box = doc.find_class("govaudit-missing")
    assert len(box) == 1 and "文号" in box[0].text_content()
    assert doc.xpath("//table//div[@id='govaudit-target']")   # inside the page's metadata table
    stale = next(f for f in rows if f["rule"] == "column-stale")
    doc, _ = snapshot(audit, stale)
    marked = doc.find_class("govaudit-mark")
    assert len(marked) == 1 and stale["evidence"]["newest_item"]["title"] in marked[0].text_content()


def test_evidence_of_a_re_crawled_304_page_shows_the_archived_body(audit):
    stale = next(f for f in findings(audit["db"], 2) if f["rule"] == "column-stale")
    doc, _ = snapshot(audit, stale)
    assert stale["evidence"]["newest_item"]["title"] in doc.find_class("govaudit-mark")[0].text_content()


def test_evidence_screenshot_or_a_clear_note(audit):
    import shutil
    link = next(f for f in findings(audit["db"], 1) if f["rule"] == "home-link-broken")
    _, result = snapshot(audit, link, "--screenshot")
    png = audit["tmp"] / "evidence" / f"{link['id']}.png"
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        assert "未找到 Chromium" in result.stderr


def test_bad_finding_id_is_a_one_line_error(audit):
    bad = cli("evidence", "--db", str(audit["db"]), "1-0000000000", check=False)
    assert bad.returncode == 2 and bad.stderr.startswith("error: FINDING_ID: no finding")


def test_agency_report_and_xlsx_rows_are_readable(audit):
    import re

    import openpyxl
    from lxml import html
    out = audit["tmp"] / "out1"
    doc = html.fromstring((out / "jyj.html").read_text(encoding="utf-8"))
    table = doc.xpath("//table[@class='findings']")[0]
    assert [th.text_content() for th in table.xpath(".//th")] == [
        "问题类型", "问题描述", "问题页面", "所在页面", "监测时间", "证据"]
    rows = doc.xpath("//tr[@class='finding']")
    times = [r.xpath("td[@class='time']")[0].text_content().strip() for r in rows]
    assert times and all(re.fullmatch(r"20\d\d-\d\d-\d\d \d\d:\d\d", t) for t in times)
    snapshots = doc.xpath("//a[@class='snapshot']/@href")
    assert len(snapshots) == len(rows) and all((out / s).is_file() for s in snapshots)
    text = doc.text_content()
    assert "服务器返回：HTTP 404（页面不存在）" in text and "链接文字：「" in text
    assert '"error_class"' not in text
    book = openpyxl.load_workbook(out / "问题清单.xlsx")
    sheet = book["示例市教育局"]
    header = [c.value for c in sheet[1]]
    assert header[2:8] == ["问题类型", "问题描述", "问题页面", "所在页面", "监测时间", "证据"]
    body = list(sheet.iter_rows(min_row=2, values_only=True))
    assert all(re.fullmatch(r"20\d\d-\d\d-\d\d \d\d:\d\d", r[6]) for r in body)
    assert all("页面快照：evidence/" in r[7] for r in body)
    assert sheet.cell(row=2, column=8).hyperlink.target.startswith("evidence/")
