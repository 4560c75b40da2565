"""The coordinator of a distributed run: ``cli.py crawl … --redis redis://HOST:6379/0``.

It publishes the run in Redis (agencies, budgets, Scrapy settings: what ``cli.py worker`` reads),
seeds the shared queue with every agency's home page, starts ``--workers`` local workers and is the
one writer that owns the SQLite store: items come from the workers through a Redis list and are
written in batches, the first row per key kept (a request replayed after a worker was killed yields
the same rows again). Every second it re-queues the in-flight requests of workers whose heartbeat
expired and checks whether the run is drained — queue, in-flight hashes and item list all empty,
read in one atomic script — then tells the workers to leave, finalises the run and returns.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from scrapy_redis import picklecompat

from crawler.agencies import Agency
from crawler.distributed import PREFIX, Keys, RedisFrontier, connect, decode_item, requeue
from crawler.store import SCHEMA, Store, utcnow

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FLUSH_ROWS = 2000
FLUSH_SECONDS = 1.0

# Outstanding work of the run: queued + in flight (every worker) + items not yet taken by the writer.
OUTSTANDING_SCRIPT = f"""
local n = redis.call('ZCARD', '{Keys.requests}') + redis.call('LLEN', '{Keys.items}')
for _, key in ipairs(redis.call('KEYS', '{PREFIX}:inflight:*')) do
  n = n + redis.call('HLEN', key)
end
return n
"""


class DistributedError(Exception):
    """Redis unreachable or busy with another run: a one-line message for the CLI."""


class StoreWriter:
    """Buffered writes of workers' rows; the first row per primary key wins (replays are no-ops)."""

    def __init__(self, store: Store):
        self.store = store
        self.buffer: dict[str, list[dict]] = defaultdict(list)
        self.pending = 0
        self.pages = 0
        self.last_flush = time.monotonic()

    def add(self, rows: dict[str, list[dict]]) -> None:
        for table, table_rows in rows.items():
            self.buffer[table].extend(table_rows)
            self.pending += len(table_rows)
            if table == "pages":
                self.pages += len(table_rows)
        if self.pending >= FLUSH_ROWS or time.monotonic() - self.last_flush > FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            db = self.store.db
            with db.conn:
                for table, rows in self.buffer.items():
                    if rows and SCHEMA[table]["pk"] is None:
                        db[table].insert_all(rows, batch_size=500)
                    elif rows:
                        db[table].insert_all(rows, batch_size=500, ignore=True)
        self.buffer.clear()
        self.pending = 0
        self.last_flush = time.monotonic()


def say(line: str) -> None:
    """A progress line on stderr (as the crawl's own progress lines)."""
    print(line, file=sys.stderr, flush=True)


def open_redis(url: str):
    import redis
    server = connect(url)
    try:
        server.ping()
    except redis.RedisError as exc:
        raise DistributedError(f"--redis: cannot reach {url} ({exc})") from None
    if server.exists(Keys.coordinator):
        raise DistributedError(f"--redis: {url} is in use by another running crawl")
    return server


def publish(server, run_id: int, agencies: list[Agency], scrapy_settings: dict, jobdir: Path) -> None:
    """Clear the previous run's keys, describe this run, seed every agency's home page."""
    from crawler.spiders.portal import PortalSpider

    stale = list(server.scan_iter(match=f"{PREFIX}:*", count=1000))
    if stale:
        server.delete(*stale)
    own_hosts = sorted({o.split("://", 1)[1].rsplit(":", 1)[0] for a in agencies for o in a.origins})
    spec_file = jobdir / "agencies.json"
    spec_file.write_text(json.dumps([a.to_dict() for a in agencies], ensure_ascii=False), encoding="utf-8")
    spider = PortalSpider(agencies=str(spec_file), run_id=run_id)
    spider.frontier = RedisFrontier(server)
    pipe = server.pipeline()
    for agency in agencies:
        request = spider.page_request(agency.id, agency.url, depth=0, is_home=True)
        pipe.zadd(Keys.requests, {picklecompat.dumps(request.to_dict(spider=spider)): -request.priority})
    pipe.hset(Keys.run, mapping={
        "run_id": run_id, "agencies": spec_file.read_text(encoding="utf-8"),
        "settings": json.dumps(scrapy_settings), "own_hosts": ",".join(own_hosts),
        "state": "running", "started_at": utcnow()})
    pipe.set(Keys.coordinator, os.getpid(), ex=15)
    pipe.execute()


def take_items(server, writer: StoreWriter, batch: int = 500) -> int:
    pipe = server.pipeline()
    pipe.lrange(Keys.items, 0, batch - 1)
    pipe.ltrim(Keys.items, batch, -1)
    raw, _ = pipe.execute()
    for data in raw:
        writer.add(decode_item(data)["_rows"])
    return len(raw)


def reap_dead_workers(server) -> int:
    """Re-queue the in-flight requests of every worker whose heartbeat expired."""
    moved = 0
    for worker in server.smembers(Keys.workers):
        worker = worker.decode()
        if not server.exists(Keys.alive(worker)):
            count = requeue(server, worker)
            server.srem(Keys.workers, worker)
            say(f"工作进程 {worker} 失联: {count} 个请求重新排队")
            moved += count
    return moved


def alive_workers(server) -> int:
    return sum(1 for w in server.smembers(Keys.workers) if server.exists(Keys.alive(w.decode())))


def start_local_workers(url: str, count: int, quiet: bool) -> list[subprocess.Popen]:
    """``count`` times ``cli.py worker`` — the same command other machines run."""
    cmd = [sys.executable, str(PROJECT_ROOT / "cli.py"), "worker", "--redis", url, "--wait", "30"]
    out = subprocess.DEVNULL if quiet else None
    return [subprocess.Popen(cmd, start_new_session=True, stdout=out) for _ in range(count)]


def run_distributed(store: Store, run_id: int, agencies: list[Agency], workers: int,
                    scrapy_settings: dict, redis_url: str, quiet: bool = False) -> str:
    """Drive a distributed run to its end; returns the run status (completed/interrupted/failed)."""
    from crawler.run import finalize

    server = open_redis(redis_url)
    jobdir = Path(f"{Path(store.path).resolve()}.jobs") / f"run-{run_id}"
    jobdir.mkdir(parents=True, exist_ok=True)
    store.set_run(run_id, status="running", jobdir=str(jobdir))
    publish(server, run_id, agencies, scrapy_settings, jobdir)
    procs = start_local_workers(redis_url, workers, quiet)
    writer = StoreWriter(store)
    outstanding = server.register_script(OUTSTANDING_SCRIPT)
    started = last_beat = last_line = time.monotonic()
    orphaned_since = None
    status = "completed"
    try:
        while True:
            if take_items(server, writer):
                continue
            writer.flush()
            now = time.monotonic()
            if now - last_beat >= 1.0:
                last_beat = now
                server.set(Keys.coordinator, os.getpid(), ex=15)
                reap_dead_workers(server)
            left = int(outstanding())
            if left == 0:
                break
            if all(p.poll() is not None for p in procs) and not alive_workers(server):
                orphaned_since = orphaned_since or now
                if now - orphaned_since > 15:  # no worker anywhere: nobody will finish the run
                    status = "failed" if any(p.returncode not in (0, None) for p in procs) else "interrupted"
                    break
            else:
                orphaned_since = None
            if not quiet and now - last_line >= 5.0:
                last_line = now
                say(f"[分布式 {now - started:4.0f}s] 已写入页面 {writer.pages} 待处理 {left} "
                    f"工作进程 {alive_workers(server)}")
            time.sleep(0.05)
    except KeyboardInterrupt:
        status = "interrupted"
    server.hset(Keys.run, "state", "done" if status == "completed" else "aborted")
    deadline = time.monotonic() + 30
    for proc in procs:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)
            proc.wait()
    while take_items(server, writer):
        pass
    writer.flush()
    finalize(store, run_id)
    store.set_run(run_id, status=status, finished_at=utcnow())
    leftovers = [k for k in server.scan_iter(match=f"{PREFIX}:*", count=1000) if k != Keys.run.encode()]
    if leftovers:
        server.delete(*leftovers)
    return status
