"""Hostile HTTP servers for the crawler's fault tests, all on 127.0.0.1 (port 0).

``serve(handler)`` starts a threaded server and yields a :class:`Served` (``base_url`` and the
server's request/byte counters). Handlers:

:class:`FaultHandler`   a home page ``/`` linking to every fault in :data:`FAULTS` (slow drip,
                        reset mid-body, redirect loop and 15-hop chain, traps, a 50 MB page, a 500 MB
                        attachment, a gzip bomb, wrong charsets, malformed and binary HTML, 429/503,
                        odd URLs, an empty 200, a server that closes without answering).
:class:`RobotsHandler`  a tiny portal whose robots.txt disallows everything.
:class:`SiteHandler`    a generated portal (home → columns → articles → attachments) with a small
                        per-request delay, for crash/resume tests.
:class:`PrivateLinkHandler` a portal linking and redirecting to another (private) address.
:class:`SinkHandler`    answers everything with 200 and records each request (for the private-address
                        guard: it must stay silent).

``serve(FaultHandler, tls=True)`` wraps the socket in TLS with a throw-away self-signed certificate
(``cryptography`` if installed, else the ``openssl`` CLI; :func:`self_signed_cert` returns None when
neither is available).

Usage::

    with serve(FaultHandler) as srv:
        srv.base_url        # "http://127.0.0.1:PORT"
        srv.bytes_sent["/huge.zip"]
"""

from __future__ import annotations

import gzip
import io
import random
import re
import shutil
import socket
import ssl
import struct
import subprocess
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

MB = 1024 * 1024
PAGE_50MB = 50 * MB
ATTACHMENT_500MB = 500 * MB
BOMB_DECOMPRESSED = 64 * MB
DRIP_SECONDS = 8.0
LONG_URL = "/long?q=" + "x" * 4000
CHINESE_PATH = "/中文路径/政策文件.html"
TITLE = "政务公开测试页"

# The faults on the fault server's home page: path as linked (href) → what it does.
FAULTS: dict[str, str] = {
    "/ok.html": "a plain page",
    "/slow.html": "headers, then a byte every 0.2 s past any timeout",
    "/reset.html": "half the body, then a TCP reset (SO_LINGER 0)",
    "/silent.html": "reads the request and closes without answering",
    "/loop.html": "redirects to itself",
    "/chain/15.html": "a 15-hop redirect chain to /chain/0.html",
    "/trap/list?page=1": "?page=N+1 forever",
    "/calendar?date=2026-11-27": "calendar: ?date= of the day before and after, forever",
    "/session;jsessionid=S0/index.html": "a new ;jsessionid= in every link",
    "/deep/a/": "/deep/a/a/a/… forever",
    "/big.html": "50 MB text/html with Content-Length",
    "/big-stream.html": "50 MB text/html without Content-Length (read until close)",
    "/files/huge.zip": "500 MB attachment (Content-Length)",
    "/bomb.html": "gzip bomb: ~64 KB compressed, 64 MB decompressed",
    "/gbk-as-utf8.html": "GBK bytes declared charset=utf-8",
    "/gbk-undeclared.html": "GBK bytes with no charset anywhere",
    "/malformed.html": "unclosed, mis-nested tags and stray bytes",
    "/binary.html": "random bytes served as text/html",
    "/r429-once.html": "429 Retry-After: 1 once, then 200",
    "/r429-always.html": "always 429 Retry-After: 1",
    "/r503-once.html": "503 once, then 200",
    "/r503-always.html": "always 503",
    CHINESE_PATH: "a Chinese path (raw UTF-8 in the href)",
    "/with space/page 1.html": "spaces in the path",
    "\\backslash\\page.html": "backslashes (IIS style; served as /backslash/page.html)",
    "../../../escape.html": "../ past the root (resolves to /escape.html)",
    LONG_URL: "a 4 KB URL",
    "/empty.html": "200 with an empty body",
    "/files/report.pdf": "a small attachment",
    "/files/missing.pdf": "a missing attachment (404)",
}


@dataclass
class Served:
    """A running server: its base URL and thread-safe counters keyed by request path."""

    base_url: str
    hits: Counter = field(default_factory=Counter)
    bytes_sent: Counter = field(default_factory=Counter)
    requests: list[str] = field(default_factory=list)
    times: dict[str, list[float]] = field(default_factory=dict)

    def total_bytes(self) -> int:
        return sum(self.bytes_sent.values())


class QuietServer(ThreadingHTTPServer):
    """Threaded server whose handler errors (clients hanging up mid-body) are expected and silent."""

    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    served: Served

    def handle_error(self, request: object, client_address: object) -> None:
        pass


class BaseHandler(BaseHTTPRequestHandler):
    """Shared helpers: counted writes, simple answers, quiet logs."""

    protocol_version = "HTTP/1.1"
    server: QuietServer

    def log_message(self, *args: object) -> None:
        pass

    @property
    def served(self) -> Served:
        return self.server.served

    def key(self) -> str:
        """Counter key: the decoded path (query kept), backslashes and %5C normalised to /."""
        return unquote(self.path).replace("\\", "/")

    def write(self, data: bytes) -> None:
        self.wfile.write(data)
        self.served.bytes_sent[self.key()] += len(data)

    def answer(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
               **headers: str) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.write(body)

    def html(self, title: str, links: list[str] = (), body: str = "", status: int = 200) -> None:
        anchors = "".join(f'<li><a href="{href}">{href[:60]}</a></li>' for href in links)
        page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
                f"<body><h1>{title}</h1>{body}<ul>{anchors}</ul></body></html>")
        self.answer(status, page.encode("utf-8"))

    def do_HEAD(self) -> None:  # noqa: N802 - http.server API
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.served.hits[self.key()] += 1
        self.served.requests.append(self.path)
        self.served.times.setdefault(self.key(), []).append(time.monotonic())
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def route(self) -> None:
        raise NotImplementedError


def _gzip_bomb(size: int = BOMB_DECOMPRESSED) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        head = b"<html><head><title>bomb</title></head><body>"
        gz.write(head)
        chunk = b" " * MB
        for _ in range(size // MB):
            gz.write(chunk)
    return out.getvalue()


_BOMB: list[bytes] = []
_BOMB_LOCK = threading.Lock()


def gzip_bomb() -> bytes:
    """The gzip bomb body, built once per process."""
    with _BOMB_LOCK:
        if not _BOMB:
            _BOMB.append(_gzip_bomb())
    return _BOMB[0]


class FaultHandler(BaseHandler):
    """Every fault in :data:`FAULTS`, linked from ``/``."""

    def route(self) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path).replace("\\", "/")
        query = parse_qs(parts.query)
        hits = self.served.hits[self.key()]
        if path == "/robots.txt":
            return self.answer(404, b"", ctype="text/plain")
        if path == "/":
            return self.html(TITLE, list(FAULTS))
        if path in ("/ok.html", "/escape.html", "/backslash/page.html", "/with space/page 1.html",
                    CHINESE_PATH, "/chain/0.html"):
            return self.html(f"{TITLE} {path}", ["/ok.html"])
        if path == "/slow.html":
            return self.drip()
        if path == "/reset.html":
            return self.reset()
        if path == "/silent.html":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return None
        if path == "/loop.html":
            return self.answer(302, b"", Location="/loop.html")
        m = re.fullmatch(r"/chain/(\d+)\.html", path)
        if m:
            return self.answer(301, b"", Location=f"/chain/{int(m.group(1)) - 1}.html")
        if path == "/trap/list":
            n = int((query.get("page") or ["1"])[0] or 1)
            return self.html(f"列表 第{n}页", [f"/trap/list?page={n + 1}"])
        if path == "/calendar":
            day = (query.get("date") or ["2026-11-27"])[0]
            return self.html(f"日历 {day}", [f"/calendar?date={d}" for d in _neighbours(day)])
        if path.startswith("/session;jsessionid="):
            sid = f"S{random.randrange(10 ** 12)}"
            return self.html("会话", [f"/session;jsessionid={sid}/index.html"])
        if path.startswith("/deep/"):
            return self.html("深层", [path + "a/"])
        if path == "/big.html":
            return self.big(PAGE_50MB, declare=True)
        if path == "/big-stream.html":
            return self.big(PAGE_50MB, declare=False)
        if path == "/files/huge.zip":
            return self.big(ATTACHMENT_500MB, declare=True, ctype="application/zip")
        if path == "/bomb.html":
            return self.answer(200, gzip_bomb(), Content_Encoding="gzip")
        if path == "/gbk-as-utf8.html":
            body = f"<html><head><title>{TITLE}</title></head><body><p>政府信息公开</p>"
            return self.answer(200, (body + "</body></html>").encode("gbk"))
        if path == "/gbk-undeclared.html":
            body = f"<html><head><title>{TITLE}</title></head><body><p>政府信息公开指南</p></body></html>"
            return self.answer(200, body.encode("gbk"), ctype="text/html")
        if path == "/malformed.html":
            body = (b"<html><head><title>\xe6\x94\xbf\xe5\x8a\xa1</head><body><div><table><tr><td>"
                    b"<a href='/ok.html'>ok<a href=\"/ok.html\x00\">x</b></i></td></div>&#xFFFFFF;"
                    b"<p <p <<>><!-- unterminated <script>var a='</script")
            return self.answer(200, body)
        if path == "/binary.html":
            return self.answer(200, random.Random(7).randbytes(8192), ctype="text/html")
        if path in ("/r429-once.html", "/r429-always.html"):
            if path.endswith("always.html") or hits == 1:
                return self.answer(429, b"slow down", Retry_After="1")
            return self.html("稍后恢复正常")
        if path in ("/r503-once.html", "/r503-always.html"):
            if path.endswith("always.html") or hits == 1:
                return self.answer(503, b"busy")
            return self.html("繁忙之后恢复")
        if path == "/long":
            return self.html("长网址")
        if path == "/empty.html":
            return self.answer(200, b"")
        if path == "/files/report.pdf":
            return self.answer(200, b"%PDF-1.4\n%%EOF\n", ctype="application/pdf")
        return self.answer(404, "页面不存在".encode("utf-8"))

    def drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.close_connection = True
        deadline = time.monotonic() + DRIP_SECONDS
        while time.monotonic() < deadline:
            self.write(b" ")
            self.wfile.flush()
            time.sleep(0.2)

    def reset(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.write(b"<html><body>" + b"x" * 20000)
        self.wfile.flush()
        time.sleep(0.1)
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()

    def big(self, size: int, declare: bool, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if declare:
            self.send_header("Content-Length", str(size))
        else:
            self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        chunk = b"<p>" + b"x" * (64 * 1024 - 3)
        sent = 0
        while sent < size:
            self.write(chunk)
            sent += len(chunk)


def _neighbours(day: str) -> list[str]:
    import datetime as dt
    try:
        d = dt.date.fromisoformat(day)
    except ValueError:
        d = dt.date(2026, 11, 27)
    return [(d - dt.timedelta(days=1)).isoformat(), (d + dt.timedelta(days=1)).isoformat()]


class RobotsHandler(BaseHandler):
    """A portal of three pages whose robots.txt disallows everything."""

    def route(self) -> None:
        path = urlsplit(self.path).path
        if path == "/robots.txt":
            return self.answer(200, b"User-agent: *\nDisallow: /\n", ctype="text/plain")
        if path == "/":
            return self.html("机器人禁止", ["/a.html", "/b.html"])
        if path in ("/a.html", "/b.html"):
            return self.html(f"页面 {path}")
        return self.answer(404, b"not found")


class SiteHandler(BaseHandler):
    """A generated portal: ``/`` → 8 columns → 20 articles each, with attachments (some missing).

    ``DELAY`` seconds per request make a crawl last a few seconds.
    """

    COLUMNS = 8
    ARTICLES = 20
    DELAY = 0.01

    def route(self) -> None:
        time.sleep(self.DELAY)
        path = urlsplit(self.path).path
        if path == "/robots.txt":
            return self.answer(404, b"", ctype="text/plain")
        if path == "/":
            return self.html("示例门户首页", [f"/col{c}/index.html" for c in range(self.COLUMNS)]
                             + ["/missing-column/index.html"])
        m = re.fullmatch(r"/col(\d+)/index\.html", path)
        if m and int(m.group(1)) < self.COLUMNS:
            c = int(m.group(1))
            return self.html(f"栏目{c}", [f"/col{c}/art{a}.html" for a in range(self.ARTICLES)])
        m = re.fullmatch(r"/col(\d+)/art(\d+)\.html", path)
        if m and int(m.group(1)) < self.COLUMNS and int(m.group(2)) < self.ARTICLES:
            c, a = int(m.group(1)), int(m.group(2))
            links = [f"/files/c{c}a{a}.pdf", "/"]
            if a % 7 == 0:
                links.append(f"/col{c}/gone{a}.html")
            return self.html(f"文章 {c}-{a}", links, body="<p>发布日期:2026-11-01</p>")
        m = re.fullmatch(r"/files/c(\d+)a(\d+)\.pdf", path)
        if m:
            if int(m.group(2)) % 5 == 0:
                return self.answer(404, b"", ctype="text/plain")
            return self.answer(200, b"%PDF-1.4\n", ctype="application/pdf")
        return self.answer(404, "页面不存在".encode("utf-8"))


class PrivateLinkHandler(BaseHandler):
    """An agency portal linking to ``TARGET`` (another loopback server) and redirecting to it.

    Set ``TARGET`` on a subclass (``type("H", (PrivateLinkHandler,), {"TARGET": url})``).
    Paths: ``/`` links to TARGET/page.html, TARGET/file.pdf and ``/hop.html``; ``/hop.html``
    redirects (302) to TARGET/hopped.html; ``/own.html`` is an ordinary page.
    """

    TARGET = "http://127.0.0.2:9"

    def route(self) -> None:
        path = urlsplit(self.path).path
        if path == "/robots.txt":
            return self.answer(404, b"", ctype="text/plain")
        if path == "/":
            return self.html("单位首页", [f"{self.TARGET}/page.html", f"{self.TARGET}/file.pdf",
                                      "/hop.html", "/own.html"])
        if path == "/hop.html":
            return self.answer(302, b"", Location=f"{self.TARGET}/hopped.html")
        if path == "/own.html":
            return self.html("本站页面")
        return self.answer(404, b"not found")


class SinkHandler(BaseHandler):
    """Answers every request with a small page and records it (``served.requests``)."""

    def route(self) -> None:
        self.html("sink")


def self_signed_cert(directory: Path) -> tuple[Path, Path] | None:
    """(cert, key) PEM files for CN=127.0.0.1 in ``directory``; None without cryptography/openssl."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    try:
        import datetime as dt
        import ipaddress

        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        if not shutil.which("openssl"):
            return None
        result = subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
             "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
            capture_output=True, timeout=30)
        return (cert, key) if result.returncode == 0 else None
    private = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                   .public_key(private.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=2))
                   .add_extension(x509.SubjectAlternativeName(
                       [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
                   .sign(private, hashes.SHA256()))
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(private.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return cert, key


@contextmanager
def serve(handler: type[BaseHandler], host: str = "127.0.0.1", tls: bool = False) -> Iterator[Served]:
    """Run ``handler`` on ``host`` port 0 in a thread; yields the :class:`Served` record."""
    if host not in ("127.0.0.1", "127.0.0.2"):
        raise ValueError("test servers bind loopback only")
    httpd = QuietServer((host, 0), handler)
    scheme = "http"
    tmp = None
    if tls:
        tmp = tempfile.TemporaryDirectory()
        pair = self_signed_cert(Path(tmp.name))
        if pair is None:
            httpd.server_close()
            tmp.cleanup()
            raise RuntimeError("no way to make a certificate (cryptography or openssl)")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(pair[0]), str(pair[1]))
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True,
                                           do_handshake_on_connect=False)
        scheme = "https"
    httpd.served = Served(f"{scheme}://{host}:{httpd.server_address[1]}")
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield httpd.served
    finally:
        httpd.shutdown()
        httpd.server_close()
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":  # manual poking: python tests/faultserver.py
    with serve(FaultHandler) as srv:
        print(srv.base_url, flush=True)
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
