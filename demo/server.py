"""Serve the bundled demo portal on 127.0.0.1, with helper servers for every kind of link fault.

Usage::

    with serve_demo() as portal:            # or serve_demo("fixed")
        portal.base_url                      # http://127.0.0.1:PORT
        portal.agencies_file                 # YAML for ``cli.py crawl --agencies``
        portal.truth["links"]                # planted broken links, see DemoPortal
        portal.set_variant("fixed")          # same ports, some problems fixed (run-to-run diff)

Four listeners, all bound to 127.0.0.1 on free ports and closed when the context ends:

- the **main server** (``ThreadingHTTPServer``): the three agencies ``/jyj/``, ``/wsj/``,
  ``/zfb/``, ``robots.txt`` and the Hanweb ``dataproxy.jsp`` endpoint (GET or POST);
- an **external server** on another port serving valid pages (links to it are fine);
- a **refused** port (bound once to learn a free number, then closed: connections are refused);
- a **hanging** port that accepts connections and never answers (costs one timeout).

Unknown paths answer 404. Pages answer ``ETag``/``Last-Modified`` and honour conditional
requests with 304, like the CMSs whose re-crawls should be cheap.
"""

from __future__ import annotations

import email.utils
import hashlib
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml

from demo.site import AS_OF, DEMO_AS_OF, VARIANTS, Resource, Site

__all__ = ["DEMO_AS_OF", "DemoPortal", "serve_demo", "AGENCIES"]

HOST = "127.0.0.1"
AGENCIES = [
    {"id": "jyj", "name": "示例市教育局", "path_prefix": "/jyj/", "home": "/jyj/index.html",
     "level": "department"},
    {"id": "wsj", "name": "示例市卫生健康委员会", "path_prefix": "/wsj/", "home": "/wsj/index.html",
     "level": "department"},
    {"id": "zfb", "name": "示例县人民政府办公室", "path_prefix": "/zfb/", "home": "/zfb/index.htm",
     "level": "government"},
]
LAST_MODIFIED = email.utils.formatdate(
    __import__("calendar").timegm(AS_OF.timetuple()) - 86400, usegmt=True)
NOT_FOUND = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404 Not Found</title></head>"
             "<body><h1>404 Not Found</h1><p>The requested URL was not found on this server.</p>"
             "</body></html>").encode("utf-8")
DATAPROXY = "/wsj/module/web/jpage/dataproxy.jsp"
INDEX_LEAVES = ("index.html", "index.shtml", "index.htm")


class _QuietServer(ThreadingHTTPServer):
    """A threading HTTP server with daemon threads that does not print client disconnects."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # noqa: D401 - stdlib override
        """Ignore errors of clients that went away."""


class _MainHandler(BaseHTTPRequestHandler):
    """Looks paths up in the current :class:`Site` of the portal."""

    server_version = "nginx"
    sys_version = ""
    portal: DemoPortal  # set on a subclass per portal

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        """No access log on stderr."""

    def _resource(self) -> Resource | None:
        path = urlsplit(self.path).path
        site = self.portal.site
        found = site.resources.get(path)
        if found is None and path.endswith("/"):
            for leaf in INDEX_LEAVES:
                if path + leaf in site.resources:
                    return site.resources[path + leaf]
        return found

    def _send(self, resource: Resource, head: bool = False) -> None:
        body = resource.body
        etag = '"' + hashlib.md5(body).hexdigest()[:16] + '"'
        fresh_ok = resource.status == 200
        if_none_match = self.headers.get("If-None-Match")
        # RFC 9110 §13.2.2: If-None-Match, when present, decides; If-Modified-Since only without it.
        unchanged = (if_none_match == etag if if_none_match is not None
                     else self.headers.get("If-Modified-Since") == LAST_MODIFIED)
        if fresh_ok and unchanged:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(resource.status)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(body)))
        if fresh_ok:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
        for key, value in resource.headers.items():
            self.send_header(key, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _dataproxy(self, body: str) -> Resource:
        query = parse_qs(urlsplit(self.path).query)
        form = parse_qs(body)

        def value(name: str, default: str = "") -> str:
            return (form.get(name) or query.get(name) or [default])[0]

        def number(name: str, default: int) -> int:
            text = value(name)
            return int(text) if text.isdigit() else default

        per_page = number("perpage", 15)
        start = number("startrecord", 1)
        end = number("endrecord", start + per_page - 1)
        data = self.portal.site.dataproxy_answer(value("columnid"), start, end, per_page)
        return Resource(200, data, "text/xml; charset=utf-8")

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        """Serve a page, a redirect, an error or a dataproxy answer."""
        self._answer(head=False, body="")

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib naming
        """Like GET without the body."""
        self._answer(head=True, body="")

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        """Only the Hanweb ``dataproxy.jsp`` takes POSTs; anything else is 404."""
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        self._answer(head=False, body=body, post=True)

    def _answer(self, head: bool, body: str, post: bool = False) -> None:
        if urlsplit(self.path).path == DATAPROXY:
            self._send(self._dataproxy(body), head)
            return
        resource = None if post else self._resource()
        if resource is None:
            resource = Resource(404, NOT_FOUND)
        self._send(resource, head)


class _ExternalHandler(BaseHTTPRequestHandler):
    """The "external" site: a home page, one news page and robots.txt; 404 otherwise."""

    server_version = "nginx"
    sys_version = ""
    PAGES = {
        "/": "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>示例省人民政府</title></head>"
             "<body><h1>示例省人民政府</h1><p>欢迎访问。</p></body></html>",
        "/news/1.html": "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                        "<title>示例省卫生健康委员会</title></head><body><h1>示例省卫生健康委员会</h1><p>新闻动态。</p></body></html>",
        "/robots.txt": "User-agent: *\nDisallow:\n",
    }

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        """No access log on stderr."""

    def _answer(self, head: bool) -> None:
        path = urlsplit(self.path).path
        text = self.PAGES.get(path)
        status = 200 if text is not None else 404
        data = (text if text is not None else "<html><body>404</body></html>").encode("utf-8")
        self.send_response(status)
        kind = "text/plain" if path.endswith(".txt") else "text/html"
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        """Serve a page."""
        self._answer(False)

    def do_HEAD(self) -> None:  # noqa: N802 - stdlib naming
        """Headers only."""
        self._answer(True)


class _HangingServer:
    """Accepts TCP connections on 127.0.0.1 and never answers; closes them all on :meth:`close`."""

    def __init__(self, port: int = 0) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((HOST, port))
        self.sock.listen(64)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="demo-hang", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            self.held.append(conn)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        for conn in self.held:
            try:
                conn.close()
            except OSError:
                pass
        self.held.clear()
        self.sock.close()


def _refused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound once to learn it, then closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class DemoPortal:
    """A running demo portal.

    ``base_url``       the main server, ``http://127.0.0.1:PORT`` (no trailing slash)
    ``agencies``       the agencies as written to ``agencies_file`` (id, name, url, path_prefix, …)
    ``agencies_file``  a YAML file in a temporary directory, for ``cli.py crawl --agencies``
    ``truth``          the planted problems of the variant being served:
        ``links``      [{agency, target, on_home, kind, rule}] every planted broken link; ``kind`` ∈
                       404, 500, refused, timeout, redirect-to-error, soft-404, image, pdf; ``rule``
                       home-link-broken (on_home) or link-broken
        ``not_broken`` [{agency, target, on_home, kind, verdict}] links that must not count as
                       broken: external (ok), redirect-ok (301 to a page, ok), 403 and robots
                       (review), mailto/tel/javascript/fragment (ignored, never requested)
        ``findings``   [{agency, rule, url, field}] planted content problems, ``url`` as
                       DESIGN.md says (document page, column first page ending in ``/``, guide
                       page, home page)
        ``fixed_in_variant`` / ``new_in_variant``: entries (``type`` link or finding) that the
                       ``fixed`` variant no longer has / newly has, whichever variant is served
        ``clean``      news_documents (must get no doc-* finding), fresh_columns (no column-stale),
                       plain_notices (notice articles without a metadata block)
        ``reachable_only_via``: createPageHTML / dataproxy → URLs found no other way
        ``columns``    [{agency, url, name, type, pages}]
    """

    base_url: str
    external_url: str
    refused_url: str
    hanging_url: str
    agencies: list[dict]
    agencies_file: Path
    variant: str = "initial"
    site: Site = field(repr=False, default=None)  # type: ignore[assignment]

    @property
    def truth(self) -> dict:
        """The planted problems of the variant currently served (a fresh copy)."""
        return self.site.truth()

    @property
    def ports(self) -> dict[str, int]:
        """Ports of the four listeners: main, external, refused, hanging."""
        return {name: urlsplit(url).port or 0 for name, url in (
            ("main", self.base_url), ("external", self.external_url),
            ("refused", self.refused_url), ("hanging", self.hanging_url))}

    def url(self, agency_id: str, path: str = "") -> str:
        """Absolute URL of ``path`` inside an agency: ``url("jyj", "tzgg/")`` → …/jyj/tzgg/."""
        for agency in self.agencies:
            if agency["id"] == agency_id:
                return self.base_url + agency["path_prefix"] + path.lstrip("/")
        raise KeyError(f"unknown demo agency {agency_id!r}")

    def set_variant(self, variant: str) -> None:
        """Serve another variant from now on, on the same ports (for run-to-run diffs)."""
        self.site = Site(self.base_url, self.external_url, self.refused_url, self.hanging_url, variant)
        self.variant = variant


def _start(server: ThreadingHTTPServer, name: str) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              name=name, daemon=True)
    thread.start()
    return thread


STABLE_PORTS = {"main": 18730, "external": 18731, "refused": 18732, "hanging": 18733}


def stable_ports() -> dict[str, int] | None:
    """The demo's usual ports when all are free (so runs of ``cli.py demo --keep-db`` can be
    compared by ``cli.py diff``), else None (free ports are used)."""
    for port in STABLE_PORTS.values():
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((HOST, port))
            except OSError:
                return None
    return dict(STABLE_PORTS)


@contextmanager
def serve_demo(variant: str = "initial", ports: dict[str, int] | None = None) -> Iterator[DemoPortal]:
    """Start the demo portal and its helper servers; stop everything when the block ends.

    ``variant`` is ``initial`` or ``fixed`` (some planted problems fixed, one new: see
    ``truth["fixed_in_variant"]`` and ``truth["new_in_variant"]``). ``ports`` (keys ``main``,
    ``external``, ``refused``, ``hanging``, from a previous :attr:`DemoPortal.ports`) reuses the
    ports of an earlier portal so URLs match across runs; by default every port is a free one.
    """
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
    ports = ports or {}
    servers: list[ThreadingHTTPServer] = []
    threads: list[threading.Thread] = []
    hanging: _HangingServer | None = None
    tmp = tempfile.TemporaryDirectory(prefix="govaudit-demo-")
    try:
        main = _QuietServer((HOST, ports.get("main", 0)), _MainHandler)
        servers.append(main)
        external = _QuietServer((HOST, ports.get("external", 0)), _ExternalHandler)
        servers.append(external)
        hanging = _HangingServer(ports.get("hanging", 0))
        refused = ports.get("refused") or _refused_port()
        base = f"http://{HOST}:{main.server_address[1]}"
        agencies = [{"id": a["id"], "name": a["name"], "url": base + a["home"],
                     "path_prefix": a["path_prefix"], "level": a["level"], "max_pages": 400}
                    for a in AGENCIES]
        agencies_file = Path(tmp.name) / "demo-agencies.yml"
        agencies_file.write_text(
            "# 示例门户（govaudit demo）: three sample agencies on one local server\n"
            + yaml.safe_dump(agencies, allow_unicode=True, sort_keys=False), encoding="utf-8")
        portal = DemoPortal(base_url=base,
                            external_url=f"http://{HOST}:{external.server_address[1]}",
                            refused_url=f"http://{HOST}:{refused}",
                            hanging_url=f"http://{HOST}:{hanging.port}",
                            agencies=agencies, agencies_file=agencies_file)
        portal.set_variant(variant)
        main.RequestHandlerClass = type("DemoHandler", (_MainHandler,), {"portal": portal})
        threads = [_start(main, "demo-main"), _start(external, "demo-external")]
        yield portal
    finally:
        for server in servers:
            if threads:
                server.shutdown()
            server.server_close()
        for thread in threads:
            thread.join(timeout=2)
        if hanging is not None:
            hanging.close()
        tmp.cleanup()
