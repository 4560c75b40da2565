"""Downloader middlewares: the private-address guard and polite retry timing."""

from __future__ import annotations

import asyncio
import socket
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.urls import is_private_address


class BlockedAddress(IgnoreRequest):
    """A request to a private/loopback/link-local address that no agency owns: never sent."""


class PrivateAddressGuard:
    """Refuse requests whose host is (or resolves to) a private address not configured as an agency's.

    Runs on every request, so every redirect hop is checked too. Hosts an agency lists (its home
    URL's host and ``hosts``) are allowed on any port; ``GOVAUDIT_ALLOW_PRIVATE`` lifts the guard.
    """

    def __init__(self, allowed_hosts: set[str]):
        self.allowed_hosts = {h.lower() for h in allowed_hosts}
        self._resolved: dict[str, list[str]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        if crawler.settings.getbool("GOVAUDIT_ALLOW_PRIVATE"):
            raise NotConfigured
        guard = cls(set(crawler.settings.getlist("GOVAUDIT_OWN_HOSTS")))
        guard.crawler = crawler
        return guard

    def own_hosts_of_spider(self) -> None:
        """Add the hosts of the agencies the spider crawls (set once, on the first request)."""
        spider = getattr(getattr(self, "crawler", None), "spider", None)
        for agency in getattr(spider, "agencies", {}).values():
            for origin in agency.origins:
                self.allowed_hosts.add(origin.split("://", 1)[1].rsplit(":", 1)[0])
        self._spider_hosts = True

    def addresses(self, host: str) -> list[str]:
        if host not in self._resolved:
            try:
                infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
                self._resolved[host] = sorted({info[4][0] for info in infos})
            except (OSError, UnicodeError):
                self._resolved[host] = []
        return self._resolved[host]

    def process_request(self, request):
        if not getattr(self, "_spider_hosts", False):
            self.own_hosts_of_spider()
        host = (urlsplit(request.url).hostname or "").lower()
        if not host or host in self.allowed_hosts or request.meta.get("allow_private"):
            return None
        for address in [host] if is_private_address(host) else self.addresses(host):
            if is_private_address(address):
                raise BlockedAddress(f"blocked-private: {host} is {address}")
        return None


class RetryAfterMiddleware:
    """Honour ``429 Retry-After`` (then retry once) and back off before ordinary retries.

    Scrapy's RetryMiddleware retries timeouts, 5xx and connection errors at once; here a retried
    request waits ``backoff`` seconds first, and a 429 waits what the server asked (capped), then
    is re-sent through Scrapy's ``get_retry_request`` (stats ``retry/…``, same priority).
    """

    def __init__(self, max_wait: float, backoff: float, crawler=None):
        self.max_wait = max_wait
        self.backoff = backoff
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getfloat("GOVAUDIT_RETRY_AFTER_MAX", 60),
                   crawler.settings.getfloat("GOVAUDIT_RETRY_BACKOFF", 1.0), crawler)

    async def process_request(self, request):
        if request.meta.get("retry_times") and not request.meta.get("_backed_off"):
            request.meta["_backed_off"] = True
            await asyncio.sleep(self.backoff)
        return None

    async def process_response(self, request, response):
        if response.status != 429 or request.meta.get("retry_after_done"):
            return response
        wait = parse_retry_after(response.headers.get(b"Retry-After"))
        if wait is None:
            wait = self.backoff
        await asyncio.sleep(min(wait, self.max_wait))
        retry = get_retry_request(request, spider=self.crawler.spider, reason="429 Retry-After",
                                  max_retry_times=request.meta.get("retry_times", 0) + 1,
                                  priority_adjust=0)
        if retry is None:
            return response
        # The server asked for the wait: it does not use up the ordinary retry budget.
        retry.meta["retry_times"] = request.meta.get("retry_times", 0)
        retry.meta["retry_after_done"] = True
        retry.meta["retry_after_waited"] = min(wait, self.max_wait)
        return retry


def parse_retry_after(value: bytes | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date); None when absent/bad."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    from datetime import datetime, timezone
    from email.utils import parsedate_to_datetime
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class ConditionalRequestMiddleware:
    """Re-crawls ask ``If-None-Match`` / ``If-Modified-Since`` with the previous run's validators.

    An unchanged page then costs a ``304`` with no body, and the spider carries its stored facts
    forward from that run. Off with ``GOVAUDIT_CONDITIONAL = False`` (``--full-recrawl``).
    """

    def __init__(self, db_path: str, run_id: int):
        self.db_path = db_path
        self.run_id = run_id
        self.validators: dict[tuple[str, str], tuple[str, str, int]] = {}

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GOVAUDIT_CONDITIONAL", True):
            raise NotConfigured
        mw = cls(crawler.settings.get("GOVAUDIT_DB"), crawler.settings.getint("GOVAUDIT_RUN_ID"))
        from scrapy import signals
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        return mw

    def spider_opened(self, spider):
        from crawler.store import Store
        self.db_path = getattr(spider, "db", "") or self.db_path
        self.run_id = getattr(spider, "run_id", 0) or self.run_id
        store = Store(self.db_path)
        try:
            for agency_id in getattr(spider, "agencies", {}):
                prev = list(store.query(
                    "select max(r.id) id from runs r join agencies a on a.run_id = r.id "
                    "where a.id = ? and r.id < ? and r.status = 'completed'", [agency_id, self.run_id]))
                prev_id = prev[0]["id"] if prev else None
                if not prev_id:
                    continue
                for row in store.query(
                        "select url, etag, last_modified from pages where run_id = ? and agency = ? "
                        "and status = 200 and error = '' and (etag != '' or last_modified != '')",
                        [prev_id, agency_id]):
                    self.validators[(agency_id, row["url"])] = (row["etag"], row["last_modified"], prev_id)
        finally:
            store.close()

    def process_request(self, request):
        meta = request.meta
        if meta.get("role") != "page" or meta.get("redirect_urls"):
            return None
        found = self.validators.get((meta.get("agency"), meta.get("target")))
        if found:
            etag, last_modified, prev_id = found
            if etag:
                request.headers[b"If-None-Match"] = etag.encode("latin-1")
            if last_modified:
                request.headers[b"If-Modified-Since"] = last_modified.encode("latin-1")
            meta["prev_run"] = prev_id
        return None
