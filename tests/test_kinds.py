"""Links, page kinds, soft-404s, 公开指南 elements, annual-report years, downloads (crawler.extract.kinds)."""

from pathlib import Path

import pytest

from crawler.extract import analyze, decode_html
from crawler.extract.kinds import (
    download_links,
    extract_links,
    guide_elements,
    page_kind,
    report_year,
    resolve_url,
    soft404_reason,
)
from crawler.extract.page import parse_html

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
# Made-up hosts: links are resolved against them, nothing is fetched.
SITE = "http://www.example.org"
PAGE = f"{SITE}/zwgk/tzgg/202403/t20240315_1.html"


def links_of(html: str, url: str = PAGE) -> list[tuple[str, str, str]]:
    facts = analyze(html, url)
    return [(link["tag"], link["url"], link["text"]) for link in facts["links"]]


@pytest.mark.parametrize("raw,expected", [
    ("../202402/t20240201_9.html", f"{SITE}/zwgk/tzgg/202402/t20240201_9.html"),
    ("./P020240315.pdf", f"{SITE}/zwgk/tzgg/202403/P020240315.pdf"),
    ("/col/col1229/index.html", f"{SITE}/col/col1229/index.html"),
    ("index.html#list", f"{SITE}/zwgk/tzgg/202403/index.html"),
    ("/附件/公共数据 目录.xlsx",
     f"{SITE}/%E9%99%84%E4%BB%B6/%E5%85%AC%E5%85%B1%E6%95%B0%E6%8D%AE%20%E7%9B%AE%E5%BD%95.xlsx"),
    ("?page=2", f"{SITE}/zwgk/tzgg/202403/t20240315_1.html?page=2"),
    ("//cdn.example.org/a.js", "http://cdn.example.org/a.js"),
    ("HTTP://WWW.Example.ORG/A.html", f"{SITE}/A.html"),
    ("  /a.html\n ", f"{SITE}/a.html"),
    ("/search?q=政务 公开", f"{SITE}/search?q=%E6%94%BF%E5%8A%A1%20%E5%85%AC%E5%BC%80"),
    ("javascript:void(0)", "javascript:void(0)"),
    ("JavaScript:window.print()", "JavaScript:window.print()"),
    ("mailto:zfb@example.org", "mailto:zfb@example.org"),
    ("tel:0571-12345678", "tel:0571-12345678"),
    ("#top", "#top"),
    ("data:image/png;base64,iVBORw0KGgo=", None),
    ("", None),
    ("   ", None),
])
def test_resolve_url(raw, expected):
    assert resolve_url(raw, PAGE) == expected


def test_every_link_tag_with_its_text():
    html = (
        "<html><head><link rel='stylesheet' href='/css/a.css'><link rel='shortcut icon' href='/favicon.ico'>"
        "<link rel='canonical' href='/canonical.html'><script src='/js/a.js'></script></head><body>"
        "<a href='/zwgk/'>政务 \n 公开</a>"
        "<a href='/logo/'><img src='/images/logo.png' alt='示例市人民政府'></a>"
        "<iframe src='/weather/'></iframe><frame src='/frame.html'>"
        "<map><area href='/zt/' alt='专题'></map><embed src='/a.swf'><video><source src='/v.mp4'></video>"
        "<!-- <a href='/in-comment.html'>注释里的链接</a> -->"
        "<a href='/zwgk/#x'>重复</a><a name='anchor-without-href'>无</a></body></html>")
    assert links_of(html) == [
        ("link", f"{SITE}/css/a.css", ""),
        ("link", f"{SITE}/favicon.ico", ""),
        ("script", f"{SITE}/js/a.js", ""),
        ("a", f"{SITE}/zwgk/", "政务 公开"),
        ("a", f"{SITE}/logo/", "示例市人民政府"),
        ("img", f"{SITE}/images/logo.png", "示例市人民政府"),
        ("iframe", f"{SITE}/weather/", ""),
        ("frame", f"{SITE}/frame.html", ""),
        ("area", f"{SITE}/zt/", "专题"),
        ("embed", f"{SITE}/a.swf", ""),
        ("source", f"{SITE}/v.mp4", ""),
    ]


def test_base_href_is_used():
    html = (f"<html><head><base href='{SITE}/qzf/'></head>"
            "<body><a href='a.html'>a</a></body></html>")
    assert links_of(html, "http://other.example.org/x/y.html") == [("a", f"{SITE}/qzf/a.html", "a")]


def test_extract_links_on_nothing():
    assert extract_links(None, PAGE) == []
    assert extract_links(parse_html("<p>无链接</p>"), PAGE) == []


def test_home_fixture_links():
    text, _ = decode_html((PAGES / "home_portal.html").read_bytes())
    facts = analyze(text, f"{SITE}/", is_home=True)
    urls = {(link["tag"], link["url"]) for link in facts["links"]}
    assert ("a", f"{SITE}/%E6%96%87%E4%BB%B6/2024%20%E5%B9%B4%E6%8A%A5.pdf") in urls
    assert ("a", "javascript:void(0)") in urls and ("a", "#main") in urls
    assert ("a", "mailto:zfb@example.org") in urls
    assert ("area", f"{SITE}/zt/2024lh/") in urls and ("embed", f"{SITE}/flash/banner.swf") in urls
    assert not any("old/index.html" in url or url.startswith("data:") or "canonical" in url
                   for _, url in urls)
    assert facts["kind"] == "home" and facts["document"] is None


# ------------------------------------------------------------------ soft 404
@pytest.mark.parametrize("title,text,reason", [
    ("404 Not Found", "", "title:404 Not Found"),
    ("页面不存在", "", "title:页面不存在"),
    ("提示信息", "抱歉，您访问的页面不存在或已被删除！返回首页", "text:您访问的页面不存在"),
    ("示例市人民政府", "首页 政务公开 对不起，找不到该页面 返回首页", "text:找不到该页面"),
    ("出错了", "", "title:出错了"),
    ("错误", "HTTP 404 - 文件或目录未找到。", "text:404"),
    ("示例市人民政府", "信息公开 该信息已被删除 网站地图", "text:该信息已被删除"),
    ("Not Found", "The requested URL was not found on this server.", "title:Not Found"),
    ("示例", "页面已删除", "text:页面已删除"),
    # not error pages
    ("关于下达2024年404个项目资金的通知", "正文", ""),
    ("示例市人民政府", "关于下达404个项目的通知。" + "政务公开工作稳步推进。" * 300, ""),
    ("示例市人民政府", "首页 通知公告 " * 10, ""),
    ("", "", ""),
])
def test_soft404_reason(title, text, reason):
    assert soft404_reason(title, text) == reason


def test_soft404_page_kind():
    text, _ = decode_html((PAGES / "home_soft404.html").read_bytes())
    facts = analyze(text, f"{SITE}/missing.html")
    assert facts["soft404"] == "text:您访问的页面不存在"
    assert facts["kind"] == "other"


# ------------------------------------------------------------------ 公开指南
def test_guide_elements_from_text():
    text = ("一、信息公开机构\n受理机构：示例县人民政府办公室\n办公地址：示例县人民路1号\n"
            "办公时间：工作日8:30-17:30\n联系电话：0558-1234567\n传　　真：0558-7654321\n"
            "邮政编码：236500\n电子邮箱：xxgk@example.org")
    assert guide_elements(text) == {
        "office": "示例县人民政府办公室", "address": "示例县人民路1号", "hours": "工作日8:30-17:30",
        "phone": "0558-1234567", "fax": "0558-7654321", "postcode": "236500",
        "online": "xxgk@example.org"}


def test_guide_elements_need_a_colon_or_a_shape():
    got = guide_elements("申请人可以通过互联网在线申请。咨询电话 0571-88880000 邮编 310000")
    assert got["online"] is None
    assert got["phone"] == "0571-88880000" and got["postcode"] == "310000"


@pytest.mark.parametrize("name,guide", [
    ("guide_text.html", {"office": "示例县人民政府办公室", "address": "示例县人民路1号行政中心3楼",
                         "hours": "工作日上午8:30-12:00，下午14:30-17:30（法定节假日除外）",
                         "phone": "0558-1234567", "fax": "0558-7654321", "postcode": "236500",
                         "online": "xxgk@example.org"}),
    # the footer's 邮编/传真/邮箱 are not the guide's: they stay missing
    ("guide_partial.html", {"office": "示例市交通运输局办公室", "address": "示例市解放路88号",
                            "hours": None, "phone": "0571-88880000", "fax": None, "postcode": None,
                            "online": None}),
])
def test_guide_fixtures(name, guide):
    text, encoding = decode_html((PAGES / name).read_bytes())
    facts = analyze(text, f"{SITE}/xxgk/gkzn/")
    assert facts["kind"] == "guide"
    assert facts["guide"] == guide


def test_guide_column_page_is_not_a_guide():
    html = ("<html><head><title>政府信息公开指南</title></head><body><ul>"
            + "".join(f"<li><a href='/gszbm/auto{i}/'>市第{i}局</a></li>" for i in range(10))
            + "</ul></body></html>")
    facts = analyze(html, f"{SITE}/gkzn/")
    assert facts["guide"] is None and facts["kind"] != "guide"


# ------------------------------------------------------------------ 年度报告
@pytest.mark.parametrize("title,year", [
    ("示例市2019年政府信息公开工作年度报告", 2019),
    ("2023年度政府信息公开工作报告", 2023),
    ("示例市交通运输局2022年政府信息公开年报", 2022),
    ("鄂尔多斯市2019年政府信息公开工作年度报告", 2019),
    ("政府信息公开工作年度报告", None),
    ("示例市2019年国民经济和社会发展统计公报", None),
    ("2024年度工作总结", None),
])
def test_report_year(title, year):
    assert report_year(title) == year


def test_annual_report_fixture():
    text, _ = decode_html((PAGES / "doc_annual_report.html").read_bytes())
    facts = analyze(text, f"{SITE}/xxgk/ndbg/202401/t20240126_555.html")
    assert (facts["kind"], facts["report_year"]) == ("annual_report", 2023)
    assert facts["document"]["fields"]["pub_date"]["date"] == "2024-01-26"


# ------------------------------------------------------------------ downloads
def test_download_links():
    links = [
        {"tag": "a", "url": f"{SITE}/a/P0202403.pdf", "text": "附件1"},
        {"tag": "a", "url": f"{SITE}/a/b.DOCX", "text": "说明"},
        {"tag": "a", "url": f"{SITE}/a/c.et", "text": "表格"},
        {"tag": "a", "url": f"{SITE}/module/download/downfile.jsp?id=1", "text": "点击下载"},
        {"tag": "a", "url": f"{SITE}/app/", "text": "APP下载"},
        {"tag": "a", "url": f"{SITE}/a/page.html", "text": "政策解读"},
        {"tag": "script", "url": f"{SITE}/jquery.min.js.下载", "text": ""},
        {"tag": "iframe", "url": f"{SITE}/viewer/d.ofd", "text": ""},
        {"tag": "a", "url": "javascript:download()", "text": "下载"},
        {"tag": "a", "url": f"{SITE}/a/P0202403.pdf", "text": "重复"},
    ]
    assert download_links(links) == [
        f"{SITE}/a/P0202403.pdf", f"{SITE}/a/b.DOCX", f"{SITE}/a/c.et",
        f"{SITE}/module/download/downfile.jsp?id=1", f"{SITE}/viewer/d.ofd"]


# ------------------------------------------------------------------ kind
@pytest.mark.parametrize("args,kind", [
    (dict(is_home=True, soft404="", guide=False, report=False, document=False, dated_body=False,
          items=30, paginated=True), "home"),
    (dict(is_home=False, soft404="title:404", guide=False, report=False, document=True,
          dated_body=False, items=0, paginated=False), "other"),
    (dict(is_home=False, soft404="", guide=True, report=False, document=True, dated_body=False,
          items=0, paginated=False), "guide"),
    (dict(is_home=False, soft404="", guide=False, report=True, document=True, dated_body=False,
          items=3, paginated=False), "annual_report"),
    (dict(is_home=False, soft404="", guide=False, report=False, document=True, dated_body=False,
          items=8, paginated=False), "document"),
    (dict(is_home=False, soft404="", guide=False, report=False, document=False, dated_body=True,
          items=20, paginated=True), "list"),
    (dict(is_home=False, soft404="", guide=False, report=False, document=False, dated_body=True,
          items=0, paginated=False), "document"),
    (dict(is_home=False, soft404="", guide=False, report=False, document=False, dated_body=False,
          items=1, paginated=False), "other"),
])
def test_page_kind(args, kind):
    assert page_kind(**args) == kind
