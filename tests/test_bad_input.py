"""Bad input never produces a traceback or half-written output: exit 2 and one line naming the culprit.

Table-driven over ``cli.cli`` with click's CliRunner (``OneLineErrors.main`` calls ``sys.exit``; the
runner catches the SystemExit), plus a few real subprocesses for the end-to-end exit status.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cli as cli_module

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.timeout(60)

GOOD = '- {id: a, name: 甲单位, url: "http://127.0.0.1:9/"}\n'
FILES: dict[str, str | bytes] = {
    "good.yml": GOOD,
    "malformed.yml": "- id: a\n  name: [unclosed\n",
    "tabs.yml": "- id: a\n\tname: A\n",
    "malformed.csv": 'id,name,url\n"a,b\n',
    "badheader.csv": "name,id,url\nA,a,http://h/\n",
    "extra-values.csv": "id,name,url\na,A,http://h/,surplus\n",
    "junk.yml": bytes(range(256)) * 4,
    "latin1.yml": "- {id: a, name: caf\xe9, url: 'http://h/'}\n".encode("latin-1"),
    "scalar.yml": "just a string\n",
    "mapping.yml": "id: a\nname: A\nurl: http://h/\n",
    "empty.yml": "",
    "emptylist.yml": "[]\n",
    "dup.yml": GOOD + '- {id: a, name: 乙单位, url: "http://127.0.0.1:9/b"}\n',
    "dup.csv": "id,name,url\na,A,http://h/\na,B,http://g/\n",
    "nourl.yml": "- {id: a, name: 甲单位}\n",
    "nourl.csv": "id,name,url\na,A,\n",
    "noid.yml": '- {name: 甲单位, url: "http://h/"}\n',
    "badid.yml": '- {id: "../../etc", name: 甲单位, url: "http://h/"}\n',
    "ftp.yml": '- {id: a, name: A, url: "ftp://h/"}\n',
    "file.yml": '- {id: a, name: A, url: "file:///etc/passwd"}\n',
    "js.csv": "id,name,url\na,A,javascript:alert(1)\n",
    "nohost.yml": '- {id: a, name: A, url: "http:///path"}\n',
    "badport.yml": '- {id: a, name: A, url: "http://h:99999/"}\n',
    "unknownfield.yml": '- {id: a, name: A, url: "http://h/", colour: red}\n',
    "badpages.yml": '- {id: a, name: A, url: "http://h/", max_pages: -3}\n',
    "listentry.yml": "- [a, b, c]\n",
}


@pytest.fixture
def files(tmp_path: Path) -> Path:
    for name, content in FILES.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    (tmp_path / "random.db").write_bytes(os.urandom(8192))
    (tmp_path / "regular-file").write_text("x")
    (tmp_path / "adir").mkdir()
    return tmp_path


def listing(folder: Path) -> list[str]:
    """Names in ``folder``, without the good audit db's own WAL files (SQLite may keep them)."""
    return sorted(p.name for p in folder.iterdir() if p.name not in ("audit.db-wal", "audit.db-shm"))


def audit_db(path: Path) -> Path:
    """A real (empty) audit database with one completed run."""
    from crawler.store import Store
    store = Store(path)
    rid = store.new_run("2026-11-27", {}, "")
    store.set_run(rid, status="completed")
    store.close()
    return path


# (id, argv with {d} for the temp dir, text the message must contain)
AGENCY_CASES = [
    ("malformed-yaml", "malformed.yml", "line"),
    ("tab-yaml", "tabs.yml", "tabs.yml"),
    ("malformed-csv", "malformed.csv", "entry 1"),
    ("csv-header", "badheader.csv", "header"),
    ("csv-extra-values", "extra-values.csv", "entry 1"),
    ("binary", "junk.yml", "binary"),
    ("not-utf8", "latin1.yml", "UTF-8"),
    ("scalar", "scalar.yml", "list"),
    ("mapping", "mapping.yml", "list"),
    ("empty", "empty.yml", "empty.yml"),
    ("empty-list", "emptylist.yml", "empty"),
    ("duplicate-id", "dup.yml", "duplicate id"),
    ("duplicate-id-csv", "dup.csv", "duplicate id"),
    ("missing-url", "nourl.yml", "'url'"),
    ("missing-url-csv", "nourl.csv", "'url'"),
    ("missing-id", "noid.yml", "'id'"),
    ("path-id", "badid.yml", "'id'"),
    ("ftp-scheme", "ftp.yml", "ftp://"),
    ("file-scheme", "file.yml", "file://"),
    ("javascript-scheme", "js.csv", "javascript:"),
    ("no-host", "nohost.yml", "host"),
    ("bad-port", "badport.yml", "port"),
    ("unknown-field", "unknownfield.yml", "colour"),
    ("bad-max-pages", "badpages.yml", "max_pages"),
    ("entry-not-mapping", "listentry.yml", "entry 1"),
    ("file-missing", "nope.yml", "not found"),
]


def invoke(argv: list[str]):
    runner = CliRunner()
    return runner.invoke(cli_module.cli, argv, catch_exceptions=True)


def assert_one_line_error(result, needle: str) -> None:
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert needle.lower() in lines[0].lower(), lines[0]
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("command", ["crawl", "run"])
@pytest.mark.parametrize("case, filename, needle", AGENCY_CASES, ids=[c[0] for c in AGENCY_CASES])
def test_bad_agencies_file(files, command, case, filename, needle):
    db = files / "new.db"
    out = files / "new-out"
    argv = [command, "--agencies", str(files / filename), "--db", str(db)]
    if command == "run":
        argv += ["--out", str(out)]
    result = invoke(argv)
    assert_one_line_error(result, needle)
    if filename != "nope.yml":
        assert filename in result.stderr
    leftovers = [p.name for p in files.iterdir() if p.name.startswith(("new.db", "new-out"))]
    assert leftovers == []           # no db, -wal, .lock, .jobs, nor report folder


OPTION_CASES = [
    ("unknown-option", ["crawl", "--agencies", "{d}/good.yml", "--db", "{d}/x.db", "--bogus"], "--bogus"),
    ("unknown-command", ["crawlx"], "crawlx"),
    ("findings-format", ["findings", "--db", "{db}", "--format", "xml"], "--format"),
    ("rules-format", ["rules", "--format", "yaml"], "--format"),
    ("as-of-impossible-check", ["check", "--db", "{db}", "--as-of", "2026-02-30"], "--as-of"),
    ("as-of-impossible-crawl", ["crawl", "--agencies", "{d}/good.yml", "--db", "{d}/x.db",
                                "--as-of", "2026-02-30"], "2026-02-30"),
    ("as-of-garbage-run", ["run", "--agencies", "{d}/good.yml", "--db", "{d}/x.db", "--out", "{d}/o",
                           "--as-of", "yesterday"], "--as-of"),
    ("workers-zero", ["crawl", "--agencies", "{d}/good.yml", "--db", "{d}/x.db", "--workers", "0"],
     "--workers"),
    ("timeout-text", ["crawl", "--agencies", "{d}/good.yml", "--db", "{d}/x.db", "--timeout", "abc"],
     "--timeout"),
    ("agencies-dir", ["crawl", "--agencies", "{d}/adir", "--db", "{d}/x.db"], "--agencies"),
    ("agencies-required", ["crawl", "--db", "{d}/x.db"], "--agencies"),
    ("fail-on-unknown", ["check", "--db", "{db}", "--fail-on", "no-such-rule"], "no-such-rule"),
    ("check-missing-db", ["check", "--db", "{d}/missing.db"], "missing.db"),
    ("findings-missing-db", ["findings", "--db", "{d}/missing.db"], "missing.db"),
    ("report-missing-db", ["report", "--db", "{d}/missing.db", "--out", "{d}/o"], "missing.db"),
    ("resume-missing-db", ["crawl", "--resume", "--db", "{d}/missing.db"], "missing.db"),
    ("check-random-db", ["check", "--db", "{d}/random.db"], "random.db"),
    ("findings-random-db", ["findings", "--db", "{d}/random.db"], "random.db"),
    ("report-random-db", ["report", "--db", "{d}/random.db", "--out", "{d}/o"], "random.db"),
    ("crawl-random-db", ["crawl", "--agencies", "{d}/good.yml", "--db", "{d}/random.db"], "random.db"),
    ("run-random-db", ["run", "--agencies", "{d}/good.yml", "--db", "{d}/random.db", "--out", "{d}/o"],
     "random.db"),
    ("resume-random-db", ["crawl", "--resume", "--db", "{d}/random.db"], "random.db"),
    ("findings-no-such-run", ["findings", "--db", "{db}", "--run", "99"], "99"),
    ("resume-completed", ["crawl", "--resume", "--db", "{db}"], "--resume"),
    ("report-out-under-file", ["report", "--db", "{db}", "--out", "{d}/regular-file/sub"], "--out"),
    ("run-out-under-file", ["run", "--agencies", "{d}/good.yml", "--db", "{d}/x.db",
                            "--out", "{d}/regular-file/sub"], "--out"),
    ("demo-out-under-file", ["demo", "--db", "{d}/demo.db", "--out", "{d}/regular-file/sub"], "--out"),
    ("db-under-file", ["crawl", "--agencies", "{d}/good.yml", "--db", "{d}/regular-file/x.db"], "x.db"),
    ("profile-unknown", ["check", "--db", "{db}", "--profile", "no-such-profile"], "no-such-profile"),
]


@pytest.mark.parametrize("case, argv, needle", OPTION_CASES, ids=[c[0] for c in OPTION_CASES])
def test_bad_options(files, case, argv, needle):
    db = audit_db(files / "audit.db")
    before = listing(files)
    random_db = (files / "random.db").read_bytes()
    result = invoke([a.format(d=files, db=db) for a in argv])
    assert_one_line_error(result, needle)
    after = listing(files)
    assert after == before                       # no x.db, o/, demo.db … left behind
    assert (files / "random.db").read_bytes() == random_db
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from runs").fetchone()[0] == 1   # the good db untouched
    conn.close()


@pytest.mark.parametrize("argv, needle", [
    (["crawl", "--agencies", "{d}/junk.yml", "--db", "{d}/x.db"], "junk.yml"),
    (["check", "--db", "{d}/random.db", "--as-of", "2026-11-27"], "random.db"),
    (["findings", "--db", "{d}/missing.db", "--format", "jsonl"], "missing.db"),
])
def test_bad_input_subprocess(files, argv, needle):
    """The real entry point: exit status 2, one stderr line, nothing on stdout."""
    proc = subprocess.run([sys.executable, "cli.py", *[a.format(d=files) for a in argv]], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0], proc.stderr
    assert proc.stdout == ""
    assert not (files / "x.db").exists()


@pytest.mark.parametrize("content", ['- {id: a, name: A, url: "http://h/", level: 2026-02-30}\n',
                                     "[" * 5000 + "\n"])
def test_agencies_parser_escapes_reach_cli(files, content):
    path = files / "escape.yml"
    path.write_text(content, encoding="utf-8")
    result = invoke(["crawl", "--agencies", str(path), "--db", str(files / "new.db")])
    assert_one_line_error(result, "escape.yml")
