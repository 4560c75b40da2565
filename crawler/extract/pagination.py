"""Pagination: the other pages of a column (page links, 下一页, TRS ``createPageHTML`` scripts).

Part of the list-page understanding described in :mod:`crawler.extract.lists`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from crawler.extract.list_items import _NEXT_WORDS, _PREV_WORDS, MAX_PAGES, _href, _is_pager_text, _text
from crawler.vocabulary import INDEX_PAGE_RE

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


def _strip_index(url: str) -> str:
    return INDEX_PAGE_RE.sub("/", url.split("#", 1)[0])

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


_COLUMN_LEAF = re.compile(r"^(?:index|default)(?:_\d+)?\.(?:s?html?|jsp|php|aspx?)$", re.IGNORECASE)


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
