"""Behaviour unchanged: re-checking a stored crawl gives exactly the findings saved with it.

``snapshots/demo-crawl.db.gz`` is the demo portal crawled once (run 1, as of 2026-11-27);
``snapshots/demo-crawl.findings.jsonl`` is what ``cli.py findings --format jsonl`` printed after
``cli.py check`` on it. Refactoring must not change a single finding. When a rule is changed on
purpose, regenerate the expected file and review its diff::

    GOVAUDIT_UPDATE_SNAPSHOT=1 .venv/bin/python -m pytest tests/test_findings_snapshot.py
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
CRAWL = SNAPSHOTS / "demo-crawl.db.gz"
EXPECTED = SNAPSHOTS / "demo-crawl.findings.jsonl"
VOLATILE = {"observed_at"}


def cli(*args: str) -> str:
    proc = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


def comparable(line: str) -> dict:
    row = json.loads(line)
    return {k: v for k, v in row.items() if k not in VOLATILE}


def test_recheck_of_stored_crawl_gives_the_saved_findings(tmp_path):
    db = tmp_path / "crawl.db"
    with gzip.open(CRAWL, "rb") as src, db.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    cli("check", "--db", str(db), "--run", "1")
    out = cli("findings", "--db", str(db), "--run", "1", "--format", "jsonl")
    if os.environ.get("GOVAUDIT_UPDATE_SNAPSHOT"):
        EXPECTED.write_text(out, encoding="utf-8")
    got = [comparable(line) for line in out.splitlines() if line.strip()]
    want = [comparable(line) for line in EXPECTED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(got) == len(want)
    for got_row, want_row in zip(got, want, strict=True):
        assert got_row == want_row
