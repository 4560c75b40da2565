"""What a page is: its links, its kind, soft-404s, 公开指南 elements, annual-report year, downloads.

* :func:`extract_links` — every a/area/img/script/link(stylesheet, icon …)/iframe/frame/embed/
  source with its tag and text, resolved against the page URL and ``<base href>``, fragment
  removed, made safe with w3lib (Chinese paths, spaces). ``javascript:``, ``mailto:``, ``tel:`` and
  pure ``#frag`` links are kept raw; ``data:`` URIs are skipped (inlined content, no target).
  One entry per (url, tag), first occurrence kept.
* :func:`soft404_reason` — a 200 page that says 页面不存在 / 404 / 找不到 … in its title, or in a
  short body: a long article that mentions 404 is not an error page.
* :func:`guide_elements` — the 条例 Art. 12 elements of a 政府信息公开指南 text.
* :func:`report_year` — the year of a 政府信息公开工作年度报告 from its title.
* :func:`page_kind` — home | list | document | guide | annual_report | other.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urljoin

from w3lib.url import safe_url_string

from crawler.urls import extension
from crawler.vocabulary import DOWNLOAD_EXTENSIONS

LINK_TAGS = ("a", "area", "img", "script", "link", "iframe", "frame", "embed", "source")
_LINK_ATTR = {"a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
              "iframe": "src", "frame": "src", "embed": "src", "source": "src"}
LINK_RELS = frozenset({"stylesheet", "icon", "apple-touch-icon", "apple-touch-icon-precomposed",
                       "preload", "manifest", "mask-icon"})
RAW_SCHEMES = ("javascript:", "mailto:", "tel:", "sms:", "#")
SKIP_SCHEMES = ("data:",)
MAX_TEXT = 200
# URLs w3lib would leave unchanged: lower-case ASCII host, short port, safe path/query characters.
_ALREADY_SAFE = re.compile(
    r"https?://[a-z0-9.\-]+(?::\d{1,4})?(?:/[A-Za-z0-9\-._~:/?@!$&()*+,;=%]*)?(?<!\?)")
_URL_JUNK = re.compile(r"[\t\r\n]")

# cheap pre-check before crawler.urls.extension (which splits the URL)
_DOWNLOAD_SUFFIX = re.compile(r"\.(?:pdf|docx?|wps|ofd|xlsx?|et|zip|rar|7z)(?:[?#]|$)", re.I)
_DOWNLOAD_TEXT = re.compile(r"下载|附件")
_NOT_DOWNLOAD_TEXT = re.compile(
    r"(?:app|APP|App|客户端|浏览器|软件|插件|阅读器|播放器|字体|控件|驱动)\s*下载")


def base_url(root, url: str) -> str:
    """The page URL, or its ``<base href>`` resolved against it."""
    if root is not None:
        for el in root.iter("base"):
            href = (el.get("href") or "").strip()
            if href and not href.lower().startswith(SKIP_SCHEMES + RAW_SCHEMES):
                try:
                    return urljoin(url, href)
                except ValueError:
                    return url
    return url


@lru_cache(maxsize=32768)
def resolve_url(raw: str, base: str) -> str | None:
    """Absolute, fragment-free, safe URL of a link; special links raw; None for nothing."""
    if "\t" in raw or "\n" in raw or "\r" in raw:
        raw = _URL_JUNK.sub("", raw)
    raw = raw.strip()
    if not raw:
        return None
    low = raw[:11].lower()
    if low.startswith(SKIP_SCHEMES):
        return None
    if low.startswith(RAW_SCHEMES):
        return raw
    if "\\" in raw:
        raw = raw.replace("\\", "/")  # browsers read \ as / in http(s) URLs (WHATWG URL)
    if low.startswith(("http://", "https://")) and "/." not in raw:
        url = raw  # absolute already: urljoin would return it as it is
    elif raw[0] == "/" and raw[1:2] != "/" and "/." not in raw and (origin := _origin(base)):
        url = origin + raw  # root-relative: the base's scheme and host, then the path
    else:
        try:
            url = urljoin(base, raw)
        except ValueError:
            return raw
    cut = url.find("#")
    if cut >= 0:
        url = url[:cut]
    if not url:
        return None
    if _ALREADY_SAFE.fullmatch(url):
        return url
    try:
        return safe_url_string(url)
    except ValueError:  # e.g. a port out of range: keep it, the check will report it
        return url


def _origin(base: str) -> str:
    """``scheme://host[:port]`` of an http(s) base URL ('' for anything else)."""
    if not base.startswith(("http://", "https://")):
        return ""
    end = base.find("/", base.find("//") + 2)
    origin = base if end < 0 else base[:end]
    return "" if ("?" in origin or "#" in origin) else origin


def _text(el) -> str:
    text = el.text if len(el) == 0 else "".join(el.itertext())
    if not text:
        return ""
    return " ".join(text.split())[:MAX_TEXT]


def extract_links(root, base: str) -> list[dict]:
    """``[{"url", "text", "tag"}]`` in page order, one per (url, tag)."""
    links: list[dict] = []
    if root is None:
        return links
    seen: set[tuple[str, str]] = set()
    resolved: dict[str, str | None] = {}
    for el in root.iter(*LINK_TAGS):
        tag = el.tag
        raw = el.get(_LINK_ATTR[tag])
        if raw is None:
            continue
        if tag == "link":
            rel = (el.get("rel") or "").lower()
            if "icon" not in rel and not LINK_RELS.intersection(rel.split()):
                continue
        if raw in resolved:
            url = resolved[raw]
        else:
            url = resolved[raw] = resolve_url(raw, base)
        if url is None or (url, tag) in seen:
            continue
        seen.add((url, tag))
        if tag in ("a",):
            text = _text(el)
            if not text:
                text = (el.get("title") or "").strip()
                if not text:
                    for img in el.iter("img"):
                        text = (img.get("alt") or img.get("title") or "").strip()
                        break
        elif tag in ("img", "area"):
            text = (el.get("alt") or el.get("title") or "").strip()
        else:
            text = (el.get("title") or "").strip()
        links.append({"url": url, "text": text[:MAX_TEXT], "tag": tag})
    return links


def download_links(links: list[dict]) -> list[str]:
    """Links to a document file (pdf, doc(x), wps, ofd, xls(x), et, zip, rar, 7z) or a 下载/附件 link."""
    found: list[str] = []
    for link in links:
        url = link["url"]
        if link["tag"] not in ("a", "area", "iframe", "embed") or not url.startswith(("http://", "https://")):
            continue
        if (_DOWNLOAD_SUFFIX.search(url) and extension(url) in DOWNLOAD_EXTENSIONS) or (
                link["tag"] == "a" and _DOWNLOAD_TEXT.search(link["text"])
                and not _NOT_DOWNLOAD_TEXT.search(link["text"])):
            if url not in found:
                found.append(url)
    return found


# ---------------------------------------------------------------------------- soft 404
_SOFT404_STRONG = re.compile(
    r"您(?:所|要)?(?:访问|请求|查看|浏览)的(?:页面|网页|文章|信息|内容|资源|链接)(?:已经|已)?"
    r"(?:不存在|被删除|删除|找不到|无法找到|无法访问|失效)|"
    r"(?:页面|网页)(?:已经|已)?(?:被删除|删除|不存在|未找到|找不到|无法找到)|"
    r"找不到(?:该|此|您要的|您要访问的|您所访问的)?(?:页面|网页)|"
    r"404\s*(?:not\s*found|错误|error|页面)|(?:error|错误)\s*404|\bnot\s+found\b|"
    r"出错了|访问出错|(?:该|此)(?:信息|文章|稿件)已(?:被)?(?:删除|撤销|下线)", re.I)
_SOFT404_WEAK = re.compile(r"(?<![\d.])404(?![\d.%])|找不到|已被删除", re.I)
_SOFT404_TITLE = re.compile(r"^\s*(?:404|403|500|502|503)\b|(?<![\d.])404(?![\d.])\s*$")
SHORT_BODY = 800
MEDIUM_BODY = 3000


def soft404_reason(title: str, text: str) -> str:
    """Why a 200 page is an error page ("" when it is not): ``title:…`` or ``text:…``."""
    title = (title or "").strip()
    if title:
        m = _SOFT404_STRONG.search(title) or _SOFT404_TITLE.search(title)
        if m:
            return f"title:{m.group(0).strip()}"
    body = (text or "").strip()
    if not body:
        return ""
    if len(body) <= MEDIUM_BODY:
        m = _SOFT404_STRONG.search(body)
        if m:
            return f"text:{m.group(0).strip()}"
    if len(body) <= SHORT_BODY:
        m = _SOFT404_WEAK.search(body)
        if m:
            return f"text:{m.group(0).strip()}"
    return ""


# ---------------------------------------------------------------------------- 公开指南
GUIDE_ELEMENTS: dict[str, tuple[str, ...]] = {
    "office": ("信息公开工作机构", "信息公开机构", "受理机构", "工作机构名称", "工作机构", "受理单位",
               "办理机构", "机构名称", "单位名称", "名称"),
    "address": ("办公地址", "通讯地址", "通信地址", "联系地址", "地址"),
    "hours": ("办公时间", "受理时间", "工作时间", "接待时间", "咨询时间"),
    "phone": ("联系电话", "咨询电话", "办公电话", "电话"),
    "fax": ("传真电话", "传真号码", "传真"),
    "postcode": ("邮政编码", "邮编"),
    "online": ("在线申请", "电子邮箱", "电子邮件", "网址", "邮箱", "互联网"),
}
_GUIDE_LABEL_ELEMENT = {label: element for element, labels in GUIDE_ELEMENTS.items()
                        for label in labels}
_GUIDE_RE = re.compile(
    r"(?P<label>" + "|".join("[ \u3000]*".join(map(re.escape, label))
                             for label in sorted(_GUIDE_LABEL_ELEMENT, key=len, reverse=True)) + r")"
    r"[ \u3000]*(?P<colon>[:：])?[ \u3000]*"
)
_GUIDE_SHAPE = {
    "phone": re.compile(r"\d{3,4}\s*[-－—]?\s*\d{7,8}|\d{11}|\d{5,8}"),
    "fax": re.compile(r"\d{3,4}\s*[-－—]?\s*\d{7,8}|\d{7,8}"),
    "postcode": re.compile(r"(?<!\d)\d{6}(?!\d)"),
    "online": re.compile(r"https?://|www\.|[\w.-]+@[\w-]+\.[\w.]+|\.gov\.cn", re.I),
}
# 在线申请 named as a way, not an address: 「申请人可登录…政府门户网站直接填写并递交…」
_ONLINE_WAY = re.compile(r"https?://|www\.|\.gov\.cn|网站|网上|平台|系统|门户", re.I)
# Short labels that are also the tail of other words (信息名称, 区档案馆地址): a label only where a
# label can start, not right after another Chinese character.
_BARE_ONLY = frozenset({"名称", "地址", "电话", "传真", "邮箱", "邮编", "网址"})
MAX_GUIDE_VALUE = 120
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_SPACES = re.compile(r"[ \u3000]+")
GUIDE_TITLE = re.compile(r"公开指南")


def guide_elements(text: str, keep: Callable[[int], bool] | None = None) -> dict[str, str | None]:
    """``{element: value or None}`` for office, address, hours, phone, fax, postcode, online.

    A label counts with a colon (``办公地址：…``) or when its value has the element's shape
    (a phone number, a 6-digit postcode, a URL or e-mail). ``keep(position)`` can refuse a label
    (the page's footer address and phone are not the guide's).
    """
    found: dict[str, str | None] = dict.fromkeys(GUIDE_ELEMENTS)
    text = text or ""
    matches = list(_GUIDE_RE.finditer(text))
    for i, m in enumerate(matches):
        label = _SPACES.sub("", m.group("label"))
        element = _GUIDE_LABEL_ELEMENT[label]
        if found[element] or (keep is not None and not keep(m.start())):
            continue
        if label in _BARE_ONLY and m.start() and _CJK_CHAR.match(text, m.start() - 1):
            continue
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        line_end = text.find("\n", m.end())
        if line_end == m.end():  # label alone on its line: the value is the next line
            line_end = text.find("\n", line_end + 1)
        if 0 <= line_end < end:
            end = line_end
        value = text[m.end():end].strip(" \u3000\n:：;；,，。、")[:MAX_GUIDE_VALUE]
        shape = _ONLINE_WAY if label == "在线申请" else _GUIDE_SHAPE.get(element)
        if not value:
            continue
        if shape is not None and not shape.search(value):
            continue
        if not m.group("colon") and shape is None:
            continue
        found[element] = value
    return found


def is_guide_heading(*headings: str) -> bool:
    return any(GUIDE_TITLE.search(h or "") for h in headings)


# ---------------------------------------------------------------------------- 年度报告
# The year, 信息公开 and 年度报告 must sit in one part of the title: TRS titles read
# ``文章标题_栏目名_站点名``, and an article of the column 政府信息公开年报 (关于2014年政府信息公开工作要点
# 落实情况的函_政府信息公开年报_…) is no report because its column name says 年报.
_REPORT_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年(?:度)?[^\n_|｜]{0,40}?(?:政府)?信息公开[^\n_|｜]{0,8}?"
    r"(?:年度报告|年报|工作报告)")


def report_year(*titles: str) -> int | None:
    """Year of a 政府信息公开工作年度报告 (``XX2019年政府信息公开工作年度报告``, ``2023年度…工作报告``)."""
    for title in titles:
        m = _REPORT_YEAR.search(title or "")
        if m:
            return int(m.group(1))
    return None


# ---------------------------------------------------------------------------- kind
_DOC_URL = re.compile(
    r"/t\d{8}_\d+\.s?html?$|/art_\d+_\d+\.html$|/content_\d+\.s?html?$|/post_\d+\.html$|"
    r"/\d{6}/[0-9a-f]{32}\.s?html$|/\d{4}-\d{2}/\d{2}/content_\d+|/art/\d{4}/\d{1,2}/\d{1,2}/",
    re.I)
LIST_MIN_ITEMS = 3


def looks_like_document_url(url: str) -> bool:
    path = (url or "").split("?", 1)[0]
    return bool(_DOC_URL.search(path))


def page_kind(*, is_home: bool, soft404: str, guide: bool, report: bool, document: bool,
              dated_body: bool, items: int, paginated: bool) -> str:
    """home | list | document | guide | annual_report | other, from the page's evidence.

    ``document``: strong evidence of one article (a 公文 metadata block, an ArticleTitle meta, an
    article container, an article URL); ``dated_body``: weaker (a labelled publication date and a
    long paragraph), which loses to a list of items.
    """
    if is_home:
        return "home"
    if soft404:
        return "other"
    if guide:
        return "guide"
    if report and (document or dated_body or items < LIST_MIN_ITEMS):
        return "annual_report"
    if document:
        return "document"
    if items >= LIST_MIN_ITEMS or paginated:
        return "list"
    if dated_body:
        return "document"
    return "other"
