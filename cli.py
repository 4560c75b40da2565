"""govaudit — crawl Chinese government information-disclosure portals and check them against the rules.

Commands: crawl, check, report, run (all three), findings, rules, demo, inspect, scores, diff,
probe, schedule. Exit codes: 0 success; 1 findings at or above ``--fail-on``; 2 bad input.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import sys

import click

from commands.cliutil import (
    InputError,
    agencies_option,
    as_of_option,
    db_option,
    format_option,
    open_store,
    parse_as_of,
)
from commands.safety_options import attachment_option
from commands.safety_options import scrapy_settings as safety_settings
from crawler import __version__
from crawler.agencies import AgencyConfigError, load_agencies
from crawler.store import Store, loads

COMMAND_MODULES = ["commands.inspect_cmd", "commands.reporting", "commands.probe_cmd",
                   "commands.schedule_cmd"]


class OneLineErrors(click.Group):
    """A click group whose usage errors are one line (``error: …``) with exit code 2."""

    def main(self, *args, **kwargs):
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.Abort:
            click.echo("error: aborted", err=True)
            sys.exit(130)
        except click.UsageError as exc:
            ctx = f"{exc.ctx.command_path}: " if exc.ctx else ""
            click.echo(f"error: {ctx}{exc.format_message()}", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(result, int):
            sys.exit(result)
        sys.exit(0)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govaudit")
def cli():
    """政务公开网站检查: crawl agencies' portals, check them against the national rules, report."""


def crawl_options(func):
    """Options shared by ``crawl``, ``run`` and ``demo``."""
    for option in reversed([
        click.option("--workers", type=click.IntRange(1, 64), default=None,
                     help="Crawler processes (default: number of cores)."),
        click.option("--concurrency", type=click.IntRange(1, 64), default=4, show_default=True,
                     help="Concurrent requests per host and agency."),
        click.option("--timeout", type=click.FloatRange(1, 600), default=15.0, show_default=True,
                     help="Seconds before a request counts as timed out (指标2019: 15)."),
        click.option("--max-pages", type=click.IntRange(1), default=None,
                     help="Page budget per agency (overrides the agencies file)."),
        click.option("--ignore-robots", is_flag=True, help="Do not obey robots.txt (only with permission)."),
        click.option("--allow-private", is_flag=True,
                     help="Allow requests to private/loopback addresses no agency owns."),
        click.option("--quiet", is_flag=True, help="No progress lines."),
        click.option("--agency", "only_agency", default=None, metavar="ID",
                     help="Audit only this agency of the agencies file (self-checks)."),
        click.option("--full-recrawl", is_flag=True,
                     help="Download every page again (no If-None-Match/If-Modified-Since)."),
    ]):
        func = option(func)
    return func


def scrapy_overrides(concurrency: int, timeout: float, ignore_robots: bool, allow_private: bool,
                     quiet: bool, full_recrawl: bool = False) -> dict:
    return {
        "GOVAUDIT_CONDITIONAL": not full_recrawl,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(concurrency),
        "DOWNLOAD_TIMEOUT": timeout,
        "ROBOTSTXT_OBEY": not ignore_robots,
        "GOVAUDIT_ALLOW_PRIVATE": allow_private,
        "GOVAUDIT_PROGRESS_INTERVAL": 0 if quiet else 5.0,
        **safety_settings(),  # --attachment-max-mb (commands/safety_options.py)
    }


def check_agency_thresholds(path: str, agencies) -> None:
    """An agency's ``thresholds`` may set only options a registered rule declares."""
    from checks.registry import declared_options
    options = declared_options()
    for agency in agencies:
        for key in agency.thresholds:
            if key not in options:
                raise InputError(f"{path}: agency {agency.id}: thresholds: unknown option {key!r} "
                                 f"(options: {', '.join(sorted(options))})")
        check_wording_pairs(path, agency)


def check_wording_pairs(path: str, agency) -> None:
    """An agency's own 严重表述错误 list needs wrong, right and source in every entry."""
    from crawler.safety.wording import WordingListError, parse_pairs
    try:
        parse_pairs(agency.thresholds.get("wording_pairs"), "wording_pairs")
    except WordingListError as exc:
        raise InputError(f"{path}: agency {agency.id}: thresholds: {exc}") from None


def read_agencies(path: str, max_pages: int | None, only: str | None = None):
    try:
        agencies = load_agencies(path)
    except AgencyConfigError as exc:
        raise InputError(str(exc)) from None
    check_agency_thresholds(path, agencies)
    if only:
        agencies = [a for a in agencies if a.id == only]
        if not agencies:
            raise InputError(f"--agency: {only!r} is not an id in {path}")
    if max_pages:
        for agency in agencies:
            agency.max_pages = max_pages
    return agencies


def do_crawl(agencies_path: str | None, db_path: str, as_of: str | None, workers: int | None,
             overrides: dict, max_pages: int | None, resume: bool, run_id: int | None,
             only_agency: str | None = None, redis_url: str | None = None) -> int:
    """Crawl (or resume) and return the run id; with ``redis_url`` as a distributed run."""
    from crawler.lock import LockBusy, RunLock
    from crawler.run import effective_status, run_agencies, run_workers, start_run

    if resume and redis_url:
        raise InputError("--resume: continue a distributed run without --redis (from the store)")
    if resume:
        store = open_store(db_path)
        run = store.run(run_id) if run_id else _last_unfinished(store)
        if effective_status(run) == "completed":
            raise InputError(f"--resume: run {run['id']} is already completed")
        agencies = run_agencies(store, run["id"])
        stored = loads(run["settings"], {}) or {}
        overrides = {**stored.get("scrapy", {}), **overrides}
        workers = workers or stored.get("workers")
        rid = run["id"]
    else:
        if not agencies_path:
            raise InputError("--agencies is required (or use --resume)")
        agencies = read_agencies(agencies_path, max_pages, only_agency)
        store = open_store(db_path, create=True)
        rid = None
    workers = workers or os.cpu_count() or 1
    try:
        with RunLock(db_path):
            if rid is None:
                rid = start_run(store, agencies, as_of, {"scrapy": overrides, "workers": workers},
                                agencies_path or "")
            click.echo(f"运行 run {rid}: {len(agencies)} 个单位, {min(workers, len(agencies))} 个爬虫进程",
                       err=True)
            if redis_url:
                status = _run_distributed(store, rid, agencies, workers, overrides, redis_url)
            else:
                status = run_workers(store, rid, agencies, workers, overrides, resume=resume)
    except LockBusy as exc:
        raise InputError(str(exc)) from None
    for row in store.query("select id, status, error, pages from agencies where run_id = ?", [rid]):
        note = f" ({row['error']})" if row["error"] else ""
        click.echo(f"  {row['id']}: {row['status']}{note}, {row['pages']} 页", err=True)
    click.echo(f"run {rid}: {status}", err=True)
    store.close()
    if status == "interrupted":
        click.echo(f"error: run {rid} interrupted; continue it with: python cli.py crawl --db {db_path} "
                   f"--resume", err=True)
        raise click.exceptions.Exit(130)
    if status == "failed":
        raise CrawlFailed(f"run {rid}: a crawler process failed (see the messages above); "
                          f"what it stored is kept, --resume continues it")
    return rid


def _run_distributed(store: Store, rid: int, agencies, workers: int, overrides: dict,
                     redis_url: str) -> str:
    from crawler.coordinator import DistributedError, run_distributed
    try:
        return run_distributed(store, rid, agencies, workers, overrides, redis_url,
                               quiet=not overrides.get("GOVAUDIT_PROGRESS_INTERVAL"))
    except DistributedError as exc:
        store.set_run(rid, status="failed")
        raise InputError(str(exc)) from None


class CrawlFailed(InputError):
    """A crawler process crashed: exit 3, distinct from bad input (2) and findings (1)."""

    exit_code = 3


def _last_unfinished(store: Store) -> dict:
    from crawler.run import effective_status
    for run in reversed(store.runs()):
        if effective_status(run) != "completed":
            return run
    raise InputError(f"--resume: no interrupted run in {store.path}")


@cli.command()
@agencies_option(required=False)
@db_option()
@as_of_option()
@crawl_options
@attachment_option
@click.option("--resume", is_flag=True, help="Continue the last interrupted run (or --run ID).")
@click.option("--run", "run_id", type=int, default=None, help="Run to resume.")
@click.option("--redis", "redis_url", default=None, metavar="URL",
              help="Distributed run: queue in Redis (redis://HOST:6379/0); `cli.py worker` joins it.")
def crawl(agencies_path, db_path, as_of, workers, concurrency, timeout, max_pages, ignore_robots,
          allow_private, quiet, only_agency, full_recrawl, resume, run_id, redis_url):
    """Crawl every agency's portal into the store.

    Example: python cli.py crawl --agencies agencies.yml --db audit.db
    """
    as_of = parse_as_of(as_of)
    do_crawl(agencies_path, db_path, as_of, workers,
             scrapy_overrides(concurrency, timeout, ignore_robots, allow_private, quiet, full_recrawl),
             max_pages, resume, run_id, only_agency, redis_url)


@cli.command()
@click.option("--redis", "redis_url", required=True, metavar="URL",
              help="Redis of the run to join (redis://HOST:6379/0).")
@click.option("--wait", type=click.FloatRange(0), default=60.0, show_default=True,
              help="Seconds to wait for a run to be published.")
def worker(redis_url, wait):
    """Join a distributed crawl on any machine; leave when it ends (last line: pages fetched).

    Example: python cli.py worker --redis redis://10.0.0.5:6379/0
    """
    from crawler.redis_worker import main as worker_main
    return worker_main(["--redis", redis_url, "--wait", str(wait)])


def load_profile_or_fail(profile: str | None) -> dict:
    from reports.profiles import ProfileError, load_profile
    try:
        return load_profile(profile or "gov-website-2019")
    except ProfileError as exc:
        raise InputError(str(exc)) from None


def do_check(db_path: str, run_id: int | None, as_of: str | None, profile: dict,
             holiday_file: str | None = None) -> int:
    from checks.registry import run_checks
    from checks.workdays import HolidayFileError, load_holiday_file
    store = open_store(db_path)
    try:
        run = store.run(run_id)
    except Exception as exc:  # StoreError
        raise InputError(str(exc)) from None
    if as_of:
        store.set_run(run["id"], as_of=as_of)
    if holiday_file:
        try:
            load_holiday_file(holiday_file)
        except (HolidayFileError, OSError) as exc:
            raise InputError(f"--holiday-file: {exc}") from None
        settings = loads(run["settings"], {}) or {}
        settings["holiday_file"] = os.path.abspath(holiday_file)
        store.set_run(run["id"], settings=json.dumps(settings, ensure_ascii=False))
        run = store.run(run["id"])
    counts = run_checks(store, run["id"], profile)
    total = sum(counts.values())
    click.echo(f"run {run['id']}: {total} 个问题 ({len(counts)} 条规则有发现)", err=True)
    store.close()
    return run["id"]


def profile_option():
    return click.option("--profile", default=None,
                        help="Scoring profile: a name in reports/profiles or a YAML file "
                             "(default gov-website-2019).")


def holiday_option():
    return click.option("--holiday-file", default=None, type=click.Path(dir_okay=False),
                        help="YAML/JSON {holidays: [...], workdays: [...]} for years chinesecalendar "
                             "lacks (it ends at 2026); else weekends only, with a warning.")


def fail_on_option():
    return click.option("--fail-on", "fail_on", default="never", show_default=True,
                        help="Exit 1 when: 'any' finding, 'veto' (a 单项否决 item), 'fail' (an "
                             "agency 不合格), 'never', or a comma list of rule ids.")


def check_fail_on(db_path: str, run_id: int, fail_on: str, profile: dict) -> int:
    """Exit status for ``--fail-on``: 1 when the condition is met."""
    from checks.registry import load_rules
    if fail_on == "never":
        return 0
    store = open_store(db_path)
    if fail_on in ("fail", "veto"):
        from reports.scoring import compute_scorecards
        cards = compute_scorecards(store, run_id, profile)
        if fail_on == "veto":
            return 1 if any(card.vetoes for card in cards) else 0
        return 1 if any(not card.passed for card in cards) else 0
    if fail_on == "any":
        n = next(store.query("select count(*) n from findings where run_id = ?", [run_id]))["n"]
        return 1 if n else 0
    rules = [r.strip() for r in fail_on.split(",") if r.strip()]
    unknown = [r for r in rules if r not in load_rules()]
    if unknown:
        raise InputError(f"--fail-on: unknown rule id {unknown[0]!r} (see `cli.py rules`)")
    marks = ",".join("?" for _ in rules)
    n = next(store.query(f"select count(*) n from findings where run_id = ? and rule in ({marks})",
                         [run_id, *rules]))["n"]
    return 1 if n else 0


def validate_fail_on(fail_on: str) -> None:
    from checks.registry import load_rules
    if fail_on in ("never", "any", "fail", "veto"):
        return
    rules = load_rules()
    for rule_id in (r.strip() for r in fail_on.split(",")):
        if rule_id not in rules:
            raise InputError(f"--fail-on: {rule_id!r} is not never/any/veto/fail or a rule id")


@cli.command()
@db_option()
@click.option("--run", "run_id", type=int, default=None, help="Run id (default: newest).")
@as_of_option()
@profile_option()
@holiday_option()
@fail_on_option()
def check(db_path, run_id, as_of, profile, holiday_file, fail_on):
    """Run every rule on a stored crawl (offline; replaces that run's findings).

    Example: python cli.py check --db audit.db --as-of 2026-11-27
    """
    as_of = parse_as_of(as_of)
    validate_fail_on(fail_on)
    prof = load_profile_or_fail(profile)
    rid = do_check(db_path, run_id, as_of, prof, holiday_file)
    sys.exit(check_fail_on(db_path, rid, fail_on, prof))


@cli.command()
@agencies_option()
@db_option()
@as_of_option()
@crawl_options
@attachment_option
@profile_option()
@holiday_option()
@fail_on_option()
@click.option("--out", "out_dir", default="report", show_default=True, help="Report folder.")
def run(agencies_path, db_path, as_of, workers, concurrency, timeout, max_pages, ignore_robots,
        allow_private, quiet, only_agency, full_recrawl, profile, holiday_file, fail_on, out_dir):
    """Crawl, check and report in one go.

    Example: python cli.py run --agencies agencies.yml --db audit.db --as-of 2026-11-27
    """
    from commands.cliutil import ensure_out_dir
    from commands.reporting import print_summary, write_reports

    as_of = parse_as_of(as_of)
    validate_fail_on(fail_on)
    prof = load_profile_or_fail(profile)
    read_agencies(agencies_path, max_pages, only_agency)
    if os.path.isfile(db_path) and os.path.getsize(db_path):
        open_store(db_path, create=True).close()  # a foreign --db fails before --out is created
    out = ensure_out_dir(out_dir)
    rid = do_crawl(agencies_path, db_path, as_of, workers,
                   scrapy_overrides(concurrency, timeout, ignore_robots, allow_private, quiet,
                                    full_recrawl),
                   max_pages, False, None, only_agency)
    do_check(db_path, rid, None, prof, holiday_file)
    store = open_store(db_path)
    paths = write_reports(store, rid, out, prof)
    print_summary(store, rid, prof)
    click.echo(f"报告: {out / 'index.html'} ({len(paths)} 个文件)")
    store.close()
    sys.exit(check_fail_on(db_path, rid, fail_on, prof))


FINDING_COLUMNS = ["run_id", "agency", "rule", "family", "url", "source", "field", "detail",
                   "evidence", "observed_at"]


@cli.command()
@db_option()
@click.option("--run", "run_id", type=int, default=None, help="Run id (default: newest).")
@click.option("--agency", default=None, help="Only this agency id.")
@click.option("--rule", "rule_id", default=None, help="Only this rule id.")
@format_option(["jsonl", "csv", "table"], "table")
def findings(db_path, run_id, agency, rule_id, fmt):
    """List findings, one per line.

    Example: python cli.py findings --db audit.db --format jsonl
    """
    import checks.registry  # noqa: F401 - registers the findings table before the store opens
    store = open_store(db_path)
    try:
        run_row = store.run(run_id)
    except Exception as exc:
        raise InputError(str(exc)) from None
    sql = "select * from findings where run_id = ?"
    params: list = [run_row["id"]]
    if agency:
        sql += " and agency = ?"
        params.append(agency)
    if rule_id:
        sql += " and rule = ?"
        params.append(rule_id)
    rows = list(store.query(sql + " order by agency, rule, url", params))
    if fmt == "jsonl":
        for row in rows:
            out = {k: row[k] for k in FINDING_COLUMNS}
            out["evidence"] = loads(row["evidence"], {})
            click.echo(json.dumps(out, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(FINDING_COLUMNS)
        for row in rows:
            writer.writerow([row[k] for k in FINDING_COLUMNS])
    else:
        for row in rows:
            where = f" @ {row['source']}" if row["source"] and row["source"] != row["url"] else ""
            field = f" [{row['field']}]" if row["field"] else ""
            click.echo(f"{row['agency']:<12} {row['rule']:<26}{field} {row['url']}{where} — {row['detail']}")
        click.echo(f"{len(rows)} 个问题", err=True)


@cli.command()
@format_option(["table", "json", "markdown"], "table")
def rules(fmt):
    """The rule catalogue: stable ids, 中文 titles, families, sources, default thresholds.

    Example: python cli.py rules --format markdown
    """
    from checks.catalogue import as_records, markdown_table
    if fmt == "json":
        click.echo(json.dumps(as_records(), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo(markdown_table())
    else:
        for r in as_records():
            click.echo(f"{r['id']:<28} {r['title']:<12} {r['family_title']:<8} {r['ref']}"
                       + (f" (默认 {r['default']})" if r["default"] else ""))


@cli.command()
@click.option("--db", "db_path", default="demo.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--out", "out_dir", default="demo-out", show_default=True, help="Report folder.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD",
              help="Monitoring point (default: the demo portal's own date, 2026-11-27).")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Crawler processes.")
@click.option("--keep-db", is_flag=True, help="Add to an existing demo database instead of starting fresh.")
@click.option("--variant", type=click.Choice(["initial", "fixed"]), default="initial", show_default=True,
              help="'fixed': the portal after some problems were rectified (整改); with --keep-db, "
                   "then `cli.py diff --db demo.db` shows them as 已整改.")
def demo(db_path, out_dir, as_of, workers, keep_db, variant):
    """Serve the bundled sample portal on 127.0.0.1 and audit it end to end.

    Example: python cli.py demo
    """
    from commands.cliutil import ensure_out_dir
    from commands.reporting import print_summary, write_reports
    from demo.server import DEMO_AS_OF, serve_demo, stable_ports

    as_of = parse_as_of(as_of) or DEMO_AS_OF
    out = ensure_out_dir(out_dir)
    if not keep_db:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db_path + suffix):
                os.remove(db_path + suffix)
    prof = load_profile_or_fail(None)
    with serve_demo(variant, ports=stable_ports()) as portal:
        click.echo(f"示例门户: {portal.base_url} ({len(portal.agencies)} 个单位)", err=True)
        rid = do_crawl(str(portal.agencies_file), db_path, as_of, workers,
                       scrapy_overrides(4, 5.0, False, False, False), None, False, None)
    do_check(db_path, rid, None, prof)
    store = open_store(db_path)
    write_reports(store, rid, out, prof)
    print_summary(store, rid, prof)
    store.close()
    click.echo(f"报告: {out / 'index.html'}")
    click.echo(f"问题清单: {out / '问题清单.xlsx'}    数据库: {db_path}")


def register_commands() -> None:
    """Add the commands other modules define (``COMMANDS`` lists)."""
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        for command in getattr(module, "COMMANDS", []):
            cli.add_command(command)


register_commands()

if __name__ == "__main__":
    cli()
