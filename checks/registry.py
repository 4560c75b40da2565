"""The rule registry: declarative rules that are pure functions of one agency's stored crawl.

A rule is a generator function decorated with :func:`rule`. It receives an :class:`AgencyView`
(read-only access to one agency in one run, plus the scoring profile's thresholds) and yields
:class:`Finding` objects. A rule that lacks its input raises :class:`NotApplicable` with the
reason; the runner records it as "not applicable" instead of a silent pass.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from checks.filings import apply_filings
from checks.ids import assign_ids
from crawler.store import Store, dumps, loads, utcnow

FAMILIES = {
    "links": "链接可用性",
    "documents": "政策文件要素",
    "freshness": "信息更新",
    "identity": "网站标识",
    "disclosure": "政务公开平台",
    "availability": "站点可访问性",
}

RULE_MODULES = [
    "checks.links",
    "checks.documents",
    "checks.freshness",
    "checks.identity",
    "checks.disclosure",
    "checks.availability",
]


class NotApplicable(Exception):
    """Raised by a rule whose input is missing; the message says what is missing."""


@dataclass
class Finding:
    """One problem, with the evidence an agency can reproduce it from.

    ``url`` is the thing at fault (broken target, document page, column first page, guide page,
    home page); ``source`` is the page it was seen on; ``field`` names the element for
    metadata/element rules; ``detail`` is a one-line Chinese explanation.
    """

    url: str
    detail: str
    source: str = ""
    field: str = ""
    evidence: dict[str, Any] = dataclass_field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    title: str
    ref: str
    func: Callable[[AgencyView], Iterator[Finding]]
    description: str
    default: str = ""


REGISTRY: dict[str, Rule] = {}


def rule(id: str, family: str, title: str, ref: str, default: str = "") -> Callable:
    """Register a rule. ``id`` is a stable kebab-case public name; ``title`` the 中文 name."""
    if family not in FAMILIES:
        raise ValueError(f"rule {id}: unknown family {family}")

    def wrap(func: Callable) -> Callable:
        if id in REGISTRY and REGISTRY[id].func.__qualname__ != func.__qualname__:
            raise ValueError(f"rule id registered twice: {id}")
        doc = (func.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"rule {id} needs a docstring: what it checks, why, how to fix")
        REGISTRY[id] = Rule(id, family, title, ref, func, doc, default)
        return func

    return wrap


def load_rules() -> dict[str, Rule]:
    """Import every rule module so the registry is complete; returns it."""
    for name in RULE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return REGISTRY


class AgencyView:
    """Read-only view of one agency in one run, handed to every rule."""

    def __init__(self, store: Store, run: dict, agency: dict, profile: dict | None = None):
        self.store = store
        self.run = run
        self.run_id = run["id"]
        self.agency = agency
        self.agency_id = agency["id"]
        self.config = loads(agency.get("config"), {}) or {}
        self.profile = profile or {}
        self.as_of = run.get("as_of") or (run.get("started_at") or utcnow())[:10]
        self._cache: dict = {}

    def rows(self, table: str, where: str = "", params: list | tuple = ()) -> list[dict]:
        """Rows of ``table`` for this run and agency, with an optional extra condition.

        Results are kept for the life of the view (one agency), so rules asking the same question
        share one query; treat the rows as read-only.
        """
        key = ("rows", table, where, tuple(params))
        if key not in self._cache:
            sql = f"select * from [{table}] where run_id = ? and agency = ?"
            if where:
                sql += f" and ({where})"
            self._cache[key] = list(self.store.query(sql, [self.run_id, self.agency_id, *params]))
        return self._cache[key]

    def link_anchors(self, where: str) -> list[dict]:
        """Distinct (anchor, target) link pairs matching ``where``, each with one page it is on.

        Navigation repeats the same anchors on every page; grouping in SQLite reads each once.
        """
        key = ("link_anchors", where)
        if key not in self._cache:
            self._cache[key] = list(self.store.query(
                "select anchor, target, min(source) as source from links where run_id = ? and agency = ? "
                f"and ({where}) group by anchor, target", [self.run_id, self.agency_id]))
        return self._cache[key]

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value derived from the store, computed once per view (several rules share it)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def exists(self, table: str, where: str = "", params: list | tuple = ()) -> bool:
        """Whether ``table`` has a row for this agency (and ``where``)."""
        sql = f"select 1 from [{table}] where run_id = ? and agency = ?"
        if where:
            sql += f" and ({where})"
        return bool(list(self.store.query(sql + " limit 1", [self.run_id, self.agency_id, *params])))

    def home_page(self) -> dict | None:
        rows = self.rows("pages", "is_home = 1")
        return rows[0] if rows else None

    def setting(self, key: str, default: Any) -> Any:
        """A threshold from the agency override, else the scoring profile, else ``default``."""
        overrides = self.config.get("thresholds", {}) or {}
        if key in overrides:
            return overrides[key]
        return (self.profile.get("thresholds") or {}).get(key, default)


def run_checks(store: Store, run_id: int, profile: dict | None = None,
               only: set[str] | None = None) -> dict[str, int]:
    """Run every registered rule over every agency of ``run_id``; replace its findings.

    Returns the number of findings per rule. Rules that raise :class:`NotApplicable` are recorded
    in ``rule_status`` with the reason.
    """
    rules = load_rules()
    run = store.run(run_id)
    agencies = list(store.query("select * from agencies where run_id = ? order by id", [run_id]))
    counts: dict[str, int] = {}
    now = utcnow()
    finding_rows: list[dict] = []
    status_rows: list[dict] = []
    for agency in agencies:
        view = AgencyView(store, run, agency, profile)
        for rule_def in rules.values():
            if only and rule_def.id not in only:
                continue
            try:
                found = list(rule_def.func(view))
            except NotApplicable as exc:
                status_rows.append({"run_id": run_id, "agency": agency["id"], "rule": rule_def.id,
                                    "status": "not-applicable", "reason": str(exc), "findings": 0})
                continue
            status_rows.append({"run_id": run_id, "agency": agency["id"], "rule": rule_def.id,
                                "status": "ran", "reason": "", "findings": len(found)})
            if found:
                counts[rule_def.id] = counts.get(rule_def.id, 0) + len(found)
            for f in found:
                finding_rows.append({
                    "run_id": run_id, "agency": agency["id"], "rule": rule_def.id,
                    "family": rule_def.family, "url": f.url, "source": f.source,
                    "field": f.field, "detail": f.detail, "evidence": dumps(f.evidence),
                    "observed_at": f.evidence.get("observed_at") or now, "status": "open",
                })
    with store.db.conn:
        for table in ("findings", "rule_status"):
            if only:
                marks = ",".join("?" for _ in only)
                store.db.execute(f"delete from {table} where run_id = ? and rule in ({marks})",
                                 [run_id, *sorted(only)])
            else:
                store.db.execute(f"delete from {table} where run_id = ?", [run_id])
    assign_ids(finding_rows)
    store.insert_many("findings", finding_rows)
    store.insert_many("rule_status", status_rows)
    apply_filings(store, run_id)
    return counts
