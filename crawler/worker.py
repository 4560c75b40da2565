"""One crawler process: ``python -m crawler.worker --db DB --run-id N --agencies FILE``.

The CLI starts one worker per ``--workers`` share of the agencies (Scrapy's reactor is single-
threaded, so processes are how a run uses every core); all write to the same SQLite store.
Exit status: 0 finished, 3 stopped early (Ctrl-C / SIGTERM), 1 crashed.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.spiders.portal import PortalSpider, load_run_agencies


def build_settings(db: str, run_id: int, overrides: dict, own_hosts: list[str],
                   jobdir: str = "") -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("GOVAUDIT_DB", db, priority="cmdline")
    settings.set("GOVAUDIT_RUN_ID", run_id, priority="cmdline")
    settings.set("GOVAUDIT_OWN_HOSTS", own_hosts, priority="cmdline")
    if jobdir:
        settings.set("JOBDIR", jobdir, priority="cmdline")
    for key, value in overrides.items():
        settings.set(key, value, priority="cmdline")
    return settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True)
    parser.add_argument("--run-id", type=int, required=True)
    parser.add_argument("--agencies", required=True, help="JSON list of agencies or an agencies file")
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--jobdir", default="")
    parser.add_argument("--settings", default="{}", help="JSON object of Scrapy setting overrides")
    parser.add_argument("--own-hosts", default="", help="comma-separated hosts configured by the user")
    args = parser.parse_args(argv)
    overrides = json.loads(args.settings)
    agencies = load_run_agencies(args.agencies)
    own_hosts = [h for h in args.own_hosts.split(",") if h]
    if not own_hosts:
        own_hosts = sorted({o.split("://", 1)[1].rsplit(":", 1)[0] for a in agencies for o in a.origins})
    settings = build_settings(args.db, args.run_id, overrides, own_hosts, args.jobdir)
    process = CrawlerProcess(settings)
    # robots.txt that cannot be fetched means "allowed" (Scrapy's behaviour); its traceback is noise.
    logging.getLogger("scrapy.downloadermiddlewares.robotstxt").setLevel(logging.CRITICAL)
    reasons: list[str] = []
    crawler = process.create_crawler(PortalSpider)

    def on_closed(spider, reason):
        reasons.append(reason)

    crawler.signals.connect(on_closed, signal=signals.spider_closed)
    process.crawl(crawler, agencies=args.agencies, run_id=args.run_id, resume=args.resume)
    process.start()
    if not reasons:
        return 1
    return 0 if reasons[-1] == "finished" else 3


if __name__ == "__main__":
    sys.exit(main())
