"""Join a distributed run: ``python cli.py worker --redis redis://HOST:6379/0`` on any machine.

The worker reads what it needs from the run the coordinator published in Redis (agencies with their
budgets, the Scrapy settings: concurrency, timeouts, robots.txt), crawls from the shared queue with
the ``portal`` spider, sends its facts to the writer through Redis, and leaves when the run ends.
Its last line states the pages it fetched: ``worker: 4,212 pages``. It needs no database and no
agencies file; the only files it writes are in a temporary folder of its own.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

from crawler.distributed import Keys, connect, new_worker_id


class NoRun(Exception):
    """No run is published in the Redis database (or it ended before the worker joined)."""


def wait_for_run(server, wait: float) -> dict[str, str]:
    """The published run description, waiting up to ``wait`` seconds for a coordinator."""
    deadline = time.monotonic() + wait
    while True:
        spec = {k.decode(): v.decode() for k, v in server.hgetall(Keys.run).items()}
        if spec.get("state") == "running":
            return spec
        if time.monotonic() >= deadline:
            state = spec.get("state") or "none"
            raise NoRun(f"no running crawl in this Redis database (last run state: {state})")
        time.sleep(0.5)


def distributed_settings(redis_url: str, worker_id: str, spec: dict[str, str]):
    """Scrapy settings of a worker: the project's, the run's overrides, the scrapy-redis parts."""
    from crawler.settings import DOWNLOADER_MIDDLEWARES, EXTENSIONS
    from crawler.worker import build_settings

    overrides = json.loads(spec.get("settings") or "{}")
    settings = build_settings("", int(spec["run_id"]), overrides,
                              [h for h in spec.get("own_hosts", "").split(",") if h])
    for key, value in {
        "SCHEDULER": "crawler.distributed.RedisScheduler",
        "SCHEDULER_QUEUE_CLASS": "crawler.distributed.ReliableQueue",
        "SCHEDULER_QUEUE_KEY": Keys.requests,
        "SCHEDULER_DUPEFILTER_KEY": Keys.dupefilter,
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # the queue is the run's, not this worker's: never flush it
        "REDIS_URL": redis_url,
        "GOVAUDIT_REDIS_URL": redis_url,
        "GOVAUDIT_WORKER_ID": worker_id,
        # Conditional re-crawls carry facts forward from the store, which only the writer has.
        "GOVAUDIT_CONDITIONAL": False,
        "ITEM_PIPELINES": {"crawler.distributed.RedisItemsPipeline": 300},
        "DOWNLOADER_MIDDLEWARES": {**DOWNLOADER_MIDDLEWARES,
                                   "crawler.hostlease.HostLeaseMiddleware": 950},
        "EXTENSIONS": {**EXTENSIONS, "crawler.distributed.DistributedWorker": 600},
    }.items():
        settings.set(key, value, priority="cmdline")
    return settings


def join_run(redis_url: str, wait: float = 60.0) -> int:
    """Crawl for the published run until it ends; returns the pages this worker fetched."""
    from scrapy.crawler import CrawlerProcess

    from crawler.spiders.portal import PortalSpider

    server = connect(redis_url)
    spec = wait_for_run(server, wait)
    worker_id = new_worker_id()
    with tempfile.TemporaryDirectory(prefix="govaudit-worker-") as tmp:
        agencies = Path(tmp) / "agencies.json"
        agencies.write_text(spec["agencies"], encoding="utf-8")
        process = CrawlerProcess(distributed_settings(redis_url, worker_id, spec))
        logging.getLogger("scrapy.downloadermiddlewares.robotstxt").setLevel(logging.CRITICAL)
        crawler = process.create_crawler(PortalSpider)
        process.crawl(crawler, agencies=str(agencies), run_id=int(spec["run_id"]))
        process.start()
    progress = getattr(crawler.spider, "progress", {}) if crawler.spider else {}
    return sum(p["pages"] for p in progress.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--redis", required=True, help="redis://HOST:PORT/DB of the run")
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for a run")
    args = parser.parse_args(argv)
    import redis
    try:
        pages = join_run(args.redis, args.wait)
    except NoRun as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except redis.ConnectionError as exc:
        print(f"error: --redis: cannot reach {args.redis} ({exc})", file=sys.stderr)
        return 2
    print(f"worker: {pages:,} pages", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
