"""``cli.py schedule``: ready-to-install cron lines and systemd units for the recurring jobs.

Scrapy and Scrapyd have no scheduler of their own; the jobs an evaluation team or an agency
needs are plain commands run by cron or systemd timers:

(a) ``probe`` every 30 minutes (48 probes a day, above 指标2019's minimum of 20);
(b) the monthly full round on the 1st: ``run`` then ``report``;
(c) an agency's nightly self-check ``run --agency ID --fail-on LEVEL`` (exit 1 when something
    at or above the level is found), every night except the 1st, when the monthly round runs.

Every command uses absolute paths (the Python in use, ``cli.py``), changes into the project
folder and appends its output to a log file. Every command goes through ``flock -n``: the crawl
jobs through ``<db>.lock`` — the same lock :class:`crawler.lock.RunLock` takes, so a manual run
and a scheduled one never overlap either — and the probes through ``<db>.probe.lock``, so a long
monthly crawl does not silence the availability monitoring (probes only append rows; SQLite WAL
lets them write beside a crawl). A job that finds its lock busy exits 75 (EX_TEMPFAIL): a skipped
probe pass is normal (the previous one is still running), a skipped crawl job is reported. A failed
job is reported: cron lines end in ``|| { rc=$?; logger -t govaudit …; }`` (syslog/journal),
systemd services have ``OnFailure=govaudit-failed@%n.service``; the self-check's exit 1 (findings
at or above ``--fail-on``) is such a failure on purpose.

Example::

    cli.py schedule --agencies agencies.yml --db audit.db --at 02:30 --agency jiaoyu
    cli.py schedule --agencies agencies.yml --db audit.db --out-dir deploy/   # writes files
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

from crawler.lock import lock_path_for

PROJECT_DIR = Path(__file__).resolve().parents[1]
FLOCK = "/usr/bin/flock"
LOGGER = "/usr/bin/logger"
BUSY_EXIT = 75
TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
FAIL_ON_DEFAULT = "veto"
SCRAPYD_PROJECT = "govaudit"


@dataclass
class Job:
    """One scheduled job: its unit name, what it does, when (cron and systemd) and its command."""

    name: str
    description: str
    cron: str
    on_calendar: str
    argv: list[str]
    lock: Path
    log: Path
    persistent: bool = False
    busy_ok: bool = False


def python_path() -> str:
    """The interpreter in use, absolute but not resolved (a venv's python is a symlink)."""
    return os.path.abspath(sys.executable)


def cli_command(*args: str | Path) -> list[str]:
    return [python_path(), str(PROJECT_DIR / "cli.py"), *map(str, args)]


def build_jobs(agencies_path: Path, db_path: Path, hour: int, minute: int, agency_id: str | None,
               fail_on: str, log_dir: Path, report_dir: Path) -> list[Job]:
    """The jobs to schedule: probes, the monthly round and (with an agency) its self-check."""
    run_lock = lock_path_for(db_path)
    probe_lock = Path(str(db_path) + ".probe.lock")
    jobs = [
        Job("govaudit-probe", "govaudit availability probes (every 30 minutes)",
            "*/30 * * * *", "*-*-* *:00/30:00",
            cli_command("probe", "--agencies", agencies_path, "--db", db_path),
            probe_lock, log_dir / "probe.log", busy_ok=True),
        Job("govaudit-monthly", "govaudit monthly full round (run + report)",
            f"{minute} {hour} 1 * *", f"*-*-01 {hour:02d}:{minute:02d}:00",
            ["/bin/sh", "-c",
             shlex.join(cli_command("run", "--agencies", agencies_path, "--db", db_path))
             + " && " + shlex.join(cli_command("report", "--db", db_path, "--out", report_dir))],
            run_lock, log_dir / "monthly.log", persistent=True),
    ]
    if agency_id:
        jobs.append(Job(
            f"govaudit-selfcheck-{agency_id}", f"govaudit nightly self-check of {agency_id}",
            f"{minute} {hour} 2-31 * *", f"*-*-02..31 {hour:02d}:{minute:02d}:00",
            cli_command("run", "--agencies", agencies_path, "--db", db_path,
                        "--agency", agency_id, "--fail-on", fail_on),
            run_lock, log_dir / f"selfcheck-{agency_id}.log"))
    return jobs


def _flocked(job: Job) -> list[str]:
    return [FLOCK, "-n", "-E", str(BUSY_EXIT), str(job.lock), *job.argv]


def cron_line(job: Job) -> str:
    """One crontab line: cd into the project, flock, command, log; ``logger`` when it fails."""
    alert = f'{LOGGER} -t govaudit "{job.name} failed with exit status $rc, see {job.log}"'
    if job.busy_ok:
        alert = f"[ $rc -eq {BUSY_EXIT} ] || {alert}"
    command = (f"cd {shlex.quote(str(PROJECT_DIR))} && {shlex.join(_flocked(job))} "
               f">> {shlex.quote(str(job.log))} 2>&1 || {{ rc=$?; {alert}; }}")
    return f"{job.cron} {command.replace('%', chr(92) + '%')}"


def crontab(jobs: list[Job]) -> str:
    lines = ["# govaudit schedule — install with: crontab -l | cat - THIS_FILE | crontab -",
             "SHELL=/bin/sh", f"# exit {BUSY_EXIT} = skipped, the previous job still holds the lock"]
    for job in jobs:
        lines += [f"# {job.description}", cron_line(job)]
    return "\n".join(lines) + "\n"


def systemd_quote(arg: str) -> str:
    """An ExecStart= word: specifiers (%) and variables ($) escaped, quoted when needed."""
    arg = arg.replace("%", "%%").replace("$", "$$")
    if arg and not re.search(r"[\s\"'\\;]", arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


def service_unit(job: Job) -> str:
    exec_start = " ".join(systemd_quote(a) for a in _flocked(job))
    log = str(job.log).replace("%", "%%")
    busy = f"SuccessExitStatus={BUSY_EXIT}\n" if job.busy_ok else ""
    return (f"[Unit]\nDescription={job.description}\n"
            f"OnFailure=govaudit-failed@%n.service\n\n"
            f"[Service]\nType=oneshot\nWorkingDirectory={PROJECT_DIR}\n"
            f"ExecStart={exec_start}\n{busy}"
            f"StandardOutput=append:{log}\nStandardError=append:{log}\n")


def timer_unit(job: Job) -> str:
    persistent = "Persistent=true\n" if job.persistent else ""
    return (f"[Unit]\nDescription=Timer: {job.description}\n\n"
            f"[Timer]\nOnCalendar={job.on_calendar}\n{persistent}Unit={job.name}.service\n\n"
            f"[Install]\nWantedBy=timers.target\n")


def failure_unit() -> str:
    """``govaudit-failed@.service``: logs which job failed (OnFailure= target of every job)."""
    return ("[Unit]\nDescription=Report a failed govaudit job (%i)\n\n"
            f"[Service]\nType=oneshot\nExecStart={LOGGER} -t govaudit \"%i failed, "
            "see journalctl -u %i and its log file\"\n")


def unit_files(jobs: list[Job]) -> dict[str, str]:
    """File name → text of every systemd unit."""
    files = {"govaudit-failed@.service": failure_unit()}
    for job in jobs:
        files[f"{job.name}.service"] = service_unit(job)
        files[f"{job.name}.timer"] = timer_unit(job)
    return files


def scrapyd_recipe(agencies_path: Path, db_path: Path) -> str:
    """Deploying the spider to Scrapyd (one or more machines); Scrapyd itself has no timer."""
    schedule = (f"curl http://localhost:6800/schedule.json -d project={SCRAPYD_PROJECT} "
                f"-d spider=portal -d agencies={shlex.quote(str(agencies_path))} "
                f"-d db={shlex.quote(str(db_path))}")
    return f"""# Scrapyd recipe (crawling on one or more Scrapyd servers)
# scrapy.cfg needs a deploy target named "local":
#   [deploy:local]
#   url = http://localhost:6800/
#   project = {SCRAPYD_PROJECT}
pip install scrapyd scrapyd-client
scrapyd                                   # serves http://localhost:6800 (run it as a service)
cd {shlex.quote(str(PROJECT_DIR))} && scrapyd-deploy local -p {SCRAPYD_PROJECT}
{schedule}
curl http://localhost:6800/listjobs.json?project={SCRAPYD_PROJECT}
# Scrapyd queues jobs but never starts them by itself: to crawl monthly, put the schedule.json
# curl line in cron in place of the monthly job above, then run `cli.py check` and `cli.py report`.
"""


def install_notes(out_dir: Path | None, jobs: list[Job]) -> str:
    where = str(out_dir) if out_dir else "DIR"
    timers = " ".join(f"{job.name}.timer" for job in jobs)
    return (f"# systemd: copy the units and start the timers\n"
            f"sudo cp {where}/govaudit-*.service {where}/govaudit-*.timer /etc/systemd/system/\n"
            f"sudo systemctl daemon-reload && sudo systemctl enable --now {timers}\n"
            f"systemctl list-timers 'govaudit-*'\n")
