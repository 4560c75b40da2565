"""Link classification, trap guards and address classes (no network)."""

import pytest

from crawler.outcomes import failure_verdict, http_verdict
from crawler.urls import (
    Scope,
    dedup_key,
    is_attachment,
    is_private_address,
    is_special,
    pattern_key,
    should_follow,
    trap_reason,
)

SCOPE = Scope(["http://127.0.0.1:8000", "https://www.example.org:443"], "")
SHARED = Scope(["http://zwgk.example.org:80"], "/jyj/")


@pytest.mark.parametrize("url, tag, expected", [
    ("http://127.0.0.1:8000/index.html", "a", "internal"),
    ("http://127.0.0.1:8001/index.html", "a", "external"),  # same host, other port: not ours
    ("https://www.example.org/col/col1/index.html", "a", "internal"),
    ("http://www.example.org/col/col1/index.html", "a", "external"),  # other scheme
    ("http://127.0.0.1:8000/P020261120512.pdf", "a", "attachment"),
    ("http://127.0.0.1:8000/files/通知.DOCX", "a", "attachment"),
    ("http://127.0.0.1:8000/a/b.wps", "a", "attachment"),
    ("http://127.0.0.1:8000/a/b.ofd", "a", "attachment"),
    ("http://127.0.0.1:8000/a/b.et", "a", "attachment"),
    ("http://127.0.0.1:8000/images/logo.png", "img", "attachment"),
    ("javascript:void(0)", "a", "special"),
    ("JavaScript:;", "a", "special"),
    ("mailto:gk@example.org", "a", "special"),
    ("tel:0551-1234567", "a", "special"),
    ("#top", "a", "special"),
    ("", "a", "special"),
    ("ftp://files.example.org/x", "a", "special"),
])
def test_classify(url, tag, expected):
    assert SCOPE.classify(url, tag) == expected


@pytest.mark.parametrize("url, expected", [
    ("http://zwgk.example.org/jyj/tzgg/index.shtml", "internal"),
    ("http://zwgk.example.org/wsj/tzgg/index.shtml", "external"),  # another department on the platform
    ("http://zwgk.example.org:80/jyj/", "internal"),
])
def test_path_prefix_scope(url, expected):
    assert SHARED.classify(url, "a") == expected


@pytest.mark.parametrize("url, tag, scope_kind, follow", [
    ("http://127.0.0.1:8000/a.html", "a", "internal", True),
    ("http://127.0.0.1:8000/a.html", "img", "internal", False),
    ("http://127.0.0.1:8000/style.css", "link", "internal", False),
    ("http://127.0.0.1:8000/app.js", "a", "internal", False),
    ("http://127.0.0.1:8000/index_2.shtml", "pagination", "internal", True),
    ("http://127.0.0.1:8001/a.html", "a", "external", False),
    ("http://127.0.0.1:8000/a.pdf", "a", "attachment", False),
])
def test_should_follow(url, tag, scope_kind, follow):
    assert should_follow(url, tag, scope_kind) is follow


def test_dedup_key_drops_fragment_session_and_orders_query():
    assert dedup_key("http://H/a;jsessionid=ABC?b=2&a=1#x") == dedup_key("http://h/a?a=1&b=2")
    assert dedup_key("http://h/a?sid=1&page=2") == dedup_key("http://h/a?page=2")
    assert dedup_key("http://h/a?page=2") != dedup_key("http://h/a?page=3")


@pytest.mark.parametrize("url, depth, reason", [
    ("http://h/a.html", 1, ""),
    ("http://h/" + "x" * 3000, 1, "url-too-long"),
    ("http://h/a.html", 30, "too-deep"),
    ("http://h/a/a/a/a/b.html", 2, "repeated-path-segment"),
    ("http://h/" + "/".join(f"d{i}" for i in range(25)), 2, "path-too-deep"),
])
def test_trap_reason(url, depth, reason):
    assert trap_reason(url, depth, max_depth=15) == reason


def test_pattern_key_groups_calendar_and_page_families():
    assert pattern_key("http://h/cal?date=2026-01-01") == pattern_key("http://h/cal?date=2031-05-09")
    assert pattern_key("http://h/list?page=7") == pattern_key("http://h/list?page=99999")
    assert pattern_key("http://h/list?page=7") != pattern_key("http://h/other?page=7")


@pytest.mark.parametrize("address, private", [
    ("10.1.2.3", True), ("172.16.0.1", True), ("172.31.255.255", True), ("172.32.0.1", False),
    ("192.168.1.1", True), ("127.0.0.2", True), ("169.254.169.254", True), ("::1", True),
    ("fc00::1", True), ("fd12:3456::1", True), ("fe80::1", True), ("[::1]", True),
    ("::ffff:10.0.0.1", True), ("100.64.0.1", True),
    ("8.8.8.8", False), ("2001:db8::1", False), ("www.example.org", False),
])
def test_private_addresses(address, private):
    assert is_private_address(address) is private


@pytest.mark.parametrize("status, redirected, soft, expected", [
    (200, False, "", ("ok", "")),
    (301, False, "", ("ok", "")),
    (404, False, "", ("broken", "http-404")),
    (410, False, "", ("broken", "http-410")),
    (500, False, "", ("broken", "http-500")),
    (404, True, "", ("broken", "redirect-to-error")),
    (200, False, "页面不存在", ("broken", "soft-404")),
    (401, False, "", ("review", "http-401")),
    (403, False, "", ("review", "http-403")),
    (429, False, "", ("review", "http-429")),
])
def test_http_verdict(status, redirected, soft, expected):
    assert http_verdict(status, redirected, soft) == expected


@pytest.mark.parametrize("err, expected", [
    ("timeout", "broken"), ("refused", "broken"), ("reset", "broken"), ("dns", "broken"),
    ("tls", "broken"), ("robots", "review"), ("too-large", "review"), ("blocked-private", "skipped"),
])
def test_failure_verdict(err, expected):
    assert failure_verdict(err)[0] == expected


def test_attachment_and_special_helpers():
    assert is_attachment("http://h/P020240506.PDF")
    assert not is_attachment("http://h/t20240506_1.shtml")
    assert is_special("mailto:x@y") and not is_special("http://h/")
