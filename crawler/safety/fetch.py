"""The crawl side of content safety: what the ``portal`` spider fetches and records for it.

Three additions to the crawl, all facts (judging is in ``checks/safety/``):

* **Pages**: :meth:`SafetyFetcher.page_rows` reads each in-scope HTML page once more for the
  privacy scan (masked hits only), its hidden links, and its visible text with personal numbers
  masked (``page_texts``, what ``wording-error`` judges).
* **Attachments**: an in-scope link to a document (``pdf doc docx wps xls xlsx et csv txt ofd zip
  rar 7z``) is fetched with a GET that keeps the body up to ``GOVAUDIT_ATTACHMENT_MAX_BYTES``
  (default 20 MB) instead of the headers-only check. Its link outcome is recorded as before, plus
  error class ``not-a-document`` when a 200 answer is an HTML page or bytes whose signature does
  not match the extension; the text is read for personal numbers (in Twisted's thread pool, so
  the crawl's other downloads go on meanwhile) and then dropped — only the
  ``attachments`` row and masked ``privacy_hits`` are stored. A body over the cap is cut there
  (its first bytes still give the signature) and listed as ``too-large``, not scanned.
* **External pages**: an external ``<a>``/``<area>``/``<iframe>`` target is fetched with a GET
  whose body is cut at ``GOVAUDIT_EXTERNAL_BODY_BYTES`` (default 256 KB; non-HTML answers stop at
  the headers) instead of the headers-only check; its title and masked visible text go to
  ``external_pages`` for ``external-link-hijacked``.

``GOVAUDIT_SAFETY = False`` turns all three off (links are then checked headers-only as before).
"""

from __future__ import annotations

import time
import zlib

import scrapy
from scrapy import signals
from scrapy.exceptions import StopDownload

from crawler.extract.page import parse_html
from crawler.outcomes import http_verdict
from crawler.safety import attachments as attachment_text
from crawler.safety.hidden import hidden_links
from crawler.safety.markers import registrable_domain
from crawler.safety import schema  # noqa: F401  (registers the safety tables)
from crawler.safety.privacy import mask_numbers, summarize
from crawler.safety.signatures import mismatch, signature
from crawler.safety.text import visible_blocks
from crawler.store import dumps, utcnow
from crawler.urls import extension

FETCHED_EXTENSIONS = frozenset("pdf doc docx wps xls xlsx et csv txt ofd zip rar 7z".split())
PAGE_TAGS = frozenset({"a", "area", "iframe", "frame"})
HTML_TYPES = (b"text/html", b"application/xhtml")
DEFAULT_EXTERNAL_BYTES = 256 * 1024
MAX_TEXT_CHARS = 200_000
EXTERNAL_TEXT_CHARS = 20_000


def compress(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def decompress(blob: bytes | None) -> str:
    """Text of a ``text_z`` column ('' for NULL)."""
    return zlib.decompress(blob).decode("utf-8") if blob else ""


def masked_text(blocks) -> str:
    """The blocks' text joined by lines, every personal number masked."""
    return mask_numbers("\n".join(b.text for b in blocks))[:MAX_TEXT_CHARS]


def scan_attachment(body: bytes, ext: str, truncated: bool) -> tuple:
    """``(status, reason, segments, chars, privacy summary, ms)`` of one attachment body (pure;
    runs in a worker thread during the crawl)."""
    started = time.perf_counter()
    status, reason, blocks = attachment_text.extract_blocks(body, ext, truncated)
    hits = summarize(blocks)
    return (status, reason, len(blocks), sum(len(b.text) for b in blocks), hits,
            round((time.perf_counter() - started) * 1000, 2))


class SafetyFetcher:
    """Builds the spider's safety requests, caps their bodies, and turns answers into store rows."""

    def __init__(self, spider, enabled: bool = True,
                 max_bytes: int = attachment_text.DEFAULT_MAX_BYTES,
                 external_bytes: int = DEFAULT_EXTERNAL_BYTES, default_maxsize: int = 0):
        self.spider = spider
        self.enabled = enabled
        self.max_bytes = max_bytes
        self.external_bytes = external_bytes
        self.default_maxsize = default_maxsize

    @classmethod
    def from_crawler(cls, crawler, spider) -> SafetyFetcher:
        settings = crawler.settings
        fetcher = cls(spider, settings.getbool("GOVAUDIT_SAFETY", True),
                      settings.getint("GOVAUDIT_ATTACHMENT_MAX_BYTES", attachment_text.DEFAULT_MAX_BYTES),
                      settings.getint("GOVAUDIT_EXTERNAL_BODY_BYTES", DEFAULT_EXTERNAL_BYTES),
                      settings.getint("DOWNLOAD_MAXSIZE", 0))
        if fetcher.enabled:
            crawler.signals.connect(fetcher.on_headers, signal=signals.headers_received)
            crawler.signals.connect(fetcher.on_bytes, signal=signals.bytes_received)
        return fetcher

    # --- requests ---------------------------------------------------------------------------
    def request(self, agency, url: str, tag: str, scope_kind: str) -> scrapy.Request | None:
        """A safety fetch for this link target, or None when the plain check is all it needs."""
        if not self.enabled:
            return None
        meta = {"agency": agency.id, "target": url, "scope": scope_kind}
        if scope_kind == "attachment" and extension(url) in FETCHED_EXTENSIONS \
                and self.spider.scopes[agency.id].contains(url):
            meta.update(role="attachment", download_slot=self.spider.slot(agency.id, url),
                        download_maxsize=max(self.max_bytes + 1, self.default_maxsize))
        elif scope_kind == "external" and tag in PAGE_TAGS:
            meta.update(role="external-page")
        else:
            return None
        return scrapy.Request(url, callback=self.spider.parse_safety, errback=self.spider.on_error,
                              dont_filter=True, meta=meta, priority=-1)

    def cap(self, request) -> int:
        return self.max_bytes if request.meta.get("role") == "attachment" else self.external_bytes

    def on_headers(self, headers, body_length, request, spider):
        role = request.meta.get("role")
        if role == "external-page":
            ctype = (headers.get(b"Content-Type") or b"text/html").lower()
            if not any(t in ctype for t in HTML_TYPES):
                raise StopDownload(fail=False)
        elif role == "attachment":
            request.meta["declared_bytes"] = body_length if body_length and body_length > 0 else -1
            if body_length and body_length > self.max_bytes:
                # keep the first bytes (the signature), then stop: see on_bytes
                request.meta["download_maxsize"] = 0
                request.meta["safety_truncated"] = True

    def on_bytes(self, data, request, spider):
        role = request.meta.get("role")
        if role not in ("attachment", "external-page"):
            return
        received = request.meta.get("safety_received", 0) + len(data)
        request.meta["safety_received"] = received
        if request.meta.get("safety_truncated") or received > self.cap(request):
            request.meta["safety_truncated"] = True
            raise StopDownload(fail=False)

    # --- answers ------------------------------------------------------------------------------
    async def parse_async(self, response) -> list:
        """:meth:`parse`, with the attachment's text read in Twisted's thread pool, so a large
        PDF does not hold up the crawl's other downloads while pdfminer reads it."""
        scanned = None
        body = response.body or b""
        ext = extension(response.meta.get("target", "")) or extension(response.url)
        truncated = bool(response.meta.get("safety_truncated"))
        if response.meta.get("role") == "attachment" and 200 <= response.status < 300 and body \
                and ext in attachment_text.SCANNED_EXTENSIONS and not mismatch(ext, signature(body)):
            from scrapy.utils.defer import maybe_deferred_to_future
            from twisted.internet.threads import deferToThread

            scanned = await maybe_deferred_to_future(deferToThread(scan_attachment, body, ext, truncated))
        return list(self.parse(response, scanned))

    def parse(self, response, scanned: tuple | None = None):
        """Rows for a safety fetch: the link outcome, then the attachment or external-page facts.

        ``scanned``: the :func:`scan_attachment` result when it was computed already."""
        spider = self.spider
        meta = response.meta
        base = spider.common(response)
        verdict, reason = http_verdict(response.status, bool(meta.get("redirect_urls")))
        if meta.get("role") == "attachment":
            facts = list(self.attachment_rows(base, response, verdict == "ok", scanned))
            if facts and facts[0].get("status") == "not-a-document":
                verdict, reason = "broken", "not-a-document"
            yield spider.link_check(base, verdict, reason, meta.get("scope", "attachment"))
            yield from facts
            return
        yield spider.link_check(base, verdict, reason, meta.get("scope", "external"))
        if verdict == "ok":
            row = self.external_row(base, response)
            if row:
                yield row

    def attachment_rows(self, base: dict, response, ok: bool, scanned: tuple | None = None):
        ext = extension(base["url"]) or extension(response.url)
        body = response.body or b""
        truncated = bool(response.meta.get("safety_truncated"))
        row = {"_table": "attachments", "run_id": base["run_id"], "agency": base["agency"],
               "url": base["url"], "ext": ext, "content_type": base.get("content_type", ""),
               "bytes": len(body), "declared_bytes": response.meta.get("declared_bytes", -1),
               "detected": "", "status": "", "reason": "", "segments": 0, "chars": 0,
               "scan_ms": 0.0, "scanned_at": utcnow()}
        if not ok:
            return
        detected = signature(body)
        row["detected"] = detected
        # a body cut at the cap is judged only when it is plainly a web page (partial evidence
        # of anything else accuses no one)
        if mismatch(ext, detected) and (not truncated or detected in ("html", "html-table")):
            row.update(status="not-a-document",
                       reason="返回网页而不是文件" if detected in ("html", "html-table") else
                       ("文件为空" if detected == "empty" else f"文件内容为 {detected}，与 .{ext} 不符"))
            yield row
            return
        status, reason, segments, chars, hits, scan_ms = scanned or scan_attachment(body, ext, truncated)
        row.update(status=status, reason=reason, segments=segments, chars=chars, scan_ms=scan_ms)
        yield row
        yield from self.privacy_rows(base, "attachment", hits)

    def privacy_rows(self, base: dict, container: str, hits: dict):
        for field, summary in hits.items():
            yield {"_table": "privacy_hits", "run_id": base["run_id"], "agency": base["agency"],
                   "url": base["url"], "container": container, "field": field,
                   "numbers": summary["numbers"], "occurrences": summary["occurrences"],
                   "samples": dumps(summary["samples"])}

    def external_row(self, base: dict, response) -> dict | None:
        ctype = (response.headers.get(b"Content-Type") or b"").lower()
        if not response.body or (ctype and not any(t in ctype for t in HTML_TYPES)):
            return None
        from crawler.extract import decode_html

        text, _ = decode_html(response.body, ctype.decode("latin-1"))
        root = parse_html(text)
        blocks = visible_blocks(root)
        title = next((b.text for b in blocks if b.where == "标题"), "")
        return {"_table": "external_pages", "run_id": base["run_id"], "agency": base["agency"],
                "url": base["url"], "final_url": response.url, "status": response.status,
                "content_type": base.get("content_type", ""),
                "link_domain": registrable_domain(base["url"]),
                "final_domain": registrable_domain(response.url), "title": mask_numbers(title)[:300],
                "text_z": compress(masked_text(blocks)[:EXTERNAL_TEXT_CHARS]),
                "bytes": len(response.body), "truncated": int(bool(response.meta.get("safety_truncated"))),
                "fetched_at": utcnow()}

    # --- pages ----------------------------------------------------------------------------------
    def page_rows(self, agency, page_url: str, final_url: str, html: str):
        """Privacy hits, hidden links and the masked visible text of one in-scope page."""
        if not self.enabled or not html:
            return
        root = parse_html(html)
        if root is None:
            return
        run_agency = {"run_id": self.spider.run_id, "agency": agency.id}
        scope = self.spider.scopes[agency.id]
        for link in hidden_links(root, final_url, lambda url: not scope.contains(url)):
            yield {"_table": "hidden_links", **run_agency, "source": page_url, **link}
        blocks = visible_blocks(root)
        masked: list[str] = []
        hits = summarize(blocks, masked=masked)
        yield from self.privacy_rows({**run_agency, "url": page_url}, "page", hits)
        title = masked[0] if blocks and blocks[0].where == "标题" else ""
        text = "\n".join(masked)[:MAX_TEXT_CHARS]
        yield {"_table": "page_texts", **run_agency, "url": page_url, "title": mask_numbers(title)[:500],
               "text_z": compress(text), "chars": len(text)}
