"""Page understanding for 政策解读 and 互动回应: interpretation pages, 解读 links, consultation lists
and detail pages — table tests of the pure functions, and whole pages in three CMS styles (TRS,
Hanweb, old gov.cn GBK) through :func:`crawler.extract.analyze`."""

from pathlib import Path

import pytest

from crawler.extract import analyze, decode_html
from crawler.extract.consultation import channel_kind, list_state, message_detail, status_of
from crawler.extract.interpretation import (
    breadcrumb_column,
    column_word,
    doc_numbers,
    normalize_doc_number,
    quoted_titles,
    title_kind,
)

FIXTURES = Path(__file__).parent / "fixtures" / "interaction"


def page(name: str, url: str) -> dict:
    text, _ = decode_html((FIXTURES / name).read_bytes())
    return analyze(text, url)


@pytest.mark.parametrize("title, kind", [
    ("《示例市中小学课后服务管理办法》政策解读", "《…》政策解读"),
    ("《示例市中小学课后服务管理办法》解读_示例市教育局", "《…》政策解读"),
    ("关于《示例县农村人居环境整治提升实施方案》的解读", "《…》政策解读"),
    ("关于《示例县政府投资项目管理办法》的政策解读", "《…》政策解读"),
    ("示例市民办学校年度检查办法解读", "…解读"),
    ("【解读】示例市学前教育质量评估办法", "…解读"),
    ("政策解读：示例市院前医疗急救管理办法", "…解读"),
    ("一图读懂2026年示例市政府工作报告", "一图读懂…"),
    ("一图看懂医保新政", "一图读懂…"),
    ("图解：示例市学前教育质量评估办法", "图解…"),
    ("示例市职业病防治工作方案（图解）", "图解…"),
    ("市教育局负责人就《示例市中小学课后服务管理办法》答记者问", "…答记者问"),
    ("示例市教育局关于印发《示例市中小学课后服务管理办法》的通知", None),
    ("关于开展政策解读工作的通知", None),
    ("市委常委会专题解读会议召开", None),
    ("", None),
])
def test_interpretation_titles(title, kind):
    assert title_kind(title) == kind


@pytest.mark.parametrize("name, word", [
    ("政策解读", "政策解读"), ("解读", "解读"), ("图解政策", "图解"), ("一图读懂", "一图读懂"),
    ("答记者问", "答记者问"), ("政策文件", None), ("回应关切", None), ("", None),
])
def test_interpretation_column_words(name, word):
    assert column_word(name) == word


def test_quoted_titles_and_doc_numbers():
    text = "《示例 市 办法》（示教〔2026〕41号）与皖教[2026]3号、国发〔2018〕第043号《示例市办法》"
    assert quoted_titles(text) == ["示例市办法"]
    assert doc_numbers("（示教〔2026〕41号）") == ["示教〔2026〕41号"]
    assert doc_numbers("皖教【2026】3号") == ["皖教〔2026〕3号"]
    assert normalize_doc_number("国发〔2018〕第043号") == "国发〔2018〕43号"
    assert normalize_doc_number("无") == ""


@pytest.mark.parametrize("text, column", [
    ("当前位置：\n首页\n>\n政策解读\n《示例》政策解读", "政策解读"),
    ("您现在的位置：首页 > 政务公开 > 政策解读\n标题", "政策解读"),
    ("当前位置：首页 > 政策文件\n政策解读 是导航", None),
    ("没有面包屑", None),
])
def test_breadcrumb_column(text, column):
    assert breadcrumb_column(text) == column


def test_trs_interpretation_page():
    facts = page("interp_trs.html", "http://www.example.org/jyj/zcjd/202611/t20261123_2201.shtml")
    found = facts["interpretation"]
    assert found["title"] == "《示例市中小学课后服务管理办法》政策解读"
    assert found["detected_by"] == "title:《…》政策解读"
    assert found["column_name"] == "政策解读"
    assert (found["pub_date"], found["pub_date_label"]) == ("2026-11-23", "发布时间")
    assert found["quoted_titles"][0] == "示例市中小学课后服务管理办法"
    assert found["doc_numbers"] == ["示教〔2026〕41号"]
    # the 原文链接 is an ordinary link, recorded in the page's links
    assert "http://www.example.org/jyj/zcwj/202611/t20261120_1201.shtml" in {
        link["url"] for link in facts["links"]}


def test_gbk_interpretation_with_chinese_date_and_breadcrumb():
    facts = page("interp_gbk.html", "http://www.example.org/zfb/zwgk/zcjd/202609/content_4001.htm")
    found = facts["interpretation"]
    assert found["title"] == "关于《示例县农村人居环境整治提升实施方案》的解读"
    assert found["pub_date"] == "2026-09-07"
    assert found["column_name"] == "政策解读"
    assert found["doc_numbers"] == ["示县政办〔2026〕40号"]


def test_govcn_tujie_with_unlabelled_date():
    found = page("interp_govcn_tujie.html", "http://www.example.org/zcjd/1.htm")["interpretation"]
    assert found["detected_by"] == "title:一图读懂…"
    assert found["title"] == "一图读懂：示例市医疗机构依法执业自查管理办法"
    assert found["pub_date"] == "2026-11-24" and "无标签" in found["pub_date_label"]
    assert found["doc_numbers"] == ["示卫〔2026〕60号"]


def test_policy_document_is_no_interpretation_and_lists_its_interpretation_links():
    facts = page("doc_with_interp_links.html",
                 "http://www.example.org/jyj/zcwj/202611/t20261120_1201.shtml")
    assert facts["interpretation"] is None
    links = {(link["url"].rsplit("/", 1)[1], link["label"]) for link in facts["interpretation_links"]}
    # the nav and footer links to the 政策解读 column and the 相关文件 link are not interpretations
    assert links == {("t20261123_2201.shtml", "相关解读"), ("t20261124_2202.shtml", "anchor")}


@pytest.mark.parametrize("text, kind", [
    ("政务咨询", ("consultation", "政务咨询")), ("局长信箱", ("consultation", "信箱")),
    ("我要留言", ("consultation", "留言")), ("12345问政", ("consultation", "问政")),
    ("网上信访", ("excluded", "信访")), ("纪检监察信箱", ("excluded", "纪检")),
    ("投诉举报", ("excluded", "举报")), ("在线访谈", ("excluded", "访谈")),
    ("意见征集", ("excluded", "征集")), ("工作动态", ("", "")),
])
def test_channel_kinds(text, kind):
    assert channel_kind(text) == kind


@pytest.mark.parametrize("text, status", [
    ("已回复", ("replied", "已回复")), ("已办结", ("replied", "已办结")), ("已答复", ("replied", "已答复")),
    ("未回复", ("pending", "未回复")), ("办理中", ("pending", "办理中")), ("待回复", ("pending", "待回复")),
    ("不予受理", ("invalid", "不予受理")), ("状态： 已 回 复", ("replied", "已回复")), ("", ("", "")),
])
def test_status_words(text, status):
    assert status_of(text) == status


def _messages(facts: dict) -> list[tuple]:
    consultation = facts["consultation"]
    assert consultation["kind"] == "list" and consultation["state"] == "readable"
    return [(m["title"], m["asked_date"], m["asked_label"], m["replied_date"], m["replied_label"],
             m["status"], m["where"]) for m in consultation["messages"]]


def test_gbk_table_list_with_header_row():
    facts = page("consult_table_gbk.html", "http://www.example.org/zfb/hdjl/xzxx/index.htm")
    assert facts["consultation"]["name"] == "县长信箱"
    assert _messages(facts) == [
        ("关于城关镇人民路路灯损坏的问题", "2026-11-02", "留言时间", "2026-11-05", "回复时间", "replied",
         "table"),
        ("咨询国庆期间办事大厅开放时间", "2026-09-30", "留言时间", "2026-10-12", "回复时间", "replied",
         "table"),
        ("农村低保申请需要哪些材料", "2026-11-16", "留言时间", None, "回复时间", "pending", "table"),
        ("反映某小区物业收费问题", "2026-06-01", "留言时间", None, "回复时间", "pending", "table"),
        ("广告推广", "2026-05-20", "留言时间", None, "回复时间", "invalid", "table"),
    ]
    assert facts["pagination"]  # 下一页 pages are followed like any other list


def test_trs_ul_li_rows_with_inline_labels():
    facts = page("consult_ul_inline.html", "http://www.example.org/jyj/hdjl/jzxx/index.shtml")
    assert _messages(facts) == [
        ("孩子转学需要办理什么手续", "2026-11-18", "来信时间", "2026-11-19", "答复时间", "replied", "inline"),
        ("课后服务收费标准是多少", "2026-10-09", "来信时间", "2026-10-20", "答复时间", "replied", "inline"),
        ("教师资格证认定时间咨询", "2026-11-25", "来信时间", None, "", "pending", "inline"),
    ]


def test_hanweb_dl_rows():
    facts = page("consult_dl.html", "http://www.example.org/wsj/col/col2001/index.html")
    assert _messages(facts) == [
        ("新冠疫苗加强针在哪里接种", "2026-11-02", "咨询时间", "2026-11-03", "办理时间", "replied", "dl"),
        ("医师执业注册变更流程", "2026-08-03", "咨询时间", None, "", "pending", "dl"),
    ]


def test_ul_with_header_li():
    facts = page("consult_ul_header.html", "http://www.example.org/zxzx/index.html")
    assert _messages(facts) == [
        ("公租房申请条件", "2026-09-28", "提问时间", "2026-10-09", "答复时间", "replied", "li"),
        ("户籍迁移办理地点", "2026-11-20", "提问时间", None, "答复时间", "pending", "li"),
    ]


def test_gbk_detail_page_table():
    facts = page("consult_detail_gbk.html", "http://www.example.org/zfb/hdjl/xzxx/202609/content_7002.htm")
    consultation = facts["consultation"]
    assert consultation["kind"] == "detail" and consultation["name"] == "县长信箱"
    msg = consultation["message"]
    assert (msg["title"], msg["asked_date"], msg["replied_date"], msg["replier"]) == (
        "咨询国庆期间办事大厅开放时间", "2026-09-30", "2026-10-12", "示例县数据资源管理局")
    assert msg["reply_text"].startswith("您好") and msg["content"].startswith("请问")


def test_detail_page_without_reply():
    msg = page("consult_detail_pending.html", "http://www.example.org/x/1.html")["consultation"]["message"]
    assert (msg["asked_date"], msg["replied_date"], msg["reply_text"]) == ("2026-06-01", None, "")


@pytest.mark.parametrize("name, state, reason", [
    ("consult_js_only.html", "unreadable", "javascript"),
    ("consult_login.html", "unreadable", "login"),
    ("consult_empty.html", "empty", "暂无留言"),
])
def test_lists_that_show_no_rows(name, state, reason):
    consultation = page(name, "http://www.example.org/hdjl/index.html")["consultation"]
    assert (consultation["kind"], consultation["state"], consultation["reason"]) == ("list", state, reason)
    assert consultation["messages"] == []


def test_list_state_never_calls_an_unknown_page_empty():
    assert list_state("<div id='x'></div>", "在线咨询", []) == ("unreadable", "no-rows")


def test_petition_lists_are_recognised_and_excluded():
    consultation = page("xinfang_list.html", "http://www.example.org/xf/index.html")["consultation"]
    assert consultation["channel"] == "excluded" and consultation["kind"] == "list"


@pytest.mark.parametrize("text", [
    "留言内容：请问何时开学？\n留言时间：2026-08-20\n回复内容：9月1日。\n回复时间：2026-08-21",
    "咨询内容\n请问何时开学？\n咨询时间\n2026-08-20\n答复内容\n9月1日。\n答复单位\n市教育局\n答复时间\n2026-08-21",
    "来信内容：请问何时开学？ 来信时间：2026年8月20日 办理结果：9月1日。 办理时间：2026年8月21日",
])
def test_detail_label_variants(text):
    msg = message_detail(text)
    assert (msg["asked_date"], msg["replied_date"]) == ("2026-08-20", "2026-08-21")
    assert msg["reply_text"] == "9月1日。"


def test_ordinary_pages_have_no_interaction_facts():
    facts = analyze("<html><head><title>通知公告</title></head><body><ul>"
                    + "".join(f"<li><a href='/t/{i}.html'>我市已完成第{i}批项目验收</a>"
                              f"<span>2026-11-0{i}</span></li>"
                              for i in range(1, 6)) + "</ul></body></html>", "http://www.example.org/t/")
    assert facts["consultation"] is None and facts["interpretation"] is None
    assert facts["interpretation_links"] == []


def test_detail_reply_placeholder_followed_by_the_footer_is_no_reply():
    msg = message_detail("留言时间：2026-06-01\n留言内容：物业费上调\n回复内容\n暂无回复\n"
                         "主办单位：示例县人民政府办公室 网站标识码：3499010010")
    assert msg["reply_text"] == "" and msg["replied_date"] is None
    answered = message_detail("留言时间：2026-06-01\n留言内容：物业费上调\n回复内容\n已转物业办理。\n"
                              "主办单位：示例县")
    assert answered["reply_text"] == "已转物业办理。"
