"""Distributed crawl with real parts: a real ``redis-server``, real worker processes, real HTTP.

A generated three-agency portal (bench/generate.py: TRS, Hanweb and gov.cn styles, planted broken
links) is served on loopback with 10 ms per request. It is crawled

1. on one machine (``cli.py crawl --workers 1``): the reference findings;
2. distributed: ``cli.py crawl --redis URL --workers 1`` (coordinator + writer + one local worker,
   working directory ``machine1``) and ``cli.py worker --redis URL`` (working directory ``machine2``)
   — the same findings, both workers fetched pages, no port ever saw more than ``--concurrency``
   requests at once from both workers together;
3. the same, with the second worker killed with SIGKILL mid-run — the same findings again.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from portalsite import generated_portal

ROOT = Path(__file__).resolve().parent.parent
CLI = str(ROOT / "cli.py")
AS_OF = "2026-11-27"
# --timeout long enough that a loaded CI machine never times a request out: a timed-out request
# gives its lease back while the server may still be answering it, which the politeness count
# would see as one request too many
FLAGS = ["--as-of", AS_OF, "--concurrency", "2", "--timeout", "20", "--ignore-robots", "--quiet"]
pytestmark = [pytest.mark.timeout(300),
              pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server not installed "
                                 "(make test installs it)")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(folder: Path) -> tuple[subprocess.Popen, str]:
    """A throwaway redis-server on a free loopback port, no persistence."""
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(folder)], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis.from_url(url).ping()
            return proc, url
        except redis.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("redis-server did not start") from None
            time.sleep(0.05)


def findings(db: Path) -> set[tuple]:
    subprocess.run([sys.executable, CLI, "check", "--db", str(db), "--as-of", AS_OF], check=True,
                   capture_output=True)
    listed = subprocess.run([sys.executable, CLI, "findings", "--db", str(db), "--format", "jsonl"],
                            check=True, capture_output=True, text=True).stdout
    rows = [json.loads(line) for line in listed.splitlines() if line.strip()]
    return {(r["agency"], r["rule"], r["url"], r["source"] or "", r["field"] or "", r["detail"])
            for r in rows}


def html_pages(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from pages").fetchone()[0]


def distributed(tmp: Path, name: str, agencies: Path, url: str, kill_after: int = 0) -> dict:
    """Coordinator in machine1, a second worker in machine2; optionally SIGKILL the second worker
    once the run has fetched ``kill_after`` pages."""
    machine1, machine2 = tmp / f"{name}-machine1", tmp / f"{name}-machine2"
    machine1.mkdir()
    machine2.mkdir()
    db = machine1 / "audit.db"
    coordinator = subprocess.Popen([sys.executable, CLI, "crawl", "--agencies", str(agencies), "--db",
                                    str(db), "--redis", url, "--workers", "1", *FLAGS], cwd=machine1,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    worker = subprocess.Popen([sys.executable, CLI, "worker", "--redis", url, "--wait", "30"],
                              cwd=machine2, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = False
    if kill_after:
        server = redis.Redis.from_url(url)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and coordinator.poll() is None:
            fetched = sum(int(v) for v in server.hvals("govaudit:fetched"))
            if fetched >= kill_after and len(server.hvals("govaudit:fetched")) == 2:
                break
            time.sleep(0.02)
        assert coordinator.poll() is None, "the run ended before the worker could be killed"
        os.kill(worker.pid, signal.SIGKILL)
        killed = True
    worker_out, worker_err = worker.communicate(timeout=120)
    out, err = coordinator.communicate(timeout=180)
    assert coordinator.returncode == 0, err[-3000:]
    return {"db": db, "stderr": err, "worker_out": worker_out, "worker_err": worker_err,
            "worker_code": worker.returncode, "killed": killed, "machine2": sorted(os.listdir(machine2))}


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("distributed")
    server, url = start_redis(tmp / "redis")
    try:
        with generated_portal(tmp / "portal", agencies=3, pages=40, delay=0.005) as (agencies, traffic):
            ref = tmp / "single.db"
            subprocess.run([sys.executable, CLI, "crawl", "--agencies", str(agencies), "--db", str(ref),
                            "--workers", "1", *FLAGS], check=True, capture_output=True, cwd=tmp)
            traffic.peak.clear()
            two = distributed(tmp, "two", agencies, url)
            two["peak"] = dict(traffic.peak)
            killed = distributed(tmp, "kill", agencies, url, kill_after=60)
            yield {"ref": ref, "ref_findings": findings(ref), "two": two, "killed": killed,
                   "ref_pages": html_pages(ref)}
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_reference_run_has_findings(runs):
    assert len(runs["ref_findings"]) > 20


def test_two_workers_same_findings_as_one_machine(runs):
    got = findings(runs["two"]["db"])
    assert (sorted(got - runs["ref_findings"])[:5], sorted(runs["ref_findings"] - got)[:5]) == ([], [])


def test_two_workers_same_pages(runs):
    assert html_pages(runs["two"]["db"]) == runs["ref_pages"]


def test_both_workers_fetched_and_say_so(runs):
    two = runs["two"]
    assert two["worker_code"] == 0, two["worker_err"][-2000:]
    last = two["worker_out"].strip().splitlines()[-1]
    assert last.startswith("worker: ") and last.endswith(" pages"), last
    remote = int(last.split()[1].replace(",", ""))
    assert remote > 0
    assert two["machine2"] == []  # the joining worker needs no files: it writes none


def test_per_host_concurrency_holds_across_workers(runs):
    """Page GETs of an agency (its download slot) never exceed --concurrency 2 from both workers."""
    peak = runs["two"]["peak"]
    assert peak and max(peak.values()) <= 2, peak


def test_killed_worker_loses_nothing(runs):
    killed = runs["killed"]
    assert killed["killed"] and killed["worker_code"] == -signal.SIGKILL
    assert "失联" in killed["stderr"], killed["stderr"][-2000:]
    got = findings(killed["db"])
    assert (sorted(got - runs["ref_findings"])[:5], sorted(runs["ref_findings"] - got)[:5]) == ([], [])
    assert html_pages(killed["db"]) == runs["ref_pages"]


def test_worker_without_run_fails_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, CLI, "worker", "--redis", f"redis://127.0.0.1:{free_port()}/0",
                             "--wait", "0"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: --redis: cannot reach")
    assert len(result.stderr.strip().splitlines()) == 1
