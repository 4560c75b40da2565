"""analyze() and decode_html() never raise, whatever a server sends."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extract import analyze, analyze_dataproxy, decode_html
from crawler.extract.page import empty_facts

KEYS = set(empty_facts())
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fragments that steer random text into the parser's and the readers' interesting paths.
PIECES = st.sampled_from([
    "<html>", "</html>", "<body>", "</body>", "<!--", "-->", "<table><tr><td>", "</td><td>", "</tr>",
    "<dl><dt>", "<dd>", "<li><span>", "</span>", "<a href='", "'>", "</a>", "<img src=x alt=", "<base href=",
    "<script>", "</script>", "<style>", "<meta name='PubDate' content='", "<title>", "</title>",
    "索 引 号：", "发文字号：", "文号：无", "成文日期：", "发布日期：", "【索引号】", "2020-02-30",
    "二〇二〇年三月五日", "10-20", "自印发之日起施行", "本办法自2024年1月1日起施行", "主办单位：",
    "网站标识码：", "京ICP备05070218号",
    "公网安备", "页面不存在", "404", "政府信息公开指南", "办公地址：", "2019年政府信息公开工作年度报告",
    "createPageHTML(3, 0, 'index', 'html')", "var countPage = 2", "<script type='text/xml'><datastore>",
    "<record><![CDATA[<li><a href='/a.html'>x</a><span>2020-01-01</span></li>]]></record>",
    "javascript:", "mailto:", "#", "\u3000", "&nbsp;", "\x00", "\ud800",
    "<?xml version='1.0' encoding='gbk'?>",
])
HTMLISH = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=40).map("".join)
URLS = st.sampled_from(["", "http://www.example.org/a/b.html", "not a url", "http://[::1", "file:///x"])


@SETTINGS
@given(HTMLISH, URLS, st.booleans())
def test_analyze_never_raises_on_text(html, url, is_home):
    facts = analyze(html, url, is_home=is_home)
    assert set(facts) == KEYS
    assert isinstance(facts["links"], list) and isinstance(facts["title"], str)


@SETTINGS
@given(st.binary(max_size=2000), URLS)
def test_analyze_never_raises_on_bytes(body, url):
    assert set(analyze(body, url)) == KEYS


@SETTINGS
@given(st.binary(max_size=2000), st.one_of(st.none(), st.sampled_from(
    ["utf-8", "gb2312", "gbk", "GB18030", "big5", "latin-1", "no-such-charset", "text/html; charset=gbk",
     "text/html", "", "charset="])))
def test_decode_html_never_raises(body, declared):
    text, encoding = decode_html(body, declared)
    assert isinstance(text, str) and isinstance(encoding, str) and encoding


@SETTINGS
@given(HTMLISH)
def test_analyze_dataproxy_never_raises(text):
    facts = analyze_dataproxy(text, "http://www.example.org/module/web/jpage/dataproxy.jsp")
    assert isinstance(facts.get("items"), list)


def test_decode_html_gbk_declared_and_undeclared():
    page = "<html><head><meta charset='gb2312'><title>政务公开</title></head><body>索引号：一</body></html>"
    assert decode_html(page.encode("gbk"), None) == (page, "gb18030")
    bare = page.replace("<meta charset='gb2312'>", "")
    assert decode_html(bare.encode("gbk"), None) == (bare, "gb18030")
    assert decode_html(bare.encode("gbk"), "gbk") == (bare, "gb18030")
    assert decode_html(bare.encode("gbk"), "text/html; charset=GB2312") == (bare, "gb18030")


def test_decode_html_repairs_wrong_declarations():
    page = "<html><head><meta charset='gbk'><title>首页</title></head><body>政务公开</body></html>"
    assert decode_html(page.encode("utf-8"), None) == (page, "utf-8")  # UTF-8 declared as GBK
    assert decode_html(page.encode("gbk"), "utf-8") == (page, "gb18030")  # GBK served as UTF-8


def test_decode_html_bom_and_empty():
    assert decode_html("\ufeff<p>中文</p>".encode("utf-8"), "gbk")[1] == "utf-8"
    assert decode_html(b"", None) == ("", "utf-8")


def test_empty_and_junk_input():
    assert analyze("", "http://www.example.org/") == empty_facts()
    assert analyze(b"", "") == empty_facts()
    assert analyze("   \n", "")["kind"] == "other"
    assert analyze("", "", is_home=True)["kind"] == "home"
    assert analyze(None, "") == empty_facts()  # type: ignore[arg-type]
