"""指引2017 meta tags and footer identifiers (crawler.extract.identity)."""

from pathlib import Path

import pytest

from crawler.extract import analyze, decode_html
from crawler.extract.identity import collect_meta, footer_ids, meta_tags
from crawler.extract.metadata import TextStream
from crawler.extract.page import parse_html

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
SITE = "http://www.example.org"  # the fixtures' made-up host, never fetched
LONG_ARTICLE = "<div class='article'>" + "<p>" + "政务公开工作稳步推进。" * 400 + "</p></div>"


def footer_of(html: str) -> dict:
    return footer_ids(TextStream.from_html(html))


def test_meta_tags_canonical_names_and_empty_values():
    root = parse_html(
        "<html><head><meta name='SiteName' content='示例市人民政府'>"
        "<meta name='sitedomain' content='a.gov.cn'>"
        "<meta name='SiteIDCode' content=''><meta name='ColumnName' content=' 通知公告 '>"
        "<meta name='author' content='张三'><meta name='contentSource' content='省发改委'>"
        "<meta name='url' content='http://a/b.html'><meta name='Maketime' content='2019-03-22'>"
        "<meta http-equiv='Content-Type' content='text/html; charset=utf-8'></head><body></body></html>")
    assert meta_tags(collect_meta(root)) == {
        "SiteName": "示例市人民政府", "SiteDomain": "a.gov.cn", "SiteIDCode": "", "ColumnName": "通知公告",
        "Author": "张三", "ContentSource": "省发改委", "Url": "http://a/b.html"}


def test_duplicated_meta_first_non_empty_wins():
    root = parse_html("<head><meta name='SiteIDCode' content=''><meta name='SiteIDCode' content='1400000045'>"
                      "<meta name='SiteIDCode' content='9999999999'></head>")
    assert meta_tags(collect_meta(root)) == {"SiteIDCode": "1400000045"}


def test_every_guide_2017_tag_is_read():
    from crawler.extract.identity import META_TAGS
    head = "".join(f"<meta name='{name}' content='v{i}'>" for i, name in enumerate(META_TAGS))
    assert meta_tags(collect_meta(parse_html(f"<head>{head}</head>"))) == {
        name: f"v{i}" for i, name in enumerate(META_TAGS)}


FOOTERS = [
    # (html, site_id, icp, psb, sponsor)
    ("<div class='footer'><p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>"
     "<p>网站标识码bm01000001　京ICP备05070218号　京公网安备11010202000001号</p></div>",
     "bm01000001", "京ICP备05070218号", "京公网安备11010202000001号", "国务院办公厅"),
    ("<div class='footer_bg'><p>冀ICP备05029117号-1</p><p><a>冀公网安备 13042002000523号</a></p>"
     "<p>网站标识码 1304000009 </p><p>主办单位： 邯郸市人民政府办公室 </p></div>",
     "1304000009", "冀ICP备05029117号-1", "冀公网安备 13042002000523号", "邯郸市人民政府办公室"),
    ("<footer><span>主办：山西省人民政府办公厅&nbsp;©&nbsp;山西省人民政府网&nbsp;版权所有</span>"
     "<a>晋ICP备12000773号</a><a>晋公网安备 14010502050691号</a><span>网站标识码：1400000045</span></footer>",
     "1400000045", "晋ICP备12000773号", "晋公网安备 14010502050691号", "山西省人民政府办公厅"),
    ("<div id='bottom'>主办：万载县人民政府&nbsp;&nbsp;承办：万载县人民政府办公室<br>赣ICP备11002306号-1"
     "&nbsp;&nbsp;网站标识码：3609220011&nbsp;&nbsp;赣公网安备 36092202000105号</div>",
     "3609220011", "赣ICP备11002306号-1", "赣公网安备 36092202000105号", "万载县人民政府"),
    ("<div class='copyright'>主办单位:河北省财政厅 | Email:hebzfcg@sina.com | 地址:中华南大街48号<br>"
     "冀ICP备13016076号-2 网站标识码: 1300000065<br>冀公网安备 13010402001602</div>",
     "1300000065", "冀ICP备13016076号-2", "冀公网安备 13010402001602", "河北省财政厅"),
    ("<div class='bq'>版权所有：中国载人航天工程官方网站 主办方：中国载人航天工程办公室 "
     "备案序号：京ICP备20027467号-1</div>",
     None, "京ICP备20027467号-1", None, "中国载人航天工程办公室"),
    ("<div class='Foot'>政府网站标识码：bm06000004 京ICP备05022684号-3</div>",
     "bm06000004", "京ICP备05022684号-3", None, None),
    # malformed identifiers are returned raw: the rule judges them
    ("<div class='footer'>网站标识码：33010000 浙ICP备 12345678号</div>",
     "33010000", "浙ICP备 12345678号", None, None),
    # no footer container: the last characters of the page count
    ("<p>首页</p><p>主办：示例县人民政府 皖ICP备05001234号</p>",
     None, "皖ICP备05001234号", None, "示例县人民政府"),
    ("<div class='footer'>联系我们 | 网站地图</div>", None, None, None, None),
]


@pytest.mark.parametrize("html,site_id,icp,psb,sponsor", FOOTERS)
def test_footer_ids(html, site_id, icp, psb, sponsor):
    assert footer_of(html) == {"site_id": site_id, "icp": icp, "psb": psb, "sponsor": sponsor}


def test_sponsor_in_an_article_is_not_a_footer():
    """govcn_zhengce_frag_5352666: the policy text talks about 主办单位."""
    html = ("<div id='UCAP-CONTENT'><p>政务新媒体主办单位按照“谁开设、谁主办”的原则确定。</p>"
            "<p>主办单位：各级政务新媒体的开设单位，负责日常运维。</p></div>")
    assert footer_of(html)["sponsor"] is None


def test_sponsor_far_up_a_long_page_is_not_a_footer():
    html = "<p>主办单位：市科协</p>" + LONG_ARTICLE + "<div class='footer'>网站标识码：3301000001</div>"
    assert footer_of(html) == {"site_id": "3301000001", "icp": None, "psb": None, "sponsor": None}


def test_identifier_in_the_body_of_a_long_page_is_not_the_footer():
    html = "<p>备案号示例：京ICP备00000000号</p>" + LONG_ARTICLE + "<div class='footer'>联系我们</div>"
    assert footer_of(html)["icp"] is None


def test_values_in_comments_do_not_count():
    html = "<div class='footer'><!-- 网站标识码：3301000001 --> 主办单位：示例市政府办公厅 浙ICP备1号</div>"
    assert footer_of(html)["site_id"] is None


def test_empty_siteidcode_meta_and_footer_site_id():
    """Zhejiang: SiteIDCode meta is empty, the footer still shows 网站标识码."""
    text, _ = decode_html((PAGES / "doc_hanweb_art.html").read_bytes())
    facts = analyze(text, "http://fgw.example.org/art/2023/6/8/art_1229_8812345.html")
    assert facts["meta"]["SiteIDCode"] == ""
    assert facts["footer"]["site_id"] == "3301000045"


@pytest.mark.parametrize("name,footer", [
    ("home_portal.html", {"site_id": "3301000001", "icp": "浙ICP备05012345号-2",
                          "psb": "浙公网安备 33010002000001号", "sponsor": "示例市人民政府办公厅"}),
    ("doc_trs_table.html", {"site_id": "3301000001", "icp": "浙ICP备12345678号-1",
                            "psb": "浙公网安备 33010202000123号", "sponsor": "示例市人民政府办公厅"}),
    ("doc_trs_gbk.html", {"site_id": "3410220001", "icp": "皖ICP备05001234号",
                          "psb": "皖公网安备34102202000001号", "sponsor": "示例县人民政府办公室"}),
    ("doc_govcn.html", {"site_id": None, "icp": None, "psb": None, "sponsor": None}),
])
def test_fixture_footers(name, footer):
    text, _ = decode_html((PAGES / name).read_bytes())
    assert analyze(text, f"{SITE}/")["footer"] == footer
