"""Store tables of content-safety facts, registered with :func:`crawler.store.register_table`.

Imported by the spider (through ``crawler.safety.fetch``), the crawl runner and the safety rules,
so every store those open has the tables.

``page_texts``      visible text and title of each in-scope page, personal numbers already masked,
                    zlib-compressed: what ``wording-error`` judges at check time (any word list,
                    no re-crawl).
``privacy_hits``    per page or attachment and field (``id_number``/``mobile``): how many distinct
                    unmasked numbers, how often, and samples (masked value, where, masked context).
``hidden_links``    links to other sites inside CSS-hidden elements: source page, target, how hidden.
``attachments``     one row per downloaded in-scope attachment: size, detected signature, scan
                    status (``scanned`` | ``too-large`` | ``unreadable`` | ``unsupported`` |
                    ``not-a-document``), segments and characters read, scan time.
``external_pages``  external HTML link targets fetched with a small body cap: final URL, the
                    registrable domains of the link and of the final host, title, masked text.
"""

from __future__ import annotations

from typing import Any

from crawler.store import register_table

SAFETY_SCHEMA: dict[str, dict[str, Any]] = {
    "page_texts": {
        "columns": {"run_id": int, "agency": str, "url": str, "title": str, "text_z": bytes,
                    "chars": int},
        "pk": ("run_id", "agency", "url"),
    },
    "privacy_hits": {
        "columns": {"run_id": int, "agency": str, "url": str, "container": str, "field": str,
                    "numbers": int, "occurrences": int, "samples": str},
        "pk": ("run_id", "agency", "url", "field"),
    },
    "hidden_links": {
        "columns": {"run_id": int, "agency": str, "source": str, "target": str, "anchor": str,
                    "method": str, "css": str, "origin": str, "element": str},
        "pk": ("run_id", "agency", "source", "target"),
    },
    "attachments": {
        "columns": {"run_id": int, "agency": str, "url": str, "ext": str, "content_type": str,
                    "bytes": int, "declared_bytes": int, "detected": str, "status": str,
                    "reason": str, "segments": int, "chars": int, "scan_ms": float,
                    "scanned_at": str},
        "pk": ("run_id", "agency", "url"),
    },
    "external_pages": {
        "columns": {"run_id": int, "agency": str, "url": str, "final_url": str, "status": int,
                    "content_type": str, "link_domain": str, "final_domain": str, "title": str,
                    "text_z": bytes, "bytes": int, "truncated": int, "fetched_at": str},
        "pk": ("run_id", "agency", "url"),
    },
}

# Facts of a page answered 304 are copied from the run it is carried from (crawler.run):
# table -> (column matched against the page URL, columns, conflict clause).
SAFETY_CARRIED_TABLES = {
    "page_texts": ("url", "run_id, agency, url, title, text_z, chars", "replace"),
    "privacy_hits": ("url", "run_id, agency, url, container, field, numbers, occurrences, samples",
                     "replace"),
    "hidden_links": ("source", "run_id, agency, source, target, anchor, method, css, origin, element",
                     "replace"),
}

for _name, _spec in SAFETY_SCHEMA.items():
    register_table(_name, _spec["columns"], pk=_spec["pk"])
