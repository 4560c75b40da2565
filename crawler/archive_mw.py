"""Downloader middleware that archives every answer the crawl records facts from (WARC).

It sits next to the downloader (order 950), so it sees each raw answer — every redirect hop, every
retried 5xx, HEAD checks and GETs stopped at the headers — before any other middleware rewrites it,
and writes it with :class:`crawler.archive.WarcArchive` into ``<db>.warc/``. The spider's callbacks
are untouched: the (file, offset) of each record goes to the store's ``archive_records`` table from
here, in batches, after the record itself is in the file.

Settings: ``GOVAUDIT_ARCHIVE`` (default on; ``cli.py crawl --no-archive`` turns it off),
``GOVAUDIT_ARCHIVE_MAX_BYTES`` (rotation size). Stats: ``archive/records``, ``archive/revisits``,
``archive/bytes``.
"""

from __future__ import annotations

import time

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.archive import DEFAULT_MAX_BYTES, Exchange, WarcArchive, archive_dir
from crawler.store import Store

#: Pages, link checks, Hanweb list answers, and the content-safety fetches (attachments the privacy
#: scan reads, external pages read for hijacked links): every answer the crawl records facts from.
ARCHIVED_ROLES = frozenset({"page", "check", "dataproxy", "attachment", "external-page"})
FLUSH_ROWS = 200
FLUSH_SECONDS = 2.0


def _pairs(headers) -> list[tuple[str, str]]:
    """Scrapy ``Headers`` as (name, value) text pairs, every value of a repeated header kept."""
    pairs = []
    for name, values in headers.items():
        for value in values:
            pairs.append((name.decode("latin-1"), value.decode("latin-1")))
    return pairs


class WarcArchiveMiddleware:
    """Write each answer to a page, check or dataproxy request as a WARC request/response pair."""

    def __init__(self, crawler, max_bytes: int):
        self.crawler = crawler
        self.max_bytes = max_bytes
        self.archive: WarcArchive | None = None
        self.store: Store | None = None
        self.rows: list[dict] = []
        self.last_flush = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GOVAUDIT_ARCHIVE", True):
            raise NotConfigured
        middleware = cls(crawler, crawler.settings.getint("GOVAUDIT_ARCHIVE_MAX_BYTES", DEFAULT_MAX_BYTES))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def open(self, spider) -> bool:
        """Open the archive beside the spider's store on the first answer (False: no store)."""
        if self.archive is not None:
            return True
        db = getattr(spider, "db", "") or self.crawler.settings.get("GOVAUDIT_DB")
        if not db:
            return False
        self.store = Store(db)
        self.archive = WarcArchive(archive_dir(db), self.store, self.max_bytes)
        for name, removed in self.archive.repaired:
            spider.logger.warning("archive %s: removed a partial record (%d bytes) left by an "
                                  "interrupted crawl", name, removed)
        return True

    def process_response(self, request, response, spider=None):
        spider = spider or self.crawler.spider
        meta = request.meta
        if meta.get("role") not in ARCHIVED_ROLES or "agency" not in meta or not self.open(spider):
            return response
        exchange = Exchange(
            uri=response.url, method=request.method, request_headers=_pairs(request.headers),
            request_body=request.body or b"", status=response.status,
            response_headers=_pairs(response.headers), body=response.body or b"",
            protocol=getattr(response, "protocol", None) or "HTTP/1.1")
        record = self.archive.write(exchange)
        stats = self.crawler.stats
        stats.inc_value("archive/records")
        stats.inc_value("archive/bytes", len(exchange.body))
        if record.record_type == "revisit":
            stats.inc_value("archive/revisits")
        self.rows.append({
            "run_id": getattr(spider, "run_id", 0), "agency": meta["agency"], "uri": response.url,
            "method": request.method, "target": meta.get("target") or request.url, "role": meta["role"],
            "status": response.status, "file": record.file, "offset": record.offset,
            "length": record.length, "record_type": record.record_type, "digest": record.digest,
            "payload_file": record.payload_file, "payload_offset": record.payload_offset,
            "warc_date": record.warc_date})
        if len(self.rows) >= FLUSH_ROWS or time.monotonic() - self.last_flush > FLUSH_SECONDS:
            self.flush()
        return response

    def flush(self) -> None:
        """Digests first, then the record index: both only after the records are in the file."""
        self.last_flush = time.monotonic()
        if self.archive is None:
            return
        self.archive.flush()
        if self.rows:
            rows, self.rows = self.rows, []
            self.store.insert_many("archive_records", rows)

    def spider_closed(self, spider, reason):
        if self.archive is None:
            return
        self.flush()
        self.archive.close()
        self.store.close()
        self.archive = None
