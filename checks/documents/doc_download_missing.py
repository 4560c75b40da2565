"""Rule doc-download-missing (未提供文本下载); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.documents.scope import document_evidence, policy_documents
from checks.registry import AgencyView, Finding, rule
from crawler.store import loads
from crawler.urls import extension
from crawler.vocabulary import DOCUMENT_EXTENSIONS


def _attachment_links(view: AgencyView, url: str) -> list[str]:
    """Links (``<a>``, not images or scripts) from the page to document files."""
    return view.cached("document_links", lambda: _document_links(view)).get(url, [])


def _document_links(view: AgencyView) -> dict[str, list[str]]:
    """Every page's ``<a>`` links to document files, read in one query for the agency."""
    found: dict[str, list[str]] = {}
    for row in view.store.query(
            "select source, target from links where run_id = ? and agency = ? and tag = 'a' "
            "and scope = 'attachment'", [view.run_id, view.agency_id]):
        if extension(row["target"]) in DOCUMENT_EXTENSIONS:
            found.setdefault(row["source"], []).append(row["target"])
    return found


@rule(id="doc-download-missing", family="documents", title="未提供文本下载", ref="政务公开要求（seed）",
      reads=("documents", "columns", "links"))
def doc_download_missing(view: AgencyView) -> Iterator[Finding]:
    """未提供文本下载：政策文件页面没有可下载的文本。

    What: each policy document page must offer the text as a file (pdf, doc/docx, wps, ofd,
    xls/xlsx, zip …) or through a 下载 link.

    Why: policy documents must provide a text download (提供文本下载功能) so the official text
    can be kept and printed.

    Fix: attach the signed text (PDF/OFD) or the Word file to the document page.
    """
    for doc in policy_documents(view):
        downloads = loads(doc.get("downloads"), []) or []
        if downloads or _attachment_links(view, doc["url"]):
            continue
        evidence = document_evidence(doc)
        evidence["downloads"] = downloads
        title = doc.get("title") or doc["url"]
        yield Finding(url=doc["url"], source=doc["url"], field="downloads",
                      detail=f"政策文件「{title}」没有提供文本下载（无附件或下载链接）",
                      evidence=evidence)

