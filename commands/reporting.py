"""Click commands of the reporting side: ``report``, ``scores`` and ``diff`` (registered by cli.py).

Also re-exports :func:`write_reports` and :func:`print_summary` for ``run`` and ``demo``.
"""

from __future__ import annotations

import csv
import io
import json

import click

from checks.registry import FAMILIES
from commands.cliutil import InputError, db_option, ensure_out_dir, format_option, open_store
from crawler.store import Store, StoreError
from reports.diff import diff_runs
from reports.profiles import DEFAULT_PROFILE, ProfileError, load_profile
from reports.render import OutputPathError, format_table, ranked, summary_table, write_reports
from reports.scoring import compute_scorecards

__all__ = ["COMMANDS", "diff", "print_summary", "report", "scores", "write_reports"]


def profile_option():
    return click.option("--profile", "profile_name", default=DEFAULT_PROFILE, show_default=True,
                        help="Scoring profile: a name in reports/profiles or the path of a YAML file.")


def run_option():
    return click.option("--run", "run_id", type=int, default=None, help="Run id (default: newest).")


def profile_or_fail(name: str) -> dict:
    """Load a profile; a bad one is a one-line input error naming file and line (exit 2)."""
    try:
        return load_profile(name)
    except ProfileError as exc:
        raise InputError(f"--profile: {exc}") from None


def run_or_fail(store: Store, run_id: int | None) -> dict:
    try:
        return store.run(run_id)
    except StoreError as exc:
        raise InputError(f"--run: {exc}" if run_id is not None else str(exc)) from None


@click.command()
@db_option()
@click.option("--out", "out_dir", required=True, help="Report folder (created if missing).")
@run_option()
@profile_option()
def report(db_path, out_dir, run_id, profile_name):
    """Write the reports of a run: index.html, one page and JSON per agency, findings.csv,
    问题清单.xlsx and report.md.

    Example: python cli.py report --db audit.db --out report --profile census-2015
    """
    profile = profile_or_fail(profile_name)
    store = open_store(db_path)
    run = run_or_fail(store, run_id)
    out = ensure_out_dir(out_dir)
    try:
        written = write_reports(store, run["id"], out, profile)
    except OutputPathError as exc:
        raise InputError(str(exc)) from None
    print_summary(store, run["id"], profile)
    click.echo(f"报告: {out / 'index.html'} ({len(written)} 个文件)")
    store.close()


@click.command()
@db_option()
@run_option()
@profile_option()
@format_option(["table", "json", "csv"], "table")
def scores(db_path, run_id, profile_name, fmt):
    """Score a stored run under a profile (no crawl needed) and print the ranking.

    Example: python cli.py scores --db audit.db --profile census-2015 --format csv
    """
    profile = profile_or_fail(profile_name)
    store = open_store(db_path)
    run = run_or_fail(store, run_id)
    cards = compute_scorecards(store, run["id"], profile)
    if fmt == "table":
        click.echo(summary_table(cards))
    elif fmt == "json":
        rows = [{"rank": rank, "run_id": run["id"], **card.to_dict()} for rank, card in ranked(cards)]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["rank", "agency", "name", "profile", "score", "passed", "vetoes",
                         *FAMILIES, "findings"])
        for rank, card in ranked(cards):
            writer.writerow([rank, card.agency, card.name, card.profile, f"{card.score:.1f}",
                             int(card.passed), ";".join(v.id for v in card.vetoes),
                             *(card.families.get(f, 0) for f in FAMILIES), card.findings])
        click.echo(buffer.getvalue(), nl=False)
    store.close()


@click.command()
@db_option()
@click.option("--from", "from_run", type=int, default=None, help="Earlier run id.")
@click.option("--to", "to_run", type=int, default=None,
              help="Later run id (alone: each agency against its previous run).")
@click.option("--agency", default=None, help="Only this agency id.")
@profile_option()
@format_option(["table", "json"], "table")
def diff(db_path, from_run, to_run, agency, profile_name, fmt):
    """Compare findings between runs: 已整改 (fixed), 新增 (new), 仍存在 (persisting), score change.

    Default: each agency's last two runs that include it.

    Example: python cli.py diff --db audit.db --from 1 --to 2 --agency jyj
    """
    if from_run is not None and to_run is None:
        raise InputError("--from needs --to")
    profile = profile_or_fail(profile_name)
    store = open_store(db_path)
    for run_id in (from_run, to_run):
        if run_id is not None:
            run_or_fail(store, run_id)
    if agency is not None and not list(store.query("select 1 from agencies where id = ? limit 1", [agency])):
        raise InputError(f"--agency: no agency {agency!r} in {db_path}")
    diffs = diff_runs(store, profile, from_run, to_run, agency)
    if fmt == "json":
        click.echo(json.dumps([d.to_dict() for d in diffs], ensure_ascii=False, indent=2))
    elif not diffs:
        click.echo("没有可对比的运行（每个单位至少需要两次检查）。")
    else:
        rows = [[d.name, d.agency, f"{d.from_run} → {d.to_run}", len(d.fixed), len(d.new),
                 len(d.persisting), f"{d.score_from:.1f} → {d.score_to:.1f}", f"{d.score_change:+.1f}"]
                for d in diffs]
        click.echo(format_table(["单位", "单位ID", "运行", "已整改", "新增", "仍存在", "得分", "变化"], rows))
    store.close()


COMMANDS = [report, scores, diff]


def print_summary(store: Store, run_id: int, profile: dict | str) -> None:
    """Print the terminal table: 排名, 单位, 得分, 结论, 单项否决 and findings per family."""
    if isinstance(profile, str):
        profile = load_profile(profile)
    click.echo(summary_table(compute_scorecards(store, run_id, profile)))
