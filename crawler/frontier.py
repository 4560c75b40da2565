"""What a crawl has already seen and counted, per agency: the spider's only crawl-wide state.

The ``portal`` spider asks a frontier three things: is this URL new for the agency (``add``), how
many URLs of one shape were met (``count_pattern``, the trap guard) and how many page requests the
agency has used (``pages``, the budget). :class:`LocalFrontier` keeps the answers in the process;
:class:`crawler.distributed.RedisFrontier` keeps them in Redis so every worker of a distributed run
shares them. ``prepare`` lets a frontier answer a whole page's links in one round trip.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable


class LocalFrontier:
    """One process's frontier (the single-machine crawl and ``--workers`` processes)."""

    replaying = False

    def __init__(self, progress: dict[str, dict[str, int]]):
        self.progress = progress
        self.seen: dict[str, set[str]] = defaultdict(set)
        self.patterns: dict[str, Counter] = defaultdict(Counter)

    def begin(self, token: str) -> None:
        """A distributed frontier records that a request's callback started; nothing here."""

    def prepare(self, agency_id: str, keys: Iterable[str]) -> None:
        """Nothing to fetch ahead: answers are local."""

    def add(self, agency_id: str, key: str) -> bool:
        """True the first time ``key`` (a :func:`crawler.urls.dedup_key`) is seen for the agency."""
        seen = self.seen[agency_id]
        if key in seen:
            return False
        seen.add(key)
        return True

    def size(self, agency_id: str) -> int:
        return len(self.seen[agency_id])

    def count_pattern(self, agency_id: str, pattern: str) -> int:
        """Count one more URL of ``pattern``; return the count so far."""
        self.patterns[agency_id][pattern] += 1
        return self.patterns[agency_id][pattern]

    def count_page(self, agency_id: str) -> None:
        """One more page request (counted in the spider's own progress here)."""

    def pages(self, agency_id: str) -> int:
        """Page requests the agency has used of its budget."""
        return self.progress[agency_id]["page_requests"]
