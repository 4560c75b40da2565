"""The misreadings the n1 corpus pages (annual reports, 解读) showed, as focused tests.

1. ``report_year`` read a year across the column suffix of a TRS title: 「关于2014年政府信息公开工作
   要点落实情况的函_政府信息公开年报_…」 — a letter filed in the 年报 column — became a 2014 report.
2. An interpretation's ``quoted_titles`` kept the back-references a 解读 uses after naming the
   document once (《专项规划》, 《办法》, 《条例》) and the titles of other 解读 it links; the first
   would match any document quoting the same short word.
3. A quote split by inline markup (Word's 《福建省</span><span>“十四五”…规划》) spans two text nodes,
   so two lines of the visible text: ``quoted_titles`` dropped it.
"""

from pathlib import Path

import pytest

from crawler.extract import analyze, decode_html
from crawler.extract.interpretation import interpretation_facts, interpreted_titles, quoted_titles
from crawler.extract.kinds import report_year

PAGES = Path(__file__).resolve().parent / "corpus" / "pages"


@pytest.mark.parametrize("title,year", [
    # TRS 文章标题_栏目名_站点名: the column name 政府信息公开年报 is no part of the article title
    ("关于2014年政府信息公开工作要点落实情况的函_政府信息公开年报_平潭综合实验区党工委管委会", None),
    ("示例市2023年政务公开工作要点_政府信息公开年报_示例市人民政府", None),
    ("示例县关于2022年度政务公开考核结果的通报 | 政府信息公开年报 | 示例县人民政府", None),
    # real reports keep their year, with or without the suffix
    ("平潭综合实验区地方税务局2013年信息公开年度报告_政府信息公开年报_平潭综合实验区党工委管委会", 2013),
    ("示例市2019年政府信息公开工作年度报告｜示例市人民政府", 2019),
    ("平潭综合实验区管委会2014年度政府信息公开工作年度报告", 2014),
])
def test_report_year_stays_inside_one_title_part(title, year):
    assert report_year(title) == year


def _page(name: str, url: str) -> dict:
    text, _ = decode_html((PAGES / name).read_bytes())
    return analyze(text, url)


def test_letter_in_the_report_column_is_a_document():
    facts = _page("report_pingtan_column_letter_not_a_report.html",
                  "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201412/t20141210_80787.htm")
    assert (facts["kind"], facts["report_year"]) == ("document", None)
    assert facts["document"]["fields"]["written_date"]["how"] == "signature"


def test_report_without_zhengfu_in_its_title():
    facts = _page("report_pingtan_dishui_2013_no_zhengfu_in_title.html",
                  "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/201402/t20140225_80774.htm")
    assert (facts["kind"], facts["report_year"]) == ("annual_report", 2013)


@pytest.mark.parametrize("title,text,expected", [
    # the full title once, then the short form: the short form is a back-reference
    ("《平潭综合实验区“十四五”社会事业发展专项规划》政策解读",
     "一、《专项规划》出台的背景\n《专项规划》提出的目标是……\n"
     "《平潭综合实验区“十四五”社会事业发展专项规划政策解读》（图片解读）",
     ["平潭综合实验区十四五社会事业发展专项规划"]),
    ("关于《示例市中小学课后服务管理办法》的解读",
     "《办法》共五章。《办法》自印发之日起施行。依据《中华人民共和国教育法》制定。",
     ["示例市中小学课后服务管理办法", "中华人民共和国教育法"]),
    # a short quote seen before any longer one is a title of its own
    ("政策问答", "《条例》出台后，《中华人民共和国政府信息公开条例》的解读见下。",
     ["条例", "中华人民共和国政府信息公开条例"]),
])
def test_interpreted_titles(title, text, expected):
    assert interpreted_titles(title, text) == expected


@pytest.mark.parametrize("text,expected", [
    # one quote over two text nodes (a line each): white space and line breaks removed
    ("依据《交通强国建设纲要》《福建省\n“十四五”现代综合交通运输体系发展专项规划》等",
     ["交通强国建设纲要", "福建省十四五现代综合交通运输体系发展专项规划"]),
    ("《示例市\n教育\n事业\n发展规划》", ["示例市教育事业发展规划"]),
    # a stray 《 many lines before an unrelated 》 is no title
    ("《\n首页\n政务公开\n专题专栏\n“十四五”规划\n解读》", []),
])
def test_quoted_titles_across_text_nodes(text, expected):
    assert quoted_titles(text) == expected


def test_split_quote_in_a_saved_jiedu():
    html, _ = decode_html((PAGES / "interp_pingtan_guanyu_de_jiedu_basis_quotes.html").read_bytes())
    found = analyze(html, "https://www.pingtan.gov.cn/zwgk/ztzl/sswgh/sswjd/202211/t20221130_41840.htm")
    assert "福建省十四五现代综合交通运输体系发展专项规划" in found["interpretation"]["quoted_titles"]
    assert "规划" not in found["interpretation"]["quoted_titles"]


def test_interpretation_facts_use_interpreted_titles():
    found = interpretation_facts("关于《示例县农村公路养护办法》的政策解读_示例县人民政府", (), {},
                                 "发布时间：2026-03-02\n《办法》明确了养护责任。详见《示例县农村公路养护办法》。")
    assert found["quoted_titles"] == ["示例县农村公路养护办法"]
    assert found["pub_date"] == "2026-03-02"


# 3. A mixed column (政策文件及解读) holds documents and their 解读 together: sitting in it makes no
#    page a 解读; and a <title> that only names the column (政策文件及解读_站点名) is no article title.
@pytest.mark.parametrize("name,mixed", [
    ("政策文件及解读", True), ("文件与解读", True), ("政策文件和政策解读", True), ("解读及文件", True),
    ("政策解读", False), ("文件解读", False), ("“十四五”解读", False), ("图解", False),
])
def test_is_mixed_column(name, mixed):
    from crawler.extract.interpretation import is_mixed_column
    assert is_mixed_column(name) is mixed


@pytest.mark.parametrize("meta,title,text,detected", [
    # an announcement in a mixed column, its <title> the column name: no 解读
    ({"ColumnName": "政策文件及解读", "ArticleTitle": "公安部：机动车行驶证电子化分三批推广应用"},
     "政策文件及解读_平潭综合实验区党工委管委会",
     "当前位置：首页 > 专题专栏 > 政策文件及解读\n时间：2024-11-14", None),
    ({"ArticleTitle": "示例县关于做好春耕生产的通知"}, "文件与解读 - 示例县人民政府",
     "您现在的位置：首页 > 政务公开 > 文件与解读\n发布日期：2026-03-01", None),
    # a 一图看懂 in the same column is one by its own title
    ({"ColumnName": "政策文件及解读", "ArticleTitle": "一图看懂：机动车行驶证电子化"},
     "政策文件及解读_平潭综合实验区党工委管委会", "时间：2024-11-14 10:36", "title:一图读懂…"),
    # a pure 政策解读 column still makes its pages interpretations
    ({"ColumnName": "政策解读", "ArticleTitle": "市教育局负责人就课后服务答疑"}, "政策解读_示例市教育局",
     "时间：2026-02-01", "meta:ColumnName=政策解读"),
])
def test_mixed_column_and_column_title(meta, title, text, detected):
    found = interpretation_facts(title, (), meta, text)
    assert (found or {}).get("detected_by") == detected


def test_compare_consultation_rows():
    from tests.corpus.truth import compare
    truth = {"kind": "list", "title": "", "footer": {k: None for k in ("site_id", "icp", "psb", "sponsor")},
             "consultation": {"kind": "list", "channel": "consultation", "state": "readable", "reason": "",
                              "messages": [("咨询社保", "http://x.gov.cn/1.html", "2026-03-02", None,
                                            "pending")]}}
    facts = {"kind": "list", "title": "", "soft404": "", "footer": {}, "document": None,
             "consultation": {"kind": "list", "channel": "consultation", "state": "readable", "reason": "",
                              "messages": [{"title": "咨询社保", "url": "http://x.gov.cn/1.html",
                                            "asked_date": "2026-03-02", "replied_date": None,
                                            "status": "pending", "where": "table"}]}}
    rows = [r for r in compare(truth, facts) if r[0].startswith("consultation")]
    assert rows and all(expected == got for _, expected, got in rows)
    facts["consultation"]["messages"][0]["status"] = "replied"
    assert any(expected != got for _, expected, got in compare(truth, facts))

