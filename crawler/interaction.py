"""Store rows for the 政策解读 and 互动回应 facts of one crawled page (called by the spider).

The page facts come from :mod:`crawler.extract.interpretation` and
:mod:`crawler.extract.consultation` (through :func:`crawler.extract.analyze`); this module only
turns them into rows of the ``interpretations``, ``interpretation_links``, ``message_lists`` and
``messages`` tables (see :mod:`crawler.store`). Rows carry ``_table`` like every other row the
spider yields. Pages answered 304 get these rows copied by :func:`crawler.run.carry_forward_rows`.
"""

from __future__ import annotations

from collections.abc import Iterator

from crawler.extract.lists import canonical_column_url
from crawler.store import dumps


def interaction_rows(run_id: int, agency_id: str, requested: str, facts: dict) -> Iterator[dict]:
    """The rows of one page; ``requested`` is the URL the page was requested as (its store key)."""
    base = {"run_id": run_id, "agency": agency_id}
    found = facts.get("interpretation")
    if found:
        yield {"_table": "interpretations", **base, "url": requested,
               "title": found.get("title") or facts.get("title") or "",
               "pub_date": found.get("pub_date") or "", "pub_date_label": found.get("pub_date_label") or "",
               "detected_by": found.get("detected_by") or "", "column_name": found.get("column_name") or "",
               "quoted_titles": dumps(found.get("quoted_titles") or []),
               "doc_numbers": dumps(found.get("doc_numbers") or [])}
    for link in facts.get("interpretation_links") or []:
        if link.get("url") and link["url"] != requested:
            yield {"_table": "interpretation_links", **base, "source": requested, "target": link["url"],
                   "anchor": (link.get("text") or "")[:200], "label": link.get("label") or ""}
    consultation = facts.get("consultation")
    if not consultation:
        return
    channel = consultation.get("channel") or "consultation"
    if consultation.get("kind") == "detail":
        msg = consultation.get("message") or {}
        yield {"_table": "messages", **base, "url": requested, "found_in": "detail", "list_url": "",
               "page_url": requested, "title": msg.get("title") or facts.get("title") or "",
               "asked_date": msg.get("asked_date") or "", "asked_label": msg.get("asked_label") or "",
               "replied_date": msg.get("replied_date") or "",
               "replied_label": msg.get("replied_label") or "", "status": msg.get("status") or "",
               "status_label": msg.get("status_label") or "", "replier": msg.get("replier") or "",
               "has_reply_text": int(bool(msg.get("reply_text"))), "channel": channel,
               "where_found": "detail"}
        return
    list_url = canonical_column_url(requested) or requested
    messages = consultation.get("messages") or []
    yield {"_table": "message_lists", **base, "page_url": requested, "url": list_url,
           "name": consultation.get("name") or "", "name_source": consultation.get("name_source") or "",
           "channel": channel, "state": consultation.get("state") or "",
           "reason": consultation.get("reason") or "", "messages": len(messages)}
    for position, msg in enumerate(messages):
        yield {"_table": "messages", **base, "url": msg.get("url") or f"{requested}#{position + 1}",
               "found_in": "list", "list_url": list_url, "page_url": requested,
               "title": msg.get("title") or "", "asked_date": msg.get("asked_date") or "",
               "asked_label": msg.get("asked_label") or "", "replied_date": msg.get("replied_date") or "",
               "replied_label": msg.get("replied_label") or "", "status": msg.get("status") or "",
               "status_label": msg.get("status_label") or "", "replier": msg.get("replier") or "",
               "has_reply_text": 0, "channel": channel, "where_found": msg.get("where") or ""}
