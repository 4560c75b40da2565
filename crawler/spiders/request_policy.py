"""Request policy of the portal spider: download slots, de-duplication, the page / link-check /
``dataproxy.jsp`` requests, which links are followed, and stopping bodies that are not needed.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import scrapy
from scrapy.exceptions import StopDownload

from crawler.agencies import Agency
from crawler.urls import dedup_key, pattern_key, should_follow, trap_reason

HTML_TYPES = (b"text/html", b"application/xhtml", b"text/xml", b"application/xml")

MAX_PER_PATTERN = 500



def proxy_key(spec: dict) -> str:
    """Dedup key of a ``dataproxy.jsp`` POST: its URL with the form body as a query parameter.

    (A ``#body`` fragment would be dropped by :func:`dedup_key`, so two columns paged with the same
    ``startrecord``/``endrecord`` would share one key and the second column's POST never be sent.)
    """
    url = spec["url"]
    return f"{url}{'&' if '?' in url else '?'}__post={quote(str(spec.get('body', '')), safe='')}"

class RequestPolicy:
    """Mixin of :class:`crawler.spiders.portal.PortalSpider` (uses its state)."""

    def slot(self, agency_id: str, url: str) -> str:
        """Download slot: per agency and host, so agencies on one host crawl side by side."""
        parts = urlsplit(url)
        return f"{agency_id}|{parts.hostname}:{parts.port or ''}"

    def mark(self, agency_id: str, url: str) -> bool:
        """True the first time ``url`` is seen for the agency in this run."""
        if not self.frontier.add(agency_id, dedup_key(url)):
            return False
        self.progress[agency_id]["scheduled"] += 1
        return True

    def page_request(self, agency_id: str, url: str, depth: int, is_home: bool = False,
                     column_url: str = "", source: str = "") -> scrapy.Request:
        self.mark(agency_id, url)
        self.progress[agency_id]["page_requests"] += 1
        self.frontier.count_page(agency_id)
        return scrapy.Request(
            url, callback=self.parse_page, errback=self.on_error, dont_filter=True,
            meta={"agency": agency_id, "depth": depth, "is_home": is_home, "role": "page",
                  "target": url, "column_url": column_url, "source": source,
                  "download_slot": self.slot(agency_id, url)},
        )

    def check_request(self, agency_id: str, url: str, scope_kind: str,
                      method: str = "HEAD") -> scrapy.Request:
        """Check a link without downloading it: HEAD, and a GET stopped at the headers when the
        server does not answer HEAD properly."""
        meta = {"agency": agency_id, "role": "check", "target": url, "scope": scope_kind}
        if scope_kind != "external":
            meta["download_slot"] = self.slot(agency_id, url)
        return scrapy.Request(url, method=method, callback=self.parse_check, errback=self.on_error,
                              dont_filter=True, meta=meta, priority=-1)

    def proxy_request(self, agency_id: str, spec: dict, depth: int, source: str) -> scrapy.Request:
        """A Hanweb ``dataproxy.jsp`` POST for further pages of a column list."""
        headers = {"Content-Type": "application/x-www-form-urlencoded", **(spec.get("headers") or {})}
        return scrapy.Request(
            spec["url"], method=spec.get("method", "POST"), body=spec.get("body", ""),
            headers=headers, callback=self.parse_dataproxy, errback=self.on_error,
            dont_filter=True,
            # A POST is never re-sent by Twisted on a pooled connection the server closed meanwhile
            # (only idempotent methods are); a few retries make that race harmless.
            meta={"agency": agency_id, "role": "dataproxy", "target": spec["url"], "max_retry_times": 3,
                  "column_url": spec.get("column_url", ""), "depth": depth, "source": source,
                  "spec": spec, "download_slot": self.slot(agency_id, spec["url"])},
        )

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
                yield self.page_request(agency.id, url, depth, column_url=column_url, source=source)
                return
        # content safety (crawler/safety/fetch.py): attachments downloaded, external pages capped
        safety = getattr(self, "safety", None)
        fetch = safety.request(agency, url, tag, scope_kind) if safety is not None else None
        yield fetch or self.check_request(agency.id, url, scope_kind)
