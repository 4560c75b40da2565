"""Datasette: ``reports/metadata.yml`` describes every table and column of the store, and
``cli.py browse`` serves the store on 127.0.0.1 (a free port) with it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml
from reportfactory import add_run, finding, new_store

import crawler.archive  # noqa: F401  (each owner registers its tables)
import crawler.safety.schema  # noqa: F401
import reports.scoring  # noqa: F401
from checks.registry import load_rules
from crawler.store import SCHEMA

load_rules()

ROOT = Path(__file__).resolve().parent.parent
METADATA = yaml.safe_load((ROOT / "reports" / "metadata.yml").read_text(encoding="utf-8"))


def test_metadata_describes_every_table_and_column():
    tables = METADATA["databases"]["audit"]["tables"]
    assert set(tables) == set(SCHEMA)
    for name, spec in SCHEMA.items():
        assert tables[name]["description"], name
        described = tables[name]["columns"]
        assert set(described) == set(spec["columns"]), name
        assert all(isinstance(text, str) and text for text in described.values()), name
    evidence = tables["findings"]["description"]
    for key in ("target", "status", "anchor", "newest_item", "values", "observed_at", "filings"):
        assert key in evidence


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_browse_serves_a_table_as_json(tmp_path):
    store = new_store(tmp_path / "round.db")
    add_run(store, {"jyj": "示例市教育局"}, [finding("link-broken", url="https://www.example.org/x",
                                                   agency="jyj")])
    store.close()
    port = free_port()
    command = [sys.executable, str(ROOT / "cli.py"), "browse", "--db", str(tmp_path / "round.db"),
               "--port", str(port)]
    proc = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        body = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/round/findings.json?_shape=array",
                                            timeout=5) as answer:
                    body = json.loads(answer.read())
                break
            except OSError:
                time.sleep(0.3)
        assert body is not None, proc.stderr.read1().decode() if proc.poll() is not None else "no answer"
        assert [(r["agency"], r["rule"], r["url"]) for r in body] == [
            ("jyj", "link-broken", "https://www.example.org/x")]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/round/archive_records", timeout=5) as page:
            assert "WARC 存档索引" in page.read().decode()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
