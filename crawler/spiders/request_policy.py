"""Request policy of the portal spider: download slots, de-duplication, the page / link-check /
``dataproxy.jsp`` requests, which links are followed, and stopping bodies that are not needed.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import StopDownload

from crawler.agencies import Agency
from crawler.urls import dedup_key, pattern_key, request_key, should_follow, trap_reason

HTML_TYPES = (b"text/html", b"application/xhtml", b"text/xml", b"application/xml")

MAX_PER_PATTERN = 500
PAGINATION_PRIORITY = 1000  # list pages of a column before other pages (see ``schedule``)


def edge_depth(tag: str, depth: int) -> int:
    """Depth of a link's target: the next page of a column's list is on the column's own level
    (however many pages it has, the page budget bounds it), every other link one level deeper.

    Kept in ``meta["level"]``: Scrapy's DepthMiddleware rewrites ``meta["depth"]`` to the parent's
    depth + 1 on every request a callback yields (it still orders the queue breadth-first)."""
    return depth if tag == "pagination" else depth + 1



def proxy_key(spec: dict) -> str:
    """Dedup key of a ``dataproxy.jsp`` POST: method, URL and form body, as Scrapy's request
    fingerprint (:func:`crawler.urls.request_key`) — two columns paged with the same
    ``startrecord``/``endrecord`` differ only in the body."""
    return request_key(spec)


class RequestPolicy:
    """Mixin of :class:`crawler.spiders.portal.PortalSpider` (uses its state)."""

    def slot(self, agency_id: str, url: str) -> str:
        """Download slot: per agency and host, so agencies on one host crawl side by side."""
        parts = urlsplit(url)
        return f"{agency_id}|{parts.hostname}:{parts.port or ''}"

    def mark(self, agency_id: str, url: str, key: str = "") -> bool:
        """True the first time ``url`` (or the request identity ``key``) is seen for the agency."""
        if not self.frontier.add(agency_id, key or dedup_key(url)):
            return False
        self.progress[agency_id]["scheduled"] += 1
        return True

    @staticmethod
    def request_id(request: scrapy.Request) -> tuple:
        meta = request.meta
        return (meta.get("role"), meta.get("agency"), meta.get("target"), request.body)

    def track(self, request: scrapy.Request) -> scrapy.Request:
        """Remember a request until its callback or errback runs (see :meth:`on_idle`). Not in a
        distributed crawl: a request this worker queues is as likely answered by another worker,
        and the shared queue's in-flight records re-queue what a lost worker held
        (:mod:`crawler.distributed`)."""
        if not self.distributed:
            self.inflight[self.request_id(request)] = request
        return request

    def untrack(self, request: scrapy.Request | None) -> None:
        if request is not None:
            self.inflight.pop(self.request_id(request), None)

    def page_request(self, agency_id: str, url: str, depth: int, is_home: bool = False,
                     column_url: str = "", source: str = "", priority: int = 0) -> scrapy.Request:
        self.mark(agency_id, url)
        self.progress[agency_id]["page_requests"] += 1
        self.frontier.count_page(agency_id)
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
            # A POST is never re-sent by Twisted on a pooled connection the server closed meanwhile
            # (only idempotent methods are); a few retries make that race harmless.
            meta={"agency": agency_id, "role": "dataproxy", "target": spec["url"], "max_retry_times": 3,
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

    def schedule(self, agency: Agency, url: str, tag: str, scope_kind: str, depth: int,
                 source: str, column_url: str):
        if scope_kind == "special" or not self.mark(agency.id, url):
            return
        if should_follow(url, tag, scope_kind):
            reason = trap_reason(url, depth, agency.max_depth)
            # Families of query URLs (?page=N, ?date=…) are the endless ones; path URLs are bounded by
            # the page and depth budgets (a portal has tens of thousands of /art/…/art_N.html).
            pattern = pattern_key(url) if "?" in url else url
            seen_of_pattern = self.frontier.count_pattern(agency.id, pattern)
            over_budget = self.frontier.pages(agency.id) >= agency.max_pages
            if not reason and not over_budget and seen_of_pattern <= MAX_PER_PATTERN:
                # A 下一页 chain is discovered one page at a time; breadth-first order (Scrapy lowers
                # the priority of each request by its depth) would queue every next page behind the
                # whole site, so the pages of a column's list go first.
                yield self.page_request(agency.id, url, depth, column_url=column_url, source=source,
                                        priority=PAGINATION_PRIORITY if tag == "pagination" else 0)
                return
            reason = reason or ("page-budget" if over_budget else "pattern-cap")
            yield self.skip_row(agency.id, url, reason, tag, source, column_url, depth)
        # content safety (crawler/safety/fetch.py): attachments downloaded, external pages capped
        safety = getattr(self, "safety", None)
        fetch = safety.request(agency, url, tag, scope_kind) if safety is not None else None
        yield fetch or self.check_request(agency.id, url, scope_kind)

    def skip_row(self, agency_id: str, url: str, reason: str, tag: str, source: str,
                 column_url: str, depth: int) -> dict:
        """An in-scope page the crawl found but did not fetch, and why (coverage is a fact)."""
        return {"_table": "skips", "run_id": self.run_id, "agency": agency_id, "url": url,
                "reason": reason, "tag": tag, "source": source, "column_url": column_url,
                "depth": depth}
