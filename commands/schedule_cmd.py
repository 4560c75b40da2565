"""``cli.py schedule``: print or write the cron lines and systemd units of :mod:`crawler.schedule`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from commands.cliutil import InputError, agencies_option, db_option
from crawler.agencies import AgencyConfigError, load_agencies
from crawler.schedule import (
    FAIL_ON_DEFAULT,
    TIME_RE,
    build_jobs,
    crontab,
    install_notes,
    scrapyd_recipe,
    unit_files,
)


def parse_at(value: str) -> tuple[int, int]:
    """``--at HH:MM`` to (hour, minute); anything else is an :class:`InputError` naming it."""
    match = TIME_RE.match(value or "")
    if not match:
        raise InputError(f"--at: {value!r} is not a time of day like 02:30")
    return int(match.group(1)), int(match.group(2))


@click.command("schedule")
@agencies_option()
@db_option()
@click.option("--out-dir", default=None, type=click.Path(file_okay=False),
              help="Write the crontab, the units and the Scrapyd recipe here (else print them).")
@click.option("--at", "at", default="02:30", show_default=True, metavar="HH:MM",
              help="Time of day of the monthly round (on the 1st) and the nightly self-check.")
@click.option("--agency", "agency_id", default=None, metavar="ID",
              help="Also schedule this agency's nightly self-check.")
@click.option("--fail-on", "fail_on", default=FAIL_ON_DEFAULT, show_default=True,
              help="--fail-on level passed to the self-check (exit 1 at or above it).")
@click.option("--log-dir", default=None, type=click.Path(file_okay=False),
              help="Where the jobs append their logs; default: logs/ next to the database.")
def schedule_command(agencies_path: str, db_path: str, out_dir: str | None, at: str,
                     agency_id: str | None, fail_on: str, log_dir: str | None) -> None:
    """Print cron lines and systemd units for probes, the monthly round and a self-check.

    Example:

        cli.py schedule --agencies agencies.yml --db audit.db --at 02:30 --agency jiaoyu
    """
    hour, minute = parse_at(at)
    try:
        agencies = load_agencies(agencies_path)
    except AgencyConfigError as exc:
        raise InputError(str(exc)) from None
    if agency_id is not None and agency_id not in {a.id for a in agencies}:
        raise InputError(f"--agency: {agency_id!r} is not an id in {agencies_path}")
    if agency_id is None and len(agencies) == 1:
        agency_id = agencies[0].id
    db = Path(os.path.abspath(db_path))
    logs = Path(os.path.abspath(log_dir)) if log_dir else db.parent / "logs"
    jobs = build_jobs(Path(os.path.abspath(agencies_path)), db, hour, minute, agency_id,
                      fail_on, logs, db.parent / "reports")
    try:
        logs.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--log-dir: cannot create {logs} ({exc.strerror})") from None
    files = {"govaudit.crontab": crontab(jobs), **unit_files(jobs),
             "scrapyd.txt": scrapyd_recipe(Path(os.path.abspath(agencies_path)), db)}
    if out_dir:
        target = Path(out_dir)
        try:
            target.mkdir(parents=True, exist_ok=True)
            for name, text in files.items():
                (target / name).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"--out-dir: cannot write to {target} ({exc.strerror})") from None
        for name in files:
            click.echo(f"wrote {target / name}")
        click.echo(install_notes(target.resolve(), jobs), nl=False)
        return
    for name, text in files.items():
        click.echo(f"# ===== {name} =====")
        click.echo(text)
    if agency_id is None:
        click.echo("# no self-check scheduled: pass --agency ID for an agency's nightly self-check")
    click.echo(install_notes(None, jobs), nl=False)


COMMANDS = [schedule_command]
