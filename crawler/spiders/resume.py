"""Resume and carry-forward of the portal spider: the frontier of an interrupted run, and re-using the
previous run's rows for pages answered 304 Not Modified.
"""

from __future__ import annotations

from collections import defaultdict

import scrapy

from crawler.agencies import Agency
from crawler.run import carry_forward_rows
from crawler.spiders.request_policy import proxy_key
from crawler.store import Store, loads


class Resume:
    """Mixin of :class:`crawler.spiders.portal.PortalSpider` (uses its state)."""

    def resume_frontier(self) -> dict[str, list[scrapy.Request]]:
        """Rebuild what is left to do from the store: targets of stored links without an outcome.

        Works after a graceful stop and after ``kill -9`` alike: the store is the source of truth,
        so no request popped from a queue but never answered is lost.
        """
        store = Store(self.db)
        pending: dict[str, list[scrapy.Request]] = defaultdict(list)
        carry_forward_rows(store, self.run_id)
        try:
            for agency in self.agencies.values():
                done = {r["url"] for r in store.query(
                    "select url from link_checks where run_id=? and agency=?", [self.run_id, agency.id])}
                pages = {r["url"]: r for r in store.query(
                    "select url, depth, facts from pages where run_id=? and agency=? and error = ''",
                    [self.run_id, agency.id])}
                for url in done:
                    self.mark(agency.id, url)
                self.progress[agency.id]["done"] = len(done)
                self.progress[agency.id]["pages"] = len(pages)
                self.progress[agency.id]["page_requests"] = len(pages)
                if agency.url not in done:
                    pending[agency.id].append(self.page_request(agency.id, agency.url, 0, True))
                    continue
                pending.setdefault(agency.id, [])
                for row in store.query(
                        "select l.source, l.target, l.tag, l.scope from links l where l.run_id=? and "
                        "l.agency=? and l.scope != 'special' and l.target not in "
                        "(select url from link_checks where run_id=? and agency=?)",
                        [self.run_id, agency.id, self.run_id, agency.id]):
                    depth = (pages.get(row["source"]) or {}).get("depth", 0) + 1
                    pending[agency.id].extend(self.schedule(
                        agency, row["target"], row["tag"], row["scope"], depth, row["source"], ""))
                for url, page in pages.items():
                    for spec in (loads(page.get("facts"), {}) or {}).get("requests") or []:
                        if self.mark(agency.id, proxy_key(spec)):
                            pending[agency.id].append(
                                self.proxy_request(agency.id, spec, page.get("depth") or 0, url))
        finally:
            store.close()
        return pending

    def carry_forward(self, agency: Agency, base: dict, page: dict, prev_run: int, depth: int,
                      is_home: bool):
        """A 304 answer: the page is as it was in ``prev_run``. Record it as carried from that run
        (its links, documents, list items and columns are copied in bulk by
        :func:`crawler.run.carry_forward_rows`), then follow its stored links."""
        store = self.prev_store()
        url = base["url"]
        args = [prev_run, agency.id, url]
        old = list(store.query("select * from pages where run_id=? and agency=? and url=?", args))
        if not old:
            return
        self.progress[agency.id]["pages"] += 1
        yield {**old[0], **{k: v for k, v in page.items() if k in ("fetched_at", "elapsed", "depth")},
               "_table": "pages", "run_id": self.run_id, "not_modified": 1, "status": 200,
               "carried_from": prev_run}
        previous = list(store.query("select verdict, reason from link_checks where run_id=? and agency=? "
                                    "and url=?", args))
        verdict, reason = (previous[0]["verdict"], previous[0]["reason"]) if previous else ("ok", "")
        yield self.link_check({**base, "status": 200}, verdict, reason, "internal", error="")
        if verdict != "ok":
            return
        facts = loads(old[0].get("facts"), {}) or {}
        for spec in facts.get("requests") or []:
            if self.mark(agency.id, proxy_key(spec)):
                yield self.proxy_request(agency.id, spec, depth, url)
        for edge in store.query("select target, tag, scope from links where run_id=? and agency=? "
                                "and source=?", args):
            yield from self.schedule(agency, edge["target"], edge["tag"], edge["scope"], depth + 1,
                                     url, "")

    def prev_store(self) -> Store:
        """A read connection to the store (for carrying facts forward), opened once."""
        if getattr(self, "_prev_store", None) is None:
            self._prev_store = Store(self.db)
        return self._prev_store
