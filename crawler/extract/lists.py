"""List pages: their items, their other pages, Hanweb ``dataproxy.jsp`` paging, and the column they show.

Everything here is a pure function of an lxml tree, the page URL and (for scripts) the HTML text, and
never raises on garbage: a page we cannot read yields no items, no pages and no requests.

How the main list is found (:func:`list_items`): every title-like link is lifted to its *row* — the
highest ancestor that holds no other title link (``li``, ``tr``, a ``dl`` per item, ``p`` …); rows are
grouped by their parent. The block with the most dated rows is the main list, together with sibling
blocks of the same shape (TRS splits one list into several ``ul`` of five). When no block has dates,
the block with the most links to document-like pages wins; blocks inside navigation, breadcrumbs or
footers never do. Navigation menus, breadcrumbs, footers and pagination therefore yield no items.

Hanweb JCMS keeps the first records inline in ``<script type="text/xml">`` (an HTML parser does not
see them as elements) and pages the rest through POSTs to ``/module/web/jpage/dataproxy.jsp``;
:func:`dataproxy_requests` turns the paging script into those POSTs, grouping three pages per request
(``endrecord = startrecord + 3 * perpage - 1``) exactly as Hanweb's own ``jpage.js`` does.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Iterator
from datetime import date
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree
from lxml import html as lxml_html

from crawler.extract.kinds import resolve_url

try:
    from crawler.extract.dates import parse_date
except ImportError:  # pragma: no cover - dates.py is written in parallel; this keeps lists usable alone
    parse_date = None  # type: ignore[assignment]

MAX_PAGES = 500
HANWEB_GROUP_PAGES = 3
"""Pages fetched per ``dataproxy.jsp`` request, as Hanweb's ``jpage.js`` groups them."""

_WS = re.compile(r"\s+")
_DATE_HINT = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}|(?<!\d)\d{1,2}\s*[-/月]\s*\d{1,2}(?!\d)|[〇零一二三四五六七八九○Ｏ０-９]{4}年"
)
_FULL_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SHORT_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[-/月]\s*(\d{1,2})(?![\d/.-])")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_CN_DATE = re.compile(
    r"([〇零一二三四五六七八九○Ｏ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)

_PAGER_WORDS = frozenset(
    [
        "下一页",
        "下页",
        "后页",
        "尾页",
        "末页",
        "最后一页",
        "上一页",
        "上页",
        "前页",
        "首页",
        "第一页",
        "›",
        "»",
        ">",
        ">>",
        "<",
        "<<",
        "‹",
        "«",
        "next",
        "last",
        "prev",
        "previous",
        "first",
        "下一頁",
        "上一頁",
        "尾頁",
    ]
)
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


def _date_of(text: str, ref: date | None) -> str | None:
    """The ISO date a short cell text shows, through ``dates.parse_date`` when it is there."""
    if not text or len(text) > 40 or not _DATE_HINT.search(text):
        return None
    if parse_date is not None:
        try:
            found = parse_date(text, ref)
        except Exception:  # noqa: BLE001 - a date helper's bug must not lose the whole list
            found = None
        if found:
            return str(found)[:10]
    return _fallback_date(text, ref)


def _fallback_date(text: str, ref: date | None) -> str | None:
    """Minimal date reading used only when ``dates.py`` is absent or gives up."""
    found = _FULL_DATE.search(text)
    if found:
        year, month, day = (int(g) for g in found.groups())
    elif (cn := _CN_DATE.search(text)) is not None:
        year = int("".join(str(_CN_DIGITS.get(c, 0)) for c in cn.group(1)))
        month, day = _cn_number(cn.group(2)), _cn_number(cn.group(3))
    elif ref is not None and (short := _SHORT_DATE.search(text)) is not None:
        month, day = int(short.group(1)), int(short.group(2))
        year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    else:
        return None
    try:
        return date(year, month, day).isoformat() if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def _cn_number(text: str) -> int:
    """``十二`` → 12, ``三`` → 3, ``二十一`` → 21."""
    digits = "一二三四五六七八九"
    if "十" not in text:
        return digits.index(text) + 1 if text in digits else 0
    tens, _, ones = text.partition("十")
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


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
    attr = _WS.sub(" ", a.get("title") or "").strip()
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


def _row_date(row: etree._Element, anchor: etree._Element, ref: date | None) -> str | None:
    """The date shown in a row (last date-like cell wins), looking past the row when it is bare."""
    found = None
    for piece in _chunks(row, skip=anchor):
        if piece is not None and (value := _date_of(piece, ref)):
            found = value
    if found is not None or row is not anchor:
        return found
    for piece in [anchor.tail or ""] + [_text(sib) for sib in _following_bare(anchor)]:
        if value := _date_of(piece.strip(), ref):
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
        value = _date_of(inner_date, ref) if inner_date else _row_date(row, a, ref)
        rows[row] = {"row": row, "parent": parent, "title": title, "url": url, "date": value, "anchor": a}
    return list(rows.values())


def _shape(el: etree._Element) -> tuple:
    """Tag and class of an element: blocks of one shape are parts of one list."""
    return (el.tag, (el.get("class") or "").strip())


def _main_rows(rows: list[dict]) -> list[dict]:
    """The rows of the main list: the most dated block (plus same-shape siblings), else doc links."""
    blocks: dict[etree._Element, list[dict]] = {}
    for row in rows:
        blocks.setdefault(row["parent"], []).append(row)
    best, best_score = None, (0, 0, 0)
    for parent, members in blocks.items():
        dated = sum(1 for m in members if m["date"])
        if dated and dated * 2 >= len(members):
            if dated < 3 and (
                _noisy(parent) or not any(_DOC_HREF.search(m["url"]) or len(m["title"]) >= 8 for m in members)
            ):
                continue
            score = (2, dated, len(members))
        else:
            docs = sum(1 for m in members if _DOC_HREF.search(m["url"]))
            titles = sum(min(len(m["title"]), 40) for m in members)
            if docs < 2 or titles < 8 * len(members) or _noisy(parent):
                continue
            score = (1, docs, titles)
        if score > best_score:
            best, best_score = parent, score
    if best is None:
        return []
    chosen = {best}
    grand = best.getparent()
    if best_score[0] == 2 and grand is not None:
        for parent, members in blocks.items():
            if (
                parent.getparent() is grand
                and _shape(parent) == _shape(best)
                and any(m["date"] for m in members)
            ):
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


# ---------------------------------------------------------------- pagination

_CALL = re.compile(
    r"\b(createPageHTML\w*|createPageHtml\w*|createPage|pageControl|showPageHTML)\s*\(([^()]{0,300})\)"
)
_FUNC_DEF = re.compile(r"function\s*$")
_ARG = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([\w.$-]+))\s*(?:,|$)""")
_JS_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\\"'])//[^\n]*", re.DOTALL)
_JS_CONCAT = re.compile(r"""["']\s*\+\s*["']""")
_VAR_COUNT = re.compile(
    r"\b(?:countPage|pageCount|totalPage|totalPages|page_count|pageTotal)\s*=\s*(\d{1,6})\b"
)
_VAR_CURRENT = re.compile(r"\b(?:currentPage|curPage|pageIndex|nCurrIndex|currPage)\s*=\s*(\d{1,6})\b")
_VAR_NAME_EXT = re.compile(r"(?<![\w./:-])([A-Za-z][\w-]{0,40})\.(shtml|html|htm|jsp|php|aspx?)\b")
_PAGED_FILE = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z-]*|[A-Za-z][\w-]*?[A-Za-z])(?:_(?P<num>\d{1,5}))?\.(?P<ext>s?html?|jsp|php|aspx?)$"
)
_PAGE_PARAMS = frozenset(
    [
        "page",
        "pageno",
        "pageindex",
        "pagenum",
        "pagenumber",
        "p",
        "pn",
        "curpage",
        "currentpage",
        "cpage",
        "page_no",
        "page_index",
        "pageid",
    ]
)


def _scripts(tree: etree._Element | None, html: str) -> list[str]:
    """Script texts of the page without JS comments (the tree's when there is one, so HTML comments drop)."""
    texts: list[str] = []
    if tree is not None:
        try:
            texts = [s.text for s in tree.iter("script") if s.text]
        except (ValueError, TypeError):
            texts = []
    if not texts and tree is None and html:
        texts = re.findall(r"<script[^>]*>(.*?)</script>", html, re.DOTALL | re.IGNORECASE)
    return [_JS_COMMENT.sub("", t) for t in texts]


def _args(raw: str, variables: dict[str, str]) -> list[int | str]:
    """Arguments of a JS call: numbers as int, strings as str, variable names resolved when known."""
    values: list[int | str] = []
    for match in _ARG.finditer(raw):
        if match.group(0) == "":
            break
        dq, sq, bare = match.groups()
        token = dq if dq is not None else sq if sq is not None else variables.get(bare or "", bare or "")
        if dq is None and sq is None and token.isdigit():
            values.append(int(token))
        else:
            values.append(token)
    return values


def _variables(scripts: Iterable[str]) -> dict[str, str]:
    """``var x = 5;`` / ``var s = "index";`` assignments of the page's scripts."""
    found: dict[str, str] = {}
    pattern = re.compile(
        r"""\b(?:var\s+|let\s+|const\s+)?([A-Za-z_$][\w$]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\d+))\s*[;\n]"""
    )
    for script in scripts:
        for name, dq, sq, num in pattern.findall(script):
            found.setdefault(name, dq or sq or num)
    return found


def _series(url: str, count: int, current: int, name: str | None, ext: str | None) -> list[str]:
    """TRS page URLs: page 0 is ``name.ext``, page k is ``name_k.ext``; the current one left out."""
    count = min(max(count, 0), MAX_PAGES)
    if count <= 1:
        return []
    path = urlsplit(url).path
    leaf = path.rsplit("/", 1)[-1]
    own = _PAGED_FILE.match(leaf)
    name = name or (own.group("name") if own else "index")
    ext = (ext or (own.group("ext") if own else "html")).lstrip(".")
    pages = []
    for index in range(count):
        if index == current:
            continue
        leaf_name = f"{name}.{ext}" if index == 0 else f"{name}_{index}.{ext}"
        pages.append(urljoin(url, leaf_name))
    return pages


def _script_pages(scripts: list[str], url: str) -> list[str]:
    """Pages announced by TRS/Hubei paging scripts (createPageHTML, pageControl, countPage vars)."""
    variables = _variables(scripts)
    pages: list[str] = []
    for script in scripts:
        for call in _CALL.finditer(script):
            if _FUNC_DEF.search(script[max(0, call.start() - 12) : call.start()]):
                continue
            args = _args(call.group(2), variables)
            for i in range(len(args) - 1):
                if isinstance(args[i], int) and isinstance(args[i + 1], int):
                    rest = [a for a in args[i + 2 : i + 4] if isinstance(a, str)]
                    name = rest[0] if rest else None
                    ext = rest[1] if len(rest) > 1 else None
                    pages += _series(url, args[i], args[i + 1], name or None, ext or None)
                    break
        if "countPage" in script or "pageCount" in script or "totalPage" in script:
            count, current = _VAR_COUNT.search(script), _VAR_CURRENT.search(script)
            if count is None or "createPageHTML" in script:
                continue
            flat = _JS_CONCAT.sub("", script)
            name_ext = _VAR_NAME_EXT.search(flat)
            name, ext = (name_ext.group(1), name_ext.group(2)) if name_ext else (None, None)
            if name and name.endswith("_"):
                name = name.rstrip("_")
            pages += _series(url, int(count.group(1)), int(current.group(1)) if current else 0, name, ext)
    return pages


def _page_param(query: list[tuple[str, str]]) -> tuple[str, int] | None:
    """The page-number parameter of a query (``page=3``, ``pageNo=3``), if any."""
    for key, value in query:
        if key.lower() in _PAGE_PARAMS and value.isdigit():
            return key, int(value)
    return None


def _pager_anchors(tree: etree._Element, url: str) -> list[tuple[str, str]]:
    """(text, absolute URL) of anchors that look like pagination: 下一页, 尾页, numbers."""
    found = []
    for a in tree.iter("a"):
        text = _text(a)
        if not text or len(text) > 8 or not _is_pager_text(text):
            continue
        target = _href(a, url)
        if target is not None:
            found.append((text.strip("[]【】 ").lower(), target))
    return found


def _link_pages(tree: etree._Element, url: str) -> list[str]:
    """Pages from pagination anchors, with numbered runs filled in between the lowest and highest seen."""
    here = urlsplit(url)
    here_dir = here.path.rsplit("/", 1)[0]
    here_leaf = here.path.rsplit("/", 1)[-1]
    here_file = _PAGED_FILE.match(here_leaf)
    here_query = parse_qsl(here.query, keep_blank_values=True)
    here_param = _page_param(here_query)
    paths: dict[tuple[str, str], set[int]] = {}
    queries: dict[tuple[str, str], dict] = {}
    plain: list[str] = []
    for text, target in _pager_anchors(tree, url):
        parts = urlsplit(target)
        if parts.netloc.lower() != here.netloc.lower():
            continue
        directory, _, leaf = parts.path.rpartition("/")
        query = parse_qsl(parts.query, keep_blank_values=True)
        param = _page_param(query)
        if param is not None and parts.path == here.path:
            key, number = param
            rest = urlencode([(k, v) for k, v in query if k != key])
            entry = queries.setdefault((key, rest), {"numbers": set(), "next": None, "prev": None})
            entry["numbers"].add(number)
            if text in _NEXT_WORDS:
                entry["next"] = number
            elif text in _PREV_WORDS:
                entry["prev"] = number
            continue
        paged = _PAGED_FILE.match(leaf)
        if directory == here_dir and paged and not parts.query:
            same_name = here_file is None or here_file.group("name") == paged.group("name") or here_leaf == ""
            if same_name or text not in ("首页", "first", "第一页"):
                number = int(paged.group("num")) if paged.group("num") else 0
                paths.setdefault((paged.group("name"), paged.group("ext")), set()).add(number)
                continue
        if text not in ("首页", "first", "第一页") and not text.isdigit():
            plain.append(target)
    pages: list[str] = []
    for (name, ext), numbers in paths.items():
        current = int(here_file.group("num") or 0) if here_file and here_file.group("name") == name else 0
        if here_leaf and here_file is None:
            current = -1
        numbered = [n for n in numbers if n > 0]
        run = (
            range(min(numbered), min(max(numbered), min(numbered) + MAX_PAGES) + 1) if numbered else range(0)
        )
        for number in sorted(set(run) | numbers):
            if number != current:
                pages.append(urljoin(url, f"{name}.{ext}" if number == 0 else f"{name}_{number}.{ext}"))
    for (key, rest), entry in queries.items():
        numbers = entry["numbers"]
        if here_param is not None and here_param[0] == key:
            current = here_param[1]
        elif entry["next"] is not None:
            current = entry["next"] - 1
        elif entry["prev"] is not None:
            current = entry["prev"] + 1
        else:
            current = 0 if 0 in numbers else 1
        low, high = min(numbers), max(numbers)
        for number in range(low, min(high, low + MAX_PAGES) + 1):
            if number != current:
                query = f"{rest}&{key}={number}" if rest else f"{key}={number}"
                pages.append(urlunsplit((here.scheme, here.netloc, here.path, query, "")))
    return pages + plain


def _same_page(a: str, b: str) -> bool:
    """``dir/``, ``dir/index.html`` and ``dir/index.shtml`` are one page."""
    return _strip_index(a) == _strip_index(b)


_INDEX_LEAF = re.compile(r"/(?:index|default)\.(?:s?html?|jsp|php|aspx?)$", re.IGNORECASE)


def _strip_index(url: str) -> str:
    return _INDEX_LEAF.sub("/", url.split("#", 1)[0])


def pagination(tree: etree._Element | None, url: str, html: str) -> list[str]:
    """Absolute URLs of the other pages of this list: all of them when the pager says how many.

    Reads TRS ``createPageHTML(count, current, "index", "shtml"[, style, records])`` and its
    container-id-first form, Hubei ``pageControl(...)``, ``var currentPage = 0; var countPage = 56``
    document.write pagers, and plain 下一页/尾页/numbered links (``index_2.html``, ``?page=2``), whose
    numbered runs are filled in between the lowest and highest page seen. Definitions
    (``function createPageHTML(...)``) are not calls. Deduplicated, current page excluded, a list
    taken as at most 500 pages.
    """
    try:
        pages = _script_pages(_scripts(tree, html or ""), url)
        if tree is not None:
            pages += _link_pages(tree, url)
    except Exception:  # noqa: BLE001 - contract: never raise on a crawled page
        return []
    seen: set[str] = {_strip_index(url)}
    result = []
    for page in pages:
        key = _strip_index(page)
        if key not in seen:
            seen.add(key)
            result.append(page)
        if len(result) >= MAX_PAGES - 1:
            break
    return result


# ---------------------------------------------------------------- Hanweb dataproxy

_RECORD = re.compile(r"<record[^>]*>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.DOTALL | re.IGNORECASE)
_RECORD_PLAIN = re.compile(r"<record[^>]*>(.*?)</record>", re.DOTALL | re.IGNORECASE)
_HANWEB_KEYS = (
    "totalRecord",
    "totalrecord",
    "perPage",
    "perpage",
    "columnid",
    "unitid",
    "webid",
    "webname",
    "path",
    "sourceContentType",
    "permissiontype",
    "col",
    "appid",
    "proxyUrl",
    "url",
    "groupSize",
)
_HANWEB_PARAM = re.compile(
    r"""(?<![\w.])(""" + "|".join(_HANWEB_KEYS) + r""")\s*[:=]\s*(?:"([^"]*)"|'([^']*)'|([^\s,;&}'"<>)]+))"""
)
_DATAPROXY = re.compile(r"""[\w/.-]*dataproxy\.jsp""", re.IGNORECASE)
_POST_FIELDS = (
    "col",
    "appid",
    "webid",
    "path",
    "columnid",
    "sourceContentType",
    "unitid",
    "webname",
    "permissiontype",
)


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


def _hanweb_params(texts: Iterable[str]) -> dict[str, str]:
    """Paging parameters from nextgroup URLs and jpage set-up objects (first value of each key wins)."""
    params: dict[str, str] = {}
    for text in texts:
        for key, dq, sq, bare in _HANWEB_PARAM.findall(html_lib.unescape(text)):
            value = dq if dq else sq if sq else bare
            if key == "url" and "dataproxy" not in value:
                continue
            key = key.lower() if key.lower() in ("totalrecord", "perpage") else key
            params.setdefault(key, unquote(value))
        if (proxy := _DATAPROXY.search(text)) is not None:
            params.setdefault("proxyUrl", proxy.group(0))
    return params


def dataproxy_requests(tree: etree._Element, url: str, html: str) -> tuple[list[dict], list[dict]]:
    """Hanweb JCMS: (items inlined in ``<script type="text/xml">``, POSTs for the remaining records).

    Each request: ``{"url": …/dataproxy.jsp?startrecord=&endrecord=&perpage=, "method": "POST",
    "body": "col=1&appid=1&webid=…&path=/&columnid=…&sourceContentType=1&unitid=…&webname=…&permissiontype=0",
    "headers": {...}, "column_url": canonical column URL}``; three pages per request.
    """
    try:
        return _dataproxy_requests(tree, url, html or "")
    except Exception:  # noqa: BLE001 - contract: never raise on a crawled page
        return [], []


def _dataproxy_requests(tree: etree._Element, url: str, html: str) -> tuple[list[dict], list[dict]]:
    stores = _datastore_texts(tree) if tree is not None else []
    if not stores and "datastore" in html:
        stores = re.findall(r"<datastore.*?</datastore>", html, re.DOTALL | re.IGNORECASE)
    if not stores:
        return [], []
    records = [r for text in stores for r in _records_of(text)]
    items = _record_items(records, url, None)
    params = _hanweb_params(stores)
    params |= _hanweb_params(t for t in _scripts(tree, html) if "<datastore" not in t.lower())
    total = _int(params.get("totalrecord"))
    per_page = _int(params.get("perpage")) or 15
    column_id = params.get("columnid")
    if not total or not column_id or total <= len(records):
        return items, []
    proxy = params.get("proxyUrl") or "/module/web/jpage/dataproxy.jsp"
    proxy_url = urljoin(url, proxy.split("?", 1)[0])
    fields = {
        "col": "1",
        "appid": "1",
        "webid": "1",
        "path": "/",
        "sourceContentType": "1",
        "permissiontype": "0",
    }
    fields |= {key: params[key] for key in _POST_FIELDS if params.get(key)}
    fields["columnid"] = column_id
    body = urlencode([(key, fields[key]) for key in _POST_FIELDS if key in fields], safe="/")
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Requested-With": "XMLHttpRequest",
        "Referer": url,
    }
    column = canonical_column_url(url)
    step = per_page * HANWEB_GROUP_PAGES
    start = (len(records) or per_page) + 1
    requests = []
    while start <= total and len(requests) * HANWEB_GROUP_PAGES < MAX_PAGES:
        end = min(start + step - 1, total)
        query = urlencode({"startrecord": start, "endrecord": end, "perpage": per_page})
        requests.append(
            {
                "url": f"{proxy_url}?{query}",
                "method": "POST",
                "body": body,
                "headers": dict(headers),
                "column_url": column,
            }
        )
        start = end + 1
    return items, requests


def _int(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def parse_dataproxy(text: str, url: str) -> dict:
    """A ``dataproxy.jsp`` answer → ``{"items": [...], "requests": []}`` (tolerant of broken XML)."""
    try:
        return {"items": _record_items(_records_of(text or ""), url, None), "requests": []}
    except Exception:  # noqa: BLE001 - contract: never raise on a crawled answer
        return {"items": [], "requests": []}


# ---------------------------------------------------------------- columns

_COLUMN_LEAF = re.compile(r"^(?:index|default)(?:_\d+)?\.(?:s?html?|jsp|php|aspx?)$", re.IGNORECASE)
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


def canonical_column_url(url: str) -> str:
    """First page of a list: ``…/index_3.shtml`` → ``…/``, ``list_2.htm`` → ``list.htm``, ``?page=`` dropped.

    Hanweb ``/col/col123/index.html`` → ``/col/col123/``.
    """
    if not url or not url.strip():
        return ""
    try:
        parts = urlsplit(url.strip())
        path = parts.path or "/"
        directory, _, leaf = path.rpartition("/")
        if _COLUMN_LEAF.match(leaf):
            path = directory + "/"
        elif (
            (paged := _PAGED_FILE.match(leaf))
            and paged.group("num")
            and re.fullmatch(r"[A-Za-z-]+", paged.group("name"))
        ):
            path = f"{directory}/{paged.group('name')}.{paged.group('ext')}"
        query = [
            (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in _PAGE_PARAMS
        ]
        return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))
    except ValueError:
        return url or ""


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
        if len(parts) >= 2 and len(parts[-1]) <= 30:
            return parts[-1]
        if label and len(parts) == 1 and len(parts[0]) <= 30 and parts[0] not in _HOME_WORDS:
            return parts[0]
    return None


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
        return column_like and (
            bool(items) or (tree is not None and (bool(_blank_phrase(tree)) or _empty_list(tree)))
        )
    except Exception:  # noqa: BLE001 - contract: never raise on a crawled page
        return False


_LIST_TOKENS = re.compile(r"list|lb|news|data|article|wz|xxgk|info|con", re.IGNORECASE)


def _empty_list(tree: etree._Element) -> bool:
    """True when the content holds a list container with no entries: ``<ul class="list"></ul>``, a
    table with only its header row, an empty ``div.list-box`` — a blank column that says nothing.

    Containers inside navigation, header, footer or side columns do not count.
    """
    body = tree.find(".//body")
    for el in (body if body is not None else tree).iter("ul", "ol", "dl", "table", "div"):
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if el.tag != "table" and not _LIST_TOKENS.search(names):
            continue
        if _noisy(el) or _aside(el) or any(True for _ in el.iter("a")):
            continue
        has_rows = any(True for _ in el.iter("ul", "ol", "table", "li"))
        if el.tag == "div" and not has_rows and "".join(_chunks(el)).strip():
            continue  # a text block (an article body), not an empty list
        if el.tag == "table" and sum(1 for tr in el.iter("tr") if tr.find("td") is not None) > 0:
            continue
        return True
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
    if _ARTICLE_URL.search(path) or not (
        is_list_page(tree, url, items) or (column_like and meta.get("ColumnName"))
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
        "blank": not items and (bool(phrase) or not _has_link_block(tree, url)),
        "blank_text": phrase,
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
