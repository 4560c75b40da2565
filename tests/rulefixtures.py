"""Rule fixtures, ruff-style: ``tests/rules/<rule-id>/`` holds a small store and the exact findings.

``store.yml`` describes one run::

    as_of: 2026-11-27                 # monitoring point (optional)
    thresholds: {home_window: 14d}    # profile thresholds (optional)
    agencies:
      good:                           # agency id → its rows (every key optional)
        config: {level: government}   # further agencies.yml fields of the agency
        home: {footer: {site_id: null}}   # the home page row (footer filled by default); false: none
        pages: [{url: /tzgg/, kind: list}]
        documents: [...]  columns: [...]  items: [...]  links: [...]  link_checks: [...]
        page_texts: [...]  privacy_hits: [...]  hidden_links: [...]  attachments: [...]  external_pages: [...]
        probes: [...]
        probe_week: {per_day: 20, failures: 7, days: 7}   # generated probes ending on as_of

Rows take the defaults of :mod:`storefactory`; URLs starting with ``/`` are joined to the agency's
home URL (``https://www.example.org/``). ``expected.yml`` maps every agency to its findings —
``[]`` for a good one, a list of ``{url, source, field, detail}`` (URLs written the same way), or
``{not-applicable: reason}``. Regenerate after an intended change and review the diff::

    GOVAUDIT_UPDATE_FIXTURES=1 .venv/bin/python -m pytest tests/test_rule_fixtures.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from storefactory import HOME, StoreFactory, rule_outcome

FIXTURES = Path(__file__).resolve().parent / "rules"
ROW_KINDS = ("pages", "documents", "columns", "items", "links", "link_checks", "probes",
             "interpretations", "interpretation_links", "message_lists", "messages")
#: content-safety facts (crawler/safety/schema.py); a ``text`` key is stored compressed
SAFETY_TABLES = ("page_texts", "privacy_hits", "hidden_links", "attachments", "external_pages")


def fixture_dirs() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.is_dir() and (p / "store.yml").is_file())


def _probe_week(spec: dict, as_of: str) -> list[dict]:
    """``per_day`` evenly spaced probes on each of ``days`` days ending on ``as_of``; the first
    ``failures`` failed (timeout)."""
    days, per_day = int(spec.get("days", 7)), int(spec.get("per_day", 20))
    failures = int(spec.get("failures", 0))
    last = dt.date.fromisoformat(as_of)
    first = dt.datetime.combine(last - dt.timedelta(days=days - 1), dt.time(), dt.UTC)
    rows = []
    for day in range(days):
        for i in range(per_day):
            at = first + dt.timedelta(days=day, seconds=i * 86400 // per_day)
            failed = len(rows) < failures
            rows.append({"at": at.isoformat(), "ok": 0 if failed else 1, "status": None if failed else 200,
                         "elapsed": 15.0 if failed else 0.2, "error": "timeout" if failed else ""})
    return rows


def build_store(folder: Path, db: Path) -> tuple[StoreFactory, dict]:
    """The store described by ``folder/store.yml``; returns the factory and the profile."""
    spec = yaml.safe_load((folder / "store.yml").read_text(encoding="utf-8")) or {}
    as_of = str(spec.get("as_of", "2026-11-27"))
    factory = StoreFactory(db, as_of=as_of)
    for agency, rows in (spec.get("agencies") or {}).items():
        rows = rows or {}
        factory.agency(agency, **(rows.get("config") or {}))
        home = rows.get("home", {})
        if home is not False:
            factory.home(agency, **(home or {}))
        for kind in ROW_KINDS:
            if rows.get(kind):
                getattr(factory, kind)(agency, *rows[kind])
        for table in SAFETY_TABLES:
            if rows.get(table):
                factory.safety(agency, table, *rows[table])
        if rows.get("probe_week"):
            factory.probes(agency, *_probe_week(rows["probe_week"], as_of))
    return factory, {"thresholds": spec.get("thresholds") or {}}


def _short(url: str) -> str:
    return "/" + url[len(HOME):] if url.startswith(HOME) else url


def outcomes(folder: Path, db: Path) -> dict[str, Any]:
    """Agency → its findings as ``{url, source, field, detail}`` dicts, or ``{not-applicable: …}``."""
    factory, profile = build_store(folder, db)
    result: dict[str, Any] = {}
    for agency in factory.homes:
        status, found = rule_outcome(factory.view(agency, profile), folder.name)
        if status == "not-applicable":
            result[agency] = {"not-applicable": found}
        else:
            result[agency] = [{"url": _short(f.url), "source": _short(f.source), "field": f.field,
                               "detail": f.detail} for f in found]
    return result
