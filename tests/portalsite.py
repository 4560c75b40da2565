"""A generated multi-agency portal (bench/generate.py) served on loopback, nginx-style.

``generated_portal(folder, agencies, pages)`` writes the sites with ``bench/generate.py`` on a block
of free consecutive ports and serves each agency's folder (and the ``external`` stand-in) with a
threaded static server: index files ``index.html``/``index.shtml``/``index.htm``/``home.htm``,
``.shtml`` as HTML, 404 for anything missing, 403 for a folder without an index (as nginx).
``Traffic.active``/``peak`` count GET requests in progress per port (politeness checks: an agency's
pages are GETs in its own download slot; other agencies' link checks to it are HEADs in theirs).
"""

from __future__ import annotations

import socket
import sys
import threading
from collections import Counter
from contextlib import ExitStack, contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

BENCH = Path(__file__).resolve().parent.parent / "bench"
INDEXES = ("index.html", "index.shtml", "index.htm", "home.htm")


class Traffic:
    """Requests in progress and their peak, per port; a delay per request (seconds)."""

    def __init__(self, delay: float = 0.0):
        self.delay = delay
        self.lock = threading.Lock()
        self.active: Counter = Counter()
        self.peak: Counter = Counter()
        self.hits: Counter = Counter()


class StaticHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".shtml": "text/html",
                      ".html": "text/html", ".htm": "text/html", ".wps": "application/octet-stream"}
    traffic: Traffic

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        """Pages are GETs (link checks are HEADs): ``peak`` counts GETs in progress per port."""
        port = self.server.server_address[1]
        with self.traffic.lock:
            self.traffic.active[port] += 1
            self.traffic.hits[port] += 1
            self.traffic.peak[port] = max(self.traffic.peak[port], self.traffic.active[port])
        done = False
        try:
            if self.traffic.delay:
                threading.Event().wait(self.traffic.delay)
            body = self.send_head()
            # out of progress before the last bytes go out: once the client has them it may send
            # its next request, which must not find this one still counted (a race, not traffic)
            with self.traffic.lock:
                self.traffic.active[port] -= 1
            done = True
            if body:
                try:
                    self.copyfile(body, self.wfile)
                finally:
                    body.close()
        finally:
            if not done:
                with self.traffic.lock:
                    self.traffic.active[port] -= 1

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # 301 to the slash form
            for name in INDEXES:
                if (path / name).is_file():
                    self.path = self.path.split("?", 1)[0] + name
                    return super().send_head()
            self.send_error(403)
            return None
        return super().send_head()

    def guess_type(self, path):
        ctype = super().guess_type(path)
        return f"{ctype}; charset=utf-8" if ctype == "text/html" else ctype


def free_block(count: int) -> int:
    """First port of ``count`` consecutive free loopback ports."""
    for base in range(20000 + (hash(threading.get_ident()) % 2000) * 10, 60000, 37):
        socks = []
        try:
            for port in range(base, base + count):
                sock = socket.socket()
                sock.bind(("127.0.0.1", port))
                socks.append(sock)
            return base
        except OSError:
            continue
        finally:
            for sock in socks:
                sock.close()
    raise RuntimeError("no block of free ports")


@contextmanager
def generated_portal(folder: Path, agencies: int = 3, pages: int = 60, delay: float = 0.0,
                     seed: int = 2026) -> Iterator[tuple[Path, Traffic]]:
    """Generate and serve; yields (agencies.yml path, traffic counters)."""
    sys.path.insert(0, str(BENCH))
    try:
        import generate
    finally:
        sys.path.remove(str(BENCH))
    base = free_block(agencies + 1)
    generate.WORK = folder  # its assets folder follows --out
    truth = generate.main(["--agencies", str(agencies), "--pages", str(pages), "--base-port", str(base),
                           "--out", str(folder), "--seed", str(seed)])
    traffic = Traffic(delay)
    roots = [(a["port"], folder / "sites" / a["id"]) for a in truth["agencies"]]
    roots.append((truth["external_port"], folder / "sites" / "external"))
    with ExitStack() as stack:
        for port, root in roots:
            handler = type("Handler", (StaticHandler,), {"traffic": traffic})
            httpd = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(root)))
            httpd.daemon_threads = True
            thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                      daemon=True)
            thread.start()
            stack.callback(httpd.server_close)
            stack.callback(httpd.shutdown)
        yield folder / "agencies.yml", traffic
