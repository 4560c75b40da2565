"""Orchestrate a crawl: record the run, start worker processes, finish or mark it interrupted.

A run is ``running`` while workers crawl, then ``completed``, ``interrupted`` (Ctrl-C, SIGTERM,
or a worker killed) or ``failed``. ``resume_run`` continues an interrupted run from the store.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from crawler.agencies import Agency
from crawler.safety.schema import SAFETY_CARRIED_TABLES
from crawler.store import Store, dumps, loads, utcnow
from crawler.vocabulary import http_error

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def effective_status(run: dict) -> str:
    """A ``running`` run whose process is gone (kill -9, power loss) is really ``interrupted``."""
    settings = loads(run.get("settings"), {}) or {}
    if run["status"] == "running" and not pid_alive(settings.get("pid")):
        return "interrupted"
    return run["status"]


def split_agencies(agencies: list[Agency], workers: int) -> list[list[Agency]]:
    """Spread agencies over at most ``workers`` groups, largest budgets first (round-robin)."""
    workers = max(1, min(workers, len(agencies)))
    groups: list[list[Agency]] = [[] for _ in range(workers)]
    for i, agency in enumerate(sorted(agencies, key=lambda a: -a.max_pages)):
        groups[i % workers].append(agency)
    return [g for g in groups if g]


def start_run(store: Store, agencies: list[Agency], as_of: str | None, settings: dict,
              agencies_file: str) -> int:
    run_id = store.new_run(as_of, {**settings, "pid": os.getpid()}, agencies_file)
    store.insert_many("agencies", [
        {"run_id": run_id, "id": a.id, "name": a.name, "url": a.url, "config": dumps(a.to_dict()),
         "status": "pending", "error": "", "pages": 0, "started_at": utcnow(), "finished_at": ""}
        for a in agencies])
    return run_id


def run_workers(store: Store, run_id: int, agencies: list[Agency], workers: int,
                scrapy_settings: dict, resume: bool = False) -> str:
    """Crawl with ``workers`` processes; returns the run status it ended with."""
    db_path = Path(store.path).resolve()
    jobroot = Path(f"{db_path}.jobs") / f"run-{run_id}"
    jobroot.mkdir(parents=True, exist_ok=True)
    if resume:
        # The store is the frontier (PortalSpider.resume_frontier). Scrapy's JOBDIR disk queue is
        # not crash-safe: after kill -9 its state file is missing, the next run appends to the old
        # chunk files but reads from their start, so new requests come back as stale ones and the
        # rest are lost. The old queues (their worker split may differ too) are dropped.
        for stale in jobroot.glob("worker-*"):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
    own_hosts = sorted({o.split("://", 1)[1].rsplit(":", 1)[0] for a in agencies for o in a.origins})
    settings = loads(store.run(run_id)["settings"], {}) or {}
    store.set_run(run_id, status="running", settings=dumps({**settings, "pid": os.getpid()}),
                  jobdir=str(jobroot))
    procs: list[subprocess.Popen] = []
    for index, group in enumerate(split_agencies(agencies, workers)):
        spec = jobroot / f"worker-{index}.json"
        spec.write_text(json.dumps([a.to_dict() for a in group], ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, "-m", "crawler.worker", "--db", str(db_path), "--run-id", str(run_id),
               "--agencies", str(spec), "--settings", json.dumps(scrapy_settings),
               "--own-hosts", ",".join(own_hosts), "--jobdir", str(jobroot / f"worker-{index}")]
        if resume:
            cmd.append("--resume")
        procs.append(subprocess.Popen(cmd, cwd=PROJECT_ROOT, start_new_session=True))
    status = "completed"
    try:
        codes = [p.wait() for p in procs]
    except KeyboardInterrupt:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        deadline = time.monotonic() + 20
        for p in procs:
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                p.kill()
        codes = [p.wait() for p in procs]
        status = "interrupted"
    if status == "completed" and any(c != 0 for c in codes):
        status = "interrupted" if any(c in (3, -signal.SIGINT, -signal.SIGTERM, -signal.SIGKILL)
                                      for c in codes) else "failed"
    finalize(store, run_id)
    store.set_run(run_id, status=status, finished_at=utcnow())
    return status


CARRIED_TABLES = {
    "links": ("source", "run_id, agency, source, target, anchor, tag, on_home, scope", "replace"),
    "documents": ("url", "run_id, agency, url, title, column_url, index_no, issuer, doc_number, "
                  "written_date, pub_date, effective_date, validity, abolished_date, "
                  "has_metadata_block, downloads, fields", "replace"),
    "list_items": ("page_url", "run_id, agency, column_url, url, title, date, page_url, position",
                   "replace"),
    "columns": ("seen_on", "run_id, agency, url, name, name_source, column_type, type_source, items, "
                "blank, blank_text, pages, seen_on, unreadable, unreadable_reason", "ignore"),
    # 政策解读 / 互动回应 facts (crawler/interaction.py)
    "interpretations": ("url", "run_id, agency, url, title, pub_date, pub_date_label, detected_by, "
                        "column_name, quoted_titles, doc_numbers", "replace"),
    "interpretation_links": ("source", "run_id, agency, source, target, anchor, label", "replace"),
    "message_lists": ("page_url", "run_id, agency, page_url, url, name, name_source, channel, state, "
                      "reason, messages", "replace"),
    "messages": ("page_url", "run_id, agency, url, found_in, list_url, page_url, title, asked_date, "
                 "asked_label, replied_date, replied_label, status, status_label, replier, "
                 "has_reply_text, channel, where_found", "replace"),
}
CARRIED_TABLES.update(SAFETY_CARRIED_TABLES)  # content-safety facts of 304 pages (issue 15)


def carry_forward_rows(store: Store, run_id: int) -> None:
    """Copy the facts of pages answered ``304 Not Modified`` from the run they were carried from.

    One ``INSERT … SELECT`` per table for the whole run instead of re-yielding every row through
    Scrapy; idempotent, so it runs before a resume and again when the run is finalised.
    """
    db = store.db
    with db.conn:
        for table, (key, columns, conflict) in CARRIED_TABLES.items():
            source_columns = ", ".join(f"t.{c.strip()}" if c.strip() != "run_id" else "p.run_id"
                                       for c in columns.split(","))
            db.execute(
                f"insert or {conflict} into [{table}] ({columns}) select {source_columns} "
                f"from pages p join link_checks c on c.run_id = p.run_id and c.agency = p.agency "
                f"and c.url = p.url and c.verdict = 'ok' "
                f"join [{table}] t on t.run_id = p.carried_from and t.agency = p.agency and t.{key} = p.url "
                f"where p.run_id = ? and p.carried_from is not null", [run_id])


def finalize(store: Store, run_id: int) -> None:
    """Derived crawl facts: carried-forward rows, agency outcome, column totals, documents' columns.
    Idempotent."""
    carry_forward_rows(store, run_id)
    db = store.db
    with db.conn:
        db.execute("""
            update columns set
              items = (select count(distinct li.url) from list_items li where li.run_id = columns.run_id
                       and li.agency = columns.agency and li.column_url = columns.url),
              pages = max(1, (select count(distinct li.page_url) from list_items li
                       where li.run_id = columns.run_id and li.agency = columns.agency
                       and li.column_url = columns.url))
            where run_id = ?""", [run_id])
        # a column whose list only JavaScript renders (and no page of it gave items) is unreadable,
        # never blank
        db.execute("update columns set unreadable = case when items > 0 then 0 else coalesce(unreadable, 0) "
                   "end, blank = case when items = 0 and coalesce(unreadable, 0) = 0 then 1 else 0 end "
                   "where run_id = ?", [run_id])
        db.execute("""
            update documents set column_url = coalesce((select li.column_url from list_items li
              join pages p on p.run_id = li.run_id and p.agency = li.agency and p.url = li.page_url
              where li.run_id = documents.run_id and li.agency = documents.agency
              and li.url = documents.url and p.is_home = 0 limit 1), '')
            where run_id = ? and (column_url is null or column_url = '')""", [run_id])
        for agency in list(db.query("select id, url from agencies where run_id = ?", [run_id])):
            home = list(db.query(
                "select status, error from link_checks where run_id = ? and agency = ? and url = ?",
                [run_id, agency["id"], agency["url"]]))
            pages = next(db.query("select count(*) n from pages where run_id = ? and agency = ? "
                                  "and error = '' and kind != 'binary'", [run_id, agency["id"]]))["n"]
            if not home:
                status, error = "pending", "home page not fetched"
            elif home[0]["error"] or (home[0]["status"] or 0) >= 400:
                status = "unreachable"
                error = home[0]["error"] or http_error(home[0]["status"])
            else:
                status, error = "ok", ""
            db.execute("update agencies set status = ?, error = ?, pages = ?, finished_at = ? "
                       "where run_id = ? and id = ?",
                       [status, error, pages, utcnow(), run_id, agency["id"]])


def run_agencies(store: Store, run_id: int) -> list[Agency]:
    """The agencies of a stored run, as they were configured for it."""
    rows = store.query("select config from agencies where run_id = ? order by id", [run_id])
    return [Agency(**loads(r["config"])) for r in rows]
