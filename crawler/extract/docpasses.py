"""Document fields found outside a ``label：value`` pair: header-row tables, the 文号 line under the
title, the signature date, and a date printed with the title.

Each pass reads the page's :class:`~crawler.extract.metadata.TextStream` (its text nodes keep their
place in the tree) and returns candidate entries for :mod:`crawler.extract.metadata` to choose from:

* :func:`header_row_pairs` — a metadata table written column-wise: one row of labels
  (``索取号 | 发布时间 | 发布机构 | 文件编号``) over one row of values (a Shanghai template). Pairing a
  label with "the next text" would give 发布时间 the issuer; the values are paired by column.
  A list table (many rows, title links in the cells, a 名称/标题 column) is not a metadata table.
* :func:`number_line` — the 发文字号 alone on a line under the title (``川卫函〔2025〕46号``,
  ``教思政厅函〔2024〕10号``): common on ministry and provincial pages without a block.
* :func:`signature_date` — the 成文日期 as the signature date at the end of the text: a block
  that is only a date (its digits may be split over several ``<span>``: ``202``/``4``/``年``/``5月10日``)
  right after a short issuer line (``上海市卫生健康委员会``).
* :func:`title_date` — a bare date printed inside the title heading
  (``<h2>…<small>( 2024-05-11)</small></h2>``).
"""

from __future__ import annotations

import re

from crawler.extract.dates import date_text, match_date

_CELL_TAGS = ("td", "th")
_BLOCK_TAGS = frozenset({"p", "div", "td", "th", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5",
                         "h6", "section", "article", "center", "blockquote", "body"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "ucaptitle"})
DOC_NUMBER_LINE = re.compile(
    r"^[\u4e00-\u9fff]{1,16}[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,6}\s*号$")
_SPACES = re.compile(r"[\s\u3000\xa0]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
SIGNER_MAX = 40
LONG_PARAGRAPH = 150


def _container(node):
    parent = node.getparent()
    if parent is not None and node.is_tail:
        parent = parent.getparent()
    return parent


def _ancestor(el, tags, limit: int = 12):
    for _ in range(limit):
        if el is None:
            return None
        if el.tag in tags:
            return el
        el = el.getparent()
    return None


def _cell_text(cell) -> str:
    return _SPACES.sub(" ", "".join(cell.itertext())).strip()


def _table_of(el):
    return _ancestor(el, ("table",), 8)


# ---------------------------------------------------------------------------- header rows
def header_row_pairs(stream, labels) -> dict[int, tuple[str, object]]:
    """``{label start: (value, value cell)}`` for labels that head a column-wise metadata table.

    ``labels`` are the :class:`~crawler.extract.metadata._Label` objects of the page. A header row
    has two or more cells that are each only a label; the row after it (the table's only other
    row) has no links and gives each column's value, ``""`` for an empty cell.
    """
    by_row: dict[object, list] = {}
    for lab in labels:
        cell = _ancestor(_container(stream.nodes[lab.segment]), _CELL_TAGS, 4)
        row = cell.getparent() if cell is not None else None
        if row is None or row.tag != "tr":
            continue
        text = _cell_text(cell).rstrip(":：")
        if _SPACES.sub("", text) != lab.label:
            continue
        by_row.setdefault(row, []).append((lab, cell))
    pairs: dict[int, tuple[str, object]] = {}
    for row, members in by_row.items():
        cells = [c for c in row if c.tag in _CELL_TAGS]
        if len(members) < 2 or any(_cell_text(c) and c not in {cell for _, cell in members}
                                   for c in cells):
            continue
        if any(lab.field == "title" for lab, _ in members):
            continue  # 名称 | 索引号 | 发布日期 heads a list of documents, one per row
        data = _data_row(row)
        if data is None:
            continue
        values = _columns(data)
        index = _columns_index(cells)
        for lab, cell in members:
            column = index.get(cell)
            if column is not None and column < len(values):
                pairs[lab.start] = (values[column], data)
    return pairs


def _data_row(header):
    """The one data row under a header row (same table, no links), else None."""
    table = _table_of(header)
    following = [tr for tr in header.itersiblings("tr")] or [
        tr for tr in header.xpath("following::tr") if _table_of(tr) is table]
    following = [tr for tr in following if _table_of(tr) is table]
    if len(following) != 1:
        return None
    data = following[0]
    if any(a.get("href") for a in data.iter("a")):
        return None
    return data


def _columns_index(cells) -> dict:
    index, column = {}, 0
    for cell in cells:
        index[cell] = column
        column += _span(cell)
    return index


def _columns(row) -> list[str]:
    values: list[str] = []
    for cell in row:
        if cell.tag in _CELL_TAGS:
            values.append(_cell_text(cell))
            values.extend([""] * (_span(cell) - 1))
    return values


def _span(cell) -> int:
    try:
        return max(1, min(int(cell.get("colspan") or 1), 20))
    except ValueError:
        return 1


def empty_value_cell(stream, lab) -> bool:
    """Whether a label sits in a table cell whose next cell is empty (``文　　号 | (nothing)``)."""
    cell = _ancestor(_container(stream.nodes[lab.segment]), _CELL_TAGS, 4)
    if cell is None:
        return False
    following = cell.getnext()
    while following is not None and following.tag not in _CELL_TAGS:
        following = following.getnext()
    return following is not None and not _cell_text(following) and following.find(".//img") is None


# ---------------------------------------------------------------------------- 文号 line
def number_line(stream, taken: set[int]) -> tuple[str, int] | None:
    """``(文号, segment)`` of a segment that is only a 发文字号, before the body's first long
    paragraph; ``taken`` are segments already read as labelled values."""
    for index, segment in enumerate(stream.segments):
        if len(segment) >= LONG_PARAGRAPH:
            return None
        if index in taken or len(segment) > 40:
            continue
        compact = _SPACES.sub("", segment)
        if DOC_NUMBER_LINE.match(compact):
            if _ancestor(_container(stream.nodes[index]), ("a",), 4) is None:
                return compact, index
    return None


# ---------------------------------------------------------------------------- blocks
def _block_of(node):
    return _ancestor(_container(node), _BLOCK_TAGS, 12)


def _compact(block) -> str:
    return _SPACES.sub("", "".join(block.itertext())) if block is not None else ""


def _first_long_block(stream) -> int | None:
    """Index of the last segment of the first block holding a long paragraph (its text may be
    split over many ``<span>``s), or None."""
    last, length = None, 0
    for index, node in enumerate(stream.nodes):
        if len(stream.segments[index]) >= LONG_PARAGRAPH:
            return index
        block = _block_of(node)
        length = length + len(stream.segments[index]) if block is last else len(stream.segments[index])
        last = block
        if length >= LONG_PARAGRAPH:
            return index
    return None


def signature_date(stream, keep=None) -> dict | None:
    """The signature date at the end of the text: ``{"value", "date", "signer", "segment"}``.

    A block that is only a full date, preceded by a short block naming the issuer, after at least
    one long paragraph; the last such block wins. ``keep(segment)`` can refuse one (footers).
    Only short segments ending in 日 are looked at, so the pass costs little on long pages.
    """
    segments = stream.segments
    first_long = _first_long_block(stream)
    if first_long is None:
        return None
    found = None
    seen: set = set()
    for index in range(first_long + 1, len(segments)):
        segment = segments[index]
        if len(segment) > 20 or not segment.rstrip().endswith("日"):
            continue
        node = stream.nodes[index]
        block = _block_of(node)
        if block is None or block in seen:
            continue
        seen.add(block)
        text = _compact(block)
        if not text or len(text) > 20 or "年" not in text:
            continue
        value, start, end = match_date(text)
        if not value or start != 0 or end < len(text):
            continue
        first = index
        while first > 0 and _block_of(stream.nodes[first - 1]) is block:
            first -= 1
        if first == 0:
            continue
        signer = _compact(_block_of(stream.nodes[first - 1]))
        if not (0 < len(signer) <= SIGNER_MAX and _CJK.search(signer)) or match_date(signer)[0]:
            continue
        if keep is not None and not keep(first):
            continue
        found = {"value": text, "date": value, "signer": signer, "segment": first}
    return found


def title_date(stream) -> dict | None:
    """A bare date (in brackets or not) printed inside the title heading."""
    if not stream.nodes:
        return None
    parent = stream.nodes[0].getparent()
    if parent is None:
        return None
    root = parent.getroottree().getroot()
    for heading in root.iter(*_HEADING_TAGS):
        for text in heading.itertext():
            bare = text.strip(" \t\r\n\xa0[](){}［］（）【】")
            if not bare or len(bare) > 30:
                continue
            shown = date_text(bare)
            if shown and shown == bare:
                return {"value": shown, "date": match_date(bare)[0]}
    return None
