"""Serve generated portals (``bench/generate.py --realistic``) on 127.0.0.1: files, redirects, dataproxy.

Each agency folder holds its pages and a ``_server.json`` with what a static file server cannot do:
``redirects`` (path → location, answered 301: ``/index.html → /``, a moved path onto the home page),
``dataproxy`` (Hanweb JCMS: column id → its records, answered to ``POST …/dataproxy.jsp`` as a
``<datastore>``), ``index`` (the file a directory URL serves) and ``encoding`` (the charset pages are
written in, e.g. ``gbk``). Unknown paths answer 404. One port per agency, plus the ``external`` stub.

Usage: python bench/portal_server.py ROOT   (ports from ROOT/../truth.json; Ctrl-C stops)
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

TYPES = {"html": "text/html", "htm": "text/html", "shtml": "text/html", "css": "text/css",
         "js": "application/javascript", "txt": "text/plain", "pdf": "application/pdf",
         "doc": "application/msword", "docx": "application/msword", "xls": "application/vnd.ms-excel",
         "jpg": "image/jpeg", "png": "image/png"}
NOT_FOUND = (b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>404 Not Found</title></head>"
             b"<body><h1>404 Not Found</h1></body></html>")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request, client_address) -> None:
        """Clients that went away are not an error here."""


def handler_for(root: Path) -> type[BaseHTTPRequestHandler]:
    """A request handler serving one agency folder."""
    config = json.loads((root / "_server.json").read_text(encoding="utf-8")) \
        if (root / "_server.json").exists() else {}
    redirects: dict[str, str] = config.get("redirects", {})
    dataproxy: dict[str, list[str]] = config.get("dataproxy", {})
    index = config.get("index", "index.html")
    charset = config.get("encoding", "utf-8")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "nginx"
        sys_version = ""

        def log_message(self, *args) -> None:
            """No access log."""

        def answer(self, status: int, body: bytes, ctype: str, headers: dict | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_HEAD(self) -> None:  # noqa: N802 - http.server API
            self.do_GET()

        def do_GET(self) -> None:  # noqa: N802 - http.server API
            path = unquote(urlsplit(self.path).path)
            if path in redirects:
                self.answer(301, b"", "text/html", {"Location": redirects[path]})
                return
            target = root / path.lstrip("/")
            if path.endswith("/"):
                target = target / index
            if ".." in path or path.startswith("/_") or not target.is_file():
                self.answer(404, NOT_FOUND, "text/html; charset=utf-8")
                return
            ext = target.suffix.lstrip(".").lower()
            ctype = TYPES.get(ext, "application/octet-stream")
            if ctype.startswith("text/"):
                ctype += f"; charset={charset}"
            self.answer(200, target.read_bytes(), ctype)

        def do_POST(self) -> None:  # noqa: N802 - http.server API
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            form = parse_qs(self.rfile.read(length).decode("utf-8", "replace"))
            if not parts.path.endswith("dataproxy.jsp"):
                self.answer(405, b"", "text/plain")
                return
            query = parse_qs(parts.query)
            column = (form.get("columnid") or [""])[0]
            records = dataproxy.get(column, [])
            start = int((query.get("startrecord") or ["1"])[0])
            end = int((query.get("endrecord") or [str(start)])[0])
            chosen = records[max(start, 1) - 1:min(end, len(records))]
            body = "".join(f"<record><![CDATA[{r}]]></record>\n" for r in chosen)
            xml = (f'<?xml version="1.0" encoding="utf-8"?>\n<datastore>\n'
                   f"<totalrecord>{len(records)}</totalrecord>\n<recordset>\n{body}</recordset>\n"
                   f"</datastore>\n")
            self.answer(200, xml.encode("utf-8"), "text/xml; charset=utf-8")

    return Handler


@contextmanager
def serve_portals(sites: Path, ports: dict[str, int]) -> Iterator[dict[str, str]]:
    """Serve ``sites/<name>/`` on ``ports[name]`` (0: a free port); yields name → base URL."""
    servers = []
    try:
        for name, port in ports.items():
            server = QuietServer(("127.0.0.1", port), handler_for(sites / name))
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append((name, server))
        yield {name: f"http://127.0.0.1:{server.server_address[1]}" for name, server in servers}
    finally:
        for _, server in servers:
            server.shutdown()
            server.server_close()


def main(argv: list[str]) -> None:
    sites = Path(argv[0])
    truth = json.loads((sites.parent / "truth.json").read_text(encoding="utf-8"))
    ports = {a["id"]: a["port"] for a in truth["agencies"]}
    ports["external"] = truth["external_port"]
    with serve_portals(sites, ports) as urls:
        print(" ".join(f"{k}={v}" for k, v in urls.items()), flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main(sys.argv[1:])
