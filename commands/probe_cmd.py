"""``cli.py probe``: availability probes of home pages and key pages (the click side of
:mod:`crawler.probe`)."""

from __future__ import annotations

import click

from commands.cliutil import InputError, agencies_option, db_option, open_store
from crawler.agencies import AgencyConfigError, load_agencies
from crawler.probe import MIN_PROBES_PER_DAY, probe_loop
from crawler.vocabulary import DurationError, clock_seconds


def parse_duration(value: str, option: str) -> int:
    """``30min``/``1h``/``7d``/``90s`` to seconds; anything else is an :class:`InputError`."""
    try:
        return clock_seconds(value, option)
    except DurationError as exc:
        raise InputError(str(exc)) from None


@click.command("probe")
@agencies_option()
@db_option()
@click.option("--timeout", type=click.FloatRange(min=0.1), default=15.0, show_default=True,
              help="Seconds a page may take in total (指标2019: 15 s).")
@click.option("--every", "every", default=None, metavar="DURATION",
              help="Repeat a pass this often (30min, 1h); default: one pass.")
@click.option("--for", "duration", default=None, metavar="DURATION",
              help="Stop repeating after this long (7d); default: until Ctrl-C.")
@click.option("--concurrency", type=click.IntRange(min=1), default=16, show_default=True,
              help="Pages fetched at the same time.")
def probe_command(agencies_path: str, db_path: str, timeout: float, every: str | None,
                  duration: str | None, concurrency: int) -> None:
    """Probe home pages and key pages for availability (站点无法访问 monitoring).

    One pass, or repeat with --every for --for; every probe is appended to the database, so an
    interrupted week is resumed by starting again. Prints one line per pass. Example:

        cli.py probe --agencies agencies.yml --db audit.db --every 30min --for 7d
    """
    every_s = parse_duration(every, "--every") if every is not None else None
    duration_s = parse_duration(duration, "--for") if duration is not None else None
    if duration_s is not None and every_s is None:
        raise InputError("--for: needs --every (how often to probe)")
    try:
        agencies = load_agencies(agencies_path)
    except AgencyConfigError as exc:
        raise InputError(str(exc)) from None
    if every_s and every_s * MIN_PROBES_PER_DAY > 86400:
        click.echo(f"warning: --every {every} gives fewer than {MIN_PROBES_PER_DAY} probes a day; "
                   f"指标2019 needs at least {MIN_PROBES_PER_DAY} (e.g. --every 30min)", err=True)
    store = open_store(db_path, create=True)
    try:
        passes = probe_loop(agencies, store, timeout, concurrency, every_s, duration_s, click.echo)
    finally:
        store.close()
    if every_s:
        click.echo(f"done: {passes} passes")


COMMANDS = [probe_command]
