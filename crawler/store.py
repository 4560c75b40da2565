"""The one SQLite store every stage reads and writes, through sqlite-utils.

Tables (all keyed by ``run_id`` so a database holds many rounds; browse them with Datasette):

``runs``          one row per audit run: status (running/completed/interrupted/failed), as_of
                  (监测时间点), settings, tool version, start/finish times, jobdir for ``--resume``.
``agencies``      the agencies of a run with their config and crawl outcome (ok/unreachable/error).
``pages``         every fetched in-scope HTML page: url, final url, redirect chain, status, content
                  type, encoding, bytes, elapsed, fetched_at, title, page kind, 指引2017 meta tags,
                  footer identifiers, ETag/Last-Modified (for conditional re-crawls).
``links``         every link edge: source page, target, anchor text, tag, on_home, scope.
``link_checks``   the outcome of every requested URL (pages, attachments, external links), once per
                  run and agency: status or error class, redirect chain, verdict ok/broken/review.
``documents``     document metadata (文号, 成文日期, …) with the label and place each value came from.
``columns``       column (栏目) pages: canonical first-page URL, name, type and how it was decided.
``list_items``    the items listed on column pages (title, url, ISO date), for freshness rules.
``probes``        availability probes of home pages (``cli.py probe`` and each crawl's home fetch).

Later stages own their tables and register them here with :func:`register_table` (the store
creates every registered table when it opens): ``findings`` and ``rule_status`` belong to
``checks.registry``, ``scorecards`` to ``reports.scoring``.

政策解读 and 互动回应 facts (:mod:`crawler.interaction` writes them):

``interpretations``        pages that are policy interpretations (解读): title, 发布日期, how recognised,
                           the 《titles》 and 文号 they cite.
``interpretation_links``   解读 links on pages (相关解读：…), with the label they are listed under.
``message_lists``          consultation (咨询/留言/信箱) list pages: name, state readable/empty/unreadable
                           with the reason (javascript, login, no-rows), messages read.
``messages``               messages from lists (``found_in`` list) and detail pages (``detail``): asked and
                           reply dates with their labels, status, replying unit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from crawler import __version__

SCHEMA: dict[str, dict[str, Any]] = {
    "runs": {
        "columns": {
            "id": int, "started_at": str, "finished_at": str, "status": str, "as_of": str,
            "settings": str, "tool_version": str, "jobdir": str, "agencies_file": str, "note": str,
        },
        "pk": "id",
    },
    "agencies": {
        "columns": {
            "run_id": int, "id": str, "name": str, "url": str, "config": str, "status": str,
            "error": str, "pages": int, "started_at": str, "finished_at": str,
        },
        "pk": ("run_id", "id"),
    },
    "pages": {
        "columns": {
            "run_id": int, "agency": str, "url": str, "final_url": str, "redirects": str,
            "status": int, "content_type": str, "encoding": str, "bytes": int, "elapsed": float,
            "fetched_at": str, "title": str, "depth": int, "is_home": int, "kind": str,
            "soft404": int, "meta": str, "footer": str, "etag": str, "last_modified": str,
            "not_modified": int, "carried_from": int, "error": str, "facts": str,
        },
        "pk": ("run_id", "agency", "url"),
    },
    "links": {
        "columns": {
            "run_id": int, "agency": str, "source": str, "target": str, "anchor": str,
            "tag": str, "on_home": int, "scope": str,
        },
        "pk": ("run_id", "agency", "source", "target", "tag"),
    },
    "link_checks": {
        "columns": {
            "run_id": int, "agency": str, "url": str, "final_url": str, "redirects": str,
            "status": int, "error": str, "verdict": str, "reason": str, "scope": str,
            "content_type": str, "method": str, "elapsed": float, "checked_at": str,
        },
        "pk": ("run_id", "agency", "url"),
    },
    "documents": {
        "columns": {
            "run_id": int, "agency": str, "url": str, "title": str, "column_url": str,
            "index_no": str, "issuer": str, "doc_number": str, "written_date": str,
            "pub_date": str, "effective_date": str, "validity": str, "abolished_date": str,
            "has_metadata_block": int, "downloads": str, "fields": str,
        },
        "pk": ("run_id", "agency", "url"),
    },
    "columns": {
        "columns": {
            "run_id": int, "agency": str, "url": str, "name": str, "name_source": str,
            "column_type": str, "type_source": str, "items": int, "blank": int,
            "blank_text": str, "pages": int, "seen_on": str, "unreadable": int,
            "unreadable_reason": str,
        },
        "pk": ("run_id", "agency", "url"),
    },
    "list_items": {
        "columns": {
            "run_id": int, "agency": str, "column_url": str, "url": str, "title": str,
            "date": str, "page_url": str, "position": int,
        },
        "pk": ("run_id", "agency", "column_url", "url"),
    },
    "probes": {
        "columns": {
            "agency": str, "url": str, "at": str, "ok": int, "status": int, "elapsed": float,
            "error": str, "origin": str, "run_id": int,
        },
        "pk": None,
    },
}

# 政策解读 / 互动回应 facts (issue 14), kept in one block.
SCHEMA.update({
    "interpretations": {
        "columns": {
            "run_id": int, "agency": str, "url": str, "title": str, "pub_date": str,
            "pub_date_label": str, "detected_by": str, "column_name": str, "quoted_titles": str,
            "doc_numbers": str,
        },
        "pk": ("run_id", "agency", "url"),
    },
    "interpretation_links": {
        "columns": {
            "run_id": int, "agency": str, "source": str, "target": str, "anchor": str, "label": str,
        },
        "pk": ("run_id", "agency", "source", "target"),
    },
    "message_lists": {
        "columns": {
            "run_id": int, "agency": str, "page_url": str, "url": str, "name": str,
            "name_source": str, "channel": str, "state": str, "reason": str, "messages": int,
        },
        "pk": ("run_id", "agency", "page_url"),
    },
    "messages": {
        "columns": {
            "run_id": int, "agency": str, "url": str, "found_in": str, "list_url": str,
            "page_url": str, "title": str, "asked_date": str, "asked_label": str,
            "replied_date": str, "replied_label": str, "status": str, "status_label": str,
            "replier": str, "has_reply_text": int, "channel": str, "where_found": str,
        },
        "pk": ("run_id", "agency", "url", "found_in"),
    },
})

INDEXES = [
    ("links", ["run_id", "agency", "target"]),
    ("list_items", ["run_id", "agency", "column_url"]),
    ("list_items", ["run_id", "agency", "page_url"]),
    ("probes", ["agency", "at"]),
]


def register_table(name: str, columns: dict[str, type], pk: tuple[str, ...] | None,
                   indexes: Iterable[list[str]] = ()) -> None:
    """Add a table a later stage owns to the schema every store creates (idempotent)."""
    SCHEMA[name] = {"columns": columns, "pk": pk}
    for cols in indexes:
        if (name, cols) not in INDEXES:
            INDEXES.append((name, cols))


def utcnow() -> str:
    """Now as an ISO-8601 UTC timestamp with seconds, the store's time format."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def dumps(value: Any) -> str:
    """JSON for a store column: compact, Chinese kept readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


class StoreError(Exception):
    """The database file is missing, unreadable or not one of ours."""


class Store:
    """Thin layer over a sqlite-utils ``Database`` with the audit schema and batched writes."""

    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"database not found: {self.path}")
        try:
            conn = sqlite3.connect(str(self.path), timeout=60, isolation_level=None)
            conn.execute("PRAGMA busy_timeout=60000")
            self.db = sqlite_utils.Database(conn)
            if not create:
                names = set(self.db.table_names())
                if "runs" not in names:
                    raise StoreError(f"not an audit database (no runs table): {self.path}")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"not a SQLite database: {self.path} ({exc})") from None
        self.ensure_schema()

    def ensure_schema(self) -> None:
        """Create missing tables, columns and indexes (idempotent, safe for several processes)."""
        existing = set(self.db.table_names())
        for name, spec in SCHEMA.items():
            table = self.db[name]
            if name not in existing:
                try:
                    table.create(spec["columns"], pk=spec["pk"], if_not_exists=True)
                except sqlite3.OperationalError:
                    pass
            else:
                have = {c.name for c in table.columns}
                for col, typ in spec["columns"].items():
                    if col not in have:
                        table.add_column(col, typ)
        for name, cols in INDEXES:
            self.db[name].create_index(cols, if_not_exists=True)

    def insert_many(self, table: str, rows: Iterable[dict], replace: bool = True) -> None:
        """Batched write of many rows in one transaction (upsert by primary key)."""
        rows = list(rows)
        if not rows:
            return
        with self.db.conn:
            if SCHEMA[table]["pk"] is None:
                self.db[table].insert_all(rows, batch_size=500)
            else:
                self.db[table].insert_all(rows, batch_size=500, replace=replace)

    def query(self, sql: str, params: Any = ()) -> Iterator[dict]:
        """Rows of ``sql`` as dicts."""
        return self.db.query(sql, params)

    # --- runs -------------------------------------------------------------------------------
    def new_run(self, as_of: str | None, settings: dict, agencies_file: str = "") -> int:
        """Record a new run as ``running`` and return its id."""
        with self.db.conn:
            table = self.db["runs"]
            table.insert({
                "started_at": utcnow(), "status": "running", "as_of": as_of or "",
                "settings": dumps(settings), "tool_version": __version__,
                "agencies_file": agencies_file,
            })
            return table.last_pk

    def set_run(self, run_id: int, **fields: Any) -> None:
        """Update fields of a run row."""
        with self.db.conn:
            self.db["runs"].update(run_id, fields)

    def run(self, run_id: int | None = None) -> dict:
        """A run by id, or the newest run; ``StoreError`` if there is none."""
        if run_id is None:
            rows = list(self.query("select * from runs order by id desc limit 1"))
        else:
            rows = list(self.query("select * from runs where id = ?", [run_id]))
        if not rows:
            raise StoreError(f"no run {run_id} in {self.path}" if run_id else f"no runs in {self.path}")
        return rows[0]

    def runs(self) -> list[dict]:
        """All runs, oldest first."""
        return list(self.query("select * from runs order by id"))

    def clear_run_outputs(self, run_id: int, table: str = "findings") -> None:
        """Remove derived rows of a run before they are recomputed."""
        with self.db.conn:
            self.db.execute(f"delete from [{table}] where run_id = ?", [run_id])

    def close(self) -> None:
        self.db.close()


def loads(value: str | None, default: Any = None) -> Any:
    """Parse a JSON store column, tolerating NULL and empty strings."""
    if not value:
        return default
    return json.loads(value)
