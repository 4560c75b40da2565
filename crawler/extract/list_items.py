"""List items: the main list of a column page, each item with its title, URL and date.

Part of the list-page understanding described in :mod:`crawler.extract.lists`."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from datetime import date

from lxml import etree
from lxml import html as lxml_html

from crawler.extract.dates import parse_list_date
from crawler.extract.kinds import resolve_url
from crawler.extract.tabs import kin as _kin

MAX_PAGES = 500

HANWEB_GROUP_PAGES = 3
"""Pages fetched per ``dataproxy.jsp`` request, as Hanweb's ``jpage.js`` groups them."""

_WS = re.compile(r"\s+")

_DATE_HINT = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}|(?<!\d)\d{1,2}\s*[-/月]\s*\d{1,2}(?!\d)|[〇零一二三四五六七八九○Ｏ０-９]{4}年"
)

_FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


_PAGER_WORDS = frozenset([
    "下一页", "下页", "后页", "尾页", "末页", "最后一页", "上一页", "上页", "前页", "首页", "第一页",
    "›", "»", ">", ">>", "<", "<<", "‹", "«", "next", "last", "prev", "previous", "first",
    "下一頁", "上一頁", "尾頁",
])

_NEXT_WORDS = frozenset(["下一页", "下页", "后页", "›", "»", ">", "next", "下一頁"])

_PREV_WORDS = frozenset(["上一页", "上页", "前页", "‹", "«", "<", "prev", "previous", "上一頁"])

_MORE_WORDS = re.compile(
    r"^(更多|more|详细|详情|查看详情|查看更多|阅读全文|全文|点击查看|进入)", re.IGNORECASE
)

_LABEL_LINK = re.compile(r"^[\[【［(（].{0,10}[\]】］)）]$")

_NOISE_TOKENS = frozenset(
    [
        "nav",
        "navs",
        "navbar",
        "navigation",
        "menu",
        "menus",
        "footer",
        "foot",
        "header",
        "crumb",
        "crumbs",
        "breadcrumb",
        "position",
        "location",
        "weizhi",
        "dqwz",
        "dangqianweizhi",
        "copyright",
        "yqlj",
        "friendlink",
        "links",
        "bottom",
    ]
)

_ASIDE_TOKENS = frozenset(
    ["left", "right", "side", "sidebar", "aside", "leftnav", "subnav", "lnav", "rnav", "sidenav"]
)

_TOKEN_SPLIT = re.compile(r"[\s_\-]+")

_ROW_TAGS = frozenset(["li", "tr", "dl"])

_SKIP_TAGS = frozenset(["script", "style", "noscript", "template", "select", "option", "textarea"])

_DOC_HREF = re.compile(
    r"/t\d{8}_\d+|/art_\d+_\d+|content_\d+|/post_\d+|/\d{6}/[0-9a-f]{16,}|/\d{4}-\d{2}/\d{2}/|"
    r"/art/\d{4}/|[/_]\d{5,}\.(s?html?|jsp|aspx?|php)|\.(pdf|docx?|xlsx?|wps|ofd)$",
    re.IGNORECASE,
)

def _date_of(text: str, ref: date | None, url: str | None = None) -> str | None:
    """The ISO date a short cell text shows (:func:`crawler.extract.dates.parse_list_date`): a
    ``03-15`` takes its year from the item's ``url`` (``/t20180315_…``) before ``ref``."""
    if not text or len(text) > 40 or not _DATE_HINT.search(text):
        return None
    try:
        found = parse_list_date(text, url, ref)
    except Exception:  # noqa: BLE001 - a date helper's bug must not lose the whole list
        found = None
    return str(found)[:10] if found else None


def _text(el: etree._Element) -> str:
    """Visible text of an element, whitespace collapsed."""
    try:
        return _WS.sub(" ", "".join(el.itertext())).strip()
    except (ValueError, TypeError):
        return ""

def _chunks(el: etree._Element, skip: etree._Element | None = None) -> Iterator[str]:
    """Text pieces of ``el`` in document order, leaving out ``skip``'s subtree and scripts."""
    if el is not skip and isinstance(el.tag, str) and el.tag not in _SKIP_TAGS:
        if el.text and el.text.strip():
            yield el.text.strip()
        for child in el:
            yield from _chunks(child, skip)
    if el.tail and el.tail.strip():
        yield el.tail.strip()

def _is_pager_text(text: str) -> bool:
    """Pagination anchors: 下一页, 尾页, ``3``, ``[3]``, ``»`` …"""
    bare = text.strip("[]【】 ").lower()
    return bare in _PAGER_WORDS or bare.isdigit()

def _join(base: str, raw: str) -> str:
    """The same resolution as every other link of the page (percent-encoded, ``\\`` read as /)."""
    return resolve_url(raw, base) or ""

def _href(a: etree._Element, base: str) -> str | None:
    """The absolute http(s) target of an anchor, or None for javascript:, mailto:, # and garbage."""
    raw = (a.get("href") or "").strip()
    if not raw or raw.startswith("#") or raw[:11].lower().startswith(("javascript", "mailto:", "tel:")):
        return None
    try:
        absolute = _join(base, raw)
    except ValueError:
        return None
    return absolute.split("#", 1)[0] if absolute.startswith(("http://", "https://")) else None

_TOOLTIP_TITLE = re.compile(
    r"\s*(?:文章标题|信息标题|新闻标题|标题)\s*[:：]\s*(.+?)\s*(?:[\r\n]|作者\s*[:：]|更新时间\s*[:：]|"
    r"发布时间\s*[:：]|点击次数\s*[:：]|$)", re.S)

def _title_of(a: etree._Element) -> tuple[str, str | None]:
    """The item title of an anchor and a date written inside it (``<a><span>date</span>…</a>``).

    The ``title`` attribute wins when the visible text is cut short (``…``, ``...``) or empty.
    """
    inner_date = None
    parts = []
    for piece in _chunks_inside(a):
        if inner_date is None and len(piece) <= 24 and _FULL_DATE.fullmatch(piece.strip("[]【】() ")):
            inner_date = piece
        else:
            parts.append(piece)
    text = _WS.sub(" ", " ".join(parts)).strip()
    attr = a.get("title") or ""
    tooltip = _TOOLTIP_TITLE.match(attr)  # 「文章标题：…\n 作者：…\n 更新时间：…」 (动易-style CMSs)
    attr = _WS.sub(" ", tooltip.group(1) if tooltip else attr).strip()
    if attr and not _FULL_DATE.fullmatch(attr):
        cut = text.rstrip(".…。 ")
        if not text or text != cut or (len(attr) > len(text) and attr.startswith(cut)):
            text = attr
    return text, inner_date

def _chunks_inside(a: etree._Element) -> Iterator[str]:
    """Text pieces of an anchor itself (its tail excluded)."""
    if a.text and a.text.strip():
        yield a.text.strip()
    for child in a:
        if isinstance(child.tag, str) and child.tag not in _SKIP_TAGS:
            yield from _chunks(child)
        elif child.tail and child.tail.strip():
            yield child.tail.strip()

def _is_title_link(a: etree._Element, title: str) -> bool:
    """A link that could be a list item: real text that is not a pager, a label or a 更多 link."""
    if len(title) < 2 or len(title) > 300 or _is_pager_text(title) or _MORE_WORDS.match(title):
        return False
    return not _LABEL_LINK.match(title) and not _FULL_DATE.fullmatch(title)

def _noisy(el: etree._Element) -> bool:
    """True inside navigation, header, footer or breadcrumb containers."""
    for node in el.iterancestors():
        if not isinstance(node.tag, str):
            continue
        if node.tag in ("nav", "header", "footer"):
            return True
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if names.strip() and _NOISE_TOKENS.intersection(_TOKEN_SPLIT.split(names)):
            return True
    return False

def _row_date(row: etree._Element, anchor: etree._Element, ref: date | None,
              url: str | None = None) -> str | None:
    """The date shown in a row (last date-like cell wins), looking past the row when it is bare."""
    found = None
    for piece in _chunks(row, skip=anchor):
        if piece is not None and (value := _date_of(piece, ref, url)):
            found = value
    if found is not None or row is not anchor:
        return found
    for piece in [anchor.tail or ""] + [_text(sib) for sib in _following_bare(anchor)]:
        if value := _date_of(piece.strip(), ref, url):
            return value
    return None

def _following_bare(el: etree._Element) -> Iterator[etree._Element]:
    """Next siblings up to the next link (a date ``<span>`` right after a bare ``<a>``)."""
    for sib in el.itersiblings():
        if not isinstance(sib.tag, str) or sib.tag == "a" or sib.find(".//a") is not None:
            return
        yield sib

_ROWS_MEMO: list = [None, None, None]

def _rows(root: etree._Element, base: str, ref: date | None) -> list[dict]:
    """Every title link lifted to its row (memoised for the page being analysed: list items, column
    info and the link-block test all ask for the same rows)."""
    memo = _ROWS_MEMO
    if memo[0] is root and memo[1] == (base, ref):
        return memo[2]
    rows = _find_rows(root, base, ref)
    memo[:] = [root, (base, ref), rows]
    return rows

def _find_rows(root: etree._Element, base: str, ref: date | None) -> list[dict]:
    """Every title link lifted to its row: [{"row", "parent", "title", "url", "date", "anchor"}]."""
    anchors = []
    owner: dict[etree._Element, str | None] = {}
    for a in root.iter("a"):
        url = _href(a, base)
        if url is None:
            continue
        title, inner_date = _title_of(a)
        if not _is_title_link(a, title):
            continue
        anchors.append((a, url, title, inner_date))
        for node in a.iterancestors():
            seen = owner.get(node, "")
            if seen == "":
                owner[node] = url
            elif seen != url:
                owner[node] = None
    rows: dict[etree._Element, dict] = {}
    for a, url, title, inner_date in anchors:
        row = a
        for node in a.iterancestors():
            if owner.get(node) != url or node.tag in ("body", "html") or row.tag in _ROW_TAGS:
                break
            row = node
        if row is not a and len(_text(row)) > len(title) + 150:
            row = a
        parent = row.getparent()
        if parent is None:
            continue
        known = rows.get(row)
        if known is not None:
            if len(title) > len(known["title"]):
                known.update(title=title, anchor=a)
            continue
        value = _date_of(inner_date, ref, url) if inner_date else _row_date(row, a, ref, url)
        rows[row] = {"row": row, "parent": parent, "title": title, "url": url, "date": value, "anchor": a}
    return list(rows.values())

def _main_rows(rows: list[dict]) -> list[dict]:
    """The rows of the main list: the most dated block (plus same-shape siblings), else doc links."""
    blocks: dict[etree._Element, list[dict]] = {}
    for row in rows:
        blocks.setdefault(row["parent"], []).append(row)
    best, best_score = None, (0, 0, 0, 0)
    for parent, members in blocks.items():
        dated = sum(1 for m in members if m["date"])
        if dated and dated * 2 >= len(members):
            if dated < 3 and (
                _noisy(parent) or not any(_DOC_HREF.search(m["url"]) or len(m["title"]) >= 8 for m in members)
            ):
                continue
            # a dated list in a navigation panel (a nav bar's hover menus) is no main list when
            # the page body has one: prefer blocks outside navigation, header and footer
            score = (2, 0 if _noisy(parent) else 1, dated, len(members))
        else:
            docs = sum(1 for m in members if _DOC_HREF.search(m["url"]))
            titles = sum(min(len(m["title"]), 40) for m in members)
            if docs < 2 or titles < 8 * len(members) or _noisy(parent):
                continue
            score = (1, 1, docs, titles)
        if score > best_score:
            best, best_score = parent, score
    if best is None:
        return []
    chosen = {best}
    if best_score[0] == 2:
        for parent, members in blocks.items():
            if parent is not best and any(m["date"] for m in members) and _kin(parent, best):
                chosen.add(parent)
    return [row for row in rows if row["parent"] in chosen]

def _items_from(root: etree._Element, base: str, ref: date | None) -> list[dict]:
    """Items of the main list under ``root``, in page order."""
    return [
        {"title": r["title"], "url": r["url"], "date": r["date"]} for r in _main_rows(_rows(root, base, ref))
    ]

def list_items(tree: etree._Element, url: str, ref_date: date | None = None) -> list[dict]:
    """Items of the page's main list: ``[{"title", "url", "date"}]`` in page order (the store sorts).

    ``url`` is absolute; ``date`` is ISO or None; ``08-05`` takes its year from ``ref_date``. A Hanweb
    page's inline ``<datastore>`` records are its list.
    """
    try:
        records = _inline_records(tree)
        if records:
            return _record_items(records, url, ref_date)
        return _items_from(tree, url, ref_date)
    except Exception:  # noqa: BLE001 - contract: never raise on a crawled page
        return []


# --- Hanweb inline records (``<datastore>`` in ``<script type="text/xml">``) are list items too


_RECORD = re.compile(r"<record[^>]*>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL | re.IGNORECASE)


_RECORD_PLAIN = re.compile(r"<record[^>]*>(.*?)</record>", re.DOTALL | re.IGNORECASE)


def _datastore_texts(tree: etree._Element) -> list[str]:
    """Texts of ``<script type="text/xml">`` blocks that hold a Hanweb ``<datastore>``."""
    texts = []
    for script in tree.iter("script"):
        text = script.text or ""
        if "<datastore" in text.lower() or (
            "xml" in (script.get("type") or "").lower() and "<record" in text
        ):
            texts.append(text)
    return texts


def _inline_records(tree: etree._Element) -> list[str]:
    """HTML of each inline Hanweb record, in order."""
    records: list[str] = []
    for text in _datastore_texts(tree):
        records += _records_of(text)
    return records


def _records_of(text: str) -> list[str]:
    """HTML of each ``<record>`` of a datastore text (CDATA, or escaped HTML as some versions send)."""
    found = _RECORD.findall(text)
    if not found:
        found = [html_lib.unescape(r) for r in _RECORD_PLAIN.findall(text)]
    return [r for r in found if r.strip()]


def _record_items(records: list[str], url: str, ref: date | None) -> list[dict]:
    """One item per record: its title link and date."""
    items = []
    for record in records:
        try:
            root = lxml_html.fragment_fromstring(record, create_parent="div")
        except (etree.ParserError, ValueError, TypeError):
            continue
        rows = _rows(root, url, ref)
        if rows:
            best = max(rows, key=lambda r: (r["date"] is not None, len(r["title"])))
            date_value = best["date"] or next((r["date"] for r in rows if r["date"]), None)
            if date_value is None:
                date_value = next((d for piece in _chunks(root) if (d := _date_of(piece, ref))), None)
            items.append({"title": best["title"], "url": best["url"], "date": date_value})
    return items
