"""The crawler against hostile servers (tests/faultserver.py): every fault gets a precise outcome.

One crawl per server set, in module-scoped fixtures (``cli.py crawl`` as a subprocess, ``--timeout 2
--workers 1``); the tests then read ``link_checks``/``pages``/``agencies`` and the servers' own
counters (requests, bytes written). The crawl must end in bounded time and memory.
"""

from __future__ import annotations

import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from faultserver import ATTACHMENT_500MB, CHINESE_PATH, LONG_URL, MB, FaultHandler, RobotsHandler, serve

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.timeout(180)


def can_make_cert() -> bool:
    try:
        import cryptography  # noqa: F401
        return True
    except ImportError:
        return shutil.which("openssl") is not None


def crawl(agencies: Path, db: Path, *extra: str) -> dict:
    """Run ``cli.py crawl`` to completion; returns rc, wall seconds, stderr and peak child RSS (MB)."""
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "cli.py", "crawl", "--agencies", str(agencies), "--db", str(db),
         "--timeout", "2", "--workers", "1", "--quiet", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=170)
    wall = time.monotonic() - started
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rc": proc.returncode, "wall": wall, "stderr": proc.stderr, "rss_mb": rss_mb}


def rows(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def faults(tmp_path_factory):
    """One crawl of the fault server, the robots server and (if possible) the self-signed HTTPS one."""
    tmp = tmp_path_factory.mktemp("faults")
    with serve(FaultHandler) as fault, serve(RobotsHandler) as robots:
        lines = [f'- {{id: faults, name: 故障门户, url: "{fault.base_url}/"}}',
                 f'- {{id: robots, name: 禁止抓取, url: "{robots.base_url}/"}}']
        tls_server = None
        if can_make_cert():
            tls_cm = serve(FaultHandler, tls=True)
            tls_server = tls_cm.__enter__()
            lines.append(f'- {{id: tls, name: 自签名证书, url: "{tls_server.base_url}/"}}')
        try:
            agencies = tmp / "agencies.yml"
            agencies.write_text("\n".join(lines) + "\n", encoding="utf-8")
            db = tmp / "faults.db"
            result = crawl(agencies, db)
            robots_hits = dict(robots.hits)
        finally:
            if tls_server is not None:
                tls_cm.__exit__(None, None, None)
    checks = rows(db, "select * from link_checks")
    pages = rows(db, "select * from pages")
    return {"db": db, "result": result, "server": fault, "base": fault.base_url, "checks": checks,
            "pages": pages, "robots_hits": robots_hits, "tls": tls_server is not None,
            "agencies": {r["id"]: r for r in rows(db, "select * from agencies")}}


def by_path(data: dict, path: str, table: str = "checks") -> list[dict]:
    """Rows of the fault agency whose URL is ``path`` (decoded, backslashes read as /)."""
    want = unquote(path).replace("\\", "/").lstrip("/")
    found = []
    for row in data[table]:
        if row["agency"] != "faults":
            continue
        url = unquote(row["url"]).replace("\\", "/")
        rel = url[len(data["base"]):].lstrip("/") if url.startswith(data["base"]) else None
        if rel == want:
            found.append(row)
    return found


def test_crawl_is_bounded_in_time_and_memory(faults):
    result = faults["result"]
    assert result["rc"] == 0, result["stderr"][-2000:]
    assert "Traceback" not in result["stderr"].split("run ")[-1]
    assert result["wall"] < 120
    assert result["rss_mb"] < 400


# path → (verdict, reason, error, status) recorded in link_checks
EXPECTED = [
    ("/", "ok", "", "", 200),
    ("/ok.html", "ok", "", "", 200),
    ("/slow.html", "broken", "timeout", "timeout", None),
    ("/reset.html", "broken", "reset", "reset", None),
    ("/silent.html", "broken", "no-response", "no-response", None),
    ("/loop.html", "broken", "too-many-redirects", "too-many-redirects", None),
    ("/chain/15.html", "broken", "too-many-redirects", "too-many-redirects", None),
    ("/big.html", "review", "too-large", "too-large", None),
    ("/big-stream.html", "review", "too-large", "too-large", None),
    ("/bomb.html", "review", "too-large", "too-large", None),
    ("/files/huge.zip", "ok", "", "", 200),
    ("/files/report.pdf", "ok", "", "", 200),
    ("/files/missing.pdf", "broken", "http-404", "", 404),
    ("/gbk-as-utf8.html", "ok", "", "", 200),
    ("/gbk-undeclared.html", "ok", "", "", 200),
    ("/malformed.html", "ok", "", "", 200),
    ("/binary.html", "ok", "", "", 200),
    ("/r429-once.html", "ok", "", "", 200),
    ("/r429-always.html", "review", "http-429", "", 429),
    ("/r503-once.html", "ok", "", "", 200),
    ("/r503-always.html", "broken", "http-503", "", 503),
    (CHINESE_PATH, "ok", "", "", 200),
    ("/with space/page 1.html", "ok", "", "", 200),
    ("/backslash/page.html", "ok", "", "", 200),
    ("/escape.html", "ok", "", "", 200),
    (LONG_URL, "ok", "", "", 200),
    ("/empty.html", "broken", "empty", "", 200),
]


@pytest.mark.parametrize("path, verdict, reason, error, status", EXPECTED,
                         ids=[e[0][:40] for e in EXPECTED])
def test_fault_outcome(faults, path, verdict, reason, error, status):
    found = by_path(faults, path)
    assert found, f"no link_checks row for {path}"
    for row in found:
        assert (row["verdict"], row["reason"], row["error"], row["status"]) == (
            verdict, reason, error, status), row


def test_every_home_link_has_an_outcome(faults):
    """No link is dropped silently (Scrapy's URL-length filter, odd URLs …)."""
    targets = {r["target"] for r in rows(faults["db"], "select target from links where agency = 'faults' "
                                         "and source = ? and scope != 'special'", (faults["base"] + "/",))}
    checked = {r["url"] for r in faults["checks"] if r["agency"] == "faults"}
    from crawler.urls import dedup_key
    checked_keys = {dedup_key(u) for u in checked}
    missing = [t for t in targets if t not in checked and dedup_key(t) not in checked_keys]
    assert not missing


def test_huge_attachment_stopped_at_headers(faults):
    sent = faults["server"].bytes_sent["/files/huge.zip"]
    assert sent < 32 * MB < ATTACHMENT_500MB
    assert 1 <= faults["server"].hits["/files/huge.zip"] <= 2


def test_big_pages_not_downloaded(faults):
    sent = faults["server"].bytes_sent
    assert sent["/big.html"] < 16 * MB          # Content-Length says 50 MB: aborted at the headers
    assert sent["/big-stream.html"] < 32 * MB   # no length: cut once 10 MB arrived
    assert not by_path(faults, "/big.html", "pages")[0]["bytes"]


def test_gzip_bomb_is_not_inflated(faults):
    page = by_path(faults, "/bomb.html", "pages")[0]
    assert page["error"] == "too-large" and not page["bytes"]


def test_retry_after_is_honoured(faults):
    times = faults["server"].times["/r429-once.html"]
    assert 2 <= len(times) <= 3 and times[-1] - times[0] >= 0.9
    assert 2 <= faults["server"].hits["/r429-always.html"] <= 3  # one honoured retry, then review


def test_5xx_and_timeouts_retried_once(faults):
    hits = faults["server"].hits
    # RETRY_TIMES 1: two requests (a third only if Twisted replays one on a stale connection)
    for path in ("/r503-once.html", "/r503-always.html", "/slow.html", "/reset.html"):
        assert 2 <= hits[path] <= 3, path


def test_redirects_capped(faults):
    hits = faults["server"].hits
    # the request and REDIRECT_MAX_TIMES hops (Twisted may replay one request on a stale kept-alive
    # connection, hence a little slack)
    assert 11 <= hits["/loop.html"] <= 13
    assert hits["/chain/0.html"] == 0 and hits["/chain/5.html"] >= 1 and hits["/chain/4.html"] == 0


def test_traps_terminate(faults):
    pages = faults["pages"]
    trap = [p for p in pages if "/trap/list" in p["url"]]
    calendar = [p for p in pages if "/calendar" in p["url"]]
    session = [p for p in pages if "jsessionid" in p["url"].lower()]
    deep = [p for p in pages if "/deep/" in p["url"]]
    assert 1 <= len(trap) <= 16                # max_depth 15: then checked, not followed
    assert 1 <= len(calendar) <= 32
    assert len(session) == 1                   # ;jsessionid= variants are one URL
    assert sorted(len(p["url"].split("/deep/")[1]) for p in deep) == [2, 4, 6]  # a/ a/a/ a/a/a/
    deepest = [r for r in faults["checks"] if r["url"].endswith("/deep/a/a/a/a/")]
    assert deepest and deepest[0]["verdict"] == "ok"   # the trap URL is checked once, not crawled
    assert len(faults["server"].requests) < 400


@pytest.mark.parametrize("path, title", [("/gbk-as-utf8.html", "政务公开测试页"),
                                         ("/gbk-undeclared.html", "政务公开测试页")])
def test_wrong_or_missing_charset_decoded(faults, path, title):
    page = by_path(faults, path, "pages")[0]
    assert page["encoding"] == "gb18030" and page["title"] == title and page["error"] == ""


@pytest.mark.parametrize("path", ["/malformed.html", "/binary.html", "/empty.html"])
def test_junk_pages_do_not_break_extraction(faults, path):
    page = by_path(faults, path, "pages")[0]
    assert page["error"] == "" and page["status"] == 200


def test_long_url_checked_not_crawled(faults):
    assert not by_path(faults, LONG_URL, "pages")
    assert by_path(faults, LONG_URL)[0]["method"] in ("HEAD", "GET")


def test_dot_segments_resolved_inside_the_site(faults):
    assert all("/../" not in r["url"] for r in faults["checks"])
    assert faults["server"].hits["/escape.html"] >= 1


def test_robots_disallow_all(faults):
    agency = faults["agencies"]["robots"]
    assert (agency["status"], agency["error"], agency["pages"]) == ("unreachable", "robots", 0)
    assert faults["robots_hits"] == {"/robots.txt": 1}   # the home page itself was never requested


def test_self_signed_tls(faults):
    if not faults["tls"]:
        pytest.skip("neither cryptography nor openssl to make a certificate")
    agency = faults["agencies"]["tls"]
    assert (agency["status"], agency["error"]) == ("unreachable", "tls")
    home = [r for r in faults["checks"] if r["agency"] == "tls"]
    assert [(r["verdict"], r["error"]) for r in home] == [("broken", "tls")]


def test_fault_agency_ok(faults):
    agency = faults["agencies"]["faults"]
    assert agency["status"] == "ok" and agency["pages"] > 20


def test_ignore_robots_crawls(tmp_path):
    with serve(RobotsHandler) as robots:
        agencies = tmp_path / "agencies.yml"
        agencies.write_text(f'- {{id: robots, name: 禁止抓取, url: "{robots.base_url}/"}}\n',
                            encoding="utf-8")
        result = crawl(agencies, tmp_path / "r.db", "--ignore-robots")
        assert result["rc"] == 0, result["stderr"][-2000:]
        assert "/robots.txt" not in robots.hits
    agency = rows(tmp_path / "r.db", "select * from agencies")[0]
    assert (agency["status"], agency["error"], agency["pages"]) == ("ok", "", 3)
