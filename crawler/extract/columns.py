"""Columns (栏目): canonical first-page URL, name, type, blank-column phrases, list-page test.

Part of the list-page understanding described in :mod:`crawler.extract.lists`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from lxml import etree

from crawler.extract.jsrender import unreadable_reason
from crawler.extract.list_items import (
    _ASIDE_TOKENS,
    _DATE_HINT,
    _SKIP_TAGS,
    _TOKEN_SPLIT,
    _chunks,
    _datastore_texts,
    _inline_records,
    _main_rows,
    _noisy,
    _record_items,
    _rows,
    _text,
)
from crawler.extract.pagination import _COLUMN_LEAF, _PAGED_FILE, canonical_column_url

_ARTICLE_URL = re.compile(
    r"/t\d{8}_\d+(?:_\d+)?\.\w+$|/art_\d+_\d+\.\w+$|content_\d+(?:_\d+)?\.\w+$|/post_\d+\.\w+$|"
    r"/\d{6}/[0-9a-f]{20,}\.\w+$|/art/\d{4}/\d{1,2}/\d{1,2}/",
    re.IGNORECASE,
)

_BLANK_PHRASES = (
    "该栏目暂无",
    "暂无信息",
    "暂无数据",
    "暂无内容",
    "没有记录",
    "暂无记录",
    "暂无相关信息",
    "暂无文章",
)

_CRUMB_LABEL = re.compile(
    r"(当前位置|您现在的位置|您的位置|现在位置|所在位置|当前页面|位置)\s*(是)?\s*[:：]?"
)

_CRUMB_SEP = re.compile(r"\s*(?:->|>>|>|»|›|→|＞|/|\\|＼)\s*")

_CRUMB_NAMES = re.compile(r"crumb|position|location|weizhi|dqwz|curpos|dangqian|path|wz", re.IGNORECASE)

_HOME_WORDS = frozenset(["首页", "网站首页", "主页", "首 页", "返回首页"])

_HEADING_CLASS = re.compile(
    r"column-?title|col-?title|lm-?title|lmmc|lm-?name|column-?name|channel-?name|list-?title|lanmu|tit",
    re.IGNORECASE,
)

_TITLE_SPLIT = re.compile(r"\s*(?:_|-{1,2}|—+|\||｜|–)\s*")

_TYPE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # 政策解读 / 回应关切 columns hold interpretations, not the 规范性文件 themselves: checked first so
    # 「政策」 in their name does not make every interpretation a policy document.
    ("other", ("解读", "回应关切")),
    ("personnel", ("人事", "任免", "招考", "招聘", "录用")),
    ("planning", ("规划", "计划")),
    ("notice", ("通知", "公告", "通告", "公示")),
    ("policy", ("政策", "文件", "法规", "规章")),
    ("news", ("动态", "要闻", "新闻", "资讯")),
)

_TYPE_NAMES = frozenset(name for name, _ in _TYPE_WORDS)


def column_type(name: str, meta: dict) -> tuple[str, str]:
    """(type, how decided): ``ColumnType`` meta first, then keywords of the name, else ``other``.

    ``("notice", "meta:ColumnType=通知公告")``, ``("news", "name:动态")``, ``("other", "default")``.
    """
    declared = str((meta or {}).get("ColumnType") or "").strip()
    if declared:
        lowered = declared.lower()
        if lowered in _TYPE_NAMES:
            return lowered, f"meta:ColumnType={declared}"
        return _keyword_type(declared) or "other", f"meta:ColumnType={declared}"
    for kind, words in _TYPE_WORDS:
        for word in words:
            if word in (name or ""):
                return kind, f"name:{word}"
    return "other", "default"

def _keyword_type(text: str) -> str | None:
    for kind, words in _TYPE_WORDS:
        if any(word in text for word in words):
            return kind
    return None

def _breadcrumb(tree: etree._Element) -> str | None:
    """Last element of the breadcrumb (当前位置：首页 > 政务公开 > 通知公告 → 通知公告)."""
    for el in _crumb_candidates(tree):
        text = _text(el)
        if not text or len(text) > 160 or any(w in text for w in ("下一页", "尾页", "上一页")):
            continue
        label = _CRUMB_LABEL.search(text)
        body = text[label.end() :] if label else text
        parts = [p.strip(" :：") for p in _CRUMB_SEP.split(body) if p.strip(" :：")]
        if len(parts) < 2:  # separators drawn by CSS: <li><a>首页</a></li><li><a>政务公开</a></li>…
            parts = _crumb_links(el) or parts
        if len(parts) >= 2 and len(parts[-1]) <= 30:
            return parts[-1]
        if label and len(parts) == 1 and len(parts[0]) <= 30 and parts[0] not in _HOME_WORDS:
            return parts[0]
    return None

def _crumb_links(el: etree._Element) -> list[str]:
    """The link texts of a breadcrumb without separators, when it starts at 首页 (else ``[]``)."""
    texts = [t for a in el.iter("a") if (t := _text(a))]
    return texts if len(texts) >= 2 and texts[0] in _HOME_WORDS else []

def _crumb_candidates(tree: etree._Element) -> Iterator[etree._Element]:
    """Elements labelled 当前位置 or named like a breadcrumb, then parents of 首页 links followed by '>'."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or el.tag in ("html", "body"):
            continue
        own = (el.text or "").strip()
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _CRUMB_LABEL.match(own) or (
            names.strip() and _CRUMB_NAMES.search(names) and el.find(".//a") is not None
        ):
            yield el
    for a in tree.iter("a"):
        if _text(a) in _HOME_WORDS:
            parent = a.getparent()
            while (
                parent is not None and len(parent.findall(".//a")) < 2 and parent.tag not in ("body", "html")
            ):
                parent = parent.getparent()
            if parent is not None and parent.tag not in ("body", "html") and _CRUMB_SEP.search(_text(parent)):
                yield parent

def _heading(rows: list[dict]) -> str | None:
    """A column heading just above the main list: ``.column-title``-like elements or h1–h3 without links."""
    if not rows:
        return None
    first = rows[0]["row"]
    for container in list(first.iterancestors())[1:4]:
        for el in container.iter("h1", "h2", "h3", "h4", "div", "span", "p", "strong", "b"):
            if el is first or first in set(el.iterancestors()):
                break
            classes = f"{el.get('class') or ''} {el.get('id') or ''}"
            if el.tag not in ("h1", "h2", "h3", "h4") and not _HEADING_CLASS.search(classes):
                continue
            if el.find(".//a") is not None or el.find(".//li") is not None:
                continue
            text = _text(el)
            if 2 <= len(text) <= 20 and not _DATE_HINT.search(text):
                return text
    return None

def _title_name(tree: etree._Element, meta: dict) -> str | None:
    """``<title>`` without the site name: ``通知公告_某某市人民政府`` → ``通知公告``."""
    title_el = tree.find(".//title")
    title = _text(title_el) if title_el is not None else ""
    if not title:
        return None
    site = str((meta or {}).get("SiteName") or "").strip()
    parts = [p for p in _TITLE_SPLIT.split(title) if p and p != site]
    return parts[0] if parts else title

def _blank_phrase(tree: etree._Element) -> str:
    """The 暂无信息-like phrase the page shows, if any (scripts and comments are not shown)."""
    body = tree.find(".//body")
    text = "".join(_chunks(body if body is not None else tree))
    for phrase in _BLANK_PHRASES:
        if phrase in text:
            return phrase
    return ""

def is_list_page(tree: etree._Element, url: str, items: list[dict]) -> bool:
    """A column/list page: not an article URL, and dated items, a Hanweb datastore or a column-like URL."""
    try:
        path = urlsplit(url).path
        if _ARTICLE_URL.search(path):
            return False
        if sum(1 for item in items if item.get("date")) >= 3 or (tree is not None and _datastore_texts(tree)):
            return True
        leaf = path.rsplit("/", 1)[-1]
        column_like = (
            leaf == ""
            or bool(_COLUMN_LEAF.match(leaf))
            or bool(re.match(r"(list|more)", leaf, re.IGNORECASE))
        )
        return column_like and (bool(items) or (tree is not None and bool(_blank_phrase(tree))))
    except Exception:  # noqa: BLE001 - contract: never raise on a crawled page
        return False

def column_info(tree: etree._Element, url: str, meta: dict) -> dict | None:
    """The column a list page shows: name (and where it came from), canonical URL, type, blankness.

    None for pages that are not column pages (articles, pages without a list or a column-like URL).
    """
    try:
        return _column_info(tree, url, meta or {})
    except Exception:  # noqa: BLE001 - contract: never raise on a crawled page
        return None

def _column_info(tree: etree._Element, url: str, meta: dict) -> dict | None:
    if tree is None:
        return None
    records = _inline_records(tree)
    rows = [] if records else _main_rows(_rows(tree, url, None))
    items = (
        _record_items(records, url, None)
        if records
        else [{"title": r["title"], "url": r["url"], "date": r["date"]} for r in rows]
    )
    path = urlsplit(url).path
    leaf = path.rsplit("/", 1)[-1]
    column_like = leaf == "" or bool(_COLUMN_LEAF.match(leaf)) or bool(_PAGED_FILE.match(leaf))
    # a list the browser renders from a template or an API answer: unreadable, never blank
    unreadable = "" if items else unreadable_reason(tree)
    if _ARTICLE_URL.search(path) or not (
        is_list_page(tree, url, items) or (column_like and (meta.get("ColumnName") or unreadable))
    ):
        return None
    name, source = _breadcrumb(tree), "breadcrumb"
    if not name:
        name, source = _heading(rows), "heading"
    if not name:
        name, source = str(meta.get("ColumnName") or "").strip(), "meta:ColumnName"
    if not name:
        name, source = _title_name(tree, meta), "title"
    kind, type_source = column_type(name or "", meta)
    phrase = "" if items else _blank_phrase(tree)
    return {
        "name": name or "",
        "name_source": source if name else "",
        "url": canonical_column_url(url),
        "column_type": kind,
        "type_source": type_source,
        "blank": not items and not unreadable and (bool(phrase) or not _has_link_block(tree, url)),
        "blank_text": phrase,
        "unreadable": bool(unreadable),
        "unreadable_reason": unreadable,
    }

def _has_link_block(tree: etree._Element, url: str) -> bool:
    """True when, items aside, the content shows a block of three or more links (an index of sub-columns).

    Menus, footers and side columns do not count, so a column holding only its site's frame is blank.
    """
    blocks: dict[etree._Element, int] = {}
    for row in _rows(tree, url, None):
        blocks[row["parent"]] = blocks.get(row["parent"], 0) + 1
    for parent, count in blocks.items():
        if count >= 3 and not _noisy(parent) and not _aside(parent):
            return True
    return False

def _aside(el: etree._Element) -> bool:
    """Side columns (``left``, ``sidebar``, ``aside``) around a block."""
    for node in [el, *el.iterancestors()]:
        if node.tag == "aside":
            return True
        names = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if names.strip() and _ASIDE_TOKENS.intersection(_TOKEN_SPLIT.split(names)):
            return True
    return False
