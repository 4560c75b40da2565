"""Whole-page findings of the c3 corpus pages (saved whole instead of as excerpts).

The pingtan 行政规范性文件库 entry page, saved whole, carries the site header's avalon search widgets
(``<li ms-repeat="searchTips.linkKeys">`` in the search form, ``<a ms-repeat="hotWords">`` in
``div.search_area#header``). They are on every page of the site and render search suggestions, not
the column's list: a column with no list of its own must not become "unreadable" because of them.
A template in the content still makes the column unreadable.
"""

from pathlib import Path

from crawler.extract import analyze
from crawler.extract.jsrender import unreadable_reason
from crawler.extract.page import parse_html

PAGES = Path(__file__).resolve().parent / "corpus" / "pages"

HEADER = ("<div class='banner_header'><div class='search_area' id='header'><form ms-submit='$go()'>"
          "<ul><li ms-repeat='searchTips.linkKeys'><a ms-text='el.word'></a></li></ul></form>"
          "<div class='search_top'><a ms-repeat='hotWords' ms-text='el.title'></a></div></div></div>")
FOOTER = "<div class='footer'><ul ms-controller='links'><li ms-repeat='friendLinks'><a></a></li></ul></div>"
CONTENT_TEMPLATE = ("<div class='main'><ul class='list'><li ms-repeat='list'><a ms-attr-href='el.url' "
                    "ms-text='el.title'></a><span ms-text='el.date'></span></li></ul></div>")


def _page(body: str) -> str:
    return (f"<html><head><title>通知公告</title></head><body>{body}"
            "<script>avalon.define({})</script></body></html>")


def test_real_entry_page_with_header_widgets_is_readable_not_blank():
    text = (PAGES / "list_pingtan_entry_hub_no_items.html").read_text(encoding="utf-8")
    column = analyze(text, "https://www.pingtan.gov.cn/zwgk/zfxxgk/zc/xzgfxwjk/")["column"]
    assert (column["blank"], column["unreadable"], column["unreadable_reason"]) == (False, False, "")


def test_templates_in_header_form_or_footer_say_nothing_about_the_column():
    empty_content = "<div class='main'><p>暂无信息</p></div>"
    assert unreadable_reason(parse_html(_page(HEADER + empty_content + FOOTER))) == ""


def test_a_template_in_the_content_still_makes_the_column_unreadable():
    tree = parse_html(_page(HEADER + CONTENT_TEMPLATE + FOOTER))
    assert unreadable_reason(tree) == "avalon ms-repeat 模板"
    column = analyze(_page(HEADER + CONTENT_TEMPLATE + FOOTER), "https://www.example.org/zwgk/tzgg/")["column"]
    assert column["unreadable"] is True and column["blank"] is False
