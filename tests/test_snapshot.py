"""Snapshots (reports/snapshot.py) on crafted pages: inert (nothing runs, nothing is fetched from the
agency's server), the faulty element marked, personal numbers masked, non-pages explained."""

from __future__ import annotations

from lxml import html

from reports.snapshot import build_snapshot, mask_number

PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<link rel="stylesheet" href="/css/main.css"><link rel="preload" href="/big.js">
<style>body { background: url(/bg.png) } @import url("/more.css");</style>
<script>alert(1)</script><meta http-equiv="refresh" content="0;url=/elsewhere"></head>
<body onload="steal()"><h1>关于公示2026年低保对象名单的通知</h1>
<p>联系人：张三，电话 13812345678，身份证号 110101199003071234。</p>
<a href="../old/notice.htm" onclick="x()">旧通知</a> <a href="javascript:alert(2)">打印</a>
<img src="/images/logo.png" alt="标识"><iframe src="https://ads.example.org/"></iframe>
<svg><a xlink:href="javascript:alert(3)"><text>图</text></a></svg>
</body></html>""".encode("gb18030")
URL = "https://www.example.org/gsgg/202611/t1.html"
INFO = {"rule_title": "测试规则", "page_url": URL, "observed": "2026-11-27T08:53:00+00:00", "status": 200,
        "archive": "a.db.warc/x.warc.gz 偏移 0"}


def snapshot(finding: dict, evidence: dict, body: bytes = PAGE, content_type: str = "text/html; charset=gbk"):
    text = build_snapshot({"id": "1-0123456789", "detail": "详情", "url": URL, **finding}, evidence, INFO,
                          body, content_type)
    return text, html.fromstring(text)


def test_snapshot_is_inert_and_fetches_nothing():
    text, doc = snapshot({"rule": "doc-number-missing", "field": "doc_number"}, {"labels_found": {}})
    assert not doc.xpath("//script | //iframe | //meta[@http-equiv]")
    assert not [a for el in doc.iter() for a, v in el.attrib.items()
                if a.startswith("on") or v.strip().lower().startswith("javascript:")]
    assert not doc.xpath("//img[@src] | //link[@href]")
    assert "url(/bg.png)" not in text and "@import" not in text
    assert doc.xpath("//img/@data-archived-src") == ["https://www.example.org/images/logo.png"]
    assert doc.xpath("//a[text()='旧通知']/@href") == ["https://www.example.org/gsgg/old/notice.htm"]
    assert '<meta charset="utf-8">' in text and "关于公示2026年低保对象名单的通知" in text   # GBK decoded
    header = doc.get_element_by_id("govaudit-header").text_content()
    assert "2026-11-27 16:53（北京时间）" in header and URL in header and "HTTP 200（正常返回）" in header
    box = doc.find_class("govaudit-missing")      # no metadata table: right after the title
    assert len(box) == 1 and box[0].getprevious().tag == "h1" and "「文号」" in box[0].text_content()


def test_broken_link_is_marked_by_its_resolved_url():
    target = "https://www.example.org/gsgg/old/notice.htm"
    _, doc = snapshot({"rule": "link-broken", "family": "links", "url": target},
                      {"target": target, "anchor": "旧通知", "status": 404})
    marked = doc.find_class("govaudit-mark")
    assert [m.text_content() for m in marked] == ["旧通知"] and marked[0].get("id") == "govaudit-target"
    assert "服务器返回：HTTP 404（页面不存在）" in doc.get_element_by_id("govaudit-header").text_content()


def test_unmasked_numbers_are_masked_and_marked():
    text, doc = snapshot({"rule": "personal-data-exposed", "family": "safety", "field": "id_number"},
                         {"matches": ["110101199003071234", "13812345678"]})
    assert "110101199003071234" not in text.split("govaudit-header")[-1].split("</div>", 1)[-1]
    body = doc.find("body")
    marks = [m.text_content() for m in body.find_class("govaudit-mark")]
    assert marks == ["138****5678", "1101**********1234"]
    assert mask_number("13812345678") == "138****5678"
    assert "13812345678" not in text and "110101199003071234" not in text


def test_every_personal_number_on_the_page_is_masked_whatever_the_finding():
    text, _ = snapshot({"rule": "column-stale", "field": "news"}, {"newest_item": {"title": "x", "url": URL}})
    assert "13812345678" not in text and "110101199003071234" not in text
    assert "138****5678" in text and "1101**********1234" in text


def test_not_a_page_is_said_so():
    _, doc = snapshot({"rule": "link-broken", "family": "links"}, {"target": URL}, b"%PDF-1.4",
                      "application/pdf")
    assert "存档内容不是网页（application/pdf）" in doc.text_content()
    _, doc = snapshot({"rule": "home-stale"}, {}, None, "")
    assert "没有该页面的存档" in doc.text_content()
