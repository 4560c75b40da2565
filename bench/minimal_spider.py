"""The framework's own floor: a minimal Scrapy crawler of the same sites, at the same politeness.

A ``CrawlSpider`` with one ``Rule(LinkExtractor())`` that follows every link inside the agencies'
origins — no extraction, no store, no link checks — with the settings our crawl runs with in the
benchmark: per agency origin at most ``--concurrency`` requests (its own download slot, as ours),
AutoThrottle aiming at that concurrency, robots.txt obeyed, one retry, the same timeout. It runs no
JavaScript, so TRS ``createPageHTML`` pages beyond the first are out of its reach (as for linkinator).

Usage: python bench/minimal_spider.py [--concurrency 8] [--timeout 5] URL [URL ...]
Prints one line of JSON: pages fetched.
"""

from __future__ import annotations

import argparse
import json
import logging
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule


def own_slot(request, response):
    """One download slot per origin (host and port), as our crawler has per agency and host."""
    request.meta["download_slot"] = urlsplit(request.url).netloc
    return request


class MinimalSpider(CrawlSpider):
    name = "minimal"

    def __init__(self, starts: list[str], *args, **kwargs):
        self.start_urls = starts
        origins = sorted({urlsplit(u).netloc for u in starts})
        self.rules = (Rule(LinkExtractor(allow=[rf"^https?://{o}/" for o in origins]), callback="page",
                           follow=True, process_request=own_slot),)
        self.pages = 0
        super().__init__(*args, **kwargs)

    def page(self, response):
        self.pages += 1
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("starts", nargs="+")
    args = parser.parse_args(argv)
    process = CrawlerProcess({
        "USER_AGENT": "minimal-scrapy-bench", "ROBOTSTXT_OBEY": True, "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "ERROR",
        "CONCURRENT_REQUESTS": 64, "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
        "AUTOTHROTTLE_ENABLED": True, "AUTOTHROTTLE_START_DELAY": 0.25,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(args.concurrency), "AUTOTHROTTLE_MAX_DELAY": 10.0,
        "DOWNLOAD_TIMEOUT": args.timeout, "RETRY_TIMES": 1, "DEPTH_PRIORITY": 1,
        "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
    })
    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").setLevel(logging.CRITICAL)
    crawler = process.create_crawler(MinimalSpider)
    process.crawl(crawler, starts=args.starts)
    process.start()
    print(json.dumps({"pages": crawler.spider.pages}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
