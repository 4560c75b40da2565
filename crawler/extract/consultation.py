"""互动回应: consultation channels (咨询 / 留言 / 信箱 / 问政), their message lists and detail pages.

**Lists** come in three shapes on real sites, all read by :func:`message_rows`:

- a ``<table>`` (or a ``ul`` whose first ``li`` is a header of ``span`` cells) with a header row —
  标题 | 提问时间 | 回复时间 | 状态 — and one message per row, cells mapped by the header;
- ``ul/li`` or ``table`` rows that carry their own labels: ``留言时间：2026-03-02 答复时间：…  已回复``;
- ``dl`` blocks: ``<dt><a>title</a></dt><dd>来信时间：… 状态：已办结</dd>``.

Labels understood: asked 提问时间 / 留言时间 / 来信时间 / 咨询时间 (提交时间, 写信时间); replied
回复时间 / 答复时间 / 办理时间 (办结时间, 反馈时间); status 已回复 / 已办结 / 已答复 (replied),
未回复 / 办理中 / 待回复 (pending), 不予受理 / 无效 / 重复 (not a valid message).

**Detail pages** show 留言内容 / 咨询内容 / 来信内容, 留言时间, 回复内容 / 答复内容, 回复单位 /
答复单位, 回复时间 / 答复时间 as label–value pairs, in tables or inline (:func:`message_detail`).

A page that names itself a consultation column but shows no rows the tool can read is recorded as
**unreadable** — rendered by JavaScript from an API (``$.ajax``, ``fetch``, ``XMLHttpRequest``), or
behind a login — never as a column with no messages. Only an explicit 暂无信息-style phrase makes a
list ``empty``. 信访 / 纪检举报 / 在线访谈 / 调查征集 channels are recognised and marked
``excluded``: the 互动回应 indicator counts 政务咨询 channels only.

Pure functions of the parsed page and its visible text; they never raise on a crawled page.
"""

from __future__ import annotations

import re

from crawler.extract.dates import parse_date
from crawler.extract.interpretation import breadcrumb_parts
from crawler.extract.kinds import resolve_url

CHANNEL_WORDS = ("政务咨询", "在线咨询", "咨询", "留言", "信箱", "问政", "写信", "来信", "诉求")
EXCLUDED_WORDS = ("信访", "举报", "纪检", "监察", "访谈", "征集", "调查")
ASKED_LABELS = ("提问时间", "留言时间", "来信时间", "咨询时间", "提交时间", "写信时间", "留言日期",
                "来信日期", "提问日期", "咨询日期")
REPLY_LABELS = ("回复时间", "答复时间", "办理时间", "办结时间", "反馈时间", "回复日期", "答复日期")
STATUS_LABELS = ("办理状态", "回复状态", "处理状态", "状态")
TITLE_LABELS = ("留言标题", "咨询标题", "信件标题", "来信标题", "标题", "主题")
CONTENT_LABELS = ("留言内容", "咨询内容", "来信内容", "信件内容", "问题描述", "咨询问题")
REPLY_TEXT_LABELS = ("回复内容", "答复内容", "办理结果", "回复意见", "答复意见", "处理结果")
REPLIER_LABELS = ("回复单位", "答复单位", "办理单位", "回复部门", "答复部门", "承办单位", "回复机构")
REPLIED_WORDS = ("已回复", "已办结", "已答复", "已处理", "已反馈", "已完成")
PENDING_WORDS = ("未回复", "办理中", "待回复", "处理中", "未办结", "待处理", "受理中", "未答复", "待办理")
INVALID_WORDS = ("不予受理", "无效留言", "重复留言", "不属于受理范围", "无效")
NO_REPLY_TEXT = ("暂无回复", "尚未回复", "未回复", "正在办理", "办理中", "待回复", "暂无")
BLANK_PHRASES = ("暂无信息", "暂无数据", "暂无留言", "暂无记录", "暂无内容", "没有记录", "暂无相关信息")
MAX_NAME = 16
MAX_TEXT = 300

_ALL_LABELS = (ASKED_LABELS + REPLY_LABELS + STATUS_LABELS + TITLE_LABELS + CONTENT_LABELS
               + REPLY_TEXT_LABELS + REPLIER_LABELS
               + ("提问人", "留言人", "来信人", "姓名", "编号", "信件编号"))
_LABEL_ALT = "|".join(sorted({re.escape(x) for x in _ALL_LABELS}, key=len, reverse=True))
_SPACED = re.compile(r"[ \u3000\xa0]+")
# A label at the start of a line or after a separator, followed by a colon or the end of the line.
_DETAIL_LABEL = re.compile(rf"(?:^|(?<=[\n\s|｜丨]))({_LABEL_ALT})\s*(?:[:：]|(?=\n))", re.M)
_INLINE = re.compile(rf"({_LABEL_ALT})\s*[:：]\s*")
_FOOTER = re.compile(r"主办单位|承办单位|版权所有|ICP备|网站标识码|公网安备|Copyright", re.I)
_DATE_LABEL_HINT = re.compile("|".join(map(re.escape, ASKED_LABELS + REPLY_LABELS)))
_STATUS_ANY = re.compile("|".join(map(re.escape, INVALID_WORDS + REPLIED_WORDS + PENDING_WORDS)))
_JS_LOADER = re.compile(r"\$\.(?:ajax|get|post|getJSON)\s*\(|\bfetch\s*\(|XMLHttpRequest|axios\.|"
                        r"\.load\s*\(\s*['\"]|new\s+Vue\s*\(|createApp\s*\(|ReactDOM", re.I)
_LOGIN = re.compile(r"type\s*=\s*['\"]?password", re.I)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\s-\s|—+|\||｜)\s*")
_NAV = re.compile(r"(?:^|[\s_-])(?:nav|menu|header|top|foot|footer|bottom|daohang|crumb|position)"
                  r"(?:$|[\s_\d-])", re.I)


def _clean(text: str | None) -> str:
    return " ".join(_SPACED.sub(" ", text or "").split())


def _unspaced(text: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", "", text or "")


def channel_kind(text: str | None) -> tuple[str, str]:
    """``("consultation", word)``, ``("excluded", word)`` for 信访/举报/访谈/征集 channels, or ``("", "")``.

    >>> channel_kind("局长信箱")
    ('consultation', '信箱')
    >>> channel_kind("纪检监察信箱")
    ('excluded', '纪检')
    """
    value = _unspaced(text or "")
    if not value:
        return "", ""
    for word in EXCLUDED_WORDS:
        if word in value:
            return "excluded", word
    for word in CHANNEL_WORDS:
        if word in value:
            return "consultation", word
    return "", ""


def status_of(text: str | None) -> tuple[str, str]:
    """``(status, word)``: ``replied`` / ``pending`` / ``invalid`` (已回复 / 办理中 / 不予受理 …),
    else ``("", "")``."""
    m = _STATUS_ANY.search(_unspaced(text or ""))
    if not m:
        return "", ""
    word = m.group(0)
    if word in INVALID_WORDS:
        return "invalid", word
    if word in REPLIED_WORDS:
        return "replied", word
    return "pending", word


def _field_of(label: str) -> str:
    label = _unspaced(label)
    for name, labels in (("asked", ASKED_LABELS), ("replied", REPLY_LABELS), ("status", STATUS_LABELS),
                         ("title", TITLE_LABELS), ("content", CONTENT_LABELS),
                         ("reply_text", REPLY_TEXT_LABELS), ("replier", REPLIER_LABELS)):
        if any(label == x or (len(label) <= len(x) + 4 and x in label) for x in labels):
            return name
    return ""


def _message(title: str, url: str | None, values: dict[str, str], labels: dict[str, str],
             where: str) -> dict | None:
    asked = parse_date(values.get("asked")) if values.get("asked") else None
    replied = parse_date(values.get("replied")) if values.get("replied") else None
    status, word = status_of(values.get("status", ""))
    if not status and values.get("_row"):
        status, word = status_of(values["_row"])
    if not (asked or replied or status):
        return None
    return {"title": _clean(title)[:MAX_TEXT], "url": url, "asked_date": asked,
            "asked_label": labels.get("asked", ""), "replied_date": replied,
            "replied_label": labels.get("replied", ""), "status": status, "status_label": word,
            "replier": _clean(values.get("replier"))[:100], "where": where}


def _text(el) -> str:
    return _clean("".join(el.itertext()))


def _in_nav(el) -> bool:
    for _ in range(25):
        if el is None:
            return False
        if el.tag in ("nav", "header", "footer"):
            return True
        names = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
        if names and _NAV.search(names):
            return True
        el = el.getparent()
    return False


def _first_link(el, base: str) -> tuple[str, str | None]:
    for a in el.iter("a"):
        href = a.get("href")
        text = _text(a) or (a.get("title") or "").strip()
        if href and text:
            return (a.get("title") or text).strip(), resolve_url(href, base)
    return "", None


def _cells(row) -> list:
    cells = [c for c in row if isinstance(c.tag, str) and c.tag not in ("script", "style")]
    if row.tag == "tr":
        return [c for c in cells if c.tag in ("td", "th")]
    return cells


def _header_map(row) -> dict[int, tuple[str, str]]:
    """Cell index → (field, label) when ``row`` is a header row of ≥ 2 labels and no links."""
    if any(True for _ in row.iter("a")):
        return {}
    mapping: dict[int, tuple[str, str]] = {}
    for i, cell in enumerate(_cells(row)):
        label = _unspaced(_text(cell)).rstrip(":：")
        name = _field_of(label) if 1 < len(label) <= 8 else ""
        if name:
            mapping[i] = (name, label)
    date_fields = {name for name, _ in mapping.values()} & {"asked", "replied", "status"}
    return mapping if len(mapping) >= 2 and date_fields else {}


def _inline_values(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """Label: value pairs written inside one row's text."""
    values: dict[str, str] = {}
    labels: dict[str, str] = {}
    matches = list(_INLINE.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        name = _field_of(m.group(1))
        if name and name not in values:
            values[name] = text[m.end():end].strip()
            labels[name] = m.group(1)
    return values, labels


def _group_rows(root) -> list[list]:
    """Sibling row elements (``tr``, ``li``) grouped by parent, and ``dl`` dt/dd groups."""
    groups: dict[int, list] = {}
    order: list[int] = []
    for row in root.iter("tr", "li"):
        parent = row.getparent()
        key = id(parent)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(row)
    result = [groups[k] for k in order]
    for dl in root.iter("dl"):
        items: list[list] = []
        for child in dl:
            if child.tag == "dt":
                items.append([child])
            elif child.tag == "dd" and items:
                items[-1].append(child)
        if items:
            result.append([("dl", item) for item in items])
    return result


def message_rows(root, base: str) -> list[dict]:
    """The messages listed on a consultation list page, in page order, one per URL.

    Each: ``{"title", "url", "asked_date", "asked_label", "replied_date", "replied_label",
    "status", "status_label", "replier", "where"}`` (dates ISO or None; ``where`` = ``table``,
    ``li``, ``dl`` or ``inline``).
    """
    if root is None:
        return []
    found: list[dict] = []
    seen: set[str] = set()
    try:
        for group in _group_rows(root):
            mapping: dict[int, tuple[str, str]] = {}
            for entry in group:
                if isinstance(entry, tuple):
                    _, parts = entry
                    title, url = _first_link(parts[0], base)
                    text = " ".join(_text(p) for p in parts)
                    values, labels = _inline_values(text)
                    values["_row"] = " ".join(_text(p) for p in parts[1:])
                    msg = _message(title or _text(parts[0]), url, values, labels, "dl")
                else:
                    row = entry
                    if not mapping:
                        mapping = _header_map(row)
                        if mapping:
                            continue
                    if _in_nav(row) or row.find(".//tr") is not None or row.find(".//li") is not None:
                        continue  # a layout row around a whole list is no message
                    title, url = _first_link(row, base)
                    if not title:
                        continue
                    cells = _cells(row)
                    values, labels = {}, {}
                    where = "table" if row.tag == "tr" else "li"
                    if mapping:
                        for i, (name, label) in mapping.items():
                            if i < len(cells) and name != "title":
                                values[name], labels[name] = _text(cells[i]), label
                    text = _text(row)
                    if not mapping or not any(values.get(k) for k in ("asked", "replied")):
                        inline, inline_labels = _inline_values(text)
                        if inline:
                            where = "inline"
                        for key, value in inline.items():
                            values.setdefault(key, value)
                            labels.setdefault(key, inline_labels[key])
                    values["_row"] = text.replace(_clean(title), " ")
                    msg = _message(title, url, values, labels, where)
                if msg is None:
                    continue
                key = msg["url"] or f"{msg['title']}|{msg['asked_date']}"
                if key in seen:
                    continue
                seen.add(key)
                found.append(msg)
    except (ValueError, TypeError, AttributeError):  # never raise on a crawled page
        return found
    return found


def message_detail(text: str | None) -> dict | None:
    """The message a detail page shows (label–value pairs in its visible text), or None.

    Needs the content or the asked date and at least one more message label. Returns ``{"title",
    "asked_date", "asked_label", "replied_date", "replied_label", "reply_text", "replier", "status",
    "status_label", "content"}``; ``reply_text`` is "" when the reply says 暂无回复/办理中.
    """
    text = text or ""
    matches = list(_DETAIL_LABEL.finditer(text))
    values: dict[str, str] = {}
    labels: dict[str, str] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else min(len(text), m.end() + 1000)
        name = _field_of(m.group(1))
        if name and name not in values:
            value = text[m.end():end]
            footer = _FOOTER.search(value)
            values[name] = (value[:footer.start()] if footer else value).strip(" \n:：")[:1000]
            labels[name] = m.group(1)
    if "content" not in values and not ({"asked"} <= set(values) and {"reply_text", "replier"} & set(values)):
        return None  # a detail page shows the message itself, or its date with the reply
    asked = parse_date(values.get("asked")) if values.get("asked") else None
    replied = parse_date(values.get("replied")) if values.get("replied") else None
    reply_text = _clean(values.get("reply_text"))
    if any(reply_text.startswith(w) for w in NO_REPLY_TEXT):
        reply_text = ""
    status, word = status_of(values.get("status", ""))
    return {"title": _clean(values.get("title"))[:MAX_TEXT], "asked_date": asked,
            "asked_label": labels.get("asked", ""), "replied_date": replied,
            "replied_label": labels.get("replied", ""), "reply_text": reply_text[:200],
            "replier": _clean(values.get("replier"))[:100], "status": status,
            "status_label": word, "content": _clean(values.get("content"))[:200]}


def channel_name(title: str, headings: tuple[str, ...], meta: dict, text: str) -> tuple[str, str, str]:
    """``(name, source, kind)`` of the consultation channel a page names itself after.

    Looked for in the ``ColumnName`` meta, the breadcrumb's last element, the first heading and the
    ``<title>``'s first part; names longer than 16 characters are article titles, not channels.
    """
    candidates = [(meta.get("ColumnName") or "", "meta:ColumnName")]
    parts = breadcrumb_parts(text)
    if parts:
        candidates.append((parts[-1], "breadcrumb"))
    candidates += [(h, "heading") for h in headings[:2]]
    if title:
        candidates.append((_TITLE_SPLIT.split(title.strip(), maxsplit=1)[0], "title"))
    for name, source in candidates:
        name = _clean(name)
        if not name or len(name) > MAX_NAME:
            continue
        kind, _ = channel_kind(name)
        if kind:
            return name, source, kind
    return "", "", ""


def list_state(html: str, text: str, rows: list[dict], js_reason: str = "") -> tuple[str, str]:
    """``(state, reason)`` of a consultation list page: ``readable``, ``empty`` (an explicit 暂无
    phrase) or ``unreadable`` (``javascript``: rendered by a script from an API or a template —
    ``js_reason`` is :func:`crawler.extract.jsrender.unreadable_reason`'s verdict on the column,
    when the page is one, else its scripts are searched for a loader; ``login``: behind a login
    form; ``no-rows``: no message rows recognised)."""
    if rows:
        return "readable", ""
    if _LOGIN.search(html or "") and ("登录" in (text or "") or "登陆" in (text or "")):
        return "unreadable", "login"
    if js_reason or _JS_LOADER.search(html or ""):
        return "unreadable", "javascript"
    for phrase in BLANK_PHRASES:
        if phrase in (text or ""):
            return "empty", phrase
    return "unreadable", "no-rows"


def consultation_facts(root, url: str, title: str, headings: tuple[str, ...], meta: dict,
                       text: str, html: str, article: bool, is_home: bool,
                       js_reason: str = "") -> dict | None:
    """The consultation facts of one page, or None.

    A detail page: ``{"kind": "detail", "name", "name_source", "channel", "message": {…}}``.
    A list page: ``{"kind": "list", "name", "name_source", "channel", "state", "reason",
    "messages": [...]}`` — a page with message rows, or a non-article page named after a
    consultation channel (then ``state`` says whether it could be read). ``channel`` is
    ``consultation`` or ``excluded`` (信访 / 举报 / 访谈 / 征集).
    """
    try:
        name, source, kind = channel_name(title, headings, meta, text)
        if not kind and not _DATE_LABEL_HINT.search(text or ""):
            return None  # no channel name and no 提问/回复时间 label: no consultation facts (fast path)
        rows = message_rows(root, url)
        if not is_home and len(rows) < 2:
            detail = message_detail(text)
            if detail is not None:
                detail["title"] = detail["title"] or (headings[0] if headings else title)[:MAX_TEXT]
                return {"kind": "detail", "name": name, "name_source": source,
                        "channel": kind or "consultation", "message": detail}
        if not kind and not any(row["asked_label"] for row in rows):
            return None  # rows without a channel name must at least say when they were asked
        if not rows and (article or is_home):
            return None
        state, reason = list_state(html, text, rows, js_reason)
        return {"kind": "list", "name": name, "name_source": source,
                "channel": kind or "consultation", "state": state, "reason": reason,
                "messages": rows}
    except (ValueError, TypeError, AttributeError):  # never raise on a crawled page
        return None
