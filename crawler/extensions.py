"""Crawl progress on stderr: pages done, queued and errors per agency, every few seconds."""

from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.extensions.throttle import AutoThrottle as _ScrapyAutoThrottle
from scrapy.logformatter import LogFormatter
from twisted.internet import task


class CrawlProgress:
    """Print one progress line per interval (``GOVAUDIT_PROGRESS_INTERVAL`` seconds; 0 = off)."""

    def __init__(self, interval: float):
        self.interval = interval
        self.started = time.monotonic()
        self.loop = None
        self.spider = None

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler.settings.getfloat("GOVAUDIT_PROGRESS_INTERVAL", 5.0))
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider):
        self.spider = spider
        if self.interval > 0:
            self.loop = task.LoopingCall(self.report)
            self.loop.start(self.interval, now=False)

    def report(self, final: bool = False) -> None:
        """One line: totals, then per agency (at most 6 busiest): pages, checked, queued, errors."""
        progress = getattr(self.spider, "progress", {})
        elapsed = time.monotonic() - self.started
        total = {k: sum(p[k] for p in progress.values()) for k in ("pages", "scheduled", "done", "errors")}
        busiest = sorted(progress.items(), key=lambda kv: kv[1]["done"] - kv[1]["scheduled"])[:6]
        parts = [f"{agency_id} 页面{p['pages']} 已查{p['done']} 队列{max(0, p['scheduled'] - p['done'])} "
                 f"错误{p['errors']}" for agency_id, p in busiest]
        label = "完成" if final else "进度"
        more = f" …另 {len(progress) - len(busiest)} 个单位" if len(progress) > len(busiest) else ""
        print(f"[{label} {elapsed:4.0f}s] 页面 {total['pages']} 已检查 {total['done']} "
              f"队列 {max(0, total['scheduled'] - total['done'])} 错误 {total['errors']} | "
              + " | ".join(parts) + more, file=sys.stderr, flush=True)

    def closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.interval > 0:
            self.report(final=True)


class AutoThrottle(_ScrapyAutoThrottle):
    """Scrapy's AutoThrottle, but a ``304 Not Modified`` (and a HEAD answer) counts like a 200.

    Scrapy never lowers a slot's delay on a non-200 answer, so a conditional re-crawl that gets
    mostly 304s would stay at the start delay for the whole site.
    """

    def _adjust_delay(self, slot, latency, response):
        if response.status == 304 or (response.request is not None and response.request.method == "HEAD"
                                      and 200 <= response.status < 400):
            response = response.replace(status=200)
        super()._adjust_delay(slot, latency, response)


class QuietLogFormatter(LogFormatter):
    """No per-item "Scraped from" record: items are whole pages' rows, already counted in progress."""

    def scraped(self, item, response, spider):
        return None
