"""End to end: crawl a local portal with planted content-safety cases, check, report, and grep.

The portal (tests/safetyportal.py) plants every kind of case from issue 15 — ID and mobile
numbers on pages (table cell, GBK page with full-width digits, an ID split by spaces) and in an
xlsx 名单, a docx, a text PDF and an HTML-table .xls; serious wording errors in text and title and
from the agency's own list; hidden links by inline CSS, page CSS and font-size:0; parked,
gambling and cross-domain-redirected external pages; attachments that are an HTML error page or
another file type; an attachment over the cap and a scanned PDF — next to their negative
controls. The safety findings must be exactly the planted set, and no output of the run (reports,
XLSX, CSV, JSON, Markdown, the terminal, the store) may show a full ID or mobile number.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
import zlib
from contextlib import ExitStack
from pathlib import Path

import pytest
import sqlite_utils

from tests import safetyportal as portal
from tests.faultserver import serve

ROOT = Path(__file__).resolve().parent.parent
SAFETY_RULES = {"privacy-leak", "wording-error", "hidden-link", "external-link-hijacked",
                "attachment-invalid"}


def cli(*args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    if proc.returncode not in (0, 1):
        raise AssertionError(f"cli {args[0]} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("safety")
    with ExitStack() as stack:
        ext2 = stack.enter_context(serve(type("Ext2", (portal.FilesHandler,), {
            "FILES": portal.external_files(""), "REDIRECTS": {}}), host="127.0.0.2"))
        ext1_handler = type("Ext1", (portal.FilesHandler,), {"FILES": {}, "REDIRECTS": {}})
        ext1 = stack.enter_context(serve(ext1_handler))
        ext1_handler.FILES = portal.external_files(ext2.base_url)
        ext1_handler.REDIRECTS = {"/redirect": ext2.base_url + "/landing"}
        site_handler = type("Site", (portal.FilesHandler,), {"FILES": {}, "REDIRECTS": {}})
        site = stack.enter_context(serve(site_handler))
        site_handler.FILES = portal.site_files(ext1.base_url, ext2.base_url)
        agencies = tmp / "agencies.yml"
        agencies.write_text(
            f"- id: aq\n  name: 示例安全局\n  url: {site.base_url}/\n  hosts: ['127.0.0.2']\n"
            "  thresholds:\n    wording_pairs:\n"
            "      - {wrong: 王示列, right: 王示例, source: 本单位领导班子名单}\n", encoding="utf-8")
        db, out = tmp / "audit.db", tmp / "out"
        ran = cli("run", "--agencies", str(agencies), "--db", str(db), "--out", str(out),
                  "--workers", "1", "--timeout", "5", "--attachment-max-mb", "1",
                  "--as-of", "2026-11-27")
        found = cli("findings", "--db", str(db), "--format", "jsonl")
        table = cli("findings", "--db", str(db))
        csv_out = cli("findings", "--db", str(db), "--format", "csv")
    rows = [json.loads(line) for line in found.stdout.splitlines() if line.strip()]
    yield {"site": site.base_url, "ext1": ext1.base_url, "ext2": ext2.base_url, "db": db, "out": out,
           "findings": rows, "outputs": [ran.stdout, ran.stderr, found.stdout, table.stdout,
                                         csv_out.stdout, found.stderr]}


def key(audit, url: str) -> str:
    for base, prefix in ((audit["site"], ""), (audit["ext1"], "ext:")):
        if url.startswith(base):
            return prefix + (url[len(base):] or "/")
    return url


def test_exactly_the_planted_cases(audit):
    got = {(f["rule"], key(audit, f["url"]), f["field"]) for f in audit["findings"]
           if f["rule"] in SAFETY_RULES}
    assert got == portal.EXPECTED, (f"missed: {sorted(portal.EXPECTED - got)}\n"
                                    f"false alarms: {sorted(got - portal.EXPECTED)}")


def test_wording_evidence(audit):
    wording = [f for f in audit["findings"] if f["rule"] == "wording-error"]
    got = {(key(audit, f["url"]), f["evidence"]["wrong"]) for f in wording}
    assert got == portal.WORDING_EXPECTED
    by_wrong = {f["evidence"]["wrong"]: f["evidence"] for f in wording}
    assert by_wrong["国务院办工厅"]["where"] == "标题"
    assert by_wrong["中华人民共合国"]["right"] == "中华人民共和国"
    assert "王示列同志主持会议" in by_wrong["王示列"]["context"]


def test_privacy_evidence_is_masked_and_located(audit):
    leaks = {(key(audit, f["url"]), f["field"]): f for f in audit["findings"] if f["rule"] == "privacy-leak"}
    table = leaks[("/gs/mingdan.html", "id_number")]["evidence"]
    assert table["numbers"] == 1 and table["samples"][0]["where"] == "表格 第2行第2列"
    assert table["samples"][0]["masked"] == portal.ID_TABLE[:4] + "*" * 10 + portal.ID_TABLE[-4:]
    sheet = leaks[("/files/mingdan.xlsx", "id_number")]
    assert sheet["evidence"]["numbers"] == 2 and key(audit, sheet["source"]) == "/"
    assert sheet["evidence"]["samples"][0]["where"] == "表「名单」第2行 第C列"
    assert leaks[("/files/list.pdf", "mobile")]["evidence"]["samples"][0]["where"] == "第 2 页"
    # not scanned is never clean: listed for review on the agency's report and in its JSON
    review = json.loads((audit["out"] / "aq.json").read_text(encoding="utf-8"))["review_links"]
    unscanned = {key(audit, r["url"]): r["reason"].split(":", 1)[1] for r in review
                 if r["reason"].startswith("not-scanned:")}
    assert unscanned == portal.NOT_SCANNED
    page = (audit["out"] / "aq.html").read_text(encoding="utf-8")
    assert "附件未扫描个人信息：pdf: 无文字层" in page and "超过附件大小上限" in page


def test_hijack_and_invalid_attachment_evidence(audit):
    by_url = {key(audit, f["url"]): f for f in audit["findings"]
              if f["rule"] in ("external-link-hijacked", "attachment-invalid")}
    assert by_url["ext:/redirect"]["evidence"]["cross_domain"] is True
    assert by_url["ext:/casino"]["evidence"]["cross_domain"] is False
    assert by_url["/files/fake.pdf"]["evidence"]["detected"] == "html"
    assert by_url["/files/wrong.docx"]["evidence"]["detected"] == "pdf"
    # reported once, under attachment-invalid, never again as a broken link
    link_urls = {key(audit, f["url"]) for f in audit["findings"]
                 if f["rule"] in ("link-broken", "home-link-broken")}
    assert not link_urls & {"/files/fake.pdf", "/files/wrong.docx"}


def test_no_output_shows_a_full_number(audit):
    texts = list(audit["outputs"])
    for path in sorted(audit["out"].rglob("*")):
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                texts += [book.read(name).decode("utf-8", "replace") for name in book.namelist()]
        elif path.is_file():
            texts.append(path.read_text(encoding="utf-8-sig", errors="replace"))
    db = sqlite_utils.Database(audit["db"])
    texts += [zlib.decompress(r["text_z"]).decode() for r in db.query("select text_z from page_texts")]
    texts += [json.dumps(r, ensure_ascii=False, default=str) for table in
              ("findings", "privacy_hits", "attachments", "external_pages") for r in db[table].rows]
    db.close()
    assert len(texts) > 10
    everything = "\n".join(texts)
    for number in portal.LEAKED_IDS + portal.LEAKED_MOBILES:
        spaced = f"{number[:6]} {number[6:14]} {number[14:]}"
        for form in (number, spaced, portal.fullwidth(number)):
            assert form not in everything, f"full number {form[:4]}… found in an output"
    assert portal.ID_TABLE[:4] + "*" * 10 in everything  # the masked form is what reports show


def test_report_lists_safety_first(audit):
    page = (audit["out"] / "aq.html").read_text(encoding="utf-8")
    problems = page[page.index("<h2>问题清单</h2>"):]
    families = [part.split("（", 1)[0] for part in problems.split('<h3 id="family-')[1:]]
    assert families[0].startswith('safety">内容安全'), families
    rows = (audit["out"] / "findings.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert "内容安全" in rows[0]
