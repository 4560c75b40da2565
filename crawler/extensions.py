"""Crawl progress on stderr: pages done, queued and errors per agency, every few seconds."""

from __future__ import annotations

import sys
import time

from scrapy import signals
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
        progress = getattr(self.spider, "progress", {})
        elapsed = time.monotonic() - self.started
        parts = []
        for agency_id, p in progress.items():
            queued = max(0, p["scheduled"] - p["done"])
            parts.append(f"{agency_id}: 页面 {p['pages']} 已检查 {p['done']} "
                         f"队列 {queued} 错误 {p['errors']}")
        label = "完成" if final else "进度"
        print(f"[{label} {elapsed:5.0f}s] " + " | ".join(parts), file=sys.stderr, flush=True)

    def closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.interval > 0:
            self.report(final=True)
