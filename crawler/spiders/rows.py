"""Row shaping of the portal spider: the store rows (pages, link checks, documents, columns, list
items, links, probes) built from one response's facts.
"""

from __future__ import annotations

from crawler.agencies import Agency
from crawler.store import dumps, utcnow
from crawler.vocabulary import http_error

DATE_FIELDS = frozenset({"written_date", "pub_date", "effective_date", "abolished_date"})


class RowShaping:
    """Mixin of :class:`crawler.spiders.portal.PortalSpider` (uses its state)."""

    def common(self, response) -> dict:
        meta = response.meta
        redirects = list(meta.get("redirect_urls") or [])
        return {
            "run_id": self.run_id, "agency": meta["agency"], "url": meta["target"],
            "final_url": response.url, "redirects": dumps(redirects + [response.url]) if redirects else "",
            "status": response.status,
            "content_type": (response.headers.get(b"Content-Type") or b"").decode("latin-1")[:100],
            "elapsed": round(meta.get("download_latency") or 0.0, 4),
        }

    def link_check(self, base: dict, verdict: str, reason: str, scope_kind: str, method: str = "GET",
                   error: str = "") -> dict:
        self.progress[base["agency"]]["done"] += 1
        if verdict == "broken":
            self.progress[base["agency"]]["errors"] += 1
        return {"_table": "link_checks", "run_id": self.run_id, "agency": base["agency"],
                "url": base["url"], "final_url": base.get("final_url", ""),
                "redirects": base.get("redirects", ""), "status": base.get("status"),
                "error": error, "verdict": verdict, "reason": reason, "scope": scope_kind,
                "content_type": base.get("content_type", ""), "method": method,
                "elapsed": base.get("elapsed"), "checked_at": utcnow()}

    def record_facts(self, agency: Agency, page_url: str, requested: str, facts: dict,
                     is_home: bool):
        """Documents, columns and list items of one page."""
        run_agency = {"run_id": self.run_id, "agency": agency.id}
        column = facts.get("column")
        items = facts.get("items") or []
        column_url = column.get("url") if column else ""
        if is_home:
            column_url = requested
        if column and not is_home:
            yield {"_table": "columns", **run_agency, "url": column_url,
                   "name": column.get("name") or "", "name_source": column.get("name_source") or "",
                   "column_type": column.get("column_type") or "other",
                   "type_source": column.get("type_source") or "",
                   "items": len(items), "blank": int(bool(column.get("blank"))),
                   "blank_text": column.get("blank_text") or "", "pages": 1, "seen_on": page_url,
                   "unreadable": int(bool(column.get("unreadable"))),
                   "unreadable_reason": column.get("unreadable_reason") or ""}
        if column_url:
            for position, item in enumerate(items):
                yield {"_table": "list_items", **run_agency, "column_url": column_url,
                       "url": item.get("url") or "", "title": (item.get("title") or "")[:300],
                       "date": item.get("date"), "page_url": requested, "position": position}
        document = facts.get("document")
        if document and not is_home:
            fields = document.get("fields") or {}

            def value(name: str) -> str:
                """A field's value; for date fields only a real date (「成文日期：不详」 is no date)."""
                entry = fields.get(name) or {}
                if name in DATE_FIELDS:
                    return entry.get("date") or ""
                return entry.get("value") or ""

            yield {"_table": "documents", **run_agency, "url": requested,
                   "title": value("title") or facts.get("title") or "", "column_url": "",
                   "index_no": value("index_no"), "issuer": value("issuer"),
                   "doc_number": value("doc_number"), "written_date": value("written_date"),
                   "pub_date": value("pub_date"), "effective_date": value("effective_date"),
                   "validity": value("validity"), "abolished_date": value("abolished_date"),
                   "has_metadata_block": int(bool(document.get("has_metadata_block"))),
                   "downloads": dumps(document.get("downloads") or []), "fields": dumps(fields)}

    def probe_row(self, agency: Agency, base: dict, ok: bool, error: str) -> dict:
        """The crawl's home-page fetch counts as one availability probe (站点无法访问)."""
        return {"_table": "probes", "agency": agency.id, "url": agency.url, "at": utcnow(),
                "ok": int(ok), "status": base.get("status"), "elapsed": base.get("elapsed"),
                "error": error or ("" if ok else http_error(base.get("status") or 0)), "origin": "crawl",
                "run_id": self.run_id}
