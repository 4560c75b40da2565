"""The rule registry: declarative rules that are pure functions of one agency's stored crawl.

A rule is a generator function decorated with :func:`rule`. It receives an :class:`AgencyView`
(read-only access to one agency in one run, plus the scoring profile's thresholds) and yields
:class:`Finding` objects. A rule that lacks its input raises :class:`NotApplicable` with the
reason; the runner records it as "not applicable" instead of a silent pass.

Layout: one rule per file, ``checks/<family>/<rule_module>.py``, the family folder named by the
family id and holding an ``__init__.py`` (its docstring describes the family) plus the family's
shared helpers. :func:`load_rules` imports every module under ``checks/``, so a new rule is one
file and a new family is one folder; the registry is the only catalogue (profiles, ``--fail-on``,
``cli.py rules``, the README table and the report's family colours all derive from it).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from checks.filings import apply_filings
from checks.ids import assign_ids
from crawler.store import Store, dumps, loads, register_table, utcnow

#: ``findings``: what the rules found, with evidence; ``rule_status``: per run, agency and rule,
#: ran / not-applicable (with the reason) and the finding count. Written by ``cli.py check``.
#: ``id`` is the stable finding id (checks/ids.py); ``status`` ``filed`` / ``outside-window`` are
#: set by checks/filings.py (listed, not scored).
register_table("findings", {
    "run_id": int, "agency": str, "rule": str, "family": str, "url": str,
    "source": str, "field": str, "detail": str, "evidence": str, "observed_at": str,
    "status": str, "id": str,
}, pk=None, indexes=[["run_id", "agency", "rule"]])
register_table("rule_status", {
    "run_id": int, "agency": str, "rule": str, "status": str, "reason": str, "findings": int,
}, pk=("run_id", "agency", "rule"))

FAMILIES = {
    "links": "链接可用性",
    "documents": "政策文件要素",
    "freshness": "信息更新",
    "identity": "网站标识",
    "disclosure": "政务公开平台",
    "availability": "站点可访问性",
    "interpretation": "政策解读",
    "interaction": "互动回应",
    "safety": "内容安全",
    "coverage": "抓取覆盖",
}

#: Rule modules outside the ``checks`` package to import as well (every module under
#: ``checks/`` is found by itself, so a rule there needs no entry here).
RULE_MODULES: list[str] = []


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
    """A registered rule: its public id, family, 中文 title, source, inputs and options.

    ``reads`` names the store tables the rule reads; ``options`` maps each threshold a scoring
    profile (or an agency) may set for it to its default, read with ``view.setting(key, default)``.
    ``default`` is a free-text note of defaults that are not profile options (crawler settings).
    """

    id: str
    family: str
    title: str
    ref: str
    func: Callable[[AgencyView], Iterator[Finding]]
    description: str
    default: str = ""
    reads: tuple[str, ...] = ()
    options: dict[str, Any] = dataclass_field(default_factory=dict)

    @property
    def module(self) -> str:
        return self.func.__module__

    @property
    def defaults_text(self) -> str:
        """Options with their defaults and the free-text ``default``, for catalogues."""
        parts = [f"{name}={option_text(value)}" for name, value in self.options.items()
                 if value is not None]
        return " · ".join([*parts, self.default] if self.default else parts)


def option_text(value: Any) -> str:
    """An option default as users write it: ``14d``, ``20``, ``news 14d, notice 6m``."""
    if isinstance(value, dict):
        return ", ".join(f"{key} {option_text(item)}" for key, item in value.items())
    return str(value)


REGISTRY: dict[str, Rule] = {}
ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def family_title(family: str) -> str:
    """The 中文 name of a family: hand-picked in :data:`FAMILIES`, else the family package's
    ``TITLE``, else the head of its docstring before ``:``, else the id."""
    if family in FAMILIES:
        return FAMILIES[family]
    try:
        package = importlib.import_module(f"checks.{family}")
    except ModuleNotFoundError:
        return family
    title = getattr(package, "TITLE", "") or (package.__doc__ or "").split(":", 1)[0].strip()
    return title if title and "\n" not in title and len(title) <= 12 else family


def _known_family(family: str) -> bool:
    if family in FAMILIES:
        return True
    try:
        importlib.import_module(f"checks.{family}")
    except ModuleNotFoundError:
        return False
    return True


def rule(id: str, family: str, title: str, ref: str, default: str = "",
         reads: tuple[str, ...] | list[str] = (), options: dict[str, Any] | None = None) -> Callable:
    """Register a rule. ``id`` is a stable kebab-case public name; ``title`` the 中文 name.

    ``family`` is a key of :data:`FAMILIES` or the name of a folder ``checks/<family>/``;
    ``reads`` the store tables the rule reads; ``options`` its profile thresholds and their
    defaults (``{"publish_late_workdays": 20}``).
    """
    if not id or set(id) - ID_CHARS:
        raise ValueError(f"rule {id!r}: an id is kebab-case (a-z, 0-9, -)")
    if not _known_family(family):
        raise ValueError(f"rule {id}: unknown family {family} (add checks/{family}/__init__.py)")

    def wrap(func: Callable) -> Callable:
        if id in REGISTRY and REGISTRY[id].func.__qualname__ != func.__qualname__:
            raise ValueError(f"rule id registered twice: {id}")
        doc = (func.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"rule {id} needs a docstring: what it checks, why, how to fix")
        parts = func.__module__.split(".")
        if len(parts) == 3 and parts[0] == "checks" and parts[1] != family:
            raise ValueError(f"rule {id}: family {family} but its file is in checks/{parts[1]}/")
        if family not in FAMILIES:
            FAMILIES[family] = family_title(family)
        REGISTRY[id] = Rule(id, family, title, ref, func, doc, default, tuple(reads), dict(options or {}))
        return func

    return wrap


def rule_modules() -> tuple[str, ...]:
    """Every module under the ``checks`` package (plus :data:`RULE_MODULES`), sorted; the folders
    are walked once per package path (the report asks for rule titles thousands of times)."""
    import checks
    return _walk(tuple(checks.__path__))


@functools.lru_cache(maxsize=8)
def _walk(path: tuple[str, ...]) -> tuple[str, ...]:
    found = [info.name for info in pkgutil.walk_packages(list(path), "checks.")]
    return tuple(sorted(set(found) | set(RULE_MODULES)))


def load_rules() -> dict[str, Rule]:
    """Import every rule module so the registry is complete; returns it."""
    for name in rule_modules():
        if name not in sys.modules:
            importlib.import_module(name)
    return REGISTRY


def families() -> dict[str, str]:
    """Family id → 中文 name, hand-picked ones first, then the ones rule folders added."""
    load_rules()
    return FAMILIES


def declared_options() -> dict[str, tuple[Any, list[str]]]:
    """Every option a profile may set: name → (default, ids of the rules declaring it)."""
    options: dict[str, tuple[Any, list[str]]] = {}
    for rule_def in load_rules().values():
        for name, default in rule_def.options.items():
            options.setdefault(name, (default, []))[1].append(rule_def.id)
    return options


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
        self.remarks: dict[str, list[str]] = {}

    def remark(self, rule_id: str, text: str) -> None:
        """A note on a rule that ran (what it could not judge, e.g. 无法读取 columns); the runner
        stores it as the rule's ``rule_status.reason`` and reports show it."""
        self.remarks.setdefault(rule_id, []).append(text)

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
    store.ensure_schema()
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
                                "status": "ran", "reason": "；".join(view.remarks.get(rule_def.id, [])),
                                "findings": len(found)})
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
