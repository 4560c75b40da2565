"""Scrapyd proven end to end, exactly as the README's "Scrapyd" recipe runs it.

A real ``scrapyd`` (PyPI) on a free 127.0.0.1 port with its own folder and ``scrapyd.conf``; the
project is deployed with ``scrapyd-deploy`` (scrapyd-client) through ``scrapy.cfg``'s ``scrapyd``
target; the ``portal`` spider is scheduled through ``schedule.json`` with the ``agencies`` and ``db``
arguments; when ``listjobs.json`` lists the job as finished, the store holds a completed run that
``cli.py check`` judges like any other.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from portalsite import generated_portal

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
pytestmark = [pytest.mark.timeout(480),
              pytest.mark.skipif(not (BIN / "scrapyd").exists() or not (BIN / "scrapyd-deploy").exists(),
                                 reason="scrapyd / scrapyd-client not installed (requirements-dev.txt)")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api(base: str, path: str, data: dict | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(base + path, data=body, timeout=90) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def scrapyd_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    home = tmp / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\neggs_dir = {home / 'eggs'}\nlogs_dir = {home / 'logs'}\n"
        f"dbs_dir = {home / 'dbs'}\nitems_dir =\nmax_proc = 1\npoll_interval = 0.5\n", encoding="utf-8")
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    server = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                api(base, "daemonstatus.json")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "scrapyd did not start"
                time.sleep(0.2)
        with generated_portal(tmp / "portal", agencies=2, pages=30) as (agencies, _traffic):
            deploy = subprocess.run(["scrapyd-deploy", "scrapyd"], cwd=ROOT, capture_output=True,
                                    text=True, env={**env, "SCRAPYD_URL": base}, timeout=120)
            assert deploy.returncode == 0, deploy.stderr[-2000:]
            db = tmp / "audit.db"
            job = api(base, "schedule.json", {"project": "govaudit", "spider": "portal",
                                              "agencies": str(agencies), "db": str(db)})
            deadline = time.monotonic() + 240
            jobs = {"finished": []}
            while time.monotonic() < deadline:
                try:
                    jobs = api(base, "listjobs.json?project=govaudit")
                except TimeoutError:  # Scrapyd is busy starting the job on a loaded machine
                    continue
                if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                    break
                time.sleep(0.5)
            check = subprocess.run([sys.executable, "cli.py", "check", "--db", str(db), "--as-of",
                                    "2026-11-27"], cwd=ROOT, capture_output=True, text=True)
            yield {"deploy": deploy, "job": job, "jobs": jobs, "db": db, "check": check}
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_deployed_with_scrapyd_deploy(scrapyd_run):
    answer = json.loads(scrapyd_run["deploy"].stdout.strip().splitlines()[-1])
    assert answer["status"] == "ok" and answer["project"] == "govaudit" and answer["spiders"] == 1


def test_job_scheduled_and_finished(scrapyd_run):
    assert scrapyd_run["job"]["status"] == "ok"
    assert any(j["id"] == scrapyd_run["job"]["jobid"] for j in scrapyd_run["jobs"]["finished"])


def test_job_recorded_a_complete_run_in_the_store(scrapyd_run):
    with sqlite3.connect(scrapyd_run["db"]) as conn:
        runs = conn.execute("select status, settings from runs").fetchall()
        agencies = conn.execute("select status from agencies").fetchall()
        pages = conn.execute("select count(*) from pages where error = ''").fetchone()[0]
    assert [r[0] for r in runs] == ["completed"] and json.loads(runs[0][1])["scrapyd"] is True
    assert [a[0] for a in agencies] == ["ok", "ok"]
    assert pages > 50


def test_check_judges_the_scrapyd_run(scrapyd_run):
    assert scrapyd_run["check"].returncode == 0, scrapyd_run["check"].stderr[-2000:]
    with sqlite3.connect(scrapyd_run["db"]) as conn:
        assert conn.execute("select count(*) from findings").fetchone()[0] > 0
