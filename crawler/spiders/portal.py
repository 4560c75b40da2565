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
from collections import Counter, defaultdict
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, StopDownload
from scrapy.http import HtmlResponse, TextResponse, XmlResponse

from crawler.agencies import Agency, load_agencies
from crawler.extract import analyze, analyze_dataproxy, decode_html
from crawler.run import carry_forward_rows
from crawler.outcomes import error_class, failure_verdict, http_verdict
from crawler.store import Store, dumps, loads, utcnow
from crawler.urls import Scope, dedup_key, pattern_key, request_key, should_follow, trap_reason

HTML_TYPES = (b"text/html", b"application/xhtml", b"text/xml", b"application/xml")
MAX_PER_PATTERN = 500
PAGINATION_PRIORITY = 1000  # list pages of a column before other pages (see ``schedule``)
HEAD_TRUSTED = frozenset({404, 410})  # a HEAD answer believed without a GET
DATE_FIELDS = frozenset({"written_date", "pub_date", "effective_date", "abolished_date"})


def batched(results):
    """Pass requests through; gather every store row of one callback into a single item.

    One item per page instead of one per link edge keeps Scrapy's per-item machinery (middleware
    chains, signals, log records) off the hot path, and the pipeline writes the rows together.
    """
    rows: dict[str, list[dict]] = defaultdict(list)
    for obj in results:
        if isinstance(obj, dict) and "_table" in obj:
            rows[obj.pop("_table")].append(obj)
        else:
            yield obj
    if rows:
        yield {"_rows": dict(rows)}


def edge_depth(tag: str, depth: int) -> int:
    """Depth of a link's target: the next page of a column's list is on the column's own level
    (however many pages it has, the page budget bounds it), every other link one level deeper.

    Kept in ``meta["level"]``: Scrapy's DepthMiddleware rewrites ``meta["depth"]`` to the parent's
    depth + 1 on every request a callback yields (it still orders the queue breadth-first)."""
    return depth if tag == "pagination" else depth + 1


def load_run_agencies(path: str) -> list[Agency]:
    """Agencies from the CLI's JSON hand-over file or from a user's agencies file."""
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as fh:
            return [Agency(**a) for a in json.load(fh)]
    return load_agencies(path)


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, agencies: str = "", run_id: str | int = 0, resume: str | bool = False,
                 db: str = "", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.db = db
        self.standalone = False
        self.agencies = {a.id: a for a in load_run_agencies(agencies)} if agencies else {}
        self.run_id = int(run_id)
        self.resume = str(resume) in ("1", "true", "True")
        self.scopes = {a.id: Scope(a.origins, a.path_prefix) for a in self.agencies.values()}
        self.seen: dict[str, set[str]] = defaultdict(set)
        # dedup key of every final URL whose page was parsed: a second URL reaching the same page
        # (a redirect onto the home page, /index.html → /) records an alias, never a second page
        self.parsed: dict[str, set[str]] = defaultdict(set)
        self.patterns: dict[str, Counter] = defaultdict(Counter)
        # every request sent and not yet answered: a request Scrapy lost without a callback or an
        # errback would leave its URL without any outcome, so the idle spider sends those again
        self.inflight: dict[tuple, scrapy.Request] = {}
        self.resent_rounds = 0
        self.progress = {a: {"pages": 0, "scheduled": 0, "done": 0, "errors": 0,
                                        "page_requests": 0} for a in self.agencies}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        if not spider.run_id:
            spider.run_id = crawler.settings.getint("GOVAUDIT_RUN_ID")
        spider.db = spider.db or crawler.settings.get("GOVAUDIT_DB")
        if not spider.run_id and spider.db:
            spider.start_standalone_run()
        crawler.signals.connect(spider.on_headers, signal=signals.headers_received)
        crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    @staticmethod
    def request_id(request: scrapy.Request) -> tuple:
        meta = request.meta
        return (meta.get("role"), meta.get("agency"), meta.get("target"), request.body)

    def track(self, request: scrapy.Request) -> scrapy.Request:
        self.inflight[self.request_id(request)] = request
        return request

    def untrack(self, request: scrapy.Request | None) -> None:
        if request is not None:
            self.inflight.pop(self.request_id(request), None)

    def on_idle(self, spider=None):
        """Nothing left to do, yet some requests never came back: send them again (three rounds at
        most), so that every URL the crawl found ends with an outcome."""
        if not self.inflight or self.resent_rounds >= 3:
            return
        self.resent_rounds += 1
        lost = list(self.inflight.values())
        self.logger.warning("re-sending %d request(s) that never completed", len(lost))
        self.crawler.stats.inc_value("govaudit/resent", len(lost))
        for request in lost:
            self.crawler.engine.crawl(request.replace(dont_filter=True))
        raise DontCloseSpider

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
        pending = self.resume_frontier() if self.resume else {}
        for agency in self.agencies.values():
            if agency.id in pending:
                for request in pending[agency.id]:
                    yield request
            elif not self.seen[agency.id]:
                yield self.page_request(agency.id, agency.url, depth=0, is_home=True)

    def slot(self, agency_id: str, url: str) -> str:
        """Download slot: per agency and host, so agencies on one host crawl side by side."""
        parts = urlsplit(url)
        return f"{agency_id}|{parts.hostname}:{parts.port or ''}"

    def mark(self, agency_id: str, url: str, key: str = "") -> bool:
        """True the first time ``url`` (or the request identity ``key``) is seen for the agency."""
        key = key or dedup_key(url)
        seen = self.seen[agency_id]
        if key in seen:
            return False
        seen.add(key)
        self.progress[agency_id]["scheduled"] += 1
        return True

    def page_request(self, agency_id: str, url: str, depth: int, is_home: bool = False,
                     column_url: str = "", source: str = "", priority: int = 0) -> scrapy.Request:
        self.mark(agency_id, url)
        self.progress[agency_id]["page_requests"] += 1
        return self.track(scrapy.Request(
            url, callback=self.parse_page, errback=self.on_error, dont_filter=True, priority=priority,
            meta={"agency": agency_id, "level": depth, "is_home": is_home, "role": "page",
                  "target": url, "column_url": column_url, "source": source,
                  "download_slot": self.slot(agency_id, url)},
        ))

    def check_request(self, agency_id: str, url: str, scope_kind: str,
                      method: str = "HEAD") -> scrapy.Request:
        """Check a link without downloading it: HEAD, and a GET stopped at the headers when the
        server does not answer HEAD properly."""
        meta = {"agency": agency_id, "role": "check", "target": url, "scope": scope_kind}
        if scope_kind != "external":
            meta["download_slot"] = self.slot(agency_id, url)
        return self.track(scrapy.Request(url, method=method, callback=self.parse_check,
                                         errback=self.on_error, dont_filter=True, meta=meta, priority=-1))

    def proxy_request(self, agency_id: str, spec: dict, depth: int, source: str) -> scrapy.Request:
        """A Hanweb ``dataproxy.jsp`` POST for further pages of a column list."""
        headers = {"Content-Type": "application/x-www-form-urlencoded", **(spec.get("headers") or {})}
        return self.track(scrapy.Request(
            spec["url"], method=spec.get("method", "POST"), body=spec.get("body", ""),
            headers=headers, callback=self.parse_dataproxy, errback=self.on_error,
            dont_filter=True,
            meta={"agency": agency_id, "role": "dataproxy", "target": spec["url"],
                  "column_url": spec.get("column_url", ""), "level": depth, "source": source,
                  "spec": spec, "download_slot": self.slot(agency_id, spec["url"])},
        ))

    def on_headers(self, headers, body_length, request, spider):
        """Stop the body download of checked links and of in-scope non-HTML answers."""
        role = request.meta.get("role")
        if role == "check":
            raise StopDownload(fail=False)
        if role == "page":
            ctype = (headers.get(b"Content-Type") or b"text/html").lower()
            if not any(t in ctype for t in HTML_TYPES):
                raise StopDownload(fail=False)

    # --- callbacks ------------------------------------------------------------------------------
    def common(self, response) -> dict:
        meta = response.meta
        redirects = list(meta.get("redirect_urls") or [])
        return {
            "run_id": self.run_id, "agency": meta["agency"], "url": meta["target"],
            "final_url": response.url, "redirects": dumps(redirects + [response.url]) if redirects else "",
            "status": response.status,
            "content_type": (response.headers.get(b"Content-Type") or b"").decode("latin-1")[:100],
            "elapsed": round(meta.get("download_latency") or 0.0, 4),
        }

    def link_check(self, base: dict, verdict: str, reason: str, scope_kind: str, method: str = "GET",
                   error: str = "") -> dict:
        self.progress[base["agency"]]["done"] += 1
        if verdict == "broken":
            self.progress[base["agency"]]["errors"] += 1
        return {"_table": "link_checks", "run_id": self.run_id, "agency": base["agency"],
                "url": base["url"], "final_url": base.get("final_url", ""),
                "redirects": base.get("redirects", ""), "status": base.get("status"),
                "error": error, "verdict": verdict, "reason": reason, "scope": scope_kind,
                "content_type": base.get("content_type", ""), "method": method,
                "elapsed": base.get("elapsed"), "checked_at": utcnow()}

    def parse_check(self, response):
        self.untrack(response.request)
        yield from batched(self._parse_check(response))

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
        self.untrack(response.request)
        yield from batched(self._parse_page(response))

    def _parse_page(self, response):
        meta = response.meta
        agency_id = meta["agency"]
        agency = self.agencies[agency_id]
        scope = self.scopes[agency_id]
        base = self.common(response)
        is_home = bool(meta.get("is_home"))
        depth = meta.get("level", 0)
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
        final_key = dedup_key(response.url)
        if not is_home and final_key in self.parsed[agency_id]:
            # Another URL of a page already parsed (a redirect onto the home page, http → https,
            # /index.html → /): one page, one record — this URL is only an alias of it.
            page["kind"] = "alias"
            yield page
            yield self.link_check(base, *http_verdict(response.status, redirected), "internal")
            return
        self.parsed[agency_id].add(final_key)
        if is_home:
            self.parsed[agency_id].add(dedup_key(meta["target"]))
        self.progress[agency_id]["pages"] += 1
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
            yield from self.follow(agency, response.url, facts, depth, is_home)
        # Last: the link check marks the page done for --resume, so it must never reach the store
        # before the page's links (the pipeline may flush between any two items; kill -9 after).
        yield self.link_check(base, verdict, reason, "internal")

    def carry_forward(self, agency: Agency, base: dict, page: dict, prev_run: int, depth: int,
                      is_home: bool):
        """A 304 answer: the page is as it was in ``prev_run``. Record it as carried from that run
        (its links, documents, list items and columns are copied in bulk by
        :func:`crawler.run.carry_forward_rows`), then follow its stored links."""
        store = self.prev_store()
        url = base["url"]
        args = [prev_run, agency.id, url]
        old = list(store.query("select * from pages where run_id=? and agency=? and url=?", args))
        if not old:
            return
        self.progress[agency.id]["pages"] += 1
        yield {**old[0], **{k: v for k, v in page.items() if k in ("fetched_at", "elapsed", "depth")},
               "_table": "pages", "run_id": self.run_id, "not_modified": 1, "status": 200,
               "carried_from": prev_run}
        previous = list(store.query("select verdict, reason from link_checks where run_id=? and agency=? "
                                    "and url=?", args))
        verdict, reason = (previous[0]["verdict"], previous[0]["reason"]) if previous else ("ok", "")
        yield self.link_check({**base, "status": 200}, verdict, reason, "internal", error="")
        if verdict != "ok":
            return
        facts = loads(old[0].get("facts"), {}) or {}
        for spec in facts.get("requests") or []:
            if self.mark(agency.id, spec["url"], request_key(spec)):
                yield self.proxy_request(agency.id, spec, depth, url)
        for edge in store.query("select target, tag, scope from links where run_id=? and agency=? "
                                "and source=?", args):
            yield from self.schedule(agency, edge["target"], edge["tag"], edge["scope"],
                                     edge_depth(edge["tag"], depth), url, "")

    def prev_store(self) -> Store:
        """A read connection to the store (for carrying facts forward), opened once."""
        if getattr(self, "_prev_store", None) is None:
            self._prev_store = Store(self.db)
        return self._prev_store

    def record_facts(self, agency: Agency, page_url: str, requested: str, facts: dict,
                     is_home: bool):
        """Documents, columns and list items of one page."""
        run_agency = {"run_id": self.run_id, "agency": agency.id}
        column = facts.get("column")
        items = facts.get("items") or []
        column_url = column.get("url") if column else ""
        if is_home:
            column_url = requested
        if column and not is_home:
            yield {"_table": "columns", **run_agency, "url": column_url,
                   "name": column.get("name") or "", "name_source": column.get("name_source") or "",
                   "column_type": column.get("column_type") or "other",
                   "type_source": column.get("type_source") or "",
                   "items": len(items), "blank": int(bool(column.get("blank"))),
                   "blank_text": column.get("blank_text") or "", "pages": 1, "seen_on": page_url}
        if column_url:
            for position, item in enumerate(items):
                yield {"_table": "list_items", **run_agency, "column_url": column_url,
                       "url": item.get("url") or "", "title": (item.get("title") or "")[:300],
                       "date": item.get("date"), "page_url": requested, "position": position}
        document = facts.get("document")
        if document and not is_home:
            fields = document.get("fields") or {}

            def value(name: str) -> str:
                """A field's value; for date fields only a real date (「成文日期：不详」 is no date)."""
                entry = fields.get(name) or {}
                if name in DATE_FIELDS:
                    return entry.get("date") or ""
                return entry.get("value") or ""

            yield {"_table": "documents", **run_agency, "url": requested,
                   "title": value("title") or facts.get("title") or "", "column_url": "",
                   "index_no": value("index_no"), "issuer": value("issuer"),
                   "doc_number": value("doc_number"), "written_date": value("written_date"),
                   "pub_date": value("pub_date"), "effective_date": value("effective_date"),
                   "validity": value("validity"), "abolished_date": value("abolished_date"),
                   "has_metadata_block": int(bool(document.get("has_metadata_block"))),
                   "downloads": dumps(document.get("downloads") or []), "fields": dumps(fields)}

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
        yield from edges.values()
        for spec in facts.get("requests") or []:
            if self.mark(agency.id, spec["url"], request_key(spec)):
                yield self.proxy_request(agency.id, spec, depth, page_url)
        # Pagination first: a list page reached as a column's next page stays on the column's level
        # even when the same URL is also an ordinary link (a numbered pager, 下一页).
        for edge in sorted(edges.values(), key=lambda e: e["tag"] != "pagination"):
            yield from self.schedule(agency, edge["target"], edge["tag"], edge["scope"],
                                     edge_depth(edge["tag"], depth), page_url, column_url)

    def schedule(self, agency: Agency, url: str, tag: str, scope_kind: str, depth: int,
                 source: str, column_url: str):
        if scope_kind == "special" or not self.mark(agency.id, url):
            return
        if should_follow(url, tag, scope_kind):
            reason = trap_reason(url, depth, agency.max_depth)
            # Families of query URLs (?page=N, ?date=…) are the endless ones; path URLs are bounded by
            # the page and depth budgets (a portal has tens of thousands of /art/…/art_N.html).
            pattern = pattern_key(url) if "?" in url else url
            self.patterns[agency.id][pattern] += 1
            over_budget = self.progress[agency.id]["page_requests"] >= agency.max_pages
            if not reason and not over_budget and self.patterns[agency.id][pattern] <= MAX_PER_PATTERN:
                # A 下一页 chain is discovered one page at a time; breadth-first order (Scrapy lowers
                # the priority of each request by its depth) would queue every next page behind the
                # whole site, so the pages of a column's list go first.
                yield self.page_request(agency.id, url, depth, column_url=column_url, source=source,
                                        priority=PAGINATION_PRIORITY if tag == "pagination" else 0)
                return
            reason = reason or ("page-budget" if over_budget else "pattern-cap")
            yield self.skip_row(agency.id, url, reason, tag, source, column_url, depth)
        yield self.check_request(agency.id, url, scope_kind)

    def skip_row(self, agency_id: str, url: str, reason: str, tag: str, source: str,
                 column_url: str, depth: int) -> dict:
        """An in-scope page the crawl found but did not fetch, and why (coverage is a fact)."""
        return {"_table": "skips", "run_id": self.run_id, "agency": agency_id, "url": url,
                "reason": reason, "tag": tag, "source": source, "column_url": column_url,
                "depth": depth}

    def parse_dataproxy(self, response):
        self.untrack(response.request)
        yield from batched(self._parse_dataproxy(response))

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
        offset = 1000 * (1 + len(self.seen[agency.id]))
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
                                         meta.get("level", 0) + 1, source, column_url)
        for spec in facts.get("requests") or []:
            if self.mark(agency.id, spec["url"], request_key(spec)):
                yield self.proxy_request(agency.id, {**spec, "column_url": column_url},
                                         meta.get("level", 0), source)

    def on_error(self, failure):
        self.untrack(getattr(failure, "request", None))
        yield from batched(self._on_error(failure))

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
            yield {"_table": "pages", **base, "depth": meta.get("level", 0),
                   "is_home": int(bool(meta.get("is_home"))), "fetched_at": utcnow(), "bytes": 0,
                   "kind": "", "error": err, "title": "", "soft404": 0, "not_modified": 0}
        yield self.link_check(base, verdict, reason, meta.get("scope", "internal"), error=err)

    def probe_row(self, agency: Agency, base: dict, ok: bool, error: str) -> dict:
        """The crawl's home-page fetch counts as one availability probe (站点无法访问)."""
        return {"_table": "probes", "agency": agency.id, "url": agency.url, "at": utcnow(),
                "ok": int(ok), "status": base.get("status"), "elapsed": base.get("elapsed"),
                "error": error or ("" if ok else f"http-{base.get('status')}"), "origin": "crawl",
                "run_id": self.run_id}

    # --- resume -----------------------------------------------------------------------------------
    def resume_frontier(self) -> dict[str, list[scrapy.Request]]:
        """Rebuild what is left to do from the store: targets of stored links without an outcome.

        Works after a graceful stop and after ``kill -9`` alike: the store is the source of truth,
        so no request popped from a queue but never answered is lost.
        """
        store = Store(self.db)
        pending: dict[str, list[scrapy.Request]] = defaultdict(list)
        carry_forward_rows(store, self.run_id)
        try:
            for agency in self.agencies.values():
                done = {r["url"] for r in store.query(
                    "select url from link_checks where run_id=? and agency=?", [self.run_id, agency.id])}
                pages = {r["url"]: r for r in store.query(
                    "select url, final_url, status, kind, depth, facts from pages where run_id=? "
                    "and agency=? and error = ''", [self.run_id, agency.id])}
                for page in pages.values():  # pages parsed before the stop: later URLs are aliases
                    if page["kind"] != "alias" and 200 <= (page["status"] or 0) < 300:
                        self.parsed[agency.id].add(dedup_key(page["final_url"] or page["url"]))
                for url in done:
                    self.mark(agency.id, url)
                self.progress[agency.id]["done"] = len(done)
                self.progress[agency.id]["pages"] = len(pages)
                self.progress[agency.id]["page_requests"] = len(pages)
                if agency.url not in done:
                    pending[agency.id].append(self.page_request(agency.id, agency.url, 0, True))
                    continue
                pending.setdefault(agency.id, [])
                for row in store.query(
                        "select l.source, l.target, l.tag, l.scope from links l where l.run_id=? and "
                        "l.agency=? and l.scope != 'special' and l.target not in "
                        "(select url from link_checks where run_id=? and agency=?)",
                        [self.run_id, agency.id, self.run_id, agency.id]):
                    depth = edge_depth(row["tag"], (pages.get(row["source"]) or {}).get("depth", 0))
                    pending[agency.id].extend(self.schedule(
                        agency, row["target"], row["tag"], row["scope"], depth, row["source"], ""))
                for url, page in pages.items():
                    for spec in (loads(page.get("facts"), {}) or {}).get("requests") or []:
                        if self.mark(agency.id, spec["url"], request_key(spec)):
                            pending[agency.id].append(
                                self.proxy_request(agency.id, spec, page.get("depth") or 0, url))
        finally:
            store.close()
        return pending
