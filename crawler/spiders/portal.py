"""The ``portal`` spider: crawls every agency of a run side by side and records facts only.

For each agency it starts at the home page, follows in-scope HTML links (and JavaScript
pagination, and Hanweb ``dataproxy.jsp`` lists) within the agency's page and depth budgets, and
checks every other link target — attachments, images, scripts, external pages — once, with a GET
that stops when the headers arrive. Judging is left to ``checks/``.

Arguments (``-a`` for ``scrapy crawl``/Scrapyd): ``agencies`` (path of an agencies YAML/CSV or of a
JSON list written by the CLI), ``db`` (the SQLite store; else the ``GOVAUDIT_DB`` setting), ``run_id``
(omitted: the spider records a new run itself and finishes it on close, so a Scrapyd job is a
complete run that ``cli.py check``/``report`` can judge), ``resume`` (``1`` to continue a run).
"""

from __future__ import annotations

import json
from collections import defaultdict

import scrapy
from scrapy import signals
from scrapy.http import HtmlResponse, TextResponse, XmlResponse

from crawler.agencies import Agency, load_agencies
from crawler.extract import analyze, analyze_dataproxy, decode_html
from crawler.frontier import LocalFrontier
from crawler.outcomes import error_class, failure_verdict, http_verdict
from crawler.interaction import interaction_rows
from crawler.safety.fetch import SafetyFetcher
from crawler.spiders.request_policy import RequestPolicy, proxy_key
from crawler.spiders.resume import Resume
from crawler.spiders.rows import RowShaping
from crawler.store import Store, dumps, utcnow
from crawler.urls import Scope, dedup_key

HEAD_TRUSTED = frozenset({404, 410})  # a HEAD answer believed without a GET


def batched(results, request=None, frontier=None):
    """Pass requests through; gather every store row of one callback into a single item.

    One item per page instead of one per link edge keeps Scrapy's per-item machinery (middleware
    chains, signals, log records) off the hot path, and the pipeline writes the rows together.
    In a distributed run the item also acknowledges ``request`` (``_ack``: it leaves the worker's
    in-flight list with the rows, in one Redis transaction), and a request re-queued from a killed
    worker (``_replay``) makes the frontier schedule its links again (see crawler.distributed).
    """
    rows: dict[str, list[dict]] = defaultdict(list)
    meta = request.meta if request is not None else {}
    replay = bool(meta.get("_replay"))
    if frontier is not None and meta.get("_inflight"):
        frontier.begin(meta["_inflight"])
    results = iter(results)
    while True:
        if frontier is not None:
            frontier.replaying = replay
        try:
            obj = next(results)
        except StopIteration:
            break
        finally:
            if frontier is not None:
                frontier.replaying = False
        if isinstance(obj, dict) and "_table" in obj:
            rows[obj.pop("_table")].append(obj)
        else:
            yield obj
    item = {"_rows": dict(rows)} if rows else {}
    if meta.get("_inflight"):
        item["_ack"] = meta["_inflight"]
    if item:
        yield item


def load_run_agencies(path: str) -> list[Agency]:
    """Agencies from the CLI's JSON hand-over file or from a user's agencies file."""
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as fh:
            return [Agency(**a) for a in json.load(fh)]
    return load_agencies(path)


class PortalSpider(RequestPolicy, RowShaping, Resume, scrapy.Spider):
    """The spider; its request policy, row shaping and resume live in the mixins."""

    name = "portal"
    safety: SafetyFetcher | None = None  # content-safety fetches (crawler.safety.fetch)

    def __init__(self, agencies: str = "", run_id: str | int = 0, resume: str | bool = False,
                 db: str = "", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.db = db
        self.standalone = False
        self.agencies = {a.id: a for a in load_run_agencies(agencies)} if agencies else {}
        self.run_id = int(run_id)
        self.resume = str(resume) in ("1", "true", "True")
        self.scopes = {a.id: Scope(a.origins, a.path_prefix) for a in self.agencies.values()}
        self.progress = {a: {"pages": 0, "scheduled": 0, "done": 0, "errors": 0,
                                        "page_requests": 0} for a in self.agencies}
        self.frontier = LocalFrontier(self.progress)
        self.seen = self.frontier.seen
        self.distributed = False

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        if not spider.run_id:
            spider.run_id = crawler.settings.getint("GOVAUDIT_RUN_ID")
        spider.db = spider.db or crawler.settings.get("GOVAUDIT_DB")
        if crawler.settings.get("GOVAUDIT_REDIS_URL"):
            from crawler.distributed import RedisFrontier
            spider.frontier = RedisFrontier.from_settings(crawler.settings)
            spider.distributed = True
        elif not spider.run_id and spider.db:
            spider.start_standalone_run()
        crawler.signals.connect(spider.on_headers, signal=signals.headers_received)
        crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        spider.safety = SafetyFetcher.from_crawler(crawler, spider)
        return spider

    def start_standalone_run(self) -> None:
        """Started by Scrapyd or ``scrapy crawl`` rather than the CLI: record the run ourselves."""
        from crawler.run import start_run
        store = Store(self.db)
        try:
            self.run_id = start_run(store, list(self.agencies.values()), None,
                                    {"scrapyd": True}, "")
        finally:
            store.close()
        self.standalone = True

    def on_closed(self, spider, reason):
        if getattr(self, "_prev_store", None) is not None:
            self._prev_store.close()
        if self.standalone:
            from crawler.run import finalize
            store = Store(self.db)
            try:
                finalize(store, self.run_id)
                store.set_run(self.run_id, status="completed" if reason == "finished" else "interrupted",
                              finished_at=utcnow())
            finally:
                store.close()

    # --- scheduling ---------------------------------------------------------------------------
    async def start(self):
        if self.distributed:  # the coordinator seeded the shared queue (crawler.coordinator)
            return
        pending = self.resume_frontier() if self.resume else {}
        for agency in self.agencies.values():
            if agency.id in pending:
                for request in pending[agency.id]:
                    yield request
            elif not self.seen[agency.id]:
                yield self.page_request(agency.id, agency.url, depth=0, is_home=True)


    # --- callbacks ------------------------------------------------------------------------------


    def parse_check(self, response):
        yield from batched(self._parse_check(response), response.request, self.frontier)

    def _parse_check(self, response):
        meta = response.meta
        if response.request.method == "HEAD" and not (200 <= response.status < 400) \
                and response.status not in HEAD_TRUSTED:
            yield self.check_request(meta["agency"], meta["target"], meta.get("scope", "external"), "GET")
            return
        base = self.common(response)
        verdict, reason = http_verdict(response.status, bool(response.meta.get("redirect_urls")))
        yield self.link_check(base, verdict, reason, response.meta.get("scope", "external"),
                              method=response.request.method)

    def parse_page(self, response):
        yield from batched(self._parse_page(response), response.request, self.frontier)

    def _parse_page(self, response):
        meta = response.meta
        agency_id = meta["agency"]
        agency = self.agencies[agency_id]
        scope = self.scopes[agency_id]
        base = self.common(response)
        is_home = bool(meta.get("is_home"))
        depth = meta.get("depth", 0)
        if is_home:
            yield self.probe_row(agency, base, ok=200 <= response.status < 400, error="")
        in_scope = scope.contains(response.url)
        is_html = isinstance(response, (HtmlResponse, XmlResponse)) or (
            isinstance(response, TextResponse)
            and b"html" in (response.headers.get(b"Content-Type") or b"").lower())
        page = {"_table": "pages", **base, "depth": depth, "is_home": int(is_home),
                "fetched_at": utcnow(), "bytes": len(response.body),
                "etag": (response.headers.get(b"ETag") or b"").decode("latin-1"),
                "last_modified": (response.headers.get(b"Last-Modified") or b"").decode("latin-1"),
                "encoding": getattr(response, "encoding", "") if is_html else "",
                "not_modified": 0, "error": "", "title": "", "kind": "", "soft404": 0}
        redirected = bool(meta.get("redirect_urls"))
        if response.status == 304 and meta.get("prev_run"):
            yield from self.carry_forward(agency, base, page, meta["prev_run"], depth, is_home)
            return
        if response.status >= 300 or not is_html or not in_scope:
            verdict, reason = http_verdict(response.status, redirected)
            page["kind"] = "other" if is_html else "binary"
            yield page
            yield self.link_check(base, verdict, reason, "internal")
            return
        self.progress[agency_id]["pages"] += 1
        text = ""
        try:
            # decode_html, not response.text: a body declared utf-8 that is really GBK is common
            text, page["encoding"] = decode_html(
                response.body, (response.headers.get(b"Content-Type") or b"").decode("latin-1"))
            facts = analyze(text, response.url, is_home=is_home)
        except Exception as exc:  # a page we cannot understand must not stop the crawl
            self.logger.warning("extract failed on %s: %r", response.url, exc)
            facts = {"kind": "other", "title": "", "links": []}
            page["error"] = "extract-error"
        if not response.body.strip() and response.status == 200 and not facts.get("soft404"):
            facts["soft404"] = "empty"  # a blank 200 page cannot be used either
        verdict, reason = http_verdict(response.status, redirected, facts.get("soft404") or "")
        if facts.get("soft404") == "empty":
            reason = "empty"
        page.update(title=(facts.get("title") or "")[:500], kind=facts.get("kind") or "other",
                    soft404=int(bool(facts.get("soft404"))), meta=dumps(facts.get("meta") or {}),
                    footer=dumps(facts.get("footer") or {}),
                    facts=dumps({"guide": facts.get("guide"), "report_year": facts.get("report_year"),
                                 "requests": facts.get("requests") or [],
                                 "soft404": facts.get("soft404") or ""}))
        yield page
        if verdict == "ok":
            yield from self.record_facts(agency, response.url, base["url"], facts, is_home)
            yield from interaction_rows(self.run_id, agency_id, base["url"], facts)
            if self.safety is not None:
                yield from self.safety.page_rows(agency, base["url"], response.url, text)
            yield from self.follow(agency, response.url, facts, depth, is_home)
        # Last: the link check marks the page done for --resume, so it must never reach the store
        # before the page's links (the pipeline may flush between any two items; kill -9 after).
        yield self.link_check(base, verdict, reason, "internal")


    def follow(self, agency: Agency, page_url: str, facts: dict, depth: int, is_home: bool):
        """Record every link edge; schedule each new target once (crawl or check)."""
        scope = self.scopes[agency.id]
        column = facts.get("column") or {}
        column_url = column.get("url") or ""
        edges: dict[tuple[str, str], dict] = {}
        targets = [(link.get("url") or "", link.get("text") or "", link.get("tag") or "a")
                   for link in facts.get("links") or []]
        targets += [(url, "分页", "pagination") for url in facts.get("pagination") or []]
        for item in facts.get("items") or []:
            if item.get("url"):
                targets.append((item["url"], item.get("title") or "", "a"))
        for url, text, tag in targets:
            if not url:
                continue
            scope_kind = scope.classify(url, tag)
            key = (url, tag)
            if key not in edges:
                edges[key] = {"_table": "links", "run_id": self.run_id, "agency": agency.id,
                              "source": page_url, "target": url, "anchor": text.strip()[:200],
                              "tag": tag, "on_home": int(is_home), "scope": scope_kind}
        self.frontier.prepare(agency.id, [dedup_key(e["target"]) for e in edges.values()
                                          if e["scope"] != "special"])
        yield from edges.values()
        for spec in facts.get("requests") or []:
            if self.mark(agency.id, proxy_key(spec)):
                yield self.proxy_request(agency.id, spec, depth, page_url)
        for edge in edges.values():
            yield from self.schedule(agency, edge["target"], edge["tag"], edge["scope"], depth + 1,
                                     page_url, column_url)

    async def parse_safety(self, response):
        """An attachment download or a capped external page fetch (crawler.safety.fetch)."""
        for item in batched(await self.safety.parse_async(response), response.request, self.frontier):
            yield item

    def parse_dataproxy(self, response):
        yield from batched(self._parse_dataproxy(response), response.request, self.frontier)

    def _parse_dataproxy(self, response):
        meta = response.meta
        agency = self.agencies[meta["agency"]]
        base = self.common(response)
        self.progress[agency.id]["done"] += 1
        if response.status >= 400:
            return
        facts = analyze_dataproxy(response.text if isinstance(response, TextResponse)
                                  else response.body.decode("utf-8", "replace"), response.url)
        column_url = meta.get("column_url") or ""
        run_agency = {"run_id": self.run_id, "agency": agency.id}
        offset = 1000 * (1 + self.frontier.size(agency.id))
        for position, item in enumerate(facts.get("items") or []):
            if column_url and item.get("url"):
                yield {"_table": "list_items", **run_agency, "column_url": column_url,
                       "url": item["url"], "title": (item.get("title") or "")[:300],
                       "date": item.get("date"), "page_url": base["url"], "position": offset + position}
        source = meta.get("source") or column_url
        for item in facts.get("items") or []:
            if item.get("url"):
                scope_kind = self.scopes[agency.id].classify(item["url"], "a")
                yield {"_table": "links", **run_agency, "source": source, "target": item["url"],
                       "anchor": (item.get("title") or "")[:200], "tag": "a", "on_home": 0,
                       "scope": scope_kind}
                yield from self.schedule(agency, item["url"], "a", scope_kind,
                                         meta.get("depth", 0) + 1, source, column_url)
        for spec in facts.get("requests") or []:
            if self.mark(agency.id, proxy_key(spec)):
                yield self.proxy_request(agency.id, {**spec, "column_url": column_url},
                                         meta.get("depth", 0), source)

    def on_error(self, failure):
        yield from batched(self._on_error(failure), failure.request, self.frontier)

    def _on_error(self, failure):
        request = failure.request
        meta = request.meta
        agency_id = meta["agency"]
        err = error_class(failure)
        verdict, reason = failure_verdict(err)
        base = {"run_id": self.run_id, "agency": agency_id, "url": meta["target"],
                "final_url": request.url, "status": None, "elapsed": None,
                "redirects": dumps(list(meta.get("redirect_urls") or []) + [request.url])
                if meta.get("redirect_urls") else ""}
        role = meta.get("role")
        if role == "dataproxy":
            self.progress[agency_id]["done"] += 1
            return
        if role == "page":
            if meta.get("is_home"):
                yield self.probe_row(self.agencies[agency_id], base, ok=False, error=err)
            yield {"_table": "pages", **base, "depth": meta.get("depth", 0),
                   "is_home": int(bool(meta.get("is_home"))), "fetched_at": utcnow(), "bytes": 0,
                   "kind": "", "error": err, "title": "", "soft404": 0, "not_modified": 0}
        yield self.link_check(base, verdict, reason, meta.get("scope", "internal"), error=err)


    # --- resume -----------------------------------------------------------------------------------
