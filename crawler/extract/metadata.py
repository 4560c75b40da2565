"""Document metadata (索引号, 发文机关, 文号, 成文日期, 发布日期, 生效日期 …) from a page's visible text.

The page's visible text is read once into a :class:`TextStream`: one segment per non-blank text
node, in page order (comments, scripts and styles are not in it). Labels are found with one
regex over the joined segments, so every layout real sites use is one case:

* ``<td>索 引 号：</td><td>000014349/2018-00222</td>`` (gov.cn ``table.bd1``, TRS boxes; several pairs
  per row), ``<dt>发文机关</dt><dd>…</dd>``, ``<li><span>文号：</span>…</li>``,
  ``<dd><label>生成日期：</label><div>2023-05-11</div></dd>`` (Jiangxi), ``<p><strong>文号</strong>：无</p>``
  (Handan), ``<div class="xxgk-…">`` blocks and inline ``发布日期：2016-11-22  信息来源：省发改委``;
* labels spaced with ASCII spaces, U+3000 or ``&nbsp;`` (``标　　题``), full- or half-width colons,
  ``【索引号】`` brackets.

A value is the rest of the label's segment (up to the next label), else the next segment when that
is not itself a label. Each field records ``{"value", "label", "where", "date"}``: ``where`` is
``table`` | ``dl`` | ``li`` | ``inline`` (the container the label sits in), ``body-text`` (effective
date stated in the text, e.g. ``本办法自2024年1月1日起施行``; ``body-text:自印发之日起施行`` when it
refers to the written or publication date) or ``meta`` (``<meta name="PubDate">``, used only when
no visible publication date exists: that meta is often the page-regeneration time). An empty
labelled value is kept as ``""`` so the evidence can say "labelled but empty"; ``文号：无`` keeps ``无``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from lxml import etree

from crawler.extract import choice, docpasses
from crawler.extract.effective import effective_from_text
from crawler.extract.dates import date_text, parse_date
from crawler.extract.html import parse_html

_WS_RUN = re.compile(r"[^\S\u3000]+")  # every white space but U+3000 (kept in titles)
_SEP = "\x00"  # joins segments before collapsing; libxml2 text never holds NUL
_BODY_TEXT = etree.XPath("//body//text()")

FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "index_no": ("索引号", "信息索引号", "信息索引", "索取号"),
    "issuer": ("发文机关", "发布机构", "发布单位", "信息来源", "发文单位", "发布机关", "制发机关",
               "责任部门", "发文机构"),
    "doc_number": ("发文字号", "文号", "发布文号", "文件编号", "发文文号", "文件字号"),
    "written_date": ("成文日期", "成文时间", "发文日期", "生成日期", "印发日期", "发文时间"),
    "pub_date": ("发布日期", "发布时间", "公开日期", "公开时间", "时间发布"),  # 时间发布: Liaoyang (Epoint)
    "effective_date": ("生效日期", "施行日期", "实施日期", "生效时间", "施行时间", "实施时间"),
    "validity": ("有效性", "效力状态", "时效性", "时效", "有效期"),
    "abolished_date": ("废止日期", "废止时间", "失效日期", "失效时间"),
    "title": ("标题", "名称", "文件名称", "信息名称", "公文标题", "文件标题"),
}
#: Generic labels that count for the publication date only when the value is a date.
GENERIC_DATE_LABELS = ("时间", "日期")
#: An update time: the publication date only where nothing better (a visible 发布日期, a date
#: beside the title or byline) exists — still better than the ``PubDate`` meta.
UPDATE_LABELS = ("更新时间", "更新日期")
#: Labels of a byline (来源/作者/浏览次数 …): a bare date next to them is the publication date.
BYLINE_LABELS = ("来源", "作者", "编辑", "责任编辑", "浏览次数", "访问量", "访问次数", "点击数",
                 "点击量", "阅读次数", "阅读量")
#: Other labels of metadata boxes: they end the value before them but are not fields.
OTHER_LABELS = BYLINE_LABELS + (
    "主题分类", "主题词", "分类", "公开方式", "公开时限", "公开范围", "公开形式", "公开属性",
    "字号", "体裁分类", "组配分类", "服务对象", "文种", "公文种类", "关键词", "关键字", "所属主题",
    "所属机构", "信息类别", "信息分类", "主送机关", "发布对象", "统一编号", "登记号", "内容概述",
    "摘要", "附件", "项目编号", "打印", "分享到", "分享", "备注",
)
DATE_FIELDS = frozenset({"written_date", "pub_date", "effective_date", "abolished_date"})
#: Fields that make a labelled block a 公文 metadata block (a byline of date + source is not one).
BLOCK_FIELDS = frozenset({"index_no", "doc_number", "written_date", "effective_date", "validity",
                          "abolished_date"})
FIELDS = tuple(FIELD_LABELS)

_LABEL_FIELD: dict[str, str | None] = {}
for _field, _labels in FIELD_LABELS.items():
    for _label in _labels:
        _LABEL_FIELD[_label] = _field
for _label in GENERIC_DATE_LABELS + UPDATE_LABELS:
    _LABEL_FIELD[_label] = "pub_date"
for _label in OTHER_LABELS:
    _LABEL_FIELD.setdefault(_label, None)


def _spaced(label: str) -> str:
    return "[^\\S\\n]*".join(re.escape(ch) for ch in label)


_LABEL_RE = re.compile(
    r"(?:^|(?<=[ \u3000|｜丨>»·•]))(?P<open>[【\[［〔(（][ \u3000]*)?(?P<label>"
    + "|".join(_spaced(label) for label in sorted(_LABEL_FIELD, key=len, reverse=True))
    + r")[ \u3000]*(?P<close>[】\]］〕)）])?[ \u3000]*(?P<colon>[:：])?",
    re.M,
)
_LABEL_SPACES = re.compile(r"[ \u3000]+")
_VALUE_STRIP = " \u3000:："
_BARE_DATE = re.compile(
    r"^[\[［(（]?(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\]］)）]?$"
)
MAX_VALUE = 300
BYLINE_LINE = 100
# a date right after a label of its own (更新时间：…, 浏览次数：…) is that label's, not the byline's
_LABEL_BEFORE_DATE = re.compile(r"[\u4e00-\u9fff]{2,6}\s*[:：]\s*$")
_OWN_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{2,6})\s*[:：]\s*$")  # a segment that is only a label


class TextStream:
    """The visible text of a parsed page: segments (one per non-blank text node) in page order.

    ``text`` is the segments joined with ``\\n``, runs of spaces (not U+3000) collapsed to one.
    Build it after scripts and styles are removed from the tree; comments are removed by the parser.
    """

    __slots__ = ("nodes", "text", "segments", "_starts")

    def __init__(self, root) -> None:
        pairs = [(s, t) for t in _BODY_TEXT(root) if (s := t.strip())] if root is not None else []
        self.nodes = [t for _, t in pairs]
        self.text = _WS_RUN.sub(" ", _SEP.join(s for s, _ in pairs)).replace(_SEP, "\n")
        self.segments = self.text.split("\n") if pairs else []
        self._starts: list[int] | None = None

    @classmethod
    def from_html(cls, html: str) -> TextStream:
        """Stream of an HTML snippet (tests, tools): scripts and styles removed first."""
        root = parse_html(html)
        if root is not None:
            etree.strip_elements(root, "script", "style", with_tail=False)
        return cls(root)

    def segment_start(self, index: int) -> int:
        """Position in ``text`` where segment ``index`` starts."""
        if self._starts is None:
            self._starts = [0, *accumulate(len(s) + 1 for s in self.segments)]
        return self._starts[index]

    def segment_at(self, pos: int) -> int:
        """Index of the segment holding character ``pos`` of ``text``."""
        if self._starts is None:
            self._starts = [0, *accumulate(len(s) + 1 for s in self.segments)]
        return bisect_right(self._starts, pos) - 1


def _container(node) -> object | None:
    """The element a text node belongs to (a tail's parent is the element before it)."""
    parent = node.getparent()
    if parent is not None and node.is_tail:
        parent = parent.getparent()
    return parent


def _where(node) -> str:
    el = _container(node)
    for _ in range(10):
        if el is None:
            break
        tag = el.tag
        if tag in ("td", "th"):
            return "table"
        if tag in ("dd", "dt", "dl"):
            return "dl"
        if tag == "li":
            return "li"
        if tag in ("body", "html", "table", "ul", "ol"):
            break
        el = el.getparent()
    return "inline"


def _row(node):
    """The table row (tr) a text node sits in, or None."""
    el = _container(node)
    for _ in range(6):
        if el is None or el.tag in ("table", "body"):
            return None
        if el.tag == "tr":
            return el
        el = el.getparent()
    return None


class _Label:
    __slots__ = ("field", "label", "start", "end", "segment", "explicit", "generic", "value",
                 "value_segment", "where", "date", "block", "how", "update")

    def __init__(self, m: re.Match, stream: TextStream) -> None:
        self.label = _LABEL_SPACES.sub("", m.group("label"))
        self.field = _LABEL_FIELD.get(self.label)
        self.generic = self.label in GENERIC_DATE_LABELS
        self.update = self.label in UPDATE_LABELS
        self.how = "label"
        self.start, self.end = m.start(), m.end()
        self.segment = stream.segment_at(m.start())
        self.explicit = bool(m.group("colon") or m.group("close"))
        self.value = ""
        self.value_segment = self.segment
        self.where = "inline"
        self.date: str | None = None
        self.block = 0


def _find_labels(stream: TextStream) -> list[_Label]:
    text = stream.text
    found = []
    for m in _LABEL_RE.finditer(text):
        end = m.end()
        if m.group("colon") or m.group("close") or end == len(text) or text[end] == "\n":
            found.append(_Label(m, stream))
    return found


def _segment_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _fill_values(stream: TextStream, labels: list[_Label],
                 header: dict | None = None) -> list[_Label]:
    """Give each label its value; drop colon-less labels whose 'value' is not theirs.

    ``header`` pairs the labels of a column-wise table with their column's value
    (:func:`~crawler.extract.docpasses.header_row_pairs`).
    """
    text = stream.text
    starts = {lab.start for lab in labels}
    header = header or {}
    kept = []
    for i, lab in enumerate(labels):
        if lab.start in header:
            lab.value, lab.where, lab.how = header[lab.start][0][:MAX_VALUE], "table", "table-header"
            if lab.field in DATE_FIELDS:
                lab.value = _date_value(lab.value)
                lab.date = parse_date(lab.value) if lab.value else None
            kept.append(lab)
            continue
        nxt = labels[i + 1].start if i + 1 < len(labels) else len(text)
        seg_end = _segment_end(text, lab.end)
        value = text[lab.end:min(seg_end, nxt)].strip(_VALUE_STRIP)
        from_next = False
        if not value and docpasses.empty_value_cell(stream, lab):
            if lab.field is not None:
                lab.where = "table"
            kept.append(lab)
            continue
        if not value and seg_end < len(text):
            next_start = seg_end + 1
            if next_start not in starts:
                next_end = min(_segment_end(text, next_start), nxt)
                candidate = text[next_start:next_end]
                if _owns_next(stream, lab, next_start, candidate):
                    value = candidate.strip(_VALUE_STRIP)
                    from_next = True
                    lab.value_segment = lab.segment + 1
                else:
                    continue
            elif not lab.explicit:
                continue
        elif not value and not lab.explicit:
            continue
        if lab.field is None:
            kept.append(lab)
            continue
        if lab.field in DATE_FIELDS:
            value = _date_value(value)
            lab.date = parse_date(value) if value else None
            if lab.date is None and (lab.generic or (from_next and not lab.explicit)):
                continue
            if lab.date is None and from_next:
                value = ""
        lab.value = value[:MAX_VALUE]
        lab.where = _where(stream.nodes[lab.segment])
        kept.append(lab)
    return kept


def _date_value(value: str) -> str:
    """A date field's value: the date as written (with its time part) when more follows it on the
    line (``2023-06-11 16:20:01 文章来源：投资武汉``); brackets around a bare date are kept."""
    shown = date_text(value)
    if shown and value.strip(" []［］()（）【】") != shown:
        return shown
    return value


def _owns_next(stream: TextStream, lab: _Label, next_start: int, candidate: str) -> bool:
    """Whether the next segment is this label's value.

    In a table the value must sit in the label's own row (a header row ``名称 | 发布日期`` owns no
    data cell); a bare label without colon must not be link text (a 「发布时间」 sort link).
    """
    node = stream.nodes[lab.segment]
    if not (lab.explicit or candidate[:1] in ":："):
        container = _container(node)
        if container is not None and container.tag == "a":
            return False
    row = _row(node)
    return row is None or _row(stream.nodes[stream.segment_at(next_start)]) is row


def _group_blocks(labels: list[_Label]) -> dict[int, set[str]]:
    """Number consecutive labels (≤ 2 segments apart) into blocks; fields with values per block."""
    blocks: dict[int, set[str]] = {}
    block, last = 0, -10
    for lab in labels:
        if lab.segment - last > 2:
            block += 1
        last = max(lab.value_segment, lab.segment)
        lab.block = block
        fields = blocks.setdefault(block, set())
        if lab.field and lab.value and lab.field != "title":
            fields.add(lab.field)
    return blocks


def _entry(value: str, label: str, where: str, date: str | None, how: str = "label") -> dict:
    return {"value": value, "label": label, "where": where, "date": date, "how": how}


def extract_fields(stream: TextStream, meta: dict[str, str] | None = None,
                   keep=None) -> dict:
    """``{"fields": {field: entry}, "has_metadata_block": bool, "candidates": {field: [...]}}``.

    ``meta`` are the page's ``<meta>`` contents by lower-case name; ``pubdate`` (and gov.cn's
    ``firstpublishedtime``) fill the publication date only when the page shows none. ``keep(pos)``
    refuses text positions for the signature pass (the footer). Every entry says ``how`` it was
    found (``label`` | ``table-header`` | ``title-line`` | ``signature`` | ``byline`` |
    ``title-date`` | ``update-label`` | ``meta`` | ``body-text``); ``candidates`` lists, per field,
    every value seen with ``chosen`` and the ``reason`` (see :mod:`crawler.extract.choice`).
    """
    labels = _find_labels(stream)
    labels = _fill_values(stream, labels, docpasses.header_row_pairs(stream, labels))
    blocks = _group_blocks(labels)
    has_block = any(len(fields) >= 2 and fields & BLOCK_FIELDS for fields in blocks.values())
    labelled: dict[str, list[tuple[int, dict]]] = {}
    for lab in labels:
        if lab.field is None:
            continue
        in_block = len(blocks[lab.block]) >= 2
        if lab.field == "title" and not blocks[lab.block]:
            continue  # 名称：… alone is a contact list, not a document's title
        rank = (0 if lab.value else 2) + (0 if in_block else 1) + (4 if lab.generic else 0)
        how = "update-label" if lab.update else lab.how
        labelled.setdefault(lab.field, []).append(
            (rank + (8 if lab.update else 0), _entry(lab.value, lab.label, lab.where, lab.date, how)))
    signature = docpasses.signature_date(
        stream, keep=(lambda seg: keep(stream.segment_start(seg))) if keep else None)
    passes = {
        "number_line": docpasses.number_line(stream, {lab.value_segment for lab in labels
                                                      if lab.value}),
        "signature": signature,
        "byline": _byline_date(stream, labels, {signature["segment"]} if signature else set()),
        "title_date": docpasses.title_date(stream),
        "meta": _meta_date(meta or {}),
    }
    fields, candidates = choice.choose(labelled, passes)
    if not (fields.get("effective_date") or {}).get("value"):
        stated = effective_from_text(stream.text, fields)
        if stated:
            fields["effective_date"] = stated
            candidates.setdefault("effective_date", []).append(
                {**stated, "chosen": True, "reason": "正文中的施行日期表述"})
    ordered = {name: fields[name] for name in FIELDS if name in fields}
    return {"fields": ordered, "has_metadata_block": has_block,
            "candidates": {name: candidates[name] for name in FIELDS if name in candidates}}


def _byline_date(stream: TextStream, labels: list[_Label], skip: set[int] = frozenset()) -> dict | None:
    """A bare date right next to a byline label (来源：新华社 · 2023-12-01 14:43,
    ``2020年09月15日 09时32分`` above ``来源:``); ``skip``: segments that are no byline (the
    signature date)."""
    near = {lab.segment for lab in labels if lab.label in BYLINE_LABELS}
    for segment in sorted(near):
        for index in range(max(segment - 3, 0), min(segment + 4, len(stream.segments))):
            own = _OWN_LABEL.match(stream.segments[index - 1]) if index else None
            if index in skip or own and own.group(1) not in BYLINE_LABELS:
                continue  # <dt>结束时间：</dt><dd>2024-05-10</dd>: the date is that label's
            text = stream.segments[index]
            bare = text.strip(" []［］()（）")
            shown = date_text(bare)
            if shown and shown == bare and len(bare) <= 30:
                date = parse_date(bare)
                if date:
                    return _entry(bare, "", _where(stream.nodes[index]), date, "byline")
        # 来源：宣教中心    2022-11-14 14:59:48 【字体：大 中 小】 — the date inside the byline line
        line = stream.segments[segment]
        shown = date_text(line) if len(line) <= BYLINE_LINE else ""
        if shown and segment not in skip and not _LABEL_BEFORE_DATE.search(line.split(shown, 1)[0][-8:]):
            return _entry(shown, "", _where(stream.nodes[segment]), parse_date(shown), "byline")
    return None


def _meta_date(meta: dict[str, str]) -> dict | None:
    for name, label in (("pubdate", "PubDate"), ("firstpublishedtime", "firstpublishedtime")):
        value = (meta.get(name) or "").strip()
        date = parse_date(value) if value else None
        if date:
            return _entry(value, label, "meta", date, "meta")
    return None
