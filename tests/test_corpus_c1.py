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
