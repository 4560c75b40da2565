"""Wording, hidden-link, hijack-marker, signature and attachment-text detectors, table-driven."""

from __future__ import annotations

import pytest

from crawler.extract.page import parse_html
from crawler.safety import attachments
from crawler.safety.hidden import hidden_links
from crawler.safety.markers import judge, registrable_domain
from crawler.safety.privacy import summarize
from crawler.safety.signatures import mismatch, signature
from crawler.safety.text import blocks_of_html
from crawler.safety.wording import WordingListError, builtin_list, find_wording, parse_pairs
from tests.safetyfiles import (docx_bytes, make_id, ofd_bytes, pdf_bytes, word97_bytes,
                               xlsx_bytes)

ID = make_id("34010319900101123")

# --- wording ----------------------------------------------------------------------------------
WORDING = [
    ("中华人民共合国宪法", ["中华人民共合国"]),
    ("坚持中国共产常的领导", ["中国共产常"]),
    ("建设社会主意现代化国家", ["社会主意"]),
    ("国务院办工厅关于…的通知", ["国务院办工厅"]),
    ("示例市人民攻府", ["人民攻府"]),            # the longer pair wins over 攻府
    ("中华人民共和国、中国共产党、社会主义", []),
    ("广泛听取社会主意见", []),                   # not_after: 见
    ("发起进攻府库", []),                         # not_before: 进
]


@pytest.mark.parametrize("text,expected", WORDING)
def test_wording_builtin(text, expected):
    _, pairs = builtin_list()
    assert [h.wrong for h in find_wording(text, pairs)] == expected


def test_wording_list_is_versioned_and_sourced():
    version, pairs = builtin_list()
    assert version and len(pairs) >= 20
    assert all(p.wrong and p.right and p.source and p.wrong != p.right for p in pairs)


def test_team_pairs_and_their_errors():
    pairs = parse_pairs([{"wrong": "王示列", "right": "王示例", "source": "领导名单"}], "agency")
    hit = find_wording("王示列同志出席", pairs)[0]
    assert (hit.right, hit.origin, hit.context) == ("王示例", "agency", "王示列同志出席")
    for bad in ([{"wrong": "a", "right": "a", "source": "s"}], [{"wrong": "a"}], "a"):
        with pytest.raises(WordingListError):
            parse_pairs(bad, "profile")


def test_wording_only_in_visible_text():
    html = ("<html><head><title>国务院办工厅</title><script>var a='中国共产常'</script></head><body>"
            "<!-- 中华人民共合国 --><img alt='社会主意'><p>正文</p></body></html>")
    _, pairs = builtin_list()
    found = [(h.wrong, b.where) for b in blocks_of_html(html) for h in find_wording(b.text, pairs)]
    assert found == [("国务院办工厅", "标题")]


def test_wording_context_is_masked():
    _, pairs = builtin_list()
    hit = find_wording(f"中华人民共合国公民 {ID}", pairs)[0]
    assert ID not in hit.context and "3401**********" in hit.context


# --- hidden links -----------------------------------------------------------------------------
SITE = "http://www.example.org/"
HIDDEN = [
    ("inline display:none", "<div style='display:none'><a href='http://bet.example.net/'>x</a></div>",
     "display:none"),
    ("important", "<div style='DISPLAY: none !important'><a href='http://bet.example.net/'>x</a></div>",
     "display:none"),
    ("visibility", "<span style='visibility:hidden'><a href='http://bet.example.net/'>x</a></span>",
     "visibility:hidden"),
    ("off-screen inline", "<div style='position:absolute;top:-3000px'><a href='http://bet.example.net/'>x</a>"
     "</div>", "off-screen"),
    ("text-indent", "<p style='text-indent:-9999px'><a href='http://bet.example.net/'>x</a></p>",
     "off-screen"),
    ("font-size 0", "<p style='font-size:0px'><a href='http://bet.example.net/'>x</a></p>", "font-size:0"),
    ("zero size", "<div style='height:0;overflow:hidden'><a href='http://bet.example.net/'>x</a></div>",
     "zero-size"),
    ("1px marquee", "<marquee style='height:1px;overflow:hidden'><a href='http://bet.example.net/'>x</a>"
     "</marquee>", "zero-size"),
    ("hidden attribute", "<div hidden><a href='http://bet.example.net/'>x</a></div>", "hidden-attribute"),
    ("page css class", "<style>.k{display:none}</style><div class='k'><a href='http://bet.example.net/'>x</a>"
     "</div>", "display:none"),
    ("page css id in @media", "<style>@media screen{#k{position:fixed;left:-2000px}}</style><div id='k'>"
     "<a href='http://bet.example.net/'>x</a></div>", "off-screen"),
    ("page css descendant", "<style>.foot p{font-size:0}</style><div class='foot'><p>"
     "<a href='http://bet.example.net/'>x</a></p></div>", "font-size:0"),
]
NOT_HIDDEN = [
    ("visible", "<p><a href='http://bet.example.net/'>x</a></p>"),
    ("same site", "<div style='display:none'><a href='/inner.html'>x</a></div>"),
    ("same site absolute", "<div style='display:none'><a href='http://www.example.org/a'>x</a></div>"),
    ("gov site", "<div style='display:none'><a href='http://www.example.gov.cn/'>x</a></div>"),
    ("menu class", "<ul class='subnav' style='display:none'><li><a href='http://p.example.net/'>x</a></ul>"),
    ("tab by script", "<div id='box3' style='display:none'><a href='http://p.example.net/'>x</a></div>"
     "<script>document.getElementById('box3').style.display='block'</script>"),
    ("hover rule", "<style>.m{display:none}.nav1:hover .m{display:block}</style><div class='m'>"
     "<a href='http://p.example.net/'>x</a></div>"),
    ("onclick handler", "<a onclick=\"show('pp')\">更多</a><div id='pp' style='display:none'>"
     "<a href='http://p.example.net/'>x</a></div>"),
    ("print only", "<style>@media print{.k{display:none}}</style><div class='k'>"
     "<a href='http://p.example.net/'>x</a></div>"),
    ("inline overrides page css", "<style>.k{display:none}</style><div class='k' style='display:block'>"
     "<a href='http://p.example.net/'>x</a></div>"),
    ("small offset", "<div style='position:relative;left:-20px'><a href='http://p.example.net/'>x</a></div>"),
    ("javascript link", "<div style='display:none'><a href='javascript:void(0)'>x</a></div>"),
    ("comment", "<!-- <div style='display:none'><a href='http://bet.example.net/'>x</a></div> -->"),
    ("jquery hide call is no reference", "<style>.nothide{display:block}</style><p>"
     "<a href='http://p.example.net/'>x</a></p><script>$('.x').hide()</script>"),
]


def other_site(url: str) -> bool:
    return not url.startswith(SITE)


@pytest.mark.parametrize("name,body,method", HIDDEN, ids=[h[0] for h in HIDDEN])
def test_hidden(name, body, method):
    found = hidden_links(parse_html(f"<html><body>{body}</body></html>"), SITE, other_site)
    assert [(f["target"], f["method"]) for f in found] == [("http://bet.example.net/", method)]


@pytest.mark.parametrize("name,body", NOT_HIDDEN, ids=[n[0] for n in NOT_HIDDEN])
def test_not_hidden(name, body):
    assert hidden_links(parse_html(f"<html><body>{body}</body></html>"), SITE, other_site) == []


# --- hijack markers ---------------------------------------------------------------------------
MARKERS = [
    ("该域名正在出售", "", "a.org", "a.org", "parked"),
    ("", "This domain is for sale! Buy this domain", "a.org", "a.org", "parked"),
    ("澳门娱乐城", "百家乐 在线投注", "a.org", "a.org", "gambling"),
    ("欢迎", "注册送彩金", "a.org", "b.net", "gambling"),       # one marker after a cross-domain redirect
    ("成人视频", "一夜情 裸聊", "a.org", "a.org", "porn"),
    ("警方打击网络赌博", "破获百家乐赌博案", "a.org", "a.org", ""),  # one marker, same domain
    ("体育新闻", "体育投注站", "a.org", "a.org", ""),
    ("示例单位", "欢迎访问", "a.org", "b.net", ""),             # moved, but nothing suspicious
]


@pytest.mark.parametrize("title,text,link,final,category", MARKERS)
def test_hijack_markers(title, text, link, final, category):
    verdict = judge(title, text, link, final)
    assert (verdict.category if verdict.hijacked else "") == category


@pytest.mark.parametrize("url,domain", [
    ("http://www.example.gov.cn/a", "example.gov.cn"), ("https://a.b.example.com.cn/", "example.com.cn"),
    ("http://example.org:8080/", "example.org"), ("http://127.0.0.1:9/", "127.0.0.1"),
    ("localhost", "localhost"),
])
def test_registrable_domain(url, domain):
    assert registrable_domain(url) == domain


# --- signatures -------------------------------------------------------------------------------
HTML_ERROR = "<!DOCTYPE html><html><head><title>页面不存在</title></head><body>404</body></html>".encode()
SIGNATURES = [
    ("pdf", pdf_bytes([["x"]]), "pdf", False),
    ("pdf", HTML_ERROR, "html", True),
    ("pdf", b"", "empty", True),
    ("pdf", xlsx_bytes([["a"]]), "zip", True),
    ("docx", docx_bytes(["a"]), "zip", False),
    ("docx", pdf_bytes([["x"]]), "pdf", True),
    ("docx", word97_bytes("a"), "ole", False),        # a password-protected .docx is OLE
    ("doc", word97_bytes("a"), "ole", False),
    ("doc", docx_bytes(["a"]), "zip", False),          # Word opens a .docx named .doc
    ("wps", word97_bytes("a"), "ole", False),
    ("xls", b"<html><body><table><tr><td>1</td></tr></table></body></html>", "html-table", False),
    ("xls", "<html><head><title>出错了 错误</title></head><body><table></table></body></html>".encode(),
     "html", True),
    ("xlsx", xlsx_bytes([["a"]]), "zip", False),
    ("ofd", ofd_bytes([["a"]]), "zip", False),
    ("zip", HTML_ERROR, "html", True),
    ("csv", "a,b\n1,2\n".encode("gbk"), "text", False),
    ("csv", HTML_ERROR, "html", True),
    ("rar", b"Rar!\x1a\x07\x00xx", "rar", False),
]


@pytest.mark.parametrize("ext,body,detected,bad", SIGNATURES)
def test_signatures(ext, body, detected, bad):
    assert signature(body) == detected
    assert mismatch(ext, detected) is bad


# --- attachment text --------------------------------------------------------------------------
def leaks(body: bytes, ext: str) -> tuple[str, dict]:
    status, _, blocks = attachments.extract_blocks(body, ext)
    return status, summarize(blocks)


def test_xlsx_roster():
    body = xlsx_bytes([["序号", "姓名", "身份证号", "手机"], [1, "张三", ID, 13912345678],
                       [2, "李四", "3401**********1234", "139****5678"]], sheet="名单")
    status, found = leaks(body, "xlsx")
    assert status == "scanned"
    assert found["id_number"]["samples"][0]["where"] == "表「名单」第2行 第C列"
    assert found["mobile"]["numbers"] == 1  # a numeric cell is read as digits, not 13912345678.0


def test_et_written_as_xlsx():
    assert leaks(xlsx_bytes([[ID]]), "et")[1]["id_number"]["numbers"] == 1


def test_docx_paragraphs_and_tables():
    other = make_id("11010519851231002")
    status, found = leaks(docx_bytes([f"公示：张三 {ID}"], [["姓名", "身份证"], ["李四", other]]), "docx")
    assert status == "scanned" and found["id_number"]["numbers"] == 2
    assert {s["where"] for s in found["id_number"]["samples"]} == {"段落 1", "表格 1 第2行第2列"}


def test_text_pdf_pages():
    status, found = leaks(pdf_bytes([["cover"], [f"ID {ID}"]]), "pdf")
    assert status == "scanned" and found["id_number"]["samples"][0]["where"] == "第 2 页"


def test_word97_doc_and_wps():
    body = word97_bytes(f"拟录用人员公示\r张三 {ID}\r")
    for ext in ("doc", "wps"):
        status, found = leaks(body, ext)
        assert status == "scanned" and found["id_number"]["samples"][0]["where"] == "段落 2"


def test_ofd_pages():
    status, found = leaks(ofd_bytes([["封面"], [f"身份证号 {ID}"]]), "ofd")
    assert status == "scanned" and found["id_number"]["samples"][0]["where"] == "第 2 页"


def test_gbk_csv():
    status, found = leaks(f"姓名,身份证\n张三,{ID}\n".encode("gbk"), "csv")
    assert status == "scanned" and found["id_number"]["samples"][0]["where"] == "第2行 第B列"


def test_html_table_saved_as_xls():
    body = f"<html><body><table><tr><td>张三</td><td>{ID}</td></tr></table></body></html>".encode()
    assert leaks(body, "xls")[1]["id_number"]["numbers"] == 1


@pytest.mark.parametrize("body,ext,status", [
    (b"%PDF-1.4 broken", "pdf", "unreadable"),
    (pdf_bytes([[]]).replace(b"BT\n/F1 12 Tf\n14 TL\n50 800 Td\nET", b" " * 31), "pdf", "unreadable"),
    (b"PK\x03\x04 not really a zip", "xlsx", "unreadable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "doc", "unreadable"),
    (b"PK\x03\x04", "zip", "unsupported"),
])
def test_never_clean_when_not_read(body, ext, status):
    assert attachments.extract_blocks(body, ext)[0] == status


def test_over_the_cap_is_not_scanned():
    assert attachments.extract_blocks(b"%PDF-", "pdf", truncated=True)[0] == "too-large"
