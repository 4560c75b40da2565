"""Assembly of :data:`PageFacts`: parse a page once, hand the tree to each small reader.

Order matters in one place: links, lists, pagination and Hanweb requests read the tree *with* its
scripts (``createPageHTML(...)``, ``<script type="text/xml">``, script ``src``); then scripts and
styles are dropped and the visible text is read once (:class:`~crawler.extract.metadata.TextStream`)
for metadata, footer ids, soft-404 and guide elements. Comments are removed by the parser, so
nothing inside ``<!-- … -->`` (fields, links) is on the page.

List items and the column are not looked for on a page that shows itself as an article (an
``ArticleTitle`` meta, an article URL such as ``t20240315_1.html``/``art_1_2.html``/``content_N.htm``,
or a CMS article container): what lists find there are sidebars, and finding them is the
costliest step of all (most crawled pages are articles). Home pages always get their list.

``analyze`` never raises on what a server sends: empty or junk input gives the empty facts.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re

from lxml import etree
from w3lib.encoding import html_to_unicode

from crawler.extract import consultation, identity, interpretation, kinds, lists, metadata
from crawler.extract.blocktext import BlockText
from crawler.extract.redirects import redirect_links
from crawler.extract.html import parse_html

# Article containers of the common CMSs, with some text in them (TRS also wraps banners in
# TRS_Editor); <ucaptitle> is the Jiangxi platform's article title element.
_ARTICLE_MARKERS = etree.XPath(
    "boolean(//*[contains(@class, 'TRS_Editor') or @id = 'UCAP-CONTENT' or @id = 'zoom' "
    "or @id = 'Zoom' or @id = 'zoomcon' or contains(@class, 'article-content') "
    "or contains(@class, 'pages_content') or contains(@class, 'xxgk-detail')]"
    "[string-length(normalize-space(.)) > 60])"
)
_MARKER_WORDS = ("TRS_Editor", "UCAP-CONTENT", "zoom", "Zoom", "article-content", "pages_content",
                 "xxgk-detail")
_WS_RUN = re.compile(r"[ \t\r\n\f\v]+")
GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "hz"})
LONG_PARAGRAPH = 150
DETECT_BYTES = 32768
DOCUMENT_KINDS = frozenset({"document", "annual_report", "guide"})


def empty_facts() -> dict:
    """PageFacts of a page with nothing readable on it."""
    return {"title": "", "kind": "other", "soft404": "", "links": [], "meta": {},
            "footer": {"site_id": None, "icp": None, "psb": None, "sponsor": None},
            "document": None, "column": None, "items": [], "pagination": [], "requests": [],
            "guide": None, "report_year": None,
            "interpretation": None, "interpretation_links": [], "consultation": None}


def _has_article_marker(root, html: str) -> bool:
    """An article container of a common CMS (the source is searched first: XPath costs more)."""
    if "<ucaptitle" in html:
        return True
    return any(word in html for word in _MARKER_WORDS) and bool(_ARTICLE_MARKERS(root))


def _title(root) -> str:
    for el in root.iter("title"):
        return _WS_RUN.sub(" ", "".join(el.itertext())).strip()
    return ""


def _headings(root) -> list[str]:
    found = []
    for el in root.iter("h1", "h2", "ucaptitle"):
        text = _WS_RUN.sub(" ", "".join(el.itertext())).strip()
        if text:
            found.append(text)
        if len(found) >= 4:
            break
    return found


def analyze(html: str | bytes, url: str, is_home: bool = False, explain: bool = False,
            ref_date: dt.date | None = None) -> dict:
    """Every fact the crawler keeps about one HTML page (see :mod:`crawler.extract`).

    ``ref_date`` is the day the page was fetched (default: today): a list's ``03-22`` with no year
    on the page or in its URL takes that day's year (the year before, if the day would be later).

    ``explain`` adds ``facts["explain"]``: for every document field and footer id, the candidate
    values seen and why one was chosen (``cli.py inspect`` shows it; the crawler does not store it).
    """
    if isinstance(html, (bytes, bytearray, memoryview)):
        html, _ = decode_html(bytes(html), None)
    facts = empty_facts()
    html = html if isinstance(html, str) else ""
    root = parse_html(html)
    if root is None:
        if is_home:
            facts["kind"] = "home"
        return facts
    url = url or ""
    all_meta = identity.collect_meta(root)
    meta = identity.meta_tags(all_meta)
    title = _title(root)
    links = kinds.extract_links(root, kinds.base_url(root, url))
    links += redirect_links(root, kinds.base_url(root, url))  # meta refresh / location.href stubs

    # An article shown as one (ArticleTitle, article URL, article container) has no list of its
    # own: its sidebars' items and a column for it would be noise, and finding them costs most.
    article = bool(meta.get("ArticleTitle") or kinds.looks_like_document_url(url)
                   or _has_article_marker(root, html))
    items, column = [], None
    if is_home or not article:
        items = lists.list_items(root, url, ref_date)
        column = lists.column_info(root, url, meta)
    inline, requests = lists.dataproxy_requests(root, url, html)
    if inline:
        known = {item.get("url") for item in items}
        items += [item for item in inline if item.get("url") not in known]
    pagination = lists.pagination(root, url, html)
    headings = _headings(root)

    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    stream = metadata.TextStream(root)
    footer = identity.footer_ids(stream)
    soft404 = kinds.soft404_reason(title, stream.text)
    doc = metadata.extract_fields(
        stream, all_meta, keep=lambda pos: not identity.in_footer_container(stream, pos))
    fields = doc["fields"]

    titles = (title, meta.get("ArticleTitle") or "", *headings)
    report_year = kinds.report_year(*titles)
    guide = None
    if kinds.is_guide_heading(*titles):
        blocks = BlockText(stream)  # a guide is prose: one line per paragraph, its spans joined
        elements = kinds.guide_elements(
            blocks.text, keep=lambda pos: not identity.in_footer_container(stream, blocks.stream_pos(pos)))
        if sum(1 for value in elements.values() if value) >= 2:
            guide = elements
    visible_date = any((fields.get(name) or {}).get("date") and fields[name]["where"] != "meta"
                       for name in ("pub_date", "written_date"))
    document_evidence = article or doc["has_metadata_block"]
    dated_body = visible_date and any(len(s) >= LONG_PARAGRAPH for s in stream.segments)
    kind = kinds.page_kind(is_home=is_home, soft404=soft404, guide=guide is not None,
                           report=report_year is not None, document=document_evidence,
                           dated_body=dated_body, items=len(items), paginated=bool(pagination))
    facts.update(
        title=title, kind=kind, soft404=soft404, links=links, meta=meta, footer=footer,
        column=column, items=items, pagination=pagination, requests=requests,
        guide=guide, report_year=report_year,
    )
    facts.update(_interaction(root, url, html, title, headings, meta, stream, fields, links,
                              article=article, is_home=is_home, kind=kind,
                              js_reason=(column or {}).get("unreadable_reason") or ""))
    if kind in DOCUMENT_KINDS:
        facts["document"] = {"fields": fields, "has_metadata_block": doc["has_metadata_block"],
                             "downloads": kinds.download_links(links)}
    if explain:
        facts["explain"] = {"document": doc["candidates"], "footer": identity.footer_candidates(stream)}
    return facts


def _interaction(root, url: str, html: str, title: str, headings: list[str], meta: dict, stream,
                 fields: dict, links: list[dict], *, article: bool, is_home: bool, kind: str,
                 js_reason: str = "") -> dict:
    """政策解读 and 互动回应 facts (:mod:`~crawler.extract.interpretation`,
    :mod:`~crawler.extract.consultation`)."""
    found = {"interpretation": None, "interpretation_links": [], "consultation": None}
    if is_home:
        found["consultation"] = consultation.consultation_facts(
            root, url, title, tuple(headings), meta, stream.text, html, article, True)
        return found
    if kind in DOCUMENT_KINDS:
        found["interpretation"] = interpretation.interpretation_facts(
            title, tuple(headings), meta, stream.text, fields)
        found["interpretation_links"] = interpretation.interpretation_links(root, links, stream.text)
    found["consultation"] = consultation.consultation_facts(
        root, url, title, tuple(headings), meta, stream.text, html, article, False, js_reason)
    return found


def analyze_dataproxy(text: str | bytes, url: str) -> dict:
    """``{"items", "requests"}`` of a Hanweb ``dataproxy.jsp`` answer (see :func:`lists.parse_dataproxy`)."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        text, _ = decode_html(bytes(text), None)
    return lists.parse_dataproxy(text or "", url or "")


# ---------------------------------------------------------------------------- encodings
def _canonical(encoding: str | None) -> str | None:
    try:
        return codecs.lookup(encoding).name if encoding else None
    except LookupError:
        return None


def _valid(body: bytes, encoding: str) -> bool:
    """Whether ``body`` decodes strictly (a character cut at the very end is forgiven)."""
    try:
        body.decode(encoding)
        return True
    except UnicodeDecodeError as exc:
        return exc.start >= len(body) - 3
    except LookupError:
        return False


def _detect(body: bytes) -> str | None:
    """Encoding of an undeclared page: UTF-8, else GB18030 (GBK/GB2312), else charset-normalizer."""
    if _valid(body, "utf-8"):
        return "utf-8"
    if _valid(body, "gb18030"):
        return "gb18030"
    from charset_normalizer import from_bytes

    best = from_bytes(body[:DETECT_BYTES]).best()
    return _canonical(best.encoding) if best is not None else None


def decode_html(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of an HTML body: BOM, then ``declared`` (a charset or a Content-Type
    value), then ``<meta charset>``, then detection. gb2312/gbk decode as gb18030 (w3lib).

    A page declared GBK that is valid UTF-8 (the 棣栭〉 mojibake) is read as UTF-8; one declared
    UTF-8 that is not, but is valid GB18030, is read as GB18030.
    """
    body = bytes(body or b"")
    if not body:
        return "", _canonical(declared) or "utf-8"
    header = None
    if declared and declared.strip():
        declared = declared.strip()
        header = declared if ("=" in declared or "/" in declared) else f"text/html; charset={declared}"
    try:
        encoding, text = html_to_unicode(header, body, auto_detect_fun=_detect)
    except (LookupError, ValueError, TypeError):
        encoding = _detect(body) or "utf-8"
        text = body.decode(encoding, "replace")
    encoding = _canonical(encoding) or "utf-8"
    if not body.isascii():
        if encoding in GB_FAMILY and _valid(body, "utf-8"):
            encoding, text = "utf-8", body.decode("utf-8", "replace")
        elif encoding == "utf-8" and not _valid(body, "utf-8") and _valid(body, "gb18030"):
            encoding, text = "gb18030", body.decode("gb18030", "replace")
    return text, encoding
