"""A crawl on several machines: scrapy-redis components and the worker's side of a distributed run.

A run's shared state lives in one Redis database under the ``govaudit:`` prefix (:class:`Keys`):
the run description the coordinator published (agencies, Scrapy settings), the scrapy-redis request
queue, each worker's in-flight requests, the frontier (URLs seen, pattern and page counts per
agency), per-host leases and the list of items on their way to the one writer that owns the SQLite
store (``crawler.coordinator``).

* :class:`ReliableQueue` — scrapy-redis's priority queue, but a pop moves the request into the
  worker's in-flight hash in the same Lua script, and the request leaves it only when its callback's
  item (rows + ``_ack``) is pushed (:class:`RedisItemsPipeline`, one MULTI). A worker killed with
  ``kill -9`` leaves its in-flight hash behind; the coordinator re-queues it (:func:`requeue`) once the
  worker's heartbeat key expires. A re-queued request is marked ``_replay`` so that its callback
  schedules its links again even though the frontier has seen them (the dead worker may have marked
  them without queueing them); the writer keeps the first row per key, so a replay changes nothing.
* :class:`RedisFrontier` — the spider's frontier in Redis (``SADD`` per agency, pipelined per page).
* :class:`crawler.hostlease.HostLeaseMiddleware` — per-host (download slot) concurrency across all
  workers together: a request takes one of ``CONCURRENT_REQUESTS_PER_DOMAIN`` leases (a sorted set
  with expiry, so a dead worker's leases run out) before it reaches Scrapy's own slot, and gives it
  back on the answer.
* :class:`DistributedWorker` — heartbeat, keeps an idle worker waiting while the run goes on, stops it
  when the coordinator says the run ended.

scrapy-redis 0.9.1 with Scrapy 2.19: its ``Scheduler`` passes Scrapy's structural scheduler check
and works; :class:`RedisScheduler` only drops two calls Scrapy deprecates. Its default dupefilter
would build Scrapy's ``BaseDupeFilter`` through the ``from_settings`` Scrapy removed, so the run sets
scrapy-redis's own ``RFPDupeFilter`` (unused in practice: every request of the spider is
``dont_filter``, de-duplication is the frontier's); ``RedisPipeline.process_item(item, spider)``
returns a thread Deferred, which Scrapy 2.19 deprecates, so :class:`RedisItemsPipeline` overrides
it with the spider-less signature.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import socket
import uuid
from collections.abc import Iterable

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.misc import load_object
from scrapy_redis.pipelines import RedisPipeline
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

PREFIX = "govaudit"


class Keys:
    """Names of a run's Redis keys."""

    run = f"{PREFIX}:run"                  # hash: run_id, agencies, settings, own_hosts, state
    requests = f"{PREFIX}:requests"        # scrapy-redis priority queue (sorted set)
    dupefilter = f"{PREFIX}:dupefilter"    # scrapy-redis RFPDupeFilter (unused: dont_filter)
    items = f"{PREFIX}:items"              # list of JSON items for the writer
    workers = f"{PREFIX}:workers"          # set of worker ids that joined
    requeued = f"{PREFIX}:requeued"        # set of request payloads re-queued from dead workers
    coordinator = f"{PREFIX}:coordinator"  # the coordinator's heartbeat (expires)
    pages = f"{PREFIX}:pages"              # hash agency -> page requests (budget)
    fetched = f"{PREFIX}:fetched"          # hash worker -> pages fetched

    @staticmethod
    def inflight(worker: str) -> str:
        return f"{PREFIX}:inflight:{worker}"

    @staticmethod
    def started(worker: str) -> str:
        return f"{PREFIX}:started:{worker}"

    @staticmethod
    def alive(worker: str) -> str:
        return f"{PREFIX}:alive:{worker}"

    @staticmethod
    def seen(agency_id: str) -> str:
        return f"{PREFIX}:seen:{agency_id}"

    @staticmethod
    def patterns(agency_id: str) -> str:
        return f"{PREFIX}:patterns:{agency_id}"

    @staticmethod
    def lease(slot: str) -> str:
        return f"{PREFIX}:lease:{slot}"


def connect(url: str) -> redis.Redis:
    """A client for ``redis://HOST:PORT/DB`` (bytes replies; the queue holds pickles)."""
    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10,
                                retry_on_timeout=True)


def new_worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


def worker_of(token: str) -> str:
    """The worker id inside an in-flight token ``<worker>#<n>``."""
    return token.rsplit("#", 1)[0]


# Pop the best request and record it as in flight, atomically (a kill between the two would lose it).
POP_SCRIPT = """
local r = redis.call('ZPOPMIN', KEYS[1])
if not r[1] then return nil end
redis.call('HSET', KEYS[2], ARGV[1], r[2] .. '\\n' .. r[1])
return {r[1], redis.call('SREM', KEYS[3], r[1])}
"""

# Put every in-flight request of a worker back in the queue; those whose callback had started
# (it may have marked links seen without queueing them) are marked as replayed.
REQUEUE_SCRIPT = """
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local v = all[i + 1]
  local sep = string.find(v, '\\n', 1, true)
  local data = string.sub(v, sep + 1)
  redis.call('ZADD', KEYS[2], tonumber(string.sub(v, 1, sep - 1)), data)
  if redis.call('SISMEMBER', KEYS[4], all[i]) == 1 then redis.call('SADD', KEYS[3], data) end
end
redis.call('DEL', KEYS[1], KEYS[4])
local prefix = ARGV[1] .. '#'
for _, key in ipairs(redis.call('KEYS', ARGV[2] .. ':lease:*')) do
  for _, token in ipairs(redis.call('ZRANGE', key, 0, -1)) do
    if string.sub(token, 1, #prefix) == prefix then redis.call('ZREM', key, token) end
  end
end
return #all / 2
"""

def requeue(server: redis.Redis, worker: str) -> int:
    """Re-queue a (dead or departed) worker's in-flight requests and drop its host leases;
    returns how many requests."""
    return int(server.eval(REQUEUE_SCRIPT, 4, Keys.inflight(worker), Keys.requests, Keys.requeued,
                           Keys.started(worker), worker, PREFIX))


class ReliableQueue(PriorityQueue):
    """scrapy-redis's priority queue with an in-flight hash per worker (see the module docstring)."""

    def __init__(self, server, spider, key, serializer=None):
        super().__init__(server, spider, key, serializer)
        self.worker = spider.settings.get("GOVAUDIT_WORKER_ID") or new_worker_id()
        self.counter = itertools.count(1)
        self.pop_script = server.register_script(POP_SCRIPT)

    def push(self, request):
        token = request.meta.pop("_inflight", None)  # a retry or redirect of a popped request
        data = self._encode_request(request)
        pipe = self.server.pipeline()
        pipe.zadd(self.key, {data: -request.priority})
        if token:
            pipe.hdel(Keys.inflight(worker_of(token)), token)
        pipe.execute()

    def pop(self, timeout=0):
        token = f"{self.worker}#{next(self.counter)}"
        found = self.pop_script(keys=[self.key, Keys.inflight(self.worker), Keys.requeued],
                                args=[token])
        if not found:
            return None
        request = self._decode_request(found[0])
        request.meta["_inflight"] = token
        if found[1]:
            request.meta["_replay"] = True
        return request


class RedisScheduler(Scheduler):
    """scrapy-redis's scheduler without the calls Scrapy 2.19 deprecates (``Spider.log``, the
    ``spider`` argument of ``StatsCollector.inc_value``); behaviour unchanged."""

    def open(self, spider):
        self.spider = spider
        self.queue = load_object(self.queue_cls)(server=self.server, spider=spider,
                                                 key=self.queue_key, serializer=self.serializer)
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if self.flush_on_start:
            self.flush()

    def enqueue_request(self, request):
        if not request.dont_filter and self.df.request_seen(request):
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self):
        request = self.queue.pop(self.idle_before_close)
        if request and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request


class RedisFrontier:
    """The spider's frontier shared by every worker (see crawler.frontier for the interface)."""

    def __init__(self, server: redis.Redis):
        self.server = server
        self.replaying = False
        self.answers: dict[tuple[str, str], bool] = {}

    @classmethod
    def from_settings(cls, settings) -> RedisFrontier:
        return cls(connect(settings.get("GOVAUDIT_REDIS_URL")))

    def begin(self, token: str) -> None:
        """The callback of in-flight request ``token`` starts: a re-queue must replay it."""
        self.server.sadd(Keys.started(worker_of(token)), token)

    def prepare(self, agency_id: str, keys: Iterable[str]) -> None:
        """Mark a page's link targets seen in one round trip; ``add`` then answers from memory."""
        keys = [k for k in dict.fromkeys(keys) if (agency_id, k) not in self.answers]
        if not keys:
            return
        pipe = self.server.pipeline(transaction=False)
        for key in keys:
            pipe.sadd(Keys.seen(agency_id), key)
        for key, added in zip(keys, pipe.execute(), strict=True):
            self.answers[(agency_id, key)] = bool(added) or self.replaying

    def add(self, agency_id: str, key: str) -> bool:
        answer = self.answers.pop((agency_id, key), None)
        if answer is None:
            answer = bool(self.server.sadd(Keys.seen(agency_id), key))
        return answer or self.replaying

    def size(self, agency_id: str) -> int:
        return int(self.server.scard(Keys.seen(agency_id)))

    def count_pattern(self, agency_id: str, pattern: str) -> int:
        return int(self.server.hincrby(Keys.patterns(agency_id), pattern, 1))

    def count_page(self, agency_id: str) -> None:
        self.server.hincrby(Keys.pages, agency_id, 1)

    def pages(self, agency_id: str) -> int:
        return int(self.server.hget(Keys.pages, agency_id) or 0)


def encode_item(item: dict) -> str:
    """JSON of an item; ``bytes`` values (raw evidence) travel as ``{"$b64": …}``."""
    def default(value):
        if isinstance(value, (bytes, bytearray)):
            return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
    return json.dumps(item, ensure_ascii=False, default=default)


def decode_item(data: bytes | str) -> dict:
    """The inverse of :func:`encode_item` (the writer's side)."""
    def hook(obj: dict):
        if len(obj) == 1 and "$b64" in obj:
            return base64.b64decode(obj["$b64"])
        return obj
    return json.loads(data, object_hook=hook)


class RedisItemsPipeline(RedisPipeline):
    """Push each callback's item to the writer's list and acknowledge its request, atomically."""

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("GOVAUDIT_REDIS_URL"):
            raise NotConfigured
        return cls(connect(crawler.settings.get("GOVAUDIT_REDIS_URL")), key=Keys.items,
                   serialize_func=encode_item)

    def process_item(self, item):
        ack = item.pop("_ack", None)
        pipe = self.server.pipeline()
        if item.get("_rows"):
            pipe.rpush(self.key, self.serialize(item))
        if ack:
            pipe.hdel(Keys.inflight(worker_of(ack)), ack)
            pipe.srem(Keys.started(worker_of(ack)), ack)
        pipe.execute()
        return item


class DistributedWorker:
    """Heartbeat; wait while the run is on; leave when the coordinator ends it."""

    HEARTBEAT = 1.0
    ALIVE_FOR = 6  # seconds without a heartbeat before the coordinator re-queues our requests

    def __init__(self, crawler, server: redis.Redis, worker: str):
        self.crawler = crawler
        self.server = server
        self.worker = worker
        self.loop = None
        self.stopping = False
        self.unreachable = 0

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("GOVAUDIT_REDIS_URL"):
            raise NotConfigured
        ext = cls(crawler, connect(crawler.settings.get("GOVAUDIT_REDIS_URL")),
                  crawler.settings.get("GOVAUDIT_WORKER_ID"))
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.error, signal=signals.spider_error)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def state(self) -> str:
        return (self.server.hget(Keys.run, "state") or b"").decode()

    def opened(self, spider):
        from twisted.internet import task
        self.server.sadd(Keys.workers, self.worker)
        self.beat()
        self.loop = task.LoopingCall(self.beat)
        self.loop.start(self.HEARTBEAT, now=False)

    def beat(self) -> None:
        try:
            self.server.set(Keys.alive(self.worker), "1", ex=self.ALIVE_FOR)
            self.server.sadd(Keys.workers, self.worker)
            pages = sum(p["pages"] for p in getattr(self.crawler.spider, "progress", {}).values())
            self.server.hset(Keys.fetched, self.worker, pages)
            ended = self.state() in ("aborted", "") or not self.server.exists(Keys.coordinator)
            self.unreachable = 0
        except redis.ConnectionError:
            self.unreachable += 1
            ended = self.unreachable * self.HEARTBEAT >= 15
        if ended and not self.stopping:
            # The coordinator ended or aborted the run (Ctrl-C there), or is gone: stop, even mid-crawl.
            from scrapy.utils.defer import deferred_from_coro
            self.stopping = True
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="run-ended"))

    def idle(self, spider):
        if self.state() == "running":
            from twisted.internet import reactor
            # Scrapy polls an idle scheduler only every 5 s; other workers fill the queue sooner.
            reactor.callLater(0.05, self.wake)
            raise DontCloseSpider

    def wake(self) -> None:
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    def error(self, failure, response, spider):
        """A callback that raised still acknowledges its request (its rows so far are lost, as on
        one machine), so the run can drain."""
        token = response.request.meta.get("_inflight") if response.request is not None else None
        if token:
            self.server.hdel(Keys.inflight(self.worker), token)
            self.server.srem(Keys.started(self.worker), token)

    def closed(self, spider, reason):
        if self.loop and self.loop.running:
            self.loop.stop()
        try:
            requeue(self.server, self.worker)  # a worker stopped early gives its requests back
            self.server.delete(Keys.alive(self.worker))
        except redis.ConnectionError:
            pass
