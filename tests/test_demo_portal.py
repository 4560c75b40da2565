"""The bundled demo portal: it serves what its truth dict says, in the shapes real CMSs use."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest

from crawler.agencies import load_agencies
from demo.server import DEMO_AS_OF, serve_demo

LINK_KINDS = {"404", "500", "refused", "timeout", "redirect-to-error", "soft-404", "image", "pdf"}
RULE_IDS = {
    "doc-number-missing", "doc-written-date-missing", "doc-effective-date-missing",
    "doc-download-missing", "doc-number-malformed", "doc-dates-inconsistent", "column-stale",
    "column-blank", "site-id-malformed", "psb-missing", "guide-element-missing",
    "annual-report-missing", "meta-tag-missing",
    "doc-interpretation-missing", "doc-interpretation-late", "reply-overdue", "reply-unanswered",
}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, data: bytes | None = None, headers: dict | None = None,
          follow: bool = True, timeout: float = 5) -> tuple[int, dict, bytes]:
    """(status, headers, body) without raising on HTTP errors."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def text(url: str) -> str:
    """The page's text, decoded by its declared charset (gb2312 read as gb18030)."""
    _, headers, body = fetch(url)
    return body.decode("gb18030" if "gb2312" in headers.get("Content-Type", "") else "utf-8")


@pytest.fixture(scope="module")
def portal():
    with serve_demo() as running:
        yield running


def test_agencies_file_is_valid_and_points_at_the_portal(portal):
    agencies = load_agencies(portal.agencies_file)
    assert [a.id for a in agencies] == ["jyj", "wsj", "zfb"]
    assert {a.path_prefix for a in agencies} == {"/jyj/", "/wsj/", "/zfb/"}
    assert all(a.url.startswith(portal.base_url + a.path_prefix) for a in agencies)
    assert {a.id: a.level for a in agencies}["zfb"] == "government"
    assert urlsplit(portal.base_url).hostname == "127.0.0.1"
    for agency in agencies:
        status, _, _ = fetch(agency.url)
        assert status == 200


def test_gbk_agency_is_served_as_gbk_bytes(portal):
    status, headers, body = fetch(portal.url("zfb", "index.htm"))
    assert status == 200
    assert "charset=gb2312" in headers["Content-Type"]
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    text = body.decode("gb18030")
    assert 'content="text/html; charset=gb2312"' in text
    assert "网站标识码：349901001" in text and "公网安备" not in text
    _, _, doc = fetch(portal.url("zfb", "zwgk/zfwj/202609/content_3001.htm"))
    doc_text = doc.decode("gb18030")
    assert 'class="bd1"' in doc_text and "二〇二六年八月二十八日" not in doc_text
    assert "二〇二六年九月一日" in doc_text and "2026年09月05日" in doc_text
    assert 'id="UCAP-CONTENT"' in doc_text


def test_trs_pagination_only_through_create_page_html(portal):
    _, _, body = fetch(portal.url("jyj", "zcwj/index.shtml"))
    text = body.decode("utf-8")
    assert 'createPageHTML(4, 0, "index", "shtml")' in text
    assert "index_1" not in text
    for k in (1, 2, 3):
        status, _, page = fetch(portal.url("jyj", f"zcwj/index_{k}.shtml"))
        assert status == 200 and f'createPageHTML(4, {k}, "index", "shtml")' in page.decode("utf-8")
    hidden = portal.truth["reachable_only_via"]["createPageHTML"]
    assert portal.url("jyj", "zcwj/index_3.shtml") in hidden


def test_hanweb_dataproxy_answers_the_remaining_records(portal):
    _, _, page = fetch(portal.url("wsj", "col/col1003/index.html"))
    text = page.decode("utf-8")
    assert '<script type="text/xml">' in text and "totalRecord: 12" in text
    hidden = [u for u in portal.truth["reachable_only_via"]["dataproxy"] if "/art_1003_" in u]
    assert len(hidden) == 7  # the 政策文件 column's; the 政策解读 column (col1007) pages the same way
    assert not any(urlsplit(u).path in text for u in hidden)
    url = portal.url("wsj", "module/web/jpage/dataproxy.jsp?startrecord=6&endrecord=12&perpage=5")
    body = b"col=1&appid=1&webid=1&path=/wsj/&columnid=1003&unitid=5003&permissiontype=0"
    status, headers, answer = fetch(url, data=body,
                                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and "xml" in headers["Content-Type"]
    xml = answer.decode("utf-8")
    assert xml.count("<record>") == 7 and "<datastore>" in xml
    assert all(urlsplit(u).path in xml for u in hidden)
    for u in hidden:
        assert fetch(u)[0] == 200


def test_error_endpoints(portal):
    assert fetch(portal.url("jyj", "no/such/page.html"))[0] == 404
    for _ in range(3):
        assert fetch(portal.url("wsj", "jrobot/search.do"))[0] == 500
    status, _, body = fetch(portal.url("wsj", "col/col1099/index.html"))
    assert status == 200 and "页面不存在" in body.decode("utf-8")
    status, headers, _ = fetch(portal.url("jyj", "old/bszn.html"), follow=False)
    assert status == 302 and headers["Location"].startswith(portal.base_url)
    assert fetch(portal.url("jyj", "old/bszn.html"))[0] == 404
    status, headers, _ = fetch(portal.url("wsj", "zwdt.html"), follow=False)
    assert status == 301
    assert fetch(portal.url("wsj", "zwdt.html"))[0] == 200
    assert fetch(portal.url("jyj", "internal/"))[0] == 403
    _, _, robots = fetch(portal.base_url + "/robots.txt")
    assert b"Disallow: /jyj/private/" in robots


def test_helper_ports_refuse_hang_and_serve(portal):
    refused = urlsplit(portal.refused_url)
    with pytest.raises(ConnectionRefusedError), \
            socket.create_connection((refused.hostname, refused.port), timeout=2):
        pass
    hang = urlsplit(portal.hanging_url)
    with socket.create_connection((hang.hostname, hang.port), timeout=2) as sock:
        sock.sendall(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        sock.settimeout(0.5)
        with pytest.raises(TimeoutError):
            sock.recv(1)
    assert fetch(portal.external_url + "/")[0] == 200
    assert fetch(portal.external_url + "/news/1.html")[0] == 200


def test_content_types_and_conditional_requests(portal):
    _, headers, _ = fetch(portal.url("jyj", "js/page.js"))
    assert headers["Content-Type"].startswith("application/javascript")
    article = fetch(portal.url("wsj", "col/col1003/index.html"))[2].decode("utf-8")
    first = re.search(r'href="(/wsj/art/[^"]+)"', article).group(1)
    pdf = re.search(r'href="([^"]+\.pdf)"', fetch(portal.base_url + first)[2].decode("utf-8")).group(1)
    status, headers, body = fetch(portal.base_url + pdf)
    assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    status, headers, body = fetch(portal.url("jyj", "index.html"))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert fetch(portal.url("jyj", "index.html"), headers={"If-None-Match": headers["ETag"]})[0] == 304


def test_truth_is_self_consistent(portal):
    truth = portal.truth
    assert truth["as_of"] == DEMO_AS_OF and truth["variant"] == "initial"
    served = (portal.base_url, portal.external_url, portal.refused_url, portal.hanging_url)
    links = truth["links"]
    assert {link["kind"] for link in links} == LINK_KINDS
    assert len({link["target"] for link in links}) == len(links)
    for kind in LINK_KINDS - {"timeout"}:
        places = {link["on_home"] for link in links if link["kind"] == kind}
        assert places == {True, False}, kind
    assert [link["on_home"] for link in links if link["kind"] == "timeout"] == [False]
    for link in links:
        assert link["target"].startswith(served), link
        assert link["rule"] == ("home-link-broken" if link["on_home"] else "link-broken")
        if link["target"].startswith(portal.base_url):
            status = fetch(link["target"])[0]
            if link["kind"] == "soft-404":
                assert status == 200 and "页面不存在" in text(link["target"])
            else:
                assert status >= 400, link
        if link["on_home"]:
            home = next(a["url"] for a in portal.agencies if a["id"] == link["agency"])
            html = text(home)
            target = link["target"]
            assert (target.removeprefix(portal.base_url) in html) or (target in html), link
    for entry in truth["not_broken"]:
        if entry["target"].startswith("http"):
            assert entry["target"].startswith(served), entry
    for finding in truth["findings"]:
        assert finding["rule"] in RULE_IDS, finding
        assert finding["url"].startswith(portal.base_url + "/" + finding["agency"] + "/"), finding
        assert fetch(finding["url"])[0] == 200, finding
        if finding["rule"] in ("column-stale", "column-blank"):
            assert finding["url"].endswith("/")
    for url in truth["clean"]["news_documents"] + truth["clean"]["fresh_columns"]:
        assert fetch(url)[0] == 200
    assert not set(truth["clean"]["fresh_columns"]) & {f["url"] for f in truth["findings"]}


def test_fixed_variant_on_the_same_ports():
    with serve_demo() as portal:
        initial = portal.truth
        ports = portal.ports
        portal.set_variant("fixed")
        fixed = portal.truth
        assert portal.ports == ports and fixed["variant"] == "fixed"
        assert fixed["fixed_in_variant"] == initial["fixed_in_variant"] != []

        def keys(truth: dict) -> set:
            return ({("link", x["agency"], x["target"]) for x in truth["links"]}
                    | {("finding", x["rule"], x["url"], x["field"]) for x in truth["findings"]})

        def key(entry: dict) -> tuple:
            if entry["type"] == "link":
                return ("link", entry["agency"], entry["target"])
            return ("finding", entry["rule"], entry["url"], entry["field"])
        for entry in fixed["fixed_in_variant"]:
            assert key(entry) in keys(initial) and key(entry) not in keys(fixed)
        for entry in fixed["new_in_variant"]:
            assert key(entry) not in keys(initial) and key(entry) in keys(fixed)
        guide = fetch(portal.url("wsj", "art/2026/1/6/art_1006_4001.html"))[2].decode("utf-8")
        assert "传真" in guide and "邮政编码" in guide
        reports = fetch(portal.url("zfb", "zwgk/ndbg/index.htm"))[2].decode("gb18030")
        assert "2025年政府信息公开工作年度报告" in reports
    with serve_demo("fixed", ports=ports) as again:
        assert again.base_url == portal.base_url and again.truth["variant"] == "fixed"


def test_everything_stops_when_the_context_ends():
    with serve_demo() as portal:
        ports = portal.ports
    for name in ("main", "external", "hanging"):
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", ports[name]), timeout=1).close()
    with pytest.raises(ValueError):
        with serve_demo("broken"):
            pass
