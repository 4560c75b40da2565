"""Per-host politeness across the workers of a distributed run (see crawler.distributed).

A request takes one of ``CONCURRENT_REQUESTS_PER_DOMAIN`` leases of its download slot (agency and
host, as the spider's slots) in Redis before it reaches Scrapy's own slot, and gives it back on the
answer, so a host never sees more than that many requests at once from all workers together. A lease
is a member of a sorted set scored by its expiry, so a dead worker's leases run out; the coordinator
also drops them when it re-queues the worker's requests.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict, deque

import redis
from scrapy.exceptions import NotConfigured
from scrapy.utils.httpobj import urlparse_cached

from crawler.distributed import Keys, connect

# Take a lease on a download slot if fewer than ARGV[1] are held; expired leases are dropped first.
LEASE_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
  return 1
end
return 0
"""



class HostLeaseMiddleware:
    """At most ``CONCURRENT_REQUESTS_PER_DOMAIN`` requests per download slot across all workers.

    Requests of this worker waiting for a slot queue locally (first come, first served); one poller
    per contended slot asks Redis every few milliseconds, and a lease given back is offered to the
    next local waiter at once, so a busy slot costs two Redis calls per request, not a poll each.
    """

    POLL = 0.004

    def __init__(self, server: redis.Redis, worker: str, limit: int, ttl: float):
        self.server = server
        self.worker = worker
        self.limit = limit
        self.ttl = ttl
        self.counter = itertools.count(1)
        self.script = server.register_script(LEASE_SCRIPT)
        self.waiters: dict[str, deque] = defaultdict(deque)
        self.polling: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.get("GOVAUDIT_REDIS_URL"):
            raise NotConfigured
        limit = settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        # A lease outlives the longest a request can hold it: waiting out the slot's delays, the
        # download timeout. Expiry is the last resort: the coordinator drops a dead worker's leases.
        ttl = (settings.getfloat("DOWNLOAD_TIMEOUT") + limit * settings.getfloat("AUTOTHROTTLE_MAX_DELAY")
               + 30)
        return cls(connect(settings.get("GOVAUDIT_REDIS_URL")), settings.get("GOVAUDIT_WORKER_ID"),
                   limit, ttl)

    def take(self, slot: str, token: str) -> bool:
        return bool(self.script(keys=[Keys.lease(slot)], args=[self.limit, token, self.ttl]))

    async def process_request(self, request):
        slot = request.meta.get("download_slot") or urlparse_cached(request).hostname or ""
        token = f"{self.worker}#{next(self.counter)}"
        if self.waiters[slot] or not self.take(slot, token):
            granted = asyncio.get_running_loop().create_future()
            self.waiters[slot].append((granted, token))
            if slot not in self.polling:
                self.polling.add(slot)
                asyncio.ensure_future(self.poll(slot))
            await granted
        request.meta["_lease"] = (slot, token)
        return None

    def grant(self, slot: str) -> bool:
        """Give a lease to the first local waiter of ``slot`` if Redis has one free."""
        queue = self.waiters[slot]
        if queue and self.take(slot, queue[0][1]):
            granted, _ = queue.popleft()
            if not granted.done():
                granted.set_result(None)
            return True
        return False

    async def poll(self, slot: str) -> None:
        try:
            while self.waiters[slot]:
                if not self.grant(slot):
                    await asyncio.sleep(self.POLL)
        finally:
            self.polling.discard(slot)

    def release(self, request) -> None:
        lease = request.meta.pop("_lease", None)
        if lease:
            self.server.zrem(Keys.lease(lease[0]), lease[1])
            self.grant(lease[0])

    def process_response(self, request, response):
        self.release(request)
        return response

    def process_exception(self, request, exception):
        self.release(request)
        return None
