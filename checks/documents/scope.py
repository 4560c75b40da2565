"""Shared by the documents rules: what several of them read from the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from checks.freshness.columns import column_key, column_types
from checks.registry import AgencyView, Finding, NotApplicable
from crawler.store import loads

FIELD_NAMES = {"doc_number": "发文字号", "written_date": "成文日期", "pub_date": "发布日期",
               "effective_date": "生效日期"}


def document_scope(view: AgencyView) -> tuple[list[dict], dict[str, dict]]:
    """All documents with their column's effective type added (``column_type``); computed once
    per agency and shared by the document rules."""
    return view.cached("document_scope", lambda: _compute_document_scope(view))


def _compute_document_scope(view: AgencyView) -> tuple[list[dict], dict[str, dict]]:
    types = {column_key(c["url"]): c for c in column_types(view)}
    documents = []
    for doc in view.rows("documents"):
        doc = dict(doc)
        column = types.get(column_key(doc.get("column_url") or ""))
        doc["column_type"] = column["effective_type"] if column else ""
        doc["column_name"] = (column.get("name") or "") if column else ""
        doc["fields_parsed"] = loads(doc.get("fields"), {}) or {}
        documents.append(doc)
    return documents, types


def is_policy_document(doc: dict) -> bool:
    """Listed in a policy column, or (outside news columns) shows a metadata block."""
    if doc["column_type"] == "policy":
        return True
    return bool(doc.get("has_metadata_block")) and doc["column_type"] != "news"


def policy_documents(view: AgencyView) -> list[dict]:
    """The policy documents of the agency; ``NotApplicable`` when there are none."""
    documents, _ = document_scope(view)
    if not documents:
        raise NotApplicable("未抓取到任何文章页面，无法检查政策文件要素")
    policy = [doc for doc in documents if is_policy_document(doc)]
    if not policy:
        raise NotApplicable(f"抓取的 {len(documents)} 篇文章中没有政策文件"
                            "（既不在政策文件类栏目中，也没有元数据表）")
    return policy


def document_evidence(doc: dict, *names: str) -> dict:
    fields = doc["fields_parsed"]
    return {
        "page": doc["url"], "title": doc.get("title") or "",
        "column": doc.get("column_url") or "", "column_type": doc["column_type"],
        "has_metadata_block": bool(doc.get("has_metadata_block")),
        "labels_found": {name: f.get("label") for name, f in fields.items()
                         if isinstance(f, dict) and f.get("label")},
        "values": {name: doc.get(name) or "" for name in names},
        "where": {name: (fields.get(name) or {}).get("where") for name in names
                  if fields.get(name)},
        "raw": {name: (fields.get(name) or {}).get("value") for name in names if fields.get(name)},
    }


def missing_element(view: AgencyView, name: str, present: Callable[[dict], bool]) -> Iterator[Finding]:
    label = FIELD_NAMES[name]
    for doc in policy_documents(view):
        if present(doc):
            continue
        raw = (doc["fields_parsed"].get(name) or {})
        shown = raw.get("label")
        if shown:
            detail = (f"政策文件「{doc.get('title') or doc['url']}」标注了「{shown}」，但未能识别出"
                      f"{label}（值：「{raw.get('value') or ''}」）")
        else:
            detail = f"政策文件「{doc.get('title') or doc['url']}」未标注{label}"
        yield Finding(url=doc["url"], source=doc["url"], field=name, detail=detail,
                      evidence=document_evidence(doc, name))


def iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None

