"""Fixes found while saving corpus pages whole (branch c1)."""

from __future__ import annotations

import pytest

from crawler.extract import analyze

SITE = "http://www.example.gov.cn"


@pytest.mark.parametrize("footer, sponsor", [
    # 廊坊 (PowerEasy): 「X主办 Y承办 Z建设」 on one line, no colon
    ("<p>廊坊市人民政府办公室主办 廊坊市发展和改革委员会承办 廊坊市经济信息中心建设<br>"
     "廊坊市市直各部门共同维护 冀ICP备05000924号-1 网站标识码：1310000035</p>", "廊坊市人民政府办公室"),
    ("<p>某县人民政府办公室 主办　某县大数据中心协办</p><p>某ICP备12345678号</p>", "某县人民政府办公室"),
    # a sentence 「由…主办，…承办」 is no footer line
    ("<p>本次大赛由某市教育局主办，某区教育局承办。</p><p>某ICP备12345678号</p>", None),
])
def test_sponsor_suffix_before_an_undertaker(footer, sponsor):
    facts = analyze(f'<html><body><p>正文</p><div class="footer">{footer}</div></body></html>', f"{SITE}/")
    assert facts["footer"]["sponsor"] == sponsor


def _tab(cls: str, rows: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><span class="time">{day}</span><a href="info/{n}.htm" title="{t}">{t}</a></li>'
                    for n, (day, t) in enumerate(rows))
    return f'<div class="tabshow"><ul class="{cls}">{items}</ul></div>'


def test_tabs_whose_lists_differ_by_an_extra_class_are_one_list():
    """博达 VSB (灞桥): the shown 要闻 tab is ``ul.m-list6``, the hidden tabs ``ul.m-list6.m-pic2-1``."""
    news = [("2018-03-16", "第一条新闻标题文字"), ("2018-03-15", "第二条新闻标题文字")]
    work = [("2018-03-14", f"工作动态标题文字{n}") for n in range(4)]
    notes = [("2018-03-13", f"公示公告标题文字{n}") for n in range(4)]
    box = _tab("m-list6", news) + _tab("m-list6 m-pic2-1", work) + _tab("m-list6 m-pic2-1", notes)
    html = f'<html><body><div class="index-row">{box}</div></body></html>'
    items = analyze(html, f"{SITE}/", is_home=True)["items"]
    assert [i["title"] for i in items] == [t for _, t in news + work + notes]


def test_a_list_with_other_classes_stays_apart():
    """Lists whose classes only overlap (``list hot`` / ``list news``) are not merged."""
    main = _tab("list news", [("2018-03-14", f"新闻标题文字内容{n}") for n in range(5)])
    other = _tab("list hot", [("2018-03-01", f"热点标题文字内容{n}") for n in range(3)])
    html = f'<html><body><div class="box">{main}{other}</div></body></html>'
    items = analyze(html, f"{SITE}/", is_home=True)["items"]
    assert len(items) == 5
