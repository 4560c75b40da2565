"""Build small audit stores for rule tests: one run, some agencies, rows from compact dicts.

    factory = StoreFactory(tmp_path / "audit.db", as_of="2026-11-27")
    factory.agency("jyj", level="government", columns={"/tzgg/": "notice"})
    factory.home("jyj", footer={"site_id": "3401000001"})
    factory.columns("jyj", {"url": "/tzgg/", "name": "通知公告", "column_type": "notice"})
    factory.items("jyj", {"column_url": "/tzgg/", "url": "/tzgg/1.html", "date": "2026-11-01"})
    findings = run_rule(factory.view("jyj"), "column-stale")

Defaults fill every column a rule may read; JSON columns (meta, footer, facts, downloads, fields,
redirects) take Python values; URLs starting with ``/`` are joined to the agency's home URL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from checks.registry import REGISTRY, AgencyView, Finding, NotApplicable, load_rules
from crawler.agencies import Agency
from crawler.safety import schema as _safety_schema  # noqa: F401  (registers the safety tables)
from crawler.store import Store, dumps

HOME = "https://www.example.org/"
JSON_COLUMNS = {"meta", "footer", "facts", "downloads", "fields", "redirects", "config",
                "quoted_titles", "doc_numbers"}
URL_COLUMNS = {"url", "final_url", "column_url", "page_url", "source", "target", "seen_on",
               "list_url"}
FULL_FOOTER = {"site_id": "3401000001", "icp": "皖ICP备12345678号-1",
               "psb": "皖公网安备 34010202000123号", "sponsor": "示例市教育局"}

PAGE_DEFAULTS: dict[str, Any] = {
    "final_url": None, "redirects": [], "status": 200, "content_type": "text/html",
    "encoding": "utf-8", "bytes": 1000, "elapsed": 0.1, "fetched_at": "2026-11-27T02:00:00+00:00",
    "title": "", "depth": 1, "is_home": 0, "kind": "other", "soft404": 0, "meta": {},
    "footer": {"site_id": None, "icp": None, "psb": None, "sponsor": None}, "etag": "",
    "last_modified": "", "not_modified": 0, "error": "",
    "facts": {"guide": None, "report_year": None},
}
DOCUMENT_DEFAULTS: dict[str, Any] = {
    "title": "", "column_url": "", "index_no": "", "issuer": "", "doc_number": "",
    "written_date": "", "pub_date": "", "effective_date": "", "validity": "",
    "abolished_date": "", "has_metadata_block": 0, "downloads": [], "fields": {},
}
COLUMN_DEFAULTS: dict[str, Any] = {
    "name": "", "name_source": "title", "column_type": "other", "type_source": "name",
    "items": 0, "blank": 0, "blank_text": "", "pages": 1, "seen_on": "",
}
ITEM_DEFAULTS: dict[str, Any] = {"title": "", "date": None, "page_url": None, "position": 0}
LINK_DEFAULTS: dict[str, Any] = {"anchor": "", "tag": "a", "on_home": 0, "scope": "internal"}
LINK_CHECK_DEFAULTS: dict[str, Any] = {
    "final_url": None, "redirects": [], "status": 404, "error": "", "verdict": "broken",
    "reason": "http-404", "scope": "internal", "content_type": "text/html", "method": "GET",
    "elapsed": 0.1, "checked_at": "2026-11-27T02:00:00+00:00"}
PROBE_DEFAULTS: dict[str, Any] = {"ok": 1, "status": 200, "elapsed": 0.2, "error": "", "origin": "probe",
                                  "run_id": None}


class StoreFactory:
    """One store with one run; add agencies and their rows, then get an :class:`AgencyView`."""

    def __init__(self, path: str | Path, as_of: str = "2026-11-27",
                 started_at: str = "2026-11-27T02:00:00+00:00", settings: dict | None = None):
        self.store = Store(path)
        self.run_id = self.store.new_run(as_of, settings or {})
        self.store.set_run(self.run_id, started_at=started_at)
        self.homes: dict[str, str] = {}

    def set_as_of(self, as_of: str) -> None:
        """Move the monitoring point (监测时间点) of the run."""
        self.store.set_run(self.run_id, as_of=as_of)

    def agency(self, agency_id: str = "a1", name: str = "示例市教育局", url: str = HOME,
               **config: Any) -> str:
        """Add an agency (``config`` = further :class:`Agency` fields); returns its id."""
        agency = Agency(id=agency_id, name=name, url=url, **config)
        self.homes[agency_id] = url
        self.store.insert_many("agencies", [{
            "run_id": self.run_id, "id": agency_id, "name": name, "url": url,
            "config": dumps(agency.to_dict()), "status": "ok", "error": "", "pages": 0,
            "started_at": "2026-11-27T02:00:00+00:00", "finished_at": "2026-11-27T03:00:00+00:00",
        }])
        return agency_id

    def _rows(self, agency_id: str, defaults: dict, rows: tuple[dict, ...]) -> list[dict]:
        home = self.homes.get(agency_id, HOME)
        result = []
        for row in rows:
            full = {"run_id": self.run_id, "agency": agency_id, **defaults, **row}
            for key in URL_COLUMNS & set(full):
                if isinstance(full[key], str) and full[key].startswith("/"):
                    full[key] = urljoin(home, full[key])
            for key in JSON_COLUMNS & set(full):
                if not isinstance(full[key], str) and full[key] is not None:
                    full[key] = dumps(full[key])
            result.append(full)
        return result

    def pages(self, agency_id: str, *rows: dict) -> None:
        rows_ = self._rows(agency_id, PAGE_DEFAULTS, rows)
        for row in rows_:
            row["final_url"] = row["final_url"] or row["url"]
        self.store.insert_many("pages", rows_)

    def home(self, agency_id: str, **row: Any) -> str:
        """Add the agency's home page (footer fully filled unless given); returns its URL."""
        url = self.homes.get(agency_id, HOME)
        self.pages(agency_id, {"url": url, "is_home": 1, "kind": "home", "depth": 0,
                               "title": "首页", "footer": dict(FULL_FOOTER), **row})
        return url

    def documents(self, agency_id: str, *rows: dict) -> None:
        self.store.insert_many("documents", self._rows(agency_id, DOCUMENT_DEFAULTS, rows))

    def columns(self, agency_id: str, *rows: dict) -> None:
        self.store.insert_many("columns", self._rows(agency_id, COLUMN_DEFAULTS, rows))

    def items(self, agency_id: str, *rows: dict) -> None:
        rows_ = self._rows(agency_id, ITEM_DEFAULTS, rows)
        for row in rows_:
            row["page_url"] = row["page_url"] or row["column_url"]
        self.store.insert_many("list_items", rows_)

    def links(self, agency_id: str, *rows: dict) -> None:
        self.store.insert_many("links", self._rows(agency_id, LINK_DEFAULTS, rows))

    def link_checks(self, agency_id: str, *rows: dict) -> None:
        """Outcomes of link checks (default: a broken internal link answered 404)."""
        rows_ = self._rows(agency_id, LINK_CHECK_DEFAULTS, rows)
        for row in rows_:
            row["final_url"] = row["final_url"] or row["url"]
        self.store.insert_many("link_checks", rows_)

    def probes(self, agency_id: str, *rows: dict) -> None:
        """Availability probes (default: the home page opened in 0.2 s); not tied to the run."""
        home = self.homes.get(agency_id, HOME)
        rows_ = self._rows(agency_id, {**PROBE_DEFAULTS, "url": home}, rows)
        self.store.insert_many("probes", rows_)

    # 政策解读 / 互动回应 facts (crawler/interaction.py); rows as the crawler writes them.
    def interpretations(self, agency_id: str, *rows: dict) -> None:
        defaults = {"title": "", "pub_date": "", "pub_date_label": "发布时间", "detected_by": "title",
                    "column_name": "", "quoted_titles": [], "doc_numbers": []}
        self.store.insert_many("interpretations", self._rows(agency_id, defaults, rows))

    def interpretation_links(self, agency_id: str, *rows: dict) -> None:
        defaults = {"anchor": "", "label": "相关解读"}
        self.store.insert_many("interpretation_links", self._rows(agency_id, defaults, rows))

    def message_lists(self, agency_id: str, *rows: dict) -> None:
        defaults = {"name": "政务咨询", "name_source": "meta:ColumnName", "channel": "consultation",
                    "state": "readable", "reason": "", "messages": 0}
        rows_ = self._rows(agency_id, defaults, rows)
        for row in rows_:
            row["url"] = row.get("url") or row["page_url"]
        self.store.insert_many("message_lists", rows_)

    def messages(self, agency_id: str, *rows: dict) -> None:
        defaults = {"found_in": "list", "list_url": "", "page_url": "", "title": "", "asked_date": "",
                    "asked_label": "留言时间", "replied_date": "", "replied_label": "", "status": "",
                    "status_label": "", "replier": "", "has_reply_text": 0, "channel": "consultation",
                    "where_found": "table"}
        rows_ = self._rows(agency_id, defaults, rows)
        for row in rows_:
            row["page_url"] = row["page_url"] or row["list_url"] or row["url"]
        self.store.insert_many("messages", rows_)

    def safety(self, agency_id: str, table: str, *rows: dict) -> None:
        """Content-safety facts (``page_texts``, ``privacy_hits``, ``hidden_links``,
        ``attachments``, ``external_pages``); a ``text`` key becomes the compressed ``text_z``,
        list/dict values (``samples``) become JSON."""
        from crawler.safety.fetch import compress

        result = []
        for row in self._rows(agency_id, {}, rows):
            if "text" in row:
                row["text_z"] = compress(row.pop("text"))
            result.append({k: dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()})
        self.store.insert_many(table, result)

    def view(self, agency_id: str = "a1", profile: dict | None = None) -> AgencyView:
        run = self.store.run(self.run_id)
        agency = next(self.store.query("select * from agencies where run_id = ? and id = ?",
                                       [self.run_id, agency_id]))
        return AgencyView(self.store, run, agency, profile)


def _rule(rule_id: str):
    if rule_id not in REGISTRY:
        load_rules()
    return REGISTRY[rule_id]


def run_rule(view: AgencyView, rule_id: str) -> list[Finding]:
    """The findings of one rule (``NotApplicable`` propagates)."""
    return list(_rule(rule_id).func(view))


def rule_outcome(view: AgencyView, rule_id: str) -> tuple[str, list[Finding] | str]:
    """``("ran", findings)`` or ``("not-applicable", reason)``."""
    try:
        return "ran", run_rule(view, rule_id)
    except NotApplicable as exc:
        return "not-applicable", str(exc)
