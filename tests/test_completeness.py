"""Completeness and correctness at scale (issue 12), unit level: each seen problem at its mechanism.

Crawl-level reproductions (whole portals served on 127.0.0.1) are in ``test_realistic_portal.py``.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from scrapy import Request
from storefactory import StoreFactory, run_rule

from checks.registry import load_rules
from crawler.coverage import agency_coverage, coverage_text
from crawler.extract import analyze
from crawler.extract.policy import policy_scope, policy_signs
from crawler.middlewares import BlockedAddress, PrivateAddressGuard
from crawler.spiders.portal import edge_depth
from crawler.urls import dedup_key, request_key
from reports.profiles import load_profile
from reports.scoring import score_agency

load_rules()
PROXY = "http://www.example.org/module/web/jpage/dataproxy.jsp?startrecord=16&endrecord=45&perpage=15"


# --- 2. requests are identified by method, URL and body -----------------------------------------

def test_dataproxy_posts_of_two_columns_are_two_requests():
    a = {"url": PROXY, "method": "POST", "body": "col=1&appid=1&webid=1&columnid=101&unitid=5101"}
    b = {"url": PROXY, "method": "POST", "body": "col=1&appid=1&webid=1&columnid=202&unitid=5202"}
    assert request_key(a) != request_key(b)
    assert request_key(a) == request_key(dict(a))
    # the old key (URL + "#" + body) collapsed them: dedup_key drops the fragment
    assert dedup_key(PROXY + "#" + a["body"]) == dedup_key(PROXY + "#" + b["body"])


def test_request_key_follows_scrapy_fingerprint_and_keeps_get_keys():
    from scrapy.utils.request import fingerprint
    spec = {"url": PROXY, "method": "POST", "body": "columnid=1"}
    assert request_key(spec) == "fp:" + fingerprint(Request(PROXY, method="POST", body="columnid=1")).hex()
    page = "http://www.example.org/a/?b=1&a=2"
    assert request_key({"url": page}) == dedup_key(page)
    assert request_key({**spec, "method": "GET", "body": ""}) == dedup_key(PROXY)


# --- 1. a column's pagination is one level --------------------------------------------------------

@pytest.mark.parametrize("tag, depth, expected", [("pagination", 1, 1), ("pagination", 7, 7), ("a", 1, 2),
                                                  ("img", 3, 4), ("iframe", 0, 1)])
def test_edge_depth(tag, depth, expected):
    assert edge_depth(tag, depth) == expected


# --- 4. an empty list is a blank column -----------------------------------------------------------

NAV = ('<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/gzdt/">工作动态</a></li>'
       '<li><a href="/tzgg/">通知公告</a></li><li><a href="/zcwj/">政策文件</a></li></ul></div>')
CRUMB = '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>'


def column_page(listing: str, meta: str = "") -> str:
    return (f"<html><head><title>通知公告_示例市</title>{meta}</head><body>{NAV}{CRUMB}"
            f'<div class="main"><h2>通知公告</h2>{listing}</div><div class="footer">主办单位：示例市</div>'
            "</body></html>")


@pytest.mark.parametrize("listing", [
    '<ul class="list"></ul>',
    '<div class="list-box"><ul class="list"></ul></div>',
    '<table class="dataList"><tr><th>序号</th><th>标题</th><th>发布日期</th></tr></table>',
    "<table></table>",
    '<div class="list-box"></div>',
])
@pytest.mark.parametrize("url", ["http://www.example.org/tzgg/", "http://www.example.org/tzgg/index.html",
                                 "http://www.example.org/col/col123/index.html"])
def test_empty_list_container_is_a_blank_column_without_column_meta(listing, url):
    column = analyze(column_page(listing), url).get("column")
    assert column is not None, "a column page with an empty list was not seen as a column"
    assert column["blank"] is True and column["name"] == "通知公告" and column["blank_text"] == ""


def test_list_with_items_and_article_text_are_not_blank():
    items = "".join(f'<li><a href="/tzgg/{i}.html">通知{i}</a><span>2026-11-0{i}</span></li>'
                    for i in range(1, 5))
    column = analyze(column_page(f'<ul class="list">{items}</ul>'), "http://www.example.org/tzgg/")["column"]
    assert column["blank"] is False
    text = column_page('<div class="content"><p>本单位联系地址：示例市政务区1号。</p></div>')
    assert analyze(text, "http://www.example.org/lxwm/").get("column") is None


# --- 10. policy-document scope from column type and the document's own signs ---------------------

def field(value: str, label: str = "x") -> dict:
    return {"value": value, "label": label, "where": "table", "date": None}


@pytest.mark.parametrize("fields, title, signs", [
    ({"index_no": field("001/2026-1"), "issuer": field("示例市"), "written_date": field("2026-01-01")},
     "关于某某项目的公示", []),
    ({"doc_number": field("皖政办〔2026〕1号")}, "", ["doc_number"]),
    ({"doc_number": field("无")}, "", ["doc_number"]),
    ({"validity": field("有效")}, "", ["validity"]),
    ({"issuer": field("示例市"), "category": field("规范性文件")}, "", ["classification"]),
    ({}, "示例市人民政府办公室关于印发《示例市养老服务管理办法》的通知", ["title"]),
])
def test_policy_signs(fields, title, signs):
    assert policy_signs(fields, title) == signs


def test_policy_scope_reasons():
    assert policy_scope("policy", []) == (True, "列于政策文件类栏目")
    assert policy_scope("news", ["doc_number"])[0] is False
    in_scope, reason = policy_scope("notice", ["doc_number", "validity"])
    assert in_scope and "发文字号" in reason and "有效性" in reason
    in_scope, reason = policy_scope("notice", [], has_metadata_block=True)
    assert not in_scope and "仅有索引号" in reason


def test_notice_item_with_metadata_block_is_not_a_policy_document(tmp_path):
    factory = StoreFactory(tmp_path / "a.db")
    factory.agency("a1")
    factory.home("a1")
    factory.columns("a1", {"url": "/gsgg/", "name": "公示公告", "column_type": "notice"},
                    {"url": "/zcwj/", "name": "政策文件", "column_type": "policy"})
    block = {"index_no": field("001/2026-1", "索引号"), "issuer": field("示例市", "发布机构"),
             "written_date": {**field("2026-01-01", "生成日期"), "date": "2026-01-01"}}
    factory.documents(
        "a1",
        {"url": "/gsgg/1.html", "column_url": "/gsgg/", "title": "关于某某项目的公示",
         "has_metadata_block": 1, "index_no": "001/2026-1", "issuer": "示例市",
         "written_date": "2026-01-01", "fields": block},
        {"url": "/gsgg/2.html", "column_url": "/gsgg/", "title": "关于印发《示例办法》的通知",
         "has_metadata_block": 1, "fields": block},
        {"url": "/zcwj/1.html", "column_url": "/zcwj/", "title": "政策文件一", "fields": {}})
    found = {f.url.rsplit("/", 2)[-2] + "/" + f.url.rsplit("/", 1)[-1]: f for f in
             run_rule(factory.view("a1"), "doc-number-missing")}
    assert set(found) == {"gsgg/2.html", "zcwj/1.html"}
    assert "关于印发" in found["gsgg/2.html"].evidence["policy_reason"]
    assert found["zcwj/1.html"].evidence["policy_reason"] == "列于政策文件类栏目"


# --- 7. per-agency allow_private reaches the guard --------------------------------------------------

def test_agency_allow_private_lifts_the_guard_for_its_requests_only():
    guard = PrivateAddressGuard(set())
    agencies = {
        "open": SimpleNamespace(id="open", origins=["http://portal.example.org"], allow_private=True),
        "closed": SimpleNamespace(id="closed", origins=["http://other.example.org"], allow_private=False)}
    guard.crawler = SimpleNamespace(spider=SimpleNamespace(agencies=agencies))
    assert guard.process_request(Request("http://10.0.0.1/x", meta={"agency": "open"})) is None
    with pytest.raises(BlockedAddress):
        guard.process_request(Request("http://10.0.0.1/x", meta={"agency": "closed"}))
    with pytest.raises(BlockedAddress):
        guard.process_request(Request("http://10.0.0.1/x"))


# --- coverage -------------------------------------------------------------------------------------

def test_coverage_counts_fetched_failed_and_skipped(tmp_path):
    factory = StoreFactory(tmp_path / "a.db")
    factory.agency("a1")
    factory.home("a1")
    factory.pages("a1", {"url": "/a.html"}, {"url": "/b.html", "status": 404},
                  {"url": "/c.html", "error": "timeout", "status": None},
                  {"url": "/r.html", "error": "robots", "status": None},
                  {"url": "/index.html", "kind": "alias"})
    rows = [{"run_id": factory.run_id, "agency": "a1", "url": f"https://www.example.org/list_{i}.html",
             "reason": "page-budget", "tag": "pagination", "source": "https://www.example.org/list.html",
             "column_url": "https://www.example.org/list.html", "depth": 1} for i in range(3)]
    rows.append({**rows[0], "url": "https://www.example.org/deep.html", "reason": "too-deep", "tag": "a"})
    factory.store.insert_many("skips", rows)
    cov = agency_coverage(factory.store, factory.run_id, "a1")
    assert cov == {"discovered": 9, "fetched": 3, "failed": 1,
                   "skipped": {"page-budget": 3, "robots": 1, "too-deep": 1},
                   "columns_cut": ["https://www.example.org/list.html"], "share": 33.3, "truncated": True}
    text = coverage_text(cov)
    assert text.startswith("抓取覆盖 33.3%：发现 9 个页面，抓取 3 个") and "超出页面预算 3 个" in text
    finding = run_rule(factory.view("a1"), "crawl-incomplete")
    assert [(f.field, f.url) for f in finding] == [("page-budget", "https://www.example.org/")]
    assert finding[0].evidence["share"] == 33.3


def test_robots_alone_is_not_a_truncation(tmp_path):
    factory = StoreFactory(tmp_path / "a.db")
    factory.agency("a1")
    factory.home("a1")
    factory.pages("a1", {"url": "/r.html", "error": "robots", "status": None})
    assert agency_coverage(factory.store, factory.run_id, "a1")["truncated"] is False
    assert run_rule(factory.view("a1"), "crawl-incomplete") == []


# --- 5. and 8. an unreachable agency is never 合格; unmeasured indicators are named ---------------

def test_unassessable_agency_is_never_a_pass():
    profile = load_profile("gov-website-2019")
    card = score_agency([], [], profile, "down", "示例市统计局",
                        unassessable="站点无法访问（本次监测）：首页无法打开（refused）")
    assert card.score == 100.0 and not card.passed
    assert card.verdict == "无法评估"
    assert card.verdict_label == "无法评估（站点无法访问（本次监测）：首页无法打开（refused））"
    assert card.to_dict()["verdict"] == "无法评估"


def test_indicators_without_measuring_rules_are_listed():
    profile = load_profile("gov-website-2019")
    status = [{"rule": "annual-report-missing", "status": "not-applicable", "reason": "未找到年报栏目"}]
    card = score_agency([], status, profile, "a1")
    rules = {r["rule"]: r["reason"] for m in card.not_measured for r in m["rules"]}
    assert rules.get("annual-report-missing") == "未找到年报栏目"
    unregistered = {line["rule"] for group in profile["indicators"] for item in group["items"]
                    for line in item["deductions"]}
    unregistered -= set(load_rules())
    assert {r for r, reason in rules.items() if reason == "本工具尚无此规则"} == unregistered
