"""The private-address guard (SSRF): a crawled page must not make us request an internal address.

End to end: an agency on 127.0.0.1 links to (and redirects to) a server on 127.0.0.2 — that server
receives no request unless ``--allow-private``. Unit level: the guard's decision for every private
range, with a stubbed resolver and no traffic. (Report escaping and ``../`` in agency ids are
tested with the reports and with ``crawler/agencies.py``.)
"""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from faultserver import PrivateLinkHandler, SinkHandler, serve
from scrapy import Request

from crawler.middlewares import BlockedAddress, PrivateAddressGuard
from crawler.outcomes import error_class, failure_verdict
from crawler.urls import is_private_address

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.timeout(120)


def loopback2_available() -> bool:
    try:
        with socket.socket() as sock:
            sock.bind(("127.0.0.2", 0))
        return True
    except OSError:
        return False


def crawl_private(tmp_path: Path, *extra: str) -> tuple[list[dict], list[str], str]:
    """Crawl an agency linking to a 127.0.0.2 sink; (link_checks, sink's requests, sink base URL)."""
    with serve(SinkHandler, host="127.0.0.2") as sink:
        handler = type("Portal", (PrivateLinkHandler,), {"TARGET": sink.base_url})
        with serve(handler) as portal:
            agencies = tmp_path / "agencies.yml"
            agencies.write_text(f'- {{id: unit, name: 单位, url: "{portal.base_url}/"}}\n', encoding="utf-8")
            db = tmp_path / "sec.db"
            proc = subprocess.run(
                [sys.executable, "cli.py", "crawl", "--agencies", str(agencies), "--db", str(db),
                 "--timeout", "2", "--workers", "1", "--quiet", *extra],
                cwd=ROOT, capture_output=True, text=True, timeout=100)
            assert proc.returncode == 0, proc.stderr[-2000:]
        requests = list(sink.requests)
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    checks = [dict(r) for r in conn.execute("select * from link_checks")]
    conn.close()
    return checks, requests, sink.base_url


@pytest.mark.skipif(not loopback2_available(), reason="cannot bind 127.0.0.2")
def test_private_target_never_requested(tmp_path):
    checks, requests, sink = crawl_private(tmp_path)
    assert requests == []
    outcome = {r["url"].replace(sink, "SINK"): (r["verdict"], r["error"], r["reason"]) for r in checks}
    blocked = ("skipped", "blocked-private", "blocked-private")
    assert outcome["SINK/page.html"] == blocked
    assert outcome["SINK/file.pdf"] == blocked
    # the redirect hop from the agency's own server to 127.0.0.2 is refused too
    hop = [r for r in checks if r["url"].endswith("/hop.html")][0]
    assert (hop["verdict"], hop["error"]) == ("skipped", "blocked-private")
    assert sink in hop["final_url"]
    own = [r for r in checks if r["url"].endswith("/own.html")][0]
    assert own["verdict"] == "ok"


@pytest.mark.skipif(not loopback2_available(), reason="cannot bind 127.0.0.2")
def test_allow_private_requests_it(tmp_path):
    checks, requests, sink = crawl_private(tmp_path, "--allow-private")
    paths = {r.split("?")[0] for r in requests}
    assert {"/page.html", "/file.pdf", "/hopped.html"} <= paths
    assert not [r for r in checks if r["error"] == "blocked-private"]


# --- the guard alone, no traffic ---------------------------------------------------------------

FAKE_DNS = {
    "intranet.example.org": ["10.20.30.40"],
    "router.example.org": ["192.168.1.1"],
    "docker.example.org": ["172.17.0.2"],
    "metadata.example.org": ["169.254.169.254"],
    "loop.example.org": ["127.0.0.53"],
    "v6loop.example.org": ["::1"],
    "ula.example.org": ["fd00::5"],
    "mixed.example.org": ["202.96.0.1", "10.0.0.1"],   # one private answer is enough
    "www.example.org": ["202.96.0.1"],
    "v6.example.org": ["2400:da00::1"],
}


@pytest.fixture
def guard(monkeypatch):
    """A guard that owns 127.0.0.1 and resolves through FAKE_DNS only."""
    calls: list[str] = []

    def fake_getaddrinfo(host, port, *args, **kwargs):
        calls.append(host)
        if host not in FAKE_DNS:
            raise socket.gaierror(socket.EAI_NONAME, "unknown in test")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0))
                for a in FAKE_DNS[host]]

    monkeypatch.setattr("crawler.middlewares.socket.getaddrinfo", fake_getaddrinfo)
    g = PrivateAddressGuard({"127.0.0.1", "portal.example.org"})
    g.calls = calls
    return g


@pytest.mark.parametrize("url", [
    "http://10.0.0.1/", "http://10.255.255.255/x", "http://172.16.0.1/", "http://172.31.255.254/",
    "http://192.168.0.1/", "http://192.168.255.255/", "http://127.0.0.2/", "http://127.255.255.254:8080/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[::1]:8080/x",
    "http://[fc00::1]/", "http://[fdff:ffff::1]/", "http://[::ffff:10.0.0.1]/",
    "http://intranet.example.org/", "http://router.example.org/", "http://docker.example.org/",
    "http://metadata.example.org/", "http://loop.example.org/", "http://v6loop.example.org/",
    "http://ula.example.org/", "http://mixed.example.org/",
])
def test_guard_blocks_private(guard, url):
    with pytest.raises(BlockedAddress):
        guard.process_request(Request(url))


@pytest.mark.parametrize("url", [
    "http://www.example.org/", "http://v6.example.org/", "http://202.96.0.1/",
    "http://172.32.0.1/", "http://[2400:da00::1]/",
    "http://127.0.0.1:1234/",            # an agency's own host, any port
    "http://portal.example.org/",      # configured host: not even resolved
    "http://unknown.example.org/",     # does not resolve: let the download fail as dns
])
def test_guard_allows(guard, url):
    assert guard.process_request(Request(url)) is None


def test_guard_allows_per_request_opt_in(guard):
    assert guard.process_request(Request("http://10.0.0.1/", meta={"allow_private": True})) is None


def test_guard_resolves_each_host_once(guard):
    for _ in range(3):
        with pytest.raises(BlockedAddress):
            guard.process_request(Request("http://intranet.example.org/a"))
    assert guard.calls.count("intranet.example.org") == 1
    guard.process_request(Request("http://portal.example.org/"))
    assert "portal.example.org" not in guard.calls


@pytest.mark.parametrize("url", ["http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/",
                                 "http://127.1/", "http://localhost:8080/"])
def test_guard_blocks_numeric_loopback_spellings(url):
    """Decimal, hex, octal and short IPv4 forms are numeric for getaddrinfo: no DNS traffic."""
    guard = PrivateAddressGuard({"portal.example.org"})
    with pytest.raises(BlockedAddress):
        guard.process_request(Request(url))


@pytest.mark.parametrize("address, private", [
    ("10.0.0.0", True), ("10.255.255.255", True), ("172.16.0.0", True), ("172.31.255.255", True),
    ("172.15.255.255", False), ("172.32.0.0", False), ("192.168.0.0", True), ("192.169.0.1", False),
    ("127.0.0.1", True), ("127.255.255.255", True), ("169.254.0.1", True), ("169.255.0.1", False),
    ("::1", True), ("fc00::", True), ("fdff:ffff:ffff:ffff::1", True), ("fe00::1", False),
    ("::ffff:192.168.0.1", True), ("::ffff:8.8.8.8", False), ("0.0.0.0", True), ("::", True),
])
def test_is_private_address_ranges(address, private):
    assert is_private_address(address) is private


def test_blocked_address_outcome():
    class Failure:
        value = BlockedAddress("blocked-private: 10.0.0.1 is 10.0.0.1")

    err = error_class(Failure())
    assert err == "blocked-private"
    assert failure_verdict(err) == ("skipped", "blocked-private")
