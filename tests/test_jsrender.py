"""JavaScript-rendered lists are unreadable, never blank: extract → store → column-blank/column-stale.

Fixtures (written, modelled on real templates; no such page was found in a public repository): an
avalon ``ms-repeat`` notice list filled by a POST to a search service, a Vue ``v-for`` policy table
filled by ``axios.post``, and an empty ``<ul id="newsList">`` filled by ``$.ajax``.
"""

from pathlib import Path

import pytest

from checks.registry import run_checks
from crawler.extract import analyze, decode_html
from crawler.extract.jsrender import unreadable_reason
from crawler.extract.page import parse_html
from tests.storefactory import StoreFactory

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"
JS_LISTS = {
    "list_avalon_msrepeat.html": ("https://www.example.org/zwgk/tzgg/", "avalon ms-repeat 模板"),
    "list_vue_post_api.html": ("https://jyt.example.org/zcwj/index.html", "Vue v-for 模板"),
    "list_script_filled.html": ("https://www.example.org/gzdt/", "空列表容器 ul#newsList 由脚本请求数据后填充"),
}


def facts(name: str, url: str) -> dict:
    text, _ = decode_html((FIXTURES / name).read_bytes())
    return analyze(text, url)


@pytest.mark.parametrize("name", sorted(JS_LISTS))
def test_js_rendered_list_is_unreadable_not_blank(name):
    url, reason = JS_LISTS[name]
    column = facts(name, url)["column"]
    assert column is not None
    assert (column["blank"], column["unreadable"], column["unreadable_reason"]) == (False, True, reason)


def test_avalon_template_placeholder_text_is_not_a_blank_phrase():
    """The 暂无信息 the avalon template shows when its list is empty is not on the served page's list."""
    column = facts("list_avalon_msrepeat.html", JS_LISTS["list_avalon_msrepeat.html"][0])["column"]
    assert column["blank"] is False


@pytest.mark.parametrize("html", [
    "<html><body><ul class='list'><li><a href='/a/t20240101_1.html'>一条信息的标题</a> 2024-01-01</li>"
    "</ul></body></html>",
    "<html><body><p>暂无信息</p></body></html>",
    "<html><body><div id='list'></div><script>var a = 1;</script></body></html>",
])
def test_plain_pages_are_readable(html):
    assert unreadable_reason(parse_html(html)) == ""


def test_plain_blank_column_stays_blank():
    text, _ = decode_html((FIXTURES / "list_blank.html").read_bytes())
    column = analyze(text, "https://www.example.org/zwgk/kong/")["column"]
    assert column["blank"] is True and column["unreadable"] is False


def test_unreadable_columns_are_listed_not_judged(tmp_path):
    f = StoreFactory(tmp_path / "js.db", as_of="2026-11-27")
    f.agency("a1")
    f.home("a1")
    f.columns("a1",
              {"url": "https://www.example.org/zwgk/tzgg/", "name": "通知公告", "column_type": "notice",
               "items": 0, "blank": 0, "unreadable": 1, "unreadable_reason": "avalon ms-repeat 模板"},
              {"url": "https://www.example.org/kong/", "name": "空栏目", "column_type": "news",
               "items": 0, "blank": 1, "blank_text": "暂无信息", "unreadable": 0})
    run_checks(f.store, f.run_id)
    rules = {row["rule"]: row for row in f.store.query(
        "select rule, status, reason from rule_status where run_id = ?", [f.run_id])}
    blank = [row["url"] for row in f.store.query(
        "select url from findings where run_id = ? and rule = 'column-blank'", [f.run_id])]
    stale = [row["url"] for row in f.store.query(
        "select url from findings where run_id = ? and rule = 'column-stale'", [f.run_id])]
    assert blank == ["https://www.example.org/kong/"]
    assert "https://www.example.org/zwgk/tzgg/" not in stale
    for rule in ("column-blank", "column-stale"):
        assert "无法读取" in rules[rule]["reason"] and "「通知公告」（avalon ms-repeat 模板）" in rules[rule]["reason"]


def test_finalize_keeps_unreadable_columns_out_of_blank(tmp_path):
    from crawler.run import finalize

    f = StoreFactory(tmp_path / "fin.db")
    f.agency("a1")
    f.columns("a1",
              {"url": "https://www.example.org/js/", "items": 0, "blank": 0, "unreadable": 1,
               "unreadable_reason": "Vue v-for 模板"},
              {"url": "https://www.example.org/empty/", "items": 0, "blank": 0, "unreadable": 0},
              {"url": "https://www.example.org/later/", "items": 0, "blank": 0, "unreadable": 1})
    f.items("a1", {"column_url": "https://www.example.org/later/", "url": "https://www.example.org/later/1.html",
                   "title": "第二页读到的信息", "date": "2026-11-01", "page_url": "https://www.example.org/later/index_1.html"})
    finalize(f.store, f.run_id)
    got = {row["url"]: (row["blank"], row["unreadable"]) for row in f.store.query(
        "select url, blank, unreadable from columns where run_id = ?", [f.run_id])}
    assert got == {"https://www.example.org/js/": (0, 1), "https://www.example.org/empty/": (1, 0),
                   "https://www.example.org/later/": (0, 0)}


def test_unreadable_columns_show_in_the_report_notes(tmp_path):
    from reports.model import run_warnings

    f = StoreFactory(tmp_path / "notes.db", as_of="2026-11-27")
    f.agency("a1")
    f.home("a1")
    f.columns("a1", {"url": "https://www.example.org/zcwj/", "name": "政策文件", "column_type": "policy",
                     "items": 0, "blank": 0, "unreadable": 1, "unreadable_reason": "Vue v-for 模板"})
    run_checks(f.store, f.run_id)
    notes = run_warnings(f.store, f.store.run(f.run_id))
    assert any("空白栏目（column-blank）" in n and "「政策文件」（Vue v-for 模板）" in n and "无法读取" in n
               for n in notes), notes
