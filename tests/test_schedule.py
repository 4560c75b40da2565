"""cli.py schedule: crontab lines and systemd units that parse, verify and name absolute paths."""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from commands.schedule_cmd import schedule_command
from crawler.schedule import PROJECT_DIR, systemd_quote

pytestmark = pytest.mark.timeout(60)
CRON_RANGES = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
PYTHON = os.path.abspath(sys.executable)
CLI = str(PROJECT_DIR / "cli.py")


def agencies_file(folder: Path, ids: tuple[str, ...] = ("jiaoyu",)) -> Path:
    path = folder / "agencies.yml"
    path.write_text("".join(f"- id: {i}\n  name: 局{i}\n  url: https://{i}.example.org/\n"
                            for i in ids), encoding="utf-8")
    return path


def schedule(folder: Path, *args: str, ids: tuple[str, ...] = ("jiaoyu",)) -> tuple[Path, Path]:
    """Run ``schedule --out-dir``; returns (out dir, db path)."""
    out, db = folder / "deploy", folder / "audit.db"
    result = CliRunner().invoke(schedule_command, [
        "--agencies", str(agencies_file(folder, ids)), "--db", str(db), "--out-dir", str(out),
        *args])
    assert result.exit_code == 0, result.output
    return out, db


def cron_jobs(text: str) -> list[tuple[list[str], str]]:
    """(5 schedule fields, command) of every job line; environment and comment lines skipped."""
    jobs = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or re.match(r"^[A-Z_]+=", line):
            continue
        parts = line.split(None, 5)
        jobs.append((parts[:5], parts[5]))
    return jobs


def field_values(field: str, low: int, high: int) -> set[int]:
    """Expand one cron field (``*``, ``*/n``, ``a-b``, ``a,b``); fails on values out of range."""
    values: set[int] = set()
    for part in field.split(","):
        match = re.fullmatch(r"(\*|(\d+)(?:-(\d+))?)(?:/(\d+))?", part)
        assert match, f"bad cron field {field!r}"
        if match.group(1) == "*":
            start, end = low, high
        else:
            start = int(match.group(2))
            end = int(match.group(3)) if match.group(3) else start
        step = int(match.group(4) or 1)
        assert low <= start <= end <= high, f"{field!r} outside {low}-{high}"
        values.update(range(start, end + 1, step))
    return values


def test_crontab_lines_are_valid_and_complete(tmp_path) -> None:
    out, db = schedule(tmp_path, "--at", "03:45")
    jobs = cron_jobs((out / "govaudit.crontab").read_text())
    assert len(jobs) == 3
    for fields, command in jobs:
        for field, (low, high) in zip(fields, CRON_RANGES, strict=True):
            field_values(field, low, high)
        words = shlex.split(command)
        assert words[:3] == ["cd", str(PROJECT_DIR), "&&"]
        assert words[3:6] == ["/usr/bin/flock", "-n", "-E"]
        assert PYTHON in command and CLI in command and f"--db {db}" in command
        assert re.search(r">> \S+\.log 2>&1 \|\| \{ rc=\$\?; .*logger -t govaudit", command)
        assert "%" not in command.replace("\\%", "")
        subprocess.run(["sh", "-n", "-c", command], check=True)      # shell syntax
    (probe, _), (monthly, monthly_cmd), (selfcheck, self_cmd) = jobs
    assert field_values(probe[0], 0, 59) == {0, 30} and probe[1:] == ["*", "*", "*", "*"]
    assert monthly == ["45", "3", "1", "*", "*"]
    assert f"{db}.lock" in monthly_cmd and " run --agencies " in monthly_cmd
    assert " report --db " in monthly_cmd
    assert selfcheck == ["45", "3", "2-31", "*", "*"]
    assert "--agency jiaoyu --fail-on veto" in self_cmd
    assert f"{db}.probe.lock" in jobs[0][1]


def test_systemd_units_parse_with_absolute_commands(tmp_path) -> None:
    out, db = schedule(tmp_path, "--agency", "jiaoyu", "--fail-on", "high")
    services = sorted(p.name for p in out.glob("govaudit-*.service"))
    assert services == ["govaudit-failed@.service", "govaudit-monthly.service",
                        "govaudit-probe.service", "govaudit-selfcheck-jiaoyu.service"]
    for service in services:
        unit = configparser.ConfigParser(interpolation=None)
        unit.optionxform = str
        unit.read(out / service)
        assert set(unit.sections()) == {"Unit", "Service"}
        exec_start = shlex.split(unit["Service"]["ExecStart"])
        assert Path(exec_start[0]).is_absolute()
        if service == "govaudit-failed@.service":
            continue
        assert unit["Unit"]["OnFailure"] == "govaudit-failed@%n.service"
        assert unit["Service"]["WorkingDirectory"] == str(PROJECT_DIR)
        assert unit["Service"]["StandardOutput"].startswith(f"append:{tmp_path}/logs/")
        assert exec_start[:2] == ["/usr/bin/flock", "-n"] and PYTHON in " ".join(exec_start)
        timer = configparser.ConfigParser(interpolation=None)
        timer.optionxform = str
        timer.read(out / service.replace(".service", ".timer"))
        assert set(timer.sections()) == {"Unit", "Timer", "Install"}
        assert timer["Timer"]["OnCalendar"] and timer["Timer"]["Unit"] == service
    probe = (out / "govaudit-probe.service").read_text()
    assert "SuccessExitStatus=75" in probe
    assert "--fail-on high" in (out / "govaudit-selfcheck-jiaoyu.service").read_text()
    assert (tmp_path / "logs").is_dir()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_analyze_accepts_units_and_calendars(tmp_path) -> None:
    folder = tmp_path / "with space"
    folder.mkdir()
    out, _db = schedule(folder)
    units = sorted(str(p) for p in out.iterdir() if p.suffix in (".service", ".timer"))
    env = {**os.environ, "SYSTEMD_UNIT_PATH": f"{out}:", "SYSTEMD_LOG_LEVEL": "warning"}
    verify = subprocess.run(["systemd-analyze", "verify", *units], capture_output=True,
                            text=True, env=env, timeout=60)
    assert verify.returncode == 0, verify.stderr
    assert "govaudit" not in verify.stderr, verify.stderr
    calendars = [re.search(r"^OnCalendar=(.+)$", Path(u).read_text(), re.M).group(1)
                 for u in units if u.endswith(".timer")]
    for spec in calendars:
        result = subprocess.run(["systemd-analyze", "calendar", spec], capture_output=True,
                                text=True, timeout=30)
        assert result.returncode == 0 and "Next elapse" in result.stdout, result.stderr


def test_printing_without_out_dir_shows_every_file_and_the_scrapyd_recipe(tmp_path) -> None:
    db = tmp_path / "audit.db"
    result = CliRunner().invoke(schedule_command, [
        "--agencies", str(agencies_file(tmp_path, ("a", "b"))), "--db", str(db)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    for name in ("govaudit.crontab", "govaudit-probe.service", "govaudit-monthly.timer",
                 "scrapyd.txt"):
        assert f"# ===== {name} =====" in text
    assert "selfcheck" not in text.split("# no self-check")[0]
    assert "pass --agency ID" in text
    assert "[deploy:local]" in text and "scrapyd-deploy local -p govaudit" in text
    assert (f"curl http://localhost:6800/schedule.json -d project=govaudit -d spider=portal "
            f"-d agencies={tmp_path / 'agencies.yml'} -d db={db}") in text


@pytest.mark.parametrize(("args", "message"), [
    (["--at", "25:00"], "error: --at: '25:00' is not a time of day like 02:30"),
    (["--at", "2.30"], "error: --at: '2.30' is not a time of day like 02:30"),
    (["--agency", "nope"], "error: --agency: 'nope' is not an id in "),
])
def test_bad_values_are_named(tmp_path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(schedule_command, [
        "--agencies", str(agencies_file(tmp_path)), "--db", str(tmp_path / "a.db"), *args])
    assert result.exit_code == 2
    assert result.output.startswith(message)


@pytest.mark.parametrize(("word", "quoted"), [
    ("/usr/bin/flock", "/usr/bin/flock"), ("/a b/c", '"/a b/c"'), ("50%", "50%%"),
    ("a && b", '"a && b"'), ('say "hi"', '"say \\"hi\\""'), ("$HOME", "$$HOME"),
])
def test_systemd_quote(word: str, quoted: str) -> None:
    assert systemd_quote(word) == quoted
