"""Shared pieces of the click CLI: reusable options and the one-line input error (exit 2).

Command modules (``commands.reporting``, ``commands.inspect_cmd``, ``crawler.probe`` …) expose a
``COMMANDS`` list of click commands; ``cli.py`` adds them to the group.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from crawler.store import Store, StoreError


class InputError(click.ClickException):
    """Bad input or usage: printed as one line ``error: …`` and exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: D102 - click API
        click.echo(f"error: {self.format_message()}", err=True)


def parse_as_of(value: str | None) -> str | None:
    """Validate ``--as-of YYYY-MM-DD`` (a real calendar date) and return it as ISO."""
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"--as-of: {value!r} is not a real date in YYYY-MM-DD form") from None


def open_store(path: str, create: bool = False) -> Store:
    """Open the audit database; a missing or foreign file is an :class:`InputError`."""
    try:
        return Store(path, create=create)
    except StoreError as exc:
        raise InputError(str(exc)) from None


def db_option(required: bool = True):
    return click.option("--db", "db_path", required=required, type=click.Path(dir_okay=False),
                        help="SQLite audit database (created by crawl/run).")


def agencies_option(required: bool = True):
    return click.option("--agencies", "agencies_path", required=required,
                        type=click.Path(dir_okay=False),
                        help="Agencies file: YAML list of {id, name, url} or CSV id,name,url.")


def as_of_option():
    return click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD",
                        help="Monitoring point (监测时间点) for freshness and deadlines; "
                             "default: the crawl's own date.")


def format_option(choices: list[str], default: str):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


def ensure_out_dir(path: str) -> Path:
    """Create the output folder or raise an :class:`InputError` naming it."""
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise InputError(f"--out: cannot write to {out} ({exc.strerror})") from None
    return out
