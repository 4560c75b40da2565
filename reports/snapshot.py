"""A finding's snapshot: the archived page, made inert, with the faulty element highlighted.

The snapshot is one self-contained HTML file: the page exactly as the archive holds it (decoded,
re-encoded as UTF-8), with scripts, frames and event handlers removed and every resource URL
(images, stylesheets) disabled, so opening it never contacts the agency's server — it shows what
the server answered then, not what it answers today. Links are made absolute. On top, a header
states the finding, the URL, 监测时间 (北京时间), the HTTP status and the WARC record it came from.

What is highlighted (``class="govaudit-mark"``, the first one also ``id="govaudit-target"``):

* link rules — every ``<a>``/``<img>``/… on the page whose URL is the broken target;
* stale columns and the home page — the newest list item (the row that should have been newer);
* blank columns — the text that says the column is empty (暂无信息);
* a missing field (文号, 成文日期, 传真 …) — a marked box where it belongs: inside the page's metadata
  table when it has one, else at the top of the content;
* a wrong value (文号格式, 网站标识码, dates) — the value's text;
* personal data — every unmasked number in the evidence is masked (``138****1234``) and marked.
"""

from __future__ import annotations

import copy
import functools
import re
from urllib.parse import urldefrag, urljoin

from lxml import etree
from lxml import html as lxml_html

from crawler.extract import decode_html
from crawler.safety.privacy import mask_id, mask_mobile, mask_numbers, may_hold_number
from reports.readable import beijing_time, evidence_lines, field_label, status_text

MARK_CLASS = "govaudit-mark"
TARGET_ID = "govaudit-target"
DROP_TAGS = ("script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "base")
RESOURCE_ATTRS = {"img": "src", "source": "src", "video": "src", "audio": "src", "input": "src",
                  "link": "href", "track": "src"}
LINK_ATTRS = (("a", "href"), ("area", "href"), ("img", "src"), ("link", "href"), ("source", "src"),
              ("embed", "src"), ("iframe", "src"), ("script", "src"), ("object", "data"))
NUMBER_RE = re.compile(r"(?<!\d)(\d{17}[\dXx]|1[3-9]\d{9})(?!\d)")
MASKED_RE = re.compile(r"^\d{3,4}\*{4,10}[\dXx]{4}$")
MISSING_FIELD_RULES = re.compile(r"-missing$")
INERT_ATTRS = ("srcset", "formaction", "background", "poster", "ping", "xlink:href", "data", "manifest")
CSS_FETCH_RE = re.compile(r"@import[^;]*;?|url\([^)]*\)", re.I)
STYLE = """
.govaudit-header{all:initial;display:block;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC",
 "Microsoft YaHei",sans-serif;background:#fff8e1;border:3px solid #c62828;margin:0 0 12px;padding:10px 14px;
 color:#222;font-size:14px;line-height:1.6}
.govaudit-header h1{all:initial;display:block;font:inherit;font-size:18px;font-weight:bold;color:#c62828}
.govaudit-header table{border-collapse:collapse;font:inherit}
.govaudit-header th{text-align:left;padding:2px 10px 2px 0;color:#555;white-space:nowrap;vertical-align:top}
.govaudit-header td{padding:2px 0;word-break:break-all}
.govaudit-mark{outline:4px solid #e53935 !important;background:#ffeb3b !important;color:#000 !important}
.govaudit-missing{display:block;border:3px dashed #e53935;background:#ffebee;color:#c62828;font-weight:bold;
 padding:6px 10px;margin:6px 0;font-size:14px}
img[data-archived-src]{min-width:24px;min-height:16px;outline:1px dashed #999}
"""


def _resolved(url: str, base: str) -> str:
    try:
        return urldefrag(urljoin(base, url.strip()))[0]
    except ValueError:
        return ""


def _mark(element, first: list[bool]) -> None:
    classes = (element.get("class") or "").split()
    element.set("class", " ".join([*classes, MARK_CLASS]))
    if not first[0]:
        element.set("id", TARGET_ID)
        first[0] = True


def _row_of(element):
    """The list row holding an element (li/tr/dd/p), for highlighting a whole list item."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("li", "tr", "dd", "dt", "p"):
            return ancestor
    return element


def _mark_urls(doc, page_url: str, urls: set[str], first: list[bool], whole_row: bool = False) -> int:
    count = 0
    for tag, attr in LINK_ATTRS:
        for element in doc.iter(tag):
            value = element.get(attr) or element.get(f"data-archived-{attr}")
            if value and _resolved(value, page_url) in urls:
                _mark(_row_of(element) if whole_row else element, first)
                count += 1
    return count


def _mark_text(doc, needle: str, first: list[bool], replacement: str | None = None) -> int:
    """Wrap each occurrence of ``needle`` in text nodes in a marked ``<mark>``."""
    if not needle:
        return 0
    count = 0
    for node in list(doc.iter()):
        if node.tag in (etree.Comment, "style", "head", "title") or not isinstance(node.tag, str):
            continue
        for attr in ("text", "tail"):
            text = getattr(node, attr)
            if not text or needle not in text:
                continue
            before, _, after = text.partition(needle)
            mark = etree.Element("mark")
            mark.text = replacement if replacement is not None else needle
            _mark(mark, first)
            mark.tail = after
            if attr == "text":
                node.text = before
                node.insert(0, mark)
            else:
                node.tail = before
                node.addnext(mark)
            count += 1
            break
    return count


def mask_number(number: str) -> str:
    """``13812345678`` → ``138****5678``; an ID number → ``3401**********1234`` (the content-safety
    rules' forms, so the snapshot shows what their evidence shows)."""
    return mask_id(number) if len(number) == 18 else mask_mobile(number)


def mask_personal(root) -> None:
    """Mask every resident ID and mobile number in text and attribute values (the archive keeps the
    page as published; a snapshot handed around must not spread the leak)."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attr in ("text", "tail"):
            value = getattr(element, attr)
            if value and may_hold_number(value):
                setattr(element, attr, mask_numbers(value))
        for name, value in element.attrib.items():
            if may_hold_number(value):
                element.set(name, mask_numbers(value))


def _metadata_block(doc, labels: list[str]):
    """The smallest table/dl/ul whose text holds most of the labels found on the page."""
    best = None
    for element in doc.iter("table", "dl", "ul", "div"):
        text = element.text_content()
        hits = sum(1 for label in labels if label and label in text)
        if hits >= max(1, len(labels) // 2) and (best is None or len(text) < len(best.text_content())):
            best = element
    return best


def _content_start(doc):
    body = doc.find("body")
    if body is None:
        body = doc
    for tag in ("h1", "h2", "h3"):
        found = body.find(f".//{tag}")
        if found is not None:
            return found
    return None


def _insert_missing(doc, label: str, labels_found: list[str], first: list[bool]) -> None:
    box = etree.Element("div")
    box.set("class", f"govaudit-missing {MARK_CLASS}")
    box.text = f"此处应有「{label}」，页面上未找到"
    if not first[0]:
        box.set("id", TARGET_ID)
        first[0] = True
    block = _metadata_block(doc, labels_found) if labels_found else None
    if block is not None and block.tag == "table":
        row = etree.SubElement(block.find("tbody") if block.find("tbody") is not None else block, "tr")
        cell = etree.SubElement(row, "td")
        cell.set("colspan", "8")
        cell.append(box)
    elif block is not None:
        block.addnext(box)
    else:
        anchor = _content_start(doc)
        if anchor is not None:
            anchor.addnext(box)
        else:
            body = doc.find("body")
            (body if body is not None else doc).insert(0, box)


def neutralise(doc, page_url: str) -> None:
    """Remove active content and resource loads; make links absolute."""
    for element in list(doc.iter(*DROP_TAGS)):
        element.drop_tree()
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for attr in list(element.attrib):
            value = (element.get(attr) or "").strip().lower()
            if attr.lower().startswith("on") or attr.lower() in INERT_ATTRS or value.startswith(
                    ("javascript:", "vbscript:")):
                del element.attrib[attr]
        if element.tag == "meta" and (element.get("http-equiv") or "").lower() in ("refresh", "content-type"):
            element.drop_tree()
            continue
        if element.tag == "meta" and element.get("charset"):
            element.drop_tree()
            continue
        if element.tag == "style" and element.text:
            element.text = CSS_FETCH_RE.sub("none", element.text)
        attr = RESOURCE_ATTRS.get(element.tag)
        if attr and element.get(attr):
            element.set(f"data-archived-{attr}", _resolved(element.get(attr), page_url))
            del element.attrib[attr]
        if element.tag in ("a", "area") and element.get("href"):
            href = element.get("href").strip()
            if href.lower().startswith(("javascript:", "data:", "vbscript:")):
                element.set("data-archived-href", href)
                del element.attrib["href"]
            else:
                element.set("href", urljoin(page_url, href))
                element.set("rel", "noopener noreferrer")
        if element.get("style") and "url(" in element.get("style").lower():
            element.set("style", CSS_FETCH_RE.sub("none", element.get("style")))
    for form in doc.iter("form"):
        form.set("action", "#")


def highlight(doc, finding: dict, evidence: dict, page_url: str) -> tuple[int, str]:
    """Mark the faulty element; returns (elements marked, what was marked in words)."""
    first = [False]
    rule = finding.get("rule") or ""
    field = finding.get("field") or ""
    if finding.get("family") == "links" or "target" in evidence:
        target = evidence.get("target") or finding.get("url") or ""
        urls = {urldefrag(target)[0]}
        return _mark_urls(doc, page_url, urls, first), f"不可用链接「{evidence.get('anchor') or target}」"
    numbers = [mask_number(n) if NUMBER_RE.fullmatch(n) else n for n in _strings(evidence)
               if NUMBER_RE.fullmatch(n) or MASKED_RE.match(n)]
    if numbers:   # the page text is masked already: mark where the masked forms stand
        count = sum(_mark_text(doc, n, first) for n in dict.fromkeys(numbers))
        return count, "未脱敏的个人信息（快照中已遮盖）"
    newest = evidence.get("newest_item")
    if isinstance(newest, dict) and newest.get("url"):
        count = _mark_urls(doc, page_url, {urldefrag(newest["url"])[0]}, first, whole_row=True)
        return count, f"最新一条信息「{newest.get('title') or ''}」（{newest.get('date') or '无日期'}）"
    if evidence.get("blank_text"):
        return _mark_text(doc, evidence["blank_text"], first), f"空白栏目提示「{evidence['blank_text']}」"
    values = evidence.get("values") if isinstance(evidence.get("values"), dict) else {}
    wrong = values.get(field) or evidence.get("value")
    if wrong and not MISSING_FIELD_RULES.search(rule):
        raw = (evidence.get("raw") or {}).get(field) or wrong
        count = _mark_text(doc, str(raw), first) or _mark_text(doc, str(wrong), first)
        extra = [str(v) for k, v in values.items() if k != field and v]
        for value in extra:
            count += _mark_text(doc, str((evidence.get("raw") or {}).get(value, value)), first)
        return count, f"{field_label(field)}「{wrong}」"
    element = evidence.get("element") or field
    if MISSING_FIELD_RULES.search(rule) or evidence.get("element"):
        label = field_label(element)
        labels = list((evidence.get("labels_found") or {}).values()) or list(
            str(v) for v in (evidence.get("elements_found") or {}).values())
        _insert_missing(doc, label, labels, first)
        return 1, f"缺少「{label}」"
    return 0, ""


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _header(finding: dict, info: dict, marked: tuple[int, str]) -> etree._Element:
    header = etree.Element("div")
    header.set("class", "govaudit-header")
    header.set("id", "govaudit-header")
    title = etree.SubElement(header, "h1")
    title.text = f"问题快照：{info['rule_title']}"
    table = etree.SubElement(header, "table")
    count, what = marked
    where = (f"{what}（已用红框标出 {count} 处，<a href=\"#{TARGET_ID}\">跳到问题位置</a>）" if count
             else (f"{what}：未能在页面中定位该元素（可能由脚本生成），请查看整页" if what else ""))
    rows = [
        ("问题描述", finding.get("detail") or ""),
        ("问题页面", finding.get("url") or ""),
        ("所在页面", info["page_url"]),
        ("监测时间", f"{beijing_time(info['observed'])}（北京时间）" if info["observed"] else "无存档"),
        ("所在页面状态", status_text(info["status"]) if info["status"] else "无"),
        ("证据", "；".join(evidence_lines({**finding, "evidence": info.get("evidence")}))),
        ("标出位置", where),
        ("存档", info["archive"]),
        ("问题编号", finding.get("id") or ""),
    ]
    for label, value in rows:
        if not value:
            continue
        row = etree.SubElement(table, "tr")
        th = etree.SubElement(row, "th")
        th.text = label
        td = etree.SubElement(row, "td")
        if label == "标出位置" and count:
            fragment = lxml_html.fragment_fromstring(f"<span>{_escape(what)}（已用红框标出 {count} 处，"
                                                     f"<a href=\"#{TARGET_ID}\">跳到问题位置</a>）</span>")
            td.append(fragment)
        else:
            td.text = value
    note = etree.SubElement(header, "div")
    note.set("style", "color:#666;font-size:12px")
    note.text = ("以下为存档页面（脚本、图片和样式表未加载，以免访问现在的网站；页面内容未作其他改动）。")
    return header


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@functools.lru_cache(maxsize=4)
def _prepared(body: bytes, content_type: str, page_url: str):
    """The archived page parsed, made inert (:func:`neutralise`) and masked (:func:`mask_personal`),
    once for all the findings on that page (each highlights its own copy); None if unparsable."""
    text, _ = decode_html(body, content_type)
    try:
        doc = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    neutralise(doc, page_url)
    mask_personal(doc)
    return doc


def build_snapshot(finding: dict, evidence: dict, info: dict, body: bytes | None, content_type: str) -> str:
    """The snapshot HTML. ``info``: rule_title, page_url, observed (ISO), status, archive (text)."""
    page_url = info["page_url"]
    doc = None
    if body and (not content_type or "html" in content_type.lower() or "xml" in content_type.lower()):
        prepared = _prepared(body, content_type, page_url)
        doc = copy.deepcopy(prepared) if prepared is not None else None
    if doc is None:
        doc = lxml_html.document_fromstring("<html><head></head><body></body></html>")
        reason = "没有该页面的存档" if not body else f"存档内容不是网页（{content_type or '未知类型'}）"
        empty = etree.SubElement(doc.find("body"), "p")
        empty.text = reason
        marked = (0, "")
    else:
        marked = highlight(doc, finding, evidence, page_url)
    head = doc.find("head")
    if head is None:
        head = etree.Element("head")
        doc.insert(0, head)
    meta = etree.Element("meta")
    meta.set("charset", "utf-8")
    head.insert(0, meta)
    style = etree.SubElement(head, "style")
    style.text = STYLE
    body_el = doc.find("body")
    if body_el is None:
        body_el = etree.SubElement(doc, "body")
    header = _header(finding, {**info, "evidence": evidence}, marked)
    mask_personal(header)
    body_el.insert(0, header)
    return "<!DOCTYPE html>\n" + lxml_html.tostring(doc, encoding="unicode")


def marked_count(snapshot_html: str) -> int:
    """How many elements a snapshot marks (tests and the CLI's summary line)."""
    doc = lxml_html.document_fromstring(snapshot_html)
    return len(doc.find_class(MARK_CLASS))
