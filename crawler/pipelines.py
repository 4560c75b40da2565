"""Item pipeline: batched writes of crawl facts into the SQLite store.

Items are dicts with a ``_table`` key naming the store table. Rows are buffered and written in
one transaction per flush (every ``GOVAUDIT_FLUSH_ROWS`` rows or ``GOVAUDIT_FLUSH_SECONDS``), so a
page, its links and its check outcome land together; nothing is committed per item.
"""

from __future__ import annotations

import time
from collections import defaultdict

from crawler.store import SCHEMA, Store

INSERT_IGNORE_TABLES = {"columns"}


class StorePipeline:
    def __init__(self, db_path: str, flush_rows: int, flush_seconds: float):
        self.db_path = db_path
        self.flush_rows = flush_rows
        self.flush_seconds = flush_seconds
        self.buffer: dict[str, list[dict]] = defaultdict(list)
        self.pending = 0
        self.last_flush = time.monotonic()
        self.store: Store | None = None
        self.crawler = None

    @classmethod
    def from_crawler(cls, crawler):
        pipe = cls(crawler.settings.get("GOVAUDIT_DB"),
                   crawler.settings.getint("GOVAUDIT_FLUSH_ROWS", 1000),
                   crawler.settings.getfloat("GOVAUDIT_FLUSH_SECONDS", 2.0))
        pipe.crawler = crawler
        return pipe

    def open_spider(self, spider=None):
        spider = spider or getattr(self.crawler, "spider", None)
        self.db_path = getattr(spider, "db", "") or self.db_path
        self.store = Store(self.db_path)

    def process_item(self, item):
        if "_rows" in item:
            for table, rows in item["_rows"].items():
                self.buffer[table].extend(rows)
                self.pending += len(rows)
        else:
            table = item.pop("_table")
            self.buffer[table].append(item)
            self.pending += 1
        if self.pending >= self.flush_rows or time.monotonic() - self.last_flush > self.flush_seconds:
            self.flush()
        return item

    def flush(self) -> None:
        """Write every buffered row in one transaction."""
        if not self.pending or self.store is None:
            return
        db = self.store.db
        with db.conn:
            for table, rows in self.buffer.items():
                if not rows:
                    continue
                if SCHEMA[table]["pk"] is None:
                    db[table].insert_all(rows, batch_size=500)
                elif table in INSERT_IGNORE_TABLES:
                    db[table].insert_all(rows, batch_size=500, ignore=True)
                else:
                    db[table].insert_all(rows, batch_size=500, replace=True)
        self.buffer.clear()
        self.pending = 0
        self.last_flush = time.monotonic()

    def close_spider(self, spider=None):
        self.flush()
        if self.store is not None:
            self.store.close()
            self.store = None
