"""Misreadings the corpus-b pages of tests/corpus showed, each with its page's own markup.

* 公安备案 written with 号 inside the label and none after the number (深圳市文化广电旅游体育局:
  ``粤公网安备号<a>44030402003007</a>``), and text nodes that meet at an inline tag with no white
  space between them shown run together, as a browser shows them (white space, or a block
  boundary, still gives one space);
* the publication-date label written with its words swapped, 「时间发布：」 (辽阳市人民政府, Epoint);
* a bare date right after a label of its own in the segment before
  (``<dt>结束时间：</dt><dd>2024-05-10</dd>``, 首都之窗 event pages) is that label's, not a byline
  date — an empty byline label (``作者：``) still is no label of the date (www.kepu.gov.cn).
"""

import pytest

from crawler.extract.identity import footer_ids
from crawler.extract.metadata import TextStream, extract_fields


@pytest.mark.parametrize("html,value", [
    # wtl.sz.gov.cn: an icon <i>, the label as its tail, the number in a link
    ('<div class="footer"><li>网站标识码4403000026 备案序号<a href="http://beian.miit.gov.cn">粤ICP备18094387号</a>'
     '\n<i class="ico_6" title="粤公网安备号44030402003007"></i>粤公网安备号<a href="http://www.beian.gov.cn/'
     'portal/registerSystemInfo?recordcode=44030402003007">44030402003007</a></li></div>',
     "粤公网安备号44030402003007"),
    ("<div class='footer'>京公网安备<span>11010502030337</span>号</div>", "京公网安备11010502030337号"),
    # white space at the boundary (sw.wuhan.gov.cn) and a block boundary stay one space
    ("<div class='footer'><a>鄂公网安备\n42010202000465号</a></div>", "鄂公网安备 42010202000465号"),
    ("<div class='footer'><a>鄂公网安备 </a><a>42010202000465号</a></div>", "鄂公网安备 42010202000465号"),
    ("<div class='footer'><p>鄂公网安备</p><p>42010202000465号</p></div>", "鄂公网安备 42010202000465号"),
    # www.hp.gov.cn: the ICP number behind 「备案号:  」, its -1 suffix after 号
    ('<div class="footer"><span><a href="https://beian.miit.gov.cn/">备案号:  粤ICP备2022017031号-1</a>'
     '</span><span><a href="http://www.beian.gov.cn/"><img src="ba.png"/>粤公网安备 44011202000021号</a>'
     '</span></div>',
     "粤公网安备 44011202000021号"),
])
def test_public_security_record_variants(html, value):
    assert footer_ids(TextStream.from_html(html))["psb"] == value


def test_icp_run_together_with_its_link_text():
    html = "<div class='footer'>备案序号<a href='http://beian.miit.gov.cn'>粤ICP备18094387号</a></div>"
    assert footer_ids(TextStream.from_html(html))["icp"] == "粤ICP备18094387号"


def test_swapped_publication_date_label():
    html = ('<div class="detail clearfix"><span>时间发布：2023-06-12 09:51</span>'
            '<span id="laiyuan">信息来源：辽阳日报</span></div>')
    got = extract_fields(TextStream.from_html(html), {"pubdate": "2023-06-12 09:51"})["fields"]["pub_date"]
    assert (got["value"], got["date"], got["how"]) == ("2023-06-12 09:51", "2023-06-12", "label")


@pytest.mark.parametrize("html,expected", [
    # www.beijing.gov.cn 城市活动: the event's dates next to 来源 are no publication date
    ('<div class="activity_info"><dl><dt>区域：</dt><dd>大兴区</dd></dl>'
     '<dl><dt>开始时间：</dt><dd>2024-05-08</dd></dl><dl><dt>结束时间：</dt><dd>2024-05-10</dd></dl>'
     '<dl><dt>来源：</dt><dd>北京市商务局</dd></dl></div>',
     ("2024-03-01 16:39", "meta")),
    ("<p><span>截止时间：</span><span>2024-06-30</span><span>来源：某某局</span></p>",
     ("2024-03-01 16:39", "meta")),
    # www.kepu.gov.cn: an empty 作者： before the date is no label of it
    ("<ul><li>来源：新华社</li><li>作者：</li><li>2023-12-01 14:43</li></ul>",
     ("2023-12-01 14:43", "byline")),
])
def test_a_date_after_a_label_of_its_own_is_no_byline_date(html, expected):
    got = extract_fields(TextStream.from_html(html), {"pubdate": "2024-03-01 16:39"})["fields"]["pub_date"]
    assert (got["value"], got["how"]) == expected
