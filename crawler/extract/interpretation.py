"""政策解读: recognise interpretation pages and the 解读 links on policy documents.

An **interpretation page** is a page whose title reads like one — ``《…》政策解读``,
``关于《…》的解读``, ``…解读``, ``一图读懂…``, ``图解…``, ``…答记者问`` — or which sits in a
column named 政策解读 / 解读 / 图解 / 一图读懂 / 答记者问 (its ``ColumnName`` meta tag, or the last
element of its breadcrumb 当前位置：首页 > 政策解读). What it interprets is written three ways on
real sites, all recorded so the check can match them against the policy documents of the store:
a link to the document (the crawl's link table), the document's title quoted in 《》, or its
发文字号 in the text (``示教〔2026〕41号``; look-alike brackets are normalised to 〔〕).

On a **policy document** the interpretation is linked under a label (相关解读：/ 政策解读：/
解读：) or by an anchor that says so (《…》政策解读, 图解：…, 一图读懂…). Navigation menus,
headers and footers link the 政策解读 *column* from every page; such links (inside nav/menu/
header/footer containers, or an anchor that is only a column word) are not interpretation links.

Everything here is a pure function of the parsed page and never raises on a crawled page.
"""

from __future__ import annotations

import re

from crawler.extract.dates import find_dates, parse_date

COLUMN_WORDS = ("政策解读", "解读", "图解", "一图读懂", "答记者问")
"""Words that make a column an interpretation column (longest first where they overlap)."""

# Titles, in the order they are tried; the name is what ``detected_by`` records.
TITLE_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("《…》政策解读", re.compile(r"《[^《》]{2,120}》\s*(?:的)?(?:政策)?解读")),
    ("关于《…》的解读", re.compile(r"关于\s*《[^《》]{2,120}》\s*(?:的)?(?:政策)?解读")),
    ("一图读懂…", re.compile(r"一图(?:读懂|看懂|解读)")),
    ("图解…", re.compile(r"^\s*[【\[]?\s*图解\s*[】\]：:]?|图解\s*[：:]|[（(【\[]\s*图解\s*[)）】\]]")),
    ("…答记者问", re.compile(r"答记者问")),
    ("…解读", re.compile(r"解读\s*[）)】\]]?\s*$|^\s*[【\[（(]\s*(?:政策)?解读\s*[】\]）)]"
                        r"|(?:政策)?解读\s*[：:]")),
)
_TITLE_SUFFIX = re.compile(r"\s*(?:_|\s-\s|—+|\||｜)\s*")  # 《…》政策解读_示例市教育局
_SITE_SUFFIX = re.compile(r"\s*-\s*[^-《》]{2,30}(?:政府|局|委员会|委|厅|办公室|网|中心)\s*$")
# a quote may run over a few text nodes (Word markup splits 《福建省</span><span>“十四五”…》), each a
# line of the visible text; more lines than that is a stray 《 and not a title
_QUOTED = re.compile(r"《\s*([^《》]{2,120}?)\s*》")
_QUOTE_LINES = 3
_DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fa5]{1,16})\s*[〔\[【(（［﹝]\s*((?:19|20)\d{2})\s*[〕\]】)）］﹞]\s*第?\s*0*([1-9]\d{0,4})\s*号")
_CRUMB_LABEL = re.compile(r"(?:当前位置|您现在的位置|您当前的位置|所在位置|当前的位置|位置)\s*[:：]\s*")
_CRUMB_SEP = re.compile(r"\s*(?:->|>>|>|»|›|→|＞|/|\\|＼)\s*")
_CRUMB_TRAIL = re.compile(r"(?:->|>>|>|»|›|→|＞|/|\\|＼)\s*$")
LINK_LABELS = ("相关解读", "政策解读", "文件解读", "解读材料", "图文解读", "解读")
_LABEL = re.compile(r"(?:" + "|".join(LINK_LABELS) + r")\s*[:：]\s*$")
_LABEL_IN_TEXT = re.compile(r"(?:" + "|".join(LINK_LABELS) + r")\s*[:：]")
_ANCHOR_WORDS = ("解读", "图解", "一图", "答记者问")
_NAV_TOKENS = re.compile(r"(?:^|[\s_-])(?:nav|menu|header|head|top|foot|footer|bottom|daohang|dh|"
                         r"copyright|breadcrumb|crumb|position|location|dqwz)(?:$|[\s_\d-])", re.I)
_PUB_LABELS = re.compile(r"(?:发布日期|发布时间|公开日期|发文日期|日期|时间)\s*[:：]\s*([^\n]{6,30})")
UNLABELLED_DATE_SEARCH = 400
"""Characters at the top of the visible text where an unlabelled byline date (2026-11-24 10:00
来源：…) is taken as the interpretation's date."""
PUB_DATE_SEARCH = 2000
"""Characters of visible text searched for a byline date when no metadata field gives one."""


def column_word(name: str | None) -> str | None:
    """The interpretation word in a column name (``政策解读``), or None (回应关切 is not one)."""
    text = (name or "").strip()
    if not text:
        return None
    for word in COLUMN_WORDS:
        if word in text:
            return word
    return None


_MIXED_COLUMN = re.compile(r"文件\s*(?:及|与|和|、|暨|&|＆)\s*(?:政策)?(?:解读|图解)"
                           r"|(?:解读|图解)\s*(?:及|与|和|、|暨)\s*(?:政策)?文件")


def is_mixed_column(name: str | None) -> bool:
    """A column that holds the documents and their 解读 together (政策文件及解读, 文件与解读):
    sitting in it makes no page an interpretation — its documents sit there too.

    >>> is_mixed_column("政策文件及解读"), is_mixed_column("政策解读"), is_mixed_column("文件解读")
    (True, False, False)
    """
    return bool(_MIXED_COLUMN.search(name or ""))


def title_kind(title: str | None) -> str | None:
    """Which interpretation-title pattern ``title`` matches (``"《…》政策解读"``), or None.

    >>> title_kind("《示例市中小学课后服务管理办法》政策解读")
    '《…》政策解读'
    >>> title_kind("示例市教育局关于印发《示例市中小学课后服务管理办法》的通知") is None
    True
    """
    text = " ".join((title or "").split())
    if not text:
        return None
    first = _TITLE_SUFFIX.split(text, maxsplit=1)[0]
    for name, pattern in TITLE_PATTERNS:
        if pattern.search(text) or (first != text and pattern.search(first)):
            return name
    return None


def strip_site_suffix(title: str) -> str:
    """``《X》政策解读_示例市教育局`` / ``…的解读-示例县人民政府`` → the title without the site name."""
    text = _TITLE_SUFFIX.split(title or "", maxsplit=1)[0]
    m = _SITE_SUFFIX.search(text)
    return text[:m.start()] if m else text


def quoted_titles(text: str | None) -> list[str]:
    """Every title quoted in 《》 in ``text``, in order, each once (inner white space removed)."""
    found: list[str] = []
    for m in _QUOTED.finditer(text or ""):
        if m.group(1).count("\n") > _QUOTE_LINES:
            continue
        value = normalize_title(m.group(1))
        if value and value not in found:
            found.append(value)
    return found


def normalize_title(text: str | None) -> str:
    """A title for comparison: no white space, 《》 and trailing punctuation removed."""
    return re.sub(r"[\s\u3000《》「」“”\"'。．.]+", "", text or "")


def normalize_doc_number(text: str | None) -> str:
    """``皖教[2026]3号`` → ``皖教〔2026〕3号``: brackets, 第 and leading zeros made canonical."""
    m = _DOC_NUMBER.search(re.sub(r"\s+", "", text or ""))
    if not m:
        return ""
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"


def doc_numbers(text: str | None) -> list[str]:
    """Every 发文字号 written in ``text``, normalised (see :func:`normalize_doc_number`)."""
    found: list[str] = []
    for m in _DOC_NUMBER.finditer(text or ""):
        value = f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
        if value not in found:
            found.append(value)
    return found


def breadcrumb_parts(text: str | None) -> list[str]:
    """The elements of the first 当前位置 line of the visible text: ``["首页", "政策解读"]``.

    Breadcrumbs span several text segments (one per link); parts are read while separators
    (``>``, ``»``, ``/`` …) join them, so the heading that follows is not taken for a part.
    """
    m = _CRUMB_LABEL.search(text or "")
    if not m:
        return []
    parts: list[str] = []
    expect = True
    for segment in (text or "")[m.end():m.end() + 300].split("\n")[:12]:
        pieces = _CRUMB_SEP.split(segment.strip())
        if not segment.strip():
            continue
        for i, piece in enumerate(pieces):
            piece = piece.strip()
            if i > 0:
                expect = True
            if not piece:
                continue
            if not expect or len(piece) > 40:
                return parts
            parts.append(piece)
            expect = False
        if _CRUMB_SEP.fullmatch(segment.strip()) or _CRUMB_TRAIL.search(segment):
            expect = True
    return parts


def breadcrumb_column(text: str | None) -> str | None:
    """The interpretation column named in the page's 当前位置 line, or None."""
    for part in reversed(breadcrumb_parts(text)):
        if column_word(part):
            return part
    return None


def _byline_date(text: str) -> tuple[str | None, str]:
    m = _PUB_LABELS.search(text[:PUB_DATE_SEARCH])
    if m:
        value = parse_date(m.group(1))
        if value:
            return value, m.group(0).split("：")[0].split(":")[0].strip()
    first = find_dates(text[:UNLABELLED_DATE_SEARCH])
    if first:
        return first[0], "页面日期（无标签）"
    return None, ""


def interpretation_facts(title: str, headings: tuple[str, ...], meta: dict, text: str,
                         fields: dict | None = None) -> dict | None:
    """What an interpretation page says about itself, or None when the page is not one.

    ``title`` is the ``<title>``, ``headings`` the page's h1/h2 (and ``ArticleTitle``), ``meta`` its
    指引2017 tags, ``text`` the visible text, ``fields`` the document metadata already extracted
    (its 发布日期 is the interpretation's date when present). Returns ``{"title", "detected_by",
    "column_name", "pub_date", "pub_date_label", "quoted_titles", "doc_numbers"}``.
    """
    candidates = [h for h in (meta.get("ArticleTitle") or "", *headings, title) if h]
    declared = meta.get("ColumnName") or ""
    parts = breadcrumb_parts(text)
    # a <title> that only names the column (政策文件及解读_站点名) is no title of the article
    columns = {normalize_title(name) for name in (declared, parts[-1] if parts else "") if name}
    detected_by, shown = "", ""
    for candidate in candidates:
        if normalize_title(_TITLE_SUFFIX.split(candidate.strip(), maxsplit=1)[0]) in columns:
            continue
        kind = title_kind(candidate)
        if kind:
            detected_by, shown = f"title:{kind}", candidate
            break
    column_name = ""
    if column_word(declared):
        column_name = declared
        if not is_mixed_column(declared):
            detected_by = detected_by or f"meta:ColumnName={declared}"
    crumb = breadcrumb_column(text)
    if crumb:
        column_name = column_name or crumb
        if not is_mixed_column(crumb):
            detected_by = detected_by or f"breadcrumb:{crumb}"
    if not detected_by:
        return None
    shown = strip_site_suffix(shown or (candidates[0] if candidates else ""))
    pub = (fields or {}).get("pub_date") or {}
    pub_date, pub_label = pub.get("date"), pub.get("label") or ""
    if pub_date and pub.get("where") == "meta":
        pub_label = "PubDate(meta)"
    elif pub_date and not pub_label:
        pub_label = f"页面日期（无标签，{pub.get('how') or pub.get('where') or 'byline'}）"
    if not pub_date:
        pub_date, pub_label = _byline_date(text)
    return {"title": " ".join(shown.split())[:300], "detected_by": detected_by,
            "column_name": column_name, "pub_date": pub_date, "pub_date_label": pub_label,
            "quoted_titles": interpreted_titles(shown, text)[:30],
            "doc_numbers": doc_numbers(text)[:20]}


def interpreted_titles(title: str, text: str | None) -> list[str]:
    """The titles quoted in 《》 that an interpretation page may interpret: those of its own title,
    then the body's, each once, without the back-references and the other interpretations.

    A 解读 names the document in full once and then abbreviates it (《专项规划》, 《办法》,
    《条例》): a quote contained in a longer one quoted before it is such a back-reference and no
    title of its own — kept, it would match any document that quotes the same short word. A quote
    that is itself an interpretation's title (《…政策解读》, the link to a 图片解读 version) is not
    what the page interprets either.
    """
    found: list[str] = []
    for quote in quoted_titles(title) + quoted_titles(text):
        if quote in found or title_kind(quote):
            continue
        if any(quote in earlier and quote != earlier for earlier in found):
            continue  # 《专项规划》 after 《平潭综合实验区“十四五”社会事业发展专项规划》
        found.append(quote)
    return found


def _in_navigation(el) -> bool:
    """Inside a nav/menu/header/footer/breadcrumb container (class or id), or a ``<nav>``."""
    for _ in range(30):
        if el is None:
            return False
        if el.tag in ("nav", "header", "footer"):
            return True
        names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
        if names and _NAV_TOKENS.search(names):
            return True
        el = el.getparent()
    return False


def _preceding_text(a, limit: int = 40) -> str:
    """Visible text just before ``a`` inside its parent (the label a link is listed under)."""
    parent = a.getparent()
    if parent is None:
        return ""
    pieces: list[str] = []
    for node in parent.iter():
        if node is a:
            break
        if node is not parent and node.text:
            pieces.append(node.text)
        if node is parent and parent.text:
            pieces.append(parent.text)
        if node is not parent and node.tail:
            pieces.append(node.tail)
    before = "".join(pieces)
    if not before.strip():
        grand = parent.getparent()
        prev = parent.getprevious()
        if prev is not None:
            before = "".join(prev.itertext())
        elif grand is not None and grand.text:
            before = grand.text
    return " ".join(before.split())[-limit:]


def interpretation_links(root, links: list[dict], text: str | None = None) -> list[dict]:
    """The 解读 links of a page: ``[{"url", "text", "label"}]`` in page order, one per URL.

    ``links`` are the page's extracted links (absolute ``url`` and ``text``, as
    :func:`crawler.extract.kinds.extract_links` gives them); ``root`` is the parsed tree, used to
    see each anchor's container and the label before it. ``label`` is the label the link is listed
    under (``相关解读``) or ``anchor`` when the anchor text itself says 解读.
    """
    if root is None:
        return []
    labelled = text is None or bool(_LABEL_IN_TEXT.search(text))
    if not labelled and not any(w in (link.get("text") or "") for link in links for w in _ANCHOR_WORDS):
        return []  # neither a 相关解读： label nor a 解读 anchor on the page (fast path)
    by_text: dict[str, list[str]] = {}
    for link in links:
        if link.get("tag") == "a" and str(link.get("url", "")).startswith(("http://", "https://")):
            by_text.setdefault(" ".join((link.get("text") or "").split()), []).append(link["url"])
    found: dict[str, dict] = {}
    try:
        for a in root.iter("a"):
            href = a.get("href")
            if not href or href.startswith(("javascript:", "#", "mailto:")):
                continue
            text = " ".join("".join(a.itertext()).split()) or (a.get("title") or "").strip()
            urls = by_text.get(text[:200]) or []
            if not urls or (not labelled and not any(w in text for w in _ANCHOR_WORDS)):
                continue
            if _in_navigation(a):
                continue
            label = ""
            before = _preceding_text(a) if labelled else ""
            m = _LABEL.search(before)
            if m:
                label = m.group(0).rstrip("：: ")
            elif text not in COLUMN_WORDS and (title_kind(text) or any(w in text for w in COLUMN_WORDS)):
                label = "anchor"
            if not label:
                continue
            url = _match_href(href, urls)
            if url and url not in found:
                found[url] = {"url": url, "text": text[:200], "label": label}
    except (ValueError, TypeError):  # a tree we cannot walk has no links we can trust
        return []
    return list(found.values())


def _match_href(href: str, urls: list[str]) -> str | None:
    """The extracted absolute URL for a raw ``href`` among the links with the same anchor text."""
    if len(urls) == 1:
        return urls[0]
    tail = href.strip().lstrip("./")
    for url in urls:
        if url.endswith(tail):
            return url
    return urls[0] if urls else None
