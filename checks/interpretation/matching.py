"""Which interpretation (解读) belongs to which policy document — shared by the 政策解读 rules.

Interpretations are the pages the crawl recorded in ``interpretations`` (title such as
``《…》政策解读``, or a 政策解读 column named by the page's meta tag or breadcrumb), plus every
document listed in a column whose name is an interpretation column (政策解读 / 解读 / 图解 /
一图读懂 / 答记者问). A policy document is matched with an interpretation when

- the document links to it under a 解读 label or with a 解读 anchor (``link-from-document``),
- the interpretation links to the document (``link-to-document``),
- the interpretation quotes the document's title, or the title quoted inside the document's title
  (``关于印发《X办法》的通知`` ↔ ``《X办法》政策解读``), in 《》 (``quoted-title``), or
- it cites the document's 发文字号 (``doc-number``).

Policy documents are those of the other document rules (:func:`checks.documents.policy_documents`);
a page that is itself an interpretation is never asked for one.
"""

from __future__ import annotations

import datetime as dt

from checks.documents.scope import policy_documents
from checks.registry import AgencyView
from checks.workdays import WorkdayCalendar, calendar_for
from crawler.extract.interpretation import (
    column_word,
    normalize_doc_number,
    normalize_title,
    quoted_titles,
    strip_site_suffix,
)
from crawler.store import loads

MATCH_NAMES = {"link-from-document": "文件页面链接了解读", "link-to-document": "解读页面链接了文件",
               "quoted-title": "解读引用了文件标题", "doc-number": "解读引用了文号"}


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def interpretations(view: AgencyView) -> dict[str, dict]:
    """Every interpretation of the agency by URL: title, pub_date, detected_by, quotes, numbers."""
    return view.cached("interpretations", lambda: _interpretations(view))


def _interpretations(view: AgencyView) -> dict[str, dict]:
    documents = {d["url"]: d for d in view.rows("documents")}
    found: dict[str, dict] = {}
    for row in view.rows("interpretations"):
        doc = documents.get(row["url"]) or {}
        found[row["url"]] = {
            "url": row["url"], "title": row.get("title") or doc.get("title") or "",
            "pub_date": row.get("pub_date") or doc.get("pub_date") or "",
            "pub_date_label": row.get("pub_date_label") or "",
            "detected_by": row.get("detected_by") or "",
            "quoted_titles": loads(row.get("quoted_titles"), []) or [],
            "doc_numbers": loads(row.get("doc_numbers"), []) or []}
    columns = {c["url"]: c.get("name") or "" for c in view.rows("columns") if column_word(c.get("name"))}
    for doc in documents.values():
        name = columns.get(doc.get("column_url") or "")
        if name and doc["url"] not in found:
            found[doc["url"]] = {
                "url": doc["url"], "title": doc.get("title") or "", "pub_date": doc.get("pub_date") or "",
                "pub_date_label": "发布日期", "detected_by": f"column:{name}",
                "quoted_titles": quoted_titles(doc.get("title")), "doc_numbers": []}
    return found


def _links_to_documents(view: AgencyView, sources: set[str]) -> dict[str, list[dict]]:
    """Links from interpretation pages to document pages, by target (one query for the agency)."""
    by_target: dict[str, list[dict]] = {}
    if not sources:
        return by_target
    for row in view.store.query(
            "select source, target, anchor from links where run_id = ? and agency = ? and tag = 'a' "
            "and target in (select url from documents where run_id = ? and agency = ?)",
            [view.run_id, view.agency_id, view.run_id, view.agency_id]):
        if row["source"] in sources and row["source"] != row["target"]:
            by_target.setdefault(row["target"], []).append(row)
    return by_target


def matches(view: AgencyView) -> list[tuple[dict, list[dict]]]:
    """``[(policy document, [match, …])]`` for every policy document that is not an interpretation.

    A match is ``{"url", "title", "pub_date", "matched_by", "how"}`` — ``how`` the anchor, the quoted
    title or the 文号 that tied them. Raises ``NotApplicable`` when there are no policy documents.
    """
    return view.cached("interpretation_matches", lambda: _matches(view))


def _matches(view: AgencyView) -> list[tuple[dict, list[dict]]]:
    found = interpretations(view)
    documents = [d for d in policy_documents(view) if d["url"] not in found]
    from_docs: dict[str, list[dict]] = {}
    for row in view.rows("interpretation_links"):
        from_docs.setdefault(row["source"], []).append(row)
    to_docs = _links_to_documents(view, set(found))
    by_quote: dict[str, list[dict]] = {}
    by_number: list[tuple[str, dict]] = []
    for interp in found.values():
        for quote in interp["quoted_titles"]:
            by_quote.setdefault(normalize_title(quote), []).append(interp)
        for number in interp["doc_numbers"]:
            by_number.append((number, interp))
    result = []
    for doc in documents:
        result.append((doc, _doc_matches(doc, found, from_docs, to_docs, by_quote, by_number)))
    return result


def _doc_matches(doc: dict, found: dict[str, dict], from_docs: dict, to_docs: dict,
                 by_quote: dict, by_number: list) -> list[dict]:
    hits: dict[str, dict] = {}

    def add(interp: dict, matched_by: str, how: str) -> None:
        if interp["url"] not in hits:
            hits[interp["url"]] = {"url": interp["url"], "title": interp.get("title") or "",
                                   "pub_date": interp.get("pub_date") or "", "matched_by": matched_by,
                                   "how": how, "detected_by": interp.get("detected_by") or ""}

    for link in from_docs.get(doc["url"], []):
        interp = found.get(link["target"]) or {"url": link["target"], "title": link.get("anchor") or "",
                                               "pub_date": "", "detected_by": "linked"}
        add(interp, "link-from-document", f"{link.get('label') or ''}：{link.get('anchor') or ''}")
    for link in to_docs.get(doc["url"], []):
        add(found[link["source"]], "link-to-document", link.get("anchor") or "")
    title = normalize_title(strip_site_suffix(doc.get("title") or ""))
    keys = {title} | {normalize_title(q) for q in quoted_titles(doc.get("title"))}
    for key in keys - {""}:
        for interp in by_quote.get(key, []):
            add(interp, "quoted-title", f"《{key}》")
    number = normalize_doc_number(doc.get("doc_number"))
    if number:
        for cited, interp in by_number:
            if cited.endswith(number) or (number.endswith(cited) and len(cited) > len(number) - 3):
                add(interp, "doc-number", cited)
    return list(hits.values())


def calendar(view: AgencyView) -> WorkdayCalendar:
    """The working-day calendar the document rules use (holiday file from the profile or run)."""
    return calendar_for(view, view.setting("holiday_file", None))


def earliest(hits: list[dict]) -> tuple[dt.date | None, dict | None]:
    """The earliest dated interpretation among ``hits``: ``(date, match)``."""
    dated = [(d, h) for h in hits if (d := _date(h.get("pub_date")))]
    if not dated:
        return None, None
    return min(dated, key=lambda pair: pair[0])


def document_date(doc: dict) -> dt.date | None:
    """The document's 发布日期 as a date (None when it shows none)."""
    return _date(doc.get("pub_date"))
