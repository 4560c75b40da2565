"""Nothing lost: ``kill -9`` of the CLI and its workers mid-crawl, then ``crawl --resume``.

A generated ~200-page portal (tests/faultserver.SiteHandler, 10 ms per request) is crawled three
times: once straight through (the reference), once killed with SIGKILL after ~80 outcomes, then
resumed. The store must pass ``PRAGMA integrity_check``, the killed run must read as interrupted,
and the resumed run's (agency, url, verdict) set and its findings must equal the reference's.
An agency whose home page refuses connections is in both runs and never stops the others.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faultserver import SiteHandler, serve

from crawler.run import effective_status
from crawler.store import Store

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-11-27"
pytestmark = pytest.mark.timeout(170)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def crawl_args(agencies: Path, db: Path) -> list[str]:
    return ["crawl", "--agencies", str(agencies), "--db", str(db), "--as-of", AS_OF,
            "--timeout", "2", "--workers", "1", "--quiet"]


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` (from /proc; the CLI's crawler workers)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            found.append(int(entry))
    return found


def outcomes(db: Path) -> set[tuple[str, str, str]]:
    conn = sqlite3.connect(db)
    try:
        return set(conn.execute("select agency, url, verdict from link_checks"))
    finally:
        conn.close()


def count_checks(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return conn.execute("select count(*) from link_checks").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def findings(db: Path) -> set[tuple]:
    result = cli("check", "--db", str(db), "--as-of", AS_OF)
    # 4: the crawl includes an agency whose home page refuses connections (无法评估)
    assert result.returncode == 4, result.stderr[-2000:]
    listed = cli("findings", "--db", str(db), "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr[-2000:]
    rows = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()]
    return {(r["agency"], r["rule"], r["url"], r["source"] or "", r["field"] or "") for r in rows}


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crash")
    with serve(SiteHandler) as site:
        agencies = tmp / "agencies.yml"
        agencies.write_text(f'- {{id: site, name: 示例门户, url: "{site.base_url}/"}}\n'
                            f'- {{id: dead, name: 无法访问, url: "http://127.0.0.1:{closed_port()}/"}}\n',
                            encoding="utf-8")
        ref = tmp / "ref.db"
        result = cli(*crawl_args(agencies, ref))
        assert result.returncode == 0, result.stderr[-2000:]

        db = tmp / "killed.db"
        proc = subprocess.Popen([sys.executable, "cli.py", *crawl_args(agencies, db)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while count_checks(db) < 80 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        workers = children(proc.pid)
        assert proc.poll() is None and workers, "the crawl ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        for pid in workers:                      # started with start_new_session: own group
            os.killpg(pid, signal.SIGKILL)
        proc.wait()
        for pid in workers:
            while os.path.exists(f"/proc/{pid}") and _state(pid) not in ("Z", "X", ""):
                time.sleep(0.01)
        killed_at = count_checks(db)
        conn = sqlite3.connect(db)
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
        store = Store(db, create=False)
        status_after_kill = effective_status(store.run())
        store.close()
        archive_after_kill = indexed_records(db)

        resumed = cli("crawl", "--resume", "--db", str(db), "--workers", "1", "--quiet")
        store = Store(db, create=False)
        final_status = [r["status"] for r in store.runs()]
        agencies_after = {r["id"]: (r["status"], r["error"]) for r in
                          store.query("select id, status, error from agencies")}
        store.close()
        archive_after_resume = whole_files(db)
    return {"ref": ref, "db": db, "integrity": integrity, "status_after_kill": status_after_kill,
            "killed_at": killed_at, "resumed": resumed, "final_status": final_status,
            "agencies": agencies_after, "total": len(outcomes(ref)),
            "archive_after_kill": archive_after_kill, "archive_after_resume": archive_after_resume}


def indexed_records(db: Path) -> list[tuple[str, str]]:
    """(indexed URI, URI of the record at its offset) for every archive_records row, read with warcio."""
    from warcio.archiveiterator import ArchiveIterator
    conn = sqlite3.connect(db)
    rows = conn.execute("select uri, file, offset from archive_records").fetchall()
    conn.close()
    result = []
    for uri, name, offset in rows:
        with open(f"{db}.warc/{name}", "rb") as handle:
            handle.seek(offset)
            record = next(iter(ArchiveIterator(handle)))
            result.append((uri, record.rec_headers.get_header("WARC-Target-URI")))
    return result


def whole_files(db: Path) -> dict[str, int]:
    """Records per archive file, iterating each file from start to end with warcio (raises if torn)."""
    from warcio.archiveiterator import ArchiveIterator
    counts = {}
    for path in sorted(Path(f"{db}.warc").glob("*.warc.gz")):
        with path.open("rb") as handle:
            counts[path.name] = sum(1 for _ in ArchiveIterator(handle))
    return counts


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


def test_killed_mid_run(crawls):
    assert 0 < crawls["killed_at"] < crawls["total"]


def test_store_intact_after_kill(crawls):
    assert crawls["integrity"] == "ok"


def test_killed_run_reads_interrupted(crawls):
    assert crawls["status_after_kill"] == "interrupted"


def test_resume_completes(crawls):
    assert crawls["resumed"].returncode == 0, crawls["resumed"].stderr[-2000:]
    assert "Traceback" not in crawls["resumed"].stderr.split("个爬虫进程")[0]
    assert crawls["final_status"] == ["completed"]


def test_resumed_outcomes_equal_uninterrupted(crawls):
    got, want = outcomes(crawls["db"]), outcomes(crawls["ref"])
    assert (sorted(got - want)[:10], sorted(want - got)[:10]) == ([], [])


def test_resumed_findings_equal_uninterrupted(crawls):
    ref = findings(crawls["ref"])
    assert ref, "the reference crawl should have findings (broken links)"
    assert findings(crawls["db"]) == ref


def test_failing_agency_does_not_abort_others(crawls):
    assert crawls["agencies"]["dead"] == ("unreachable", "refused")
    assert crawls["agencies"]["site"] == ("ok", "")


def test_archive_readable_after_kill_and_whole_after_resume(crawls):
    indexed = crawls["archive_after_kill"]
    assert indexed and all(uri == found for uri, found in indexed)
    files = crawls["archive_after_resume"]
    assert len(files) >= 2 and all(count > 1 for count in files.values())
