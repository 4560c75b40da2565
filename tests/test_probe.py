"""Availability probes against servers started here on 127.0.0.1: up, refused, slow, dripping, flapping."""

from __future__ import annotations

import http.client
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from commands.probe_cmd import parse_duration, probe_command
from crawler import USER_AGENT
from crawler.agencies import Agency
from crawler.probe import (
    MAX_BODY,
    classify_error,
    fetch,
    probe_loop,
    probe_once,
)
from crawler.store import Store

pytestmark = pytest.mark.timeout(60)


class Portal(BaseHTTPRequestHandler):
    """Paths: / ok, /404, /500, /slow (3 s before answering), /drip (a byte every 0.3 s),
    /big (1 MB), /moved → /, /loop → /loop, /reset (connection closed), /flap (ok, 500, ok …)."""

    flaps = 0
    user_agents: list[str] = []
    served_bytes: dict[str, int] = {}

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"<html>ok</html>", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        Portal.user_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/":
            self._send(200)
        elif path in ("/404", "/500"):
            self._send(int(path[1:]), b"error")
        elif path == "/slow":
            time.sleep(3)
            self._send(200)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.3)
            except OSError:
                pass
        elif path == "/big":
            sent = 0
            self.send_response(200)
            self.send_header("Content-Length", str(1024 * 1024))
            self.end_headers()
            try:
                for _ in range(128):
                    self.wfile.write(b"y" * 8192)
                    sent += 8192
            except OSError:
                pass
            Portal.served_bytes["/big"] = sent
        elif path == "/moved":
            self._send(302, b"", Location="/")
        elif path == "/loop":
            self._send(301, b"", Location="/loop")
        elif path == "/reset":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif path == "/flap":
            Portal.flaps += 1
            self._send(200 if Portal.flaps % 2 else 500)
        else:
            self._send(404, b"not found")


class QuietServer(ThreadingHTTPServer):
    """Clients that gave up (timeouts) make handlers fail on write; that is expected here."""

    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Portal)
    Portal.flaps = 0
    Portal.user_agents = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port() -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}/"


def test_up(server: str) -> None:
    result = fetch(server + "/", timeout=5)
    assert result["ok"] == 1 and result["status"] == 200 and result["error"] == ""
    assert 0 <= result["elapsed"] < 5
    assert Portal.user_agents[-1].encode("latin-1") == USER_AGENT.encode("utf-8")


def test_refused(closed_port: str) -> None:
    result = fetch(closed_port, timeout=5)
    assert result == {"ok": 0, "status": None, "elapsed": result["elapsed"], "error": "refused"}


@pytest.mark.parametrize(("path", "status", "error"), [
    ("/404", 404, "http-404"), ("/500", 500, "http-500"), ("/moved", 200, ""),
    ("/loop", 301, "too-many-redirects"), ("/reset", None, "reset"),
])
def test_status_and_error_classes(server: str, path: str, status: int | None, error: str) -> None:
    result = fetch(server + path, timeout=5)
    assert (result["status"], result["error"], result["ok"]) == (status, error, int(not error))


def test_slow_answer_is_a_timeout_within_the_limit(server: str) -> None:
    result = fetch(server + "/slow", timeout=1.0)
    assert result["ok"] == 0 and result["error"] == "timeout"
    assert 0.9 <= result["elapsed"] < 1.6


def test_dripping_body_is_bounded_by_the_total_limit(server: str) -> None:
    """Each byte arrives well within 1 s, but the whole page does not: a failure at ~1 s."""
    result = fetch(server + "/drip", timeout=1.0)
    assert result["ok"] == 0 and result["error"] == "timeout" and result["status"] == 200
    assert result["elapsed"] < 1.6


def test_only_the_first_64k_are_read(server: str) -> None:
    result = fetch(server + "/big", timeout=5)
    assert result["ok"] == 1 and MAX_BODY == 64 * 1024


def test_classify_error_table() -> None:
    assert classify_error(socket.gaierror(-2, "Name or service not known")) == "dns"
    assert classify_error(TimeoutError()) == "timeout"
    assert classify_error(ConnectionRefusedError()) == "refused"
    assert classify_error(ConnectionResetError()) == "reset"
    assert classify_error(http.client.RemoteDisconnected()) == "reset"
    assert classify_error(ssl.SSLCertVerificationError()) == "tls"
    assert classify_error(OSError(113, "No route to host")) == "unreachable"
    assert classify_error(ValueError("x")) == "other"


def agencies_for(server: str, down: str) -> list[Agency]:
    return [
        Agency(id="up", name="在线局", url=server + "/", key_pages=[server + "/500", server + "/"]),
        Agency(id="down", name="离线局", url=down),
        Agency(id="flap", name="时好时坏局", url=server + "/flap"),
    ]


def test_probe_once_records_every_home_and_key_page(tmp_path, server: str, closed_port: str) -> None:
    store = Store(tmp_path / "audit.db")
    rows = probe_once(agencies_for(server, closed_port), store, timeout=5, concurrency=4)
    assert [(r["agency"], r["url"]) for r in rows] == [
        ("up", server + "/"), ("up", server + "/500"), ("down", closed_port),
        ("flap", server + "/flap")]
    stored = list(store.query("select * from probes order by rowid"))
    assert len(stored) == 4
    assert {r["origin"] for r in stored} == {"probe"} and {r["run_id"] for r in stored} == {None}
    by_url = {r["url"]: r for r in stored}
    assert by_url[server + "/"]["ok"] == 1
    assert (by_url[server + "/500"]["ok"], by_url[server + "/500"]["status"]) == (0, 500)
    assert by_url[closed_port]["error"] == "refused"
    assert all(r["at"].endswith("+00:00") and len(r["at"]) == 25 for r in stored)


def test_probes_run_concurrently(tmp_path, server: str) -> None:
    agencies = [Agency(id=f"s{i}", name="慢", url=server + "/slow") for i in range(4)]
    started = time.monotonic()
    rows = probe_once(agencies, Store(tmp_path / "audit.db"), timeout=1.0, concurrency=4)
    assert time.monotonic() - started < 2.5
    assert [r["error"] for r in rows] == ["timeout"] * 4


def test_loop_passes_on_a_grid_and_sees_flapping(tmp_path, server: str) -> None:
    store = Store(tmp_path / "audit.db")
    clock = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        clock[0] += seconds

    lines: list[str] = []
    agencies = [Agency(id="flap", name="时好时坏局", url=server + "/flap")]
    passes = probe_loop(agencies, store, 5, 2, every=1800, duration=4 * 1800, echo=lines.append,
                        sleep=sleep, clock=lambda: clock[0])
    assert passes == 4 and sleeps == [1800] * 3
    oks = [r["ok"] for r in store.query("select ok from probes order by rowid")]
    assert oks == [1, 0, 1, 0]
    assert "ok 1/1" in lines[0] and lines[1].endswith("failed: flap: home http-500")


def test_loop_ctrl_c_keeps_finished_passes(tmp_path, server: str) -> None:
    store = Store(tmp_path / "audit.db")

    def sleep(_seconds: float) -> None:
        raise KeyboardInterrupt

    lines: list[str] = []
    passes = probe_loop([Agency(id="up", name="在线局", url=server + "/")], store, 5, 2,
                        every=60, duration=None, echo=lines.append, sleep=sleep)
    assert passes == 1 and "interrupted after 1 passes" in lines[-1]
    assert store.db["probes"].count == 1


@pytest.mark.parametrize(("text", "seconds"), [("30min", 1800), ("1h", 3600), ("7d", 604800),
                                               ("90s", 90)])
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text, "--every") == seconds


def write_agencies(tmp_path, url: str) -> str:
    path = tmp_path / "agencies.yml"
    path.write_text(f"- id: up\n  name: 在线局\n  url: {url}\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("args", "message"), [
    (["--every", "30x"], "error: --every: '30x' is not a duration like 30min, 1h or 7d"),
    (["--every", "30min", "--for", "0d"], "error: --for: '0d' is not a duration like 30min, 1h or 7d"),
    (["--every", "30m"], "error: --every: '30m' is ambiguous (m means months in profiles); "
                         "write minutes as 30min"),
    (["--for", "7d"], "error: --for: needs --every (how often to probe)"),
])
def test_cli_rejects_bad_durations(tmp_path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(probe_command, ["--agencies", write_agencies(tmp_path, "http://x/"),
                                                "--db", str(tmp_path / "a.db"), *args])
    assert result.exit_code == 2
    assert result.output.strip() == message


def test_cli_one_pass_and_a_short_loop(tmp_path, server: str) -> None:
    agencies = write_agencies(tmp_path, server + "/")
    db = str(tmp_path / "a.db")
    result = CliRunner().invoke(probe_command, ["--agencies", agencies, "--db", db])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") == 1 and "ok 1/1" in result.stdout
    result = CliRunner().invoke(probe_command, ["--agencies", agencies, "--db", db, "--timeout",
                                                "2", "--every", "1s", "--for", "2s"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "done: 2 passes"
    assert Store(db).db["probes"].count == 3


def test_cli_warns_when_too_sparse_for_the_regulation(tmp_path, server: str) -> None:
    result = CliRunner().invoke(probe_command, [
        "--agencies", write_agencies(tmp_path, server + "/"), "--db", str(tmp_path / "a.db"),
        "--every", "2h", "--for", "1h"])
    assert result.exit_code == 0
    assert "fewer than 20 probes a day" in result.output


def test_cli_down_site_still_exits_0(tmp_path, closed_port: str) -> None:
    result = CliRunner().invoke(probe_command, ["--agencies", write_agencies(tmp_path, closed_port),
                                                "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0
    assert "ok 0/1  failed: up: home refused" in result.output


@pytest.fixture
def silent_port() -> Iterator[str]:
    """A port that accepts connections (kernel backlog) but never says a word."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    yield f"127.0.0.1:{sock.getsockname()[1]}"
    sock.close()


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_silent_server_and_stalled_tls_handshake_time_out(silent_port: str, scheme: str) -> None:
    result = fetch(f"{scheme}://{silent_port}/", timeout=1.0)
    assert (result["ok"], result["error"]) == (0, "timeout")
    assert 0.9 <= result["elapsed"] < 1.6


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_untrusted_certificate_is_a_tls_failure(tmp_path) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    httpd = QuietServer(("127.0.0.1", 0), Portal)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        result = fetch(f"https://127.0.0.1:{httpd.server_address[1]}/", timeout=5)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert (result["ok"], result["status"], result["error"]) == (0, None, "tls")
