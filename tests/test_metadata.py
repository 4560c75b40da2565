"""Document metadata from every layout real sites use (crawler.extract.metadata)."""

from pathlib import Path

import pytest

from crawler.extract import analyze, decode_html
from crawler.extract.metadata import TextStream, extract_fields

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
# The fixtures' made-up hosts: only used to resolve links, never fetched.
SITE = "http://www.example.org"
FGW = "http://fgw.example.org"


def fields_of(html: str, meta: dict | None = None) -> dict:
    return extract_fields(TextStream.from_html(html), meta)


def values(html: str) -> dict:
    """{field: (value, label, where, date)}"""
    return {name: (f["value"], f["label"], f["where"], f["date"])
            for name, f in fields_of(html)["fields"].items()}


LAYOUTS = [
    # gov.cn table.bd1: several pairs per row, spaced labels with ASCII space and U+3000
    ("<table class='bd1'><tr><td><b>索 引 号：</b></td><td>000014349/2018-00222</td>"
     "<td><b>主题分类：</b></td><td>卫生、体育</td></tr>"
     "<tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2018年12月21日</td></tr>"
     "<tr><td><b>标　　题：</b></td><td colspan='3'>国务院关于某事的决定</td></tr>"
     "<tr><td><b>发文字号：</b></td><td>国发〔2018〕43号</td><td><b>发布日期：</b></td>"
     "<td>2018年12月29日</td></tr></table>",
     {"index_no": ("000014349/2018-00222", "索引号", "table", None),
      "issuer": ("国务院", "发文机关", "table", None),
      "written_date": ("2018年12月21日", "成文日期", "table", "2018-12-21"),
      "title": ("国务院关于某事的决定", "标题", "table", None),
      "doc_number": ("国发〔2018〕43号", "发文字号", "table", None),
      "pub_date": ("2018年12月29日", "发布日期", "table", "2018-12-29")}),
    # bare label cells without colon, &nbsp; inside labels
    ("<table><tr><td>索&nbsp;引&nbsp;号</td><td>A1/2020-1</td></tr>"
     "<tr><td>发布机构</td><td>某局</td></tr><tr><td>生效日期</td><td>2020/03/05</td></tr></table>",
     {"index_no": ("A1/2020-1", "索引号", "table", None),
      "issuer": ("某局", "发布机构", "table", None),
      "effective_date": ("2020/03/05", "生效日期", "table", "2020-03-05")}),
    # dl/dt/dd
    ("<dl><dt>发文机关</dt><dd>某区人民政府</dd><dt>文件编号</dt><dd>某政〔2021〕3号</dd>"
     "<dt>成文时间：</dt><dd>2021.06.30</dd><dt>效力状态</dt><dd>有效</dd></dl>",
     {"issuer": ("某区人民政府", "发文机关", "dl", None),
      "doc_number": ("某政〔2021〕3号", "文件编号", "dl", None),
      "written_date": ("2021.06.30", "成文时间", "dl", "2021-06-30"),
      "validity": ("有效", "效力状态", "dl", None)}),
    # Jiangxi dd > label + div, en-space inside the label
    ("<dl><dd><label><font>索\u2002引\u2002号：</font></label><div>014742224A/2023-0043406</div></dd>"
     "<dd><label><font>生成日期：</font></label><div>2023-05-11</div></dd>"
     "<dd><label><font>责任部门：</font></label><div>某县统计局</div></dd></dl>",
     {"index_no": ("014742224A/2023-0043406", "索引号", "dl", None),
      "written_date": ("2023-05-11", "生成日期", "dl", "2023-05-11"),
      "issuer": ("某县统计局", "责任部门", "dl", None)}),
    # ul/li with span, label and b pairs
    ("<ul><li><span>信息索引号：</span>002482870/2023-28711</li><li><label>发布单位：</label>"
     "<em>某委</em></li><li><b>文号：</b>无</li><li><span>公开日期：</span>2023/06/08</li>"
     "<li><span>时效：</span>有效</li></ul>",
     {"index_no": ("002482870/2023-28711", "信息索引号", "li", None),
      "issuer": ("某委", "发布单位", "li", None),
      "doc_number": ("无", "文号", "li", None),
      "pub_date": ("2023/06/08", "公开日期", "li", "2023-06-08"),
      "validity": ("有效", "时效", "li", None)}),
    # Handan p/strong with the colon after the label element; 名称 as the title
    ("<div class='top-l'><p><strong>索引号</strong>：000014348/2020-35147</p>"
     "<p><strong>名称</strong>：某局关于某事的通知</p><p><strong>文号</strong>：无</p>"
     "<!--<p><strong>成文日期</strong>：2020年08月02日</p>-->"
     "<p><strong>发布日期</strong>：2020年08月02日</p></div>",
     {"index_no": ("000014348/2020-35147", "索引号", "inline", None),
      "title": ("某局关于某事的通知", "名称", "inline", None),
      "doc_number": ("无", "文号", "inline", None),
      "pub_date": ("2020年08月02日", "发布日期", "inline", "2020-08-02")}),
    # 【】 brackets, Chinese-numeral dates
    ("<table><tr><td>【索引号】003191263/2020-00412</td><td>【发布单位】某县政府办</td></tr>"
     "<tr><td>【文件编号】某政办〔2020〕12号</td><td>【成文日期】二〇一九年十二月三十一日</td></tr>"
     "<tr><td>【发布日期】[2020/01/21]</td><td>【废止日期】二〇二五年十一月二十一日</td></tr></table>",
     {"index_no": ("003191263/2020-00412", "索引号", "table", None),
      "issuer": ("某县政府办", "发布单位", "table", None),
      "doc_number": ("某政办〔2020〕12号", "文件编号", "table", None),
      "written_date": ("二〇一九年十二月三十一日", "成文日期", "table", "2019-12-31"),
      "pub_date": ("[2020/01/21]", "发布日期", "table", "2020-01-21"),
      "abolished_date": ("二〇二五年十一月二十一日", "废止日期", "table", "2025-11-21")}),
    # div.xxgk-… blocks and inline label：value text, half-width colons
    ("<div class='xxgk-row'><span class='xxgk-label'>索引号:</span><span>MB1/2022-7</span></div>"
     "<div class='xxgk-row'><span class='xxgk-label'>发布文号:</span><span>某发〔2022〕1号</span></div>"
     "<div class='xxgk-attr'>信息来源：某委&nbsp;&nbsp;发文日期：2022年1月10日&nbsp;&nbsp;"
     "发布时间：2022.01.12&nbsp;&nbsp;废止时间：2027年1月9日&nbsp;&nbsp;实施日期：2022-2-1</div>",
     {"index_no": ("MB1/2022-7", "索引号", "inline", None),
      "doc_number": ("某发〔2022〕1号", "发布文号", "inline", None),
      "issuer": ("某委", "信息来源", "inline", None),
      "written_date": ("2022年1月10日", "发文日期", "inline", "2022-01-10"),
      "pub_date": ("2022.01.12", "发布时间", "inline", "2022-01-12"),
      "abolished_date": ("2027年1月9日", "废止时间", "inline", "2027-01-09"),
      "effective_date": ("2022-2-1", "实施日期", "inline", "2022-02-01")}),
    # the other label variants of RULES.md
    ("<table><tr><td>索引号：</td><td>X/2024-1</td><td>发布机关：</td><td>某厅</td></tr>"
     "<tr><td>发文字号：</td><td>某〔2024〕2号</td><td>成文日期：</td><td>2024-01-02</td></tr>"
     "<tr><td>公开日期：</td><td>2024-01-03</td><td>施行日期：</td><td>2024-02-01</td></tr>"
     "<tr><td>有效性：</td><td>有效</td><td>时效性：</td><td>长期</td></tr></table>",
     {"index_no": ("X/2024-1", "索引号", "table", None),
      "issuer": ("某厅", "发布机关", "table", None),
      "doc_number": ("某〔2024〕2号", "发文字号", "table", None),
      "written_date": ("2024-01-02", "成文日期", "table", "2024-01-02"),
      "pub_date": ("2024-01-03", "公开日期", "table", "2024-01-03"),
      "effective_date": ("2024-02-01", "施行日期", "table", "2024-02-01"),
      "validity": ("有效", "有效性", "table", None)}),
]


@pytest.mark.parametrize("html,expected", LAYOUTS, ids=[f"layout{i}" for i in range(len(LAYOUTS))])
def test_layouts(html, expected):
    assert values(html) == expected


def test_labelled_but_empty_value_is_kept_as_empty():
    got = values("<table><tr><td>文号：</td><td></td></tr><tr><td>成文日期：</td><td>2020-01-02</td></tr>"
                 "<tr><td>索引号：</td><td>A/1</td></tr></table>")
    assert got["doc_number"] == ("", "文号", "table", None)
    assert got["written_date"][3] == "2020-01-02"


def test_header_row_owns_no_data_cell():
    html = ("<table><tr><td>名称</td><td>索引号</td><td>发布机构</td><td>发布日期</td></tr>"
            "<tr><td>某局关于某事的通知</td><td>000014348/2020-35428</td><td>某局</td><td>2020-08-05</td></tr>"
            "</table>")
    assert fields_of(html)["fields"] == {}


def test_contact_names_are_not_a_title():
    html = "<div>1.采购人信息 名称：<span>某县文化局</span><br>地址 ：<span>某县某镇</span></div>"
    assert "title" not in fields_of(html)["fields"]


def test_values_in_comments_are_not_on_the_page():
    html = "<p>发布日期：2020-08-02</p><!--<p>成文日期：2020-08-01</p>--><p>索引号：A/1</p>"
    assert "written_date" not in fields_of(html)["fields"]


def test_metadata_block_needs_two_fields_one_of_them_a_document_field():
    assert fields_of("<p>索引号：A/1</p><p>成文日期：2020-01-02</p>")["has_metadata_block"] is True
    assert fields_of("<p>发布日期：2016-11-22</p><p>信息来源：省发改委</p>")["has_metadata_block"] is False
    assert fields_of("<p>索引号：A/1</p>")["has_metadata_block"] is False


def test_visible_pub_date_beats_meta_pubdate():
    """Wanzai trap: <meta name=PubDate> is the regeneration time."""
    got = fields_of("<span>发布日期：<b>2017-05-15 10:49:00</b></span>",
                    {"pubdate": "2022-04-24 10:00:43"})["fields"]["pub_date"]
    assert (got["date"], got["where"], got["label"]) == ("2017-05-15", "inline", "发布日期")


def test_meta_pubdate_is_only_a_fallback():
    got = fields_of("<p>正文</p>", {"pubdate": "2022-04-24 10:00:43"})["fields"]["pub_date"]
    assert got == {"value": "2022-04-24 10:00:43", "label": "PubDate", "where": "meta",
                   "date": "2022-04-24", "how": "meta"}


def test_byline_date_next_to_source():
    got = fields_of("<ul><li>来源：新华社</li><li>作者：</li><li>2023-12-01 14:43</li></ul>")
    assert got["fields"]["pub_date"]["date"] == "2023-12-01"
    assert got["fields"]["pub_date"]["label"] == ""


def test_generic_time_label_needs_a_date():
    assert fields_of("<p>时间：2019-09-18 06:23</p>")["fields"]["pub_date"]["date"] == "2019-09-18"
    assert "pub_date" not in fields_of("<p>时间：上午九点</p>")["fields"]


@pytest.mark.parametrize("text,value,where,date", [
    ("本办法自2024年1月1日起施行。", "2024年1月1日", "body-text", "2024-01-01"),
    ("本规定自2023-07-01起实施", "2023-07-01", "body-text", "2023-07-01"),
    ("本意见自二〇二〇年三月一日起施行", "二〇二〇年三月一日", "body-text", "2020-03-01"),
])
def test_effective_date_in_text(text, value, where, date):
    got = fields_of(f"<div><p>{text}</p></div>")["fields"]["effective_date"]
    assert (got["value"], got["where"], got["date"]) == (value, where, date)


def test_effective_on_issue_is_the_written_date():
    html = "<p>成文日期：2024年3月5日</p><p>发布日期：2024-03-15</p><p>本通知自印发之日起施行。</p>"
    got = fields_of(html)["fields"]["effective_date"]
    assert got == {"value": "2024年3月5日", "label": "自印发之日起施行",
                   "where": "body-text:自印发之日起施行", "date": "2024-03-05", "how": "body-text"}


def test_effective_on_publication_is_the_pub_date():
    html = "<p>成文日期：2024年3月5日</p><p>发布日期：2024-03-15</p><p>本通知自发布之日起施行。</p>"
    got = fields_of(html)["fields"]["effective_date"]
    assert (got["where"], got["date"]) == ("body-text:自发布之日起施行", "2024-03-15")


def test_labelled_effective_date_wins_over_text():
    html = "<p>生效日期：2024-04-01</p><p>索引号：A/1</p><p>本办法自2024年5月1日起施行</p>"
    assert fields_of(html)["fields"]["effective_date"]["where"] == "inline"


def test_announcement_period_is_no_effective_date():
    assert "effective_date" not in fields_of("<p>自本公告发布之日起1个工作日。</p>")["fields"]


# ------------------------------------------------------------------ fixtures, end to end
FIXTURES = {
    # file: (url, kind, {field: (value, label, where, date)}, has_metadata_block, downloads)
    "doc_trs_table.html": (
        f"{SITE}/zwgk/zcwj/202403/t20240315_1234567.html", "document", {
            "index_no": ("11330100002482870P/2024-00123", "索引号", "table", None),
            "issuer": ("示例市人民政府办公厅", "发布机构", "table", None),
            "doc_number": ("示政办发〔2024〕5号", "发文字号", "table", None),
            "written_date": ("2024年3月5日", "成文日期", "table", "2024-03-05"),
            "pub_date": ("2024-03-15", "发布日期", "table", "2024-03-15"),
            "effective_date": ("2024/04/01", "施行日期", "table", "2024-04-01"),
            "validity": ("有效", "有效性", "table", None),
            "title": ("示例市人民政府办公厅关于印发示例市公共数据管理办法的通知", "标题", "table", None),
        }, True, [
            f"{SITE}/zwgk/zcwj/202403/P020240315123456789012.pdf",
            f"{SITE}/zwgk/zcwj/202403/P020240315123456789013.docx",
            f"{SITE}/zwgk/zcwj/202403/%E9%99%84%E4%BB%B6/"
            "%E5%85%AC%E5%85%B1%E6%95%B0%E6%8D%AE%20%E7%9B%AE%E5%BD%95.xlsx",
        ]),
    "doc_trs_gbk.html": (
        f"{SITE}/xxgk/zcwj/202001/t20200121_412.html", "document", {
            "index_no": ("003191263/2020-00412", "索引号", "table", None),
            "issuer": ("示例县人民政府办公室", "发布单位", "table", None),
            "doc_number": ("示政办〔2020〕12号", "文件编号", "table", None),
            "written_date": ("二〇一九年十二月三十一日", "成文日期", "table", "2019-12-31"),
            "pub_date": ("[2020/01/21]", "发布日期", "table", "2020-01-21"),
            "effective_date": ("二〇二〇年二月一日", "生效日期", "table", "2020-02-01"),
            "abolished_date": ("二〇二五年十一月二十一日", "废止日期", "table", "2025-11-21"),
        }, True, [f"{SITE}/attach/2020/0121/shequzhili.wps",
                  f"{SITE}/attach/2020/0121/shequzhili.ofd"]),
    "doc_hanweb_art.html": (
        f"{FGW}/art/2023/6/8/art_1229_8812345.html", "document", {
            "index_no": ("002482870/2023-28711", "信息索引号", "li", None),
            "issuer": ("示例市发展和改革委员会", "发布单位", "li", None),
            "doc_number": ("无", "文号", "li", None),
            "written_date": ("2023年06月05日", "生成日期", "li", "2023-06-05"),
            "pub_date": ("2023/06/08", "公开日期", "li", "2023-06-08"),
            "effective_date": ("2023年7月1日", "自2023年7月1日起施行", "body-text", "2023-07-01"),
            "validity": ("有效", "时效", "li", None),
        }, True, [f"{FGW}/module/download/downfile.jsp?classid=0&filename=2306081012345.pdf"]),
    "doc_govcn.html": (
        f"{SITE}/zhengce/content/2021-04/16/content_5012345.htm", "document", {
            "index_no": ("000014349/2021-00031", "索引号", "table", None),
            "issuer": ("国务院办公厅", "发文机关", "table", None),
            "doc_number": ("国办发〔2021〕10号", "发文字号", "table", None),
            "written_date": ("2021年04月09日", "成文日期", "table", "2021-04-09"),
            "pub_date": ("2021年04月16日", "发布日期", "table", "2021-04-16"),
            "effective_date": ("2021年04月16日", "自发布之日起施行", "body-text:自发布之日起施行",
                               "2021-04-16"),
            "title": ("国务院办公厅关于示例事项的通知", "标题", "table", None),
        }, True, []),
    "doc_dl_generic.html": (
        f"{SITE}/qzf/gfxwj/detail.html", "document", {
            "issuer": ("示例区人民政府", "发文机关", "dl", None),
            "doc_number": ("示区政〔2021〕3号", "发布文号", "dl", None),
            "written_date": ("2021.06.30", "成文时间", "dl", "2021-06-30"),
            "pub_date": ("2021-7-2", "发布时间", "dl", "2021-07-02"),
            "effective_date": ("2021年8月1日", "实施日期", "dl", "2021-08-01"),
            "validity": ("有效", "效力状态", "dl", None),
        }, True, [f"{SITE}/qzf/files/zfbz.doc"]),  # resolved against <base href>
    "doc_xxgk_div_nodecl.html": (
        f"{FGW}/xxgk/jgjd/info.asp?id=7", "document", {
            "index_no": ("MB1234567/2022-00007", "索引号", "inline", None),
            "issuer": ("示例市发展改革委", "信息来源", "inline", None),
            "doc_number": ("示发改价〔2022〕1号", "文件字号", "inline", None),
            "written_date": ("2022年1月10日", "发文日期", "inline", "2022-01-10"),
            "pub_date": ("2022.01.12", "公开时间", "inline", "2022-01-12"),
            "effective_date": ("2022年2月1日", "自2022年2月1日起实施", "body-text", "2022-02-01"),
            "abolished_date": ("2027年1月9日", "废止时间", "inline", "2027-01-09"),
        }, True, []),
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_documents(name):
    url, kind, expected, block, downloads = FIXTURES[name]
    text, _ = decode_html((PAGES / name).read_bytes())
    facts = analyze(text, url)
    assert facts["kind"] == kind
    got = {field: (f["value"], f["label"], f["where"], f["date"])
           for field, f in facts["document"]["fields"].items()}
    assert got == expected
    assert facts["document"]["has_metadata_block"] is block
    assert facts["document"]["downloads"] == downloads


def test_fixture_comment_only_values_are_absent():
    text, _ = decode_html((PAGES / "doc_trs_table.html").read_bytes())
    facts = analyze(text, FIXTURES["doc_trs_table.html"][0])
    assert "abolished_date" not in facts["document"]["fields"]
    assert not any("P020240315000000000000" in link["url"] for link in facts["links"])
    text, _ = decode_html((PAGES / "doc_hanweb_art.html").read_bytes())
    facts = analyze(text, FIXTURES["doc_hanweb_art.html"][0])
    assert facts["document"]["fields"]["written_date"]["date"] == "2023-06-05"  # not the commented 06-01
