"""The misreading classes of issue 13, each with snippets from more than one real site.

Snippets marked with a site come from the pages in tests/corpus/pages (or from the issue's own
examples: 川卫函〔2025〕46号, 公安备案号：35012899001-19002, 鄂ICP备05009168).
"""

import datetime as dt

import pytest
from lxml import html as lxml_html

from crawler.extract.dates import date_text, match_date, parse_list_date, year_from_url
from crawler.extract.identity import footer_ids
from crawler.extract.lists import list_items
from crawler.extract.metadata import TextStream, extract_fields


def fields(html: str) -> dict:
    return extract_fields(TextStream.from_html(html))["fields"]


# ---------------------------------------------------------------- dates with time parts
@pytest.mark.parametrize("text,shown,iso", [
    ("2025年06月03日 13时44分", "2025年06月03日 13时44分", "2025-06-03"),          # issue
    ("发布时间：2025-06-03 13:44:02", "2025-06-03 13:44:02", "2025-06-03"),         # issue
    ("2020年09月15日 09时32分", "2020年09月15日 09时32分", "2020-09-15"),          # sc.gov.cn
    ("发布日期：2023-07-19 19:21:00", "2023-07-19 19:21:00", "2023-07-19"),         # sctcm.sc.gov.cn
    ("发布日期：2023-06-11 16:20:01    文章来源：投资武汉", "2023-06-11 16:20:01", "2023-06-11"),  # wuhan
    ("2025年6月3日13:44", "2025年6月3日13:44", "2025-06-03"),
    ("二〇二四年五月三十日", "二〇二四年五月三十日", "2024-05-30"),
    ("无", "", None),
])
def test_date_with_time_part(text, shown, iso):
    assert date_text(text) == shown and match_date(text)[0] == iso


@pytest.mark.parametrize("html,value,date", [
    ("<ul><li>2020年09月15日 09时32分</li><li>来源:\n绵阳市政务网</li></ul>",
     "2020年09月15日 09时32分", "2020-09-15"),                                           # sc.gov.cn
    ("<p>2025年06月03日 13时44分</p><p>来源：四川省卫生健康委员会</p>", "2025年06月03日 13时44分", "2025-06-03"),
])
def test_byline_date_with_time_beats_the_meta(html, value, date):
    got = extract_fields(TextStream.from_html(html), {"pubdate": "2022-10-14 10:16:14"})["fields"]
    assert (got["pub_date"]["value"], got["pub_date"]["date"], got["pub_date"]["how"]) == (value, date, "byline")


# ---------------------------------------------------------------- fields outside a block
@pytest.mark.parametrize("html,number", [
    ("<h1>关于印发某某方案的通知</h1><p>川卫函〔2025〕46号</p><p>" + "各市（州）卫生健康委：" * 20 + "</p>",
     "川卫函〔2025〕46号"),                                                               # issue (Sichuan)
    ("<h1>教育部办公厅关于举办活动的通知</h1><p class='moe-policy-wenhao'>教思政厅函〔2024〕10号</p><p>"
     + "各省、自治区、直辖市教育厅（教委）：" * 10 + "</p>", "教思政厅函〔2024〕10号"),       # moe.gov.cn
])
def test_number_line_under_the_title(html, number):
    got = fields(html)["doc_number"]
    assert (got["value"], got["how"]) == (number, "title-line")


def test_number_cited_in_the_text_is_not_the_documents():
    html = "<h1>通知</h1><p>" + "根据《某某通知》（国办发〔2019〕12号）要求，" * 10 + "</p>"
    assert "doc_number" not in fields(html)


@pytest.mark.parametrize("html,value,date", [
    ("<p>" + "为深入贯彻落实有关要求，现就有关事项通知如下。" * 8 + "</p><p align='right'>四川省卫生健康委员会</p>"
     "<p align='right'>2025年4月24日</p>", "2025年4月24日", "2025-04-24"),                  # issue
    ("<p>" + "各区卫生健康委要结合实际开展活动。" * 12 + "</p><p><span>上海市卫生健康委员会</span></p>"
     "<p><span>202</span><span>4</span><span>年</span><span>5月10日</span></p>",
     "2024年5月10日", "2024-05-10"),                                                       # wsjkw.sh.gov.cn
])
def test_signature_date_is_the_written_date(html, value, date):
    got = fields(html)["written_date"]
    assert (got["value"], got["date"], got["how"]) == (value, date, "signature")


def test_generation_date_gives_way_to_a_different_signature_date():
    html = ("<table><tr><td>信息索引：</td><td>360A12-07-2024-0008-1</td><td>生成日期：</td><td>2024-06-04</td>"
            "</tr></table><p>" + "教育部决定举办宣传教育活动。" * 15 + "</p><p align='right'>教育部办公厅</p>"
            "<p align='right'>2024年5月30日</p>")                                           # moe.gov.cn
    doc = extract_fields(TextStream.from_html(html))
    assert doc["fields"]["written_date"]["date"] == "2024-05-30"
    generated = [c for c in doc["candidates"]["written_date"] if c["label"] == "生成日期"]
    assert generated and not generated[0]["chosen"] and "落款日期" in generated[0]["reason"]


def test_generation_date_stands_when_the_signature_agrees_or_is_absent():
    html = "<dl><dt>索引号：</dt><dd>014742224A/2023-0043406</dd><dt>生成日期：</dt><dd>2023-05-11</dd></dl>"
    assert fields(html)["written_date"]["date"] == "2023-05-11"                               # wanzai.gov.cn


# ---------------------------------------------------------------- header-row tables
@pytest.mark.parametrize("html,expected", [
    ("<table><tr><td>索取号</td><td>发布时间</td><td>发布机构</td><td>文件编号</td><td>备注</td></tr>"
     "<tr><td>076478684Q/2024-00112</td><td></td><td>上海市卫生健康委员会</td><td>沪卫基层〔2024〕5号</td>"
     "<td></td></tr></table>",                                                              # wsjkw.sh.gov.cn
     {"index_no": "076478684Q/2024-00112", "pub_date": "", "issuer": "上海市卫生健康委员会",
      "doc_number": "沪卫基层〔2024〕5号"}),
    ("<table><thead><tr><th>索引号</th><th>发文机关</th><th>发文字号</th><th>成文日期</th></tr></thead>"
     "<tbody><tr><td>11310000002424/2019-00001</td><td>上海市人民政府</td><td>沪府规〔2019〕1号</td>"
     "<td>2019年1月2日</td></tr></tbody></table>",
     {"index_no": "11310000002424/2019-00001", "issuer": "上海市人民政府", "doc_number": "沪府规〔2019〕1号",
      "written_date": "2019年1月2日"}),
])
def test_header_row_tables_pair_by_column(html, expected):
    got = fields(html)
    assert {name: entry["value"] for name, entry in got.items()} == expected
    assert {entry["how"] for entry in got.values()} == {"table-header"}


def test_empty_value_cell_is_labelled_but_empty():
    html = ("<table><tr><td>索 引 号</td><td>002482330/2020-10091</td><td>公开分类</td><td></td></tr>"
            "<tr><td>文　　号</td><td></td><td>主题词</td><td></td></tr></table>")               # ct.zj.gov.cn
    assert fields(html)["doc_number"]["value"] == ""


# ---------------------------------------------------------------- label variants
@pytest.mark.parametrize("html,field,value", [
    ("<table><tr><td>信息索引：</td><td>360A12-07-2024-0008-1</td></tr></table>", "index_no",
     "360A12-07-2024-0008-1"),                                                               # moe.gov.cn
    ("<p>索取号：076478684Q/2024-00112</p><p>文号：沪卫基层〔2024〕5号</p>", "index_no", "076478684Q/2024-00112"),
    ("<table><tr><td>发文机构：</td><td>教育部办公厅</td><td>发文字号：</td><td>教思政厅函〔2024〕10号</td></tr>"
     "</table>", "issuer", "教育部办公厅"),
])
def test_label_variants(html, field, value):
    assert fields(html)[field]["value"] == value


def test_update_time_is_the_publication_date_only_when_nothing_better():
    got = extract_fields(TextStream.from_html("<p>更新时间：2024-03-05 10:00</p><p>浏览次数：12</p>"),
                         {"pubdate": "2024-04-01"})["fields"]["pub_date"]
    assert (got["date"], got["how"]) == ("2024-03-05", "update-label")
    better = fields("<p>发布日期：2024-03-01</p><p>更新时间：2024-03-05 10:00</p>")["pub_date"]
    assert better["date"] == "2024-03-01"


# ---------------------------------------------------------------- footer identity variants
@pytest.mark.parametrize("html,key,value", [
    ("<div class='footer'>公安备案号：35012899001-19002</div>", "psb", "公安备案号：35012899001-19002"),  # issue
    ("<div class='footer'>鄂ICP备05009168</div>", "icp", "鄂ICP备05009168"),                      # issue
    ("<div class='footer'>政府网站标识码：4201000011 鄂ICP备19031037-2号</div>", "icp", "鄂ICP备19031037-2号"),
    ("<div class='foot'>网站标识码：5100000014 蜀ICP备：19007388号</div>", "icp", "蜀ICP备：19007388号"),
    ("<div class='foot'>网站标识码5100000062 蜀ICP备 13001288号</div>", "icp", "蜀ICP备 13001288号"),
    ("<div class='foot'>网站标识码5100000062 蜀ICP备 13001288号</div>", "site_id", "5100000062"),
    ("<div class='footer'>京ICP备10028400号-1 京公网安备11010202007625号</div>", "icp", "京ICP备10028400号-1"),
    ("<div class='footer'><a>鄂公网安备\n42010202000465号</a></div>", "psb", "鄂公网安备 42010202000465号"),
])
def test_footer_variants(html, key, value):
    assert footer_ids(TextStream.from_html(html))[key] == value


# ---------------------------------------------------------------- year inference for MM-DD list dates
@pytest.mark.parametrize("url,expected", [
    ("http://www.example.org/zwgk/tzgg/201803/t20180315_1.html", (2018, 3, 15)),              # TRS
    ("http://www.example.org/art/2018/3/15/art_1229_123.html", (2018, 3, 15)),               # Hanweb
    ("http://www.example.org/xwzx/2018/03/15/a1b2.html", (2018, 3, 15)),
    ("http://www.example.org/gzdt/201803/abc.shtml", (2018, 3, None)),
    ("http://www.example.org/col/col12/index.html", None),
])
def test_year_from_url(url, expected):
    assert year_from_url(url) == expected


@pytest.mark.parametrize("text,url,expected", [
    ("03-15", "http://x.example.org/201803/t20180315_1.html", "2018-03-15"),
    ("[03-15]", "http://x.example.org/art/2018/3/15/art_1_2.html", "2018-03-15"),
    ("03-15", "http://x.example.org/2019/03/15/a.html", "2019-03-15"),
    # the URL names the day the article was made, the list the day it was published (北京公积金网:
    # 03-08 of t20180307): a day apart is still that year; months apart is not
    ("03-16", "http://x.example.org/201803/t20180315_1.html", "2018-03-16"),
    ("01-02", "http://x.example.org/201712/t20171229_1.html", "2018-01-02"),
    # shown months before the day the URL was made: entered after it was published (北斗网's
    # 国际动态 of t20171023_… shown 08-21, 08-02), not published years later
    ("08-21", "http://x.example.org/201710/t20171023_7378.html", "2017-08-21"),
    ("09-16", "http://x.example.org/201803/t20180315_1.html", "2017-09-16"),
    ("06-16", "http://x.example.org/201803/t20180315_1.html", "2017-06-16"),  # never months after it
    ("06-16", "http://x.example.org/201803/a.html", "2023-06-16"),  # a month folder: that month only
    ("03-15", "http://x.example.org/a.html", "2023-03-15"),
    ("2017-01-07", "http://x.example.org/201802/t20180205_1.html", "2017-01-07"),  # a full date wins
])
def test_list_date_year_from_url(text, url, expected):
    assert parse_list_date(text, url, dt.date(2024, 1, 5)) == expected


def test_list_items_take_the_year_from_their_urls():
    html = ("<ul class='list'>"
            "<li><a href='/zwgk/tzgg/201803/t20180315_1.html'>关于做好某项工作的通知</a><span>03-15</span></li>"
            "<li><a href='/zwgk/tzgg/201712/t20171230_2.html'>关于做好另一项工作的通知</a><span>12-30</span></li>"
            "<li><a href='/zwgk/tzgg/201711/t20171101_3.html'>关于开展某某检查的通知</a><span>11-01</span></li>"
            "</ul>")
    items = list_items(lxml_html.fromstring(html), "http://www.example.org/zwgk/tzgg/", dt.date(2024, 1, 5))
    assert [i["date"] for i in items] == ["2018-03-15", "2017-12-30", "2017-11-01"]


@pytest.mark.parametrize("html,value", [
    ("<div class='wzfrom'>来源：宣教中心&nbsp;&nbsp;&nbsp;&nbsp; 2022-11-14 14:59:48 &nbsp;【字体：<span>大</span>】</div>",
     "2022-11-14 14:59:48"),                                                                # kjt.yn.gov.cn
    ("<div class='info'>来源：新华社 2023-12-01 14:43 浏览次数：8</div>", "2023-12-01 14:43"),  # kepu.gov.cn shape
])
def test_date_on_the_byline_line(html, value):
    got = extract_fields(TextStream.from_html(html), {"pubdate": "2024-01-01 00:00"})["fields"]["pub_date"]
    assert (got["value"], got["how"]) == (value, "byline")


def test_a_labelled_date_on_the_byline_line_is_not_the_byline_date():
    html = "<div class='info'>来源：本网 更新时间：2023-12-01</div>"
    got = extract_fields(TextStream.from_html(html), {"pubdate": "2024-01-01 00:00"})["fields"]["pub_date"]
    assert got["how"] == "update-label"


@pytest.mark.parametrize("text,element,value", [
    ("受理机构：某市人民政府办公室\n咨询时间：工作日上午9:00-12:00，下午13:30-17:30", "hours",
     "工作日上午9:00-12:00，下午13:30-17:30"),
    ("办公地址：某市某路1号\n在线申请：http://www.example.org/ysqgk/", "online", "http://www.example.org/ysqgk/"),
    ("联系电话：0571-87054321\n在线申请：登录 www.example.org 依申请公开栏目", "online", "登录 www.example.org 依申请公开栏目"),
])
def test_guide_label_variants(text, element, value):
    from crawler.extract.kinds import guide_elements

    assert guide_elements(text)[element] == value
