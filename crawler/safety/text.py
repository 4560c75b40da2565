"""Visible text of a page as located blocks, and the digit folding every detector shares.

A *block* is the text of one block-level element (paragraph, list item, table cell, heading …)
with its inline children joined without a break, so a number split over ``<span>``s is one
string; ``where`` says where it is: ``标题`` (the ``<title>``), ``正文``, or ``表格 第r行第c列``.
Scripts, styles, templates, comments and attribute values are never text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.extract.page import parse_html

NOT_TEXT = frozenset({"script", "style", "noscript", "template", "head", "select", "option",
                      "textarea"})
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr td th ul "
    "center marquee iframe".split())
# Full-width digits, letters and the ideographic space fold to ASCII (NFKC would also rewrite
# punctuation the context sentences should keep).
_FOLD = {**{0xFF10 + i: 0x30 + i for i in range(10)}, 0xFF38: ord("X"), 0xFF58: ord("x"),
         0x3000: ord(" "), 0x00A0: ord(" "), 0xFF0D: ord("-"), 0xFF0A: ord("*")}
_WS_RUN = re.compile(r"[ \t\r\f\v]+")


_FOLDABLE = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")


def fold(text: str) -> str:
    """Full-width digits/X/space/hyphen/asterisk to ASCII, lengths unchanged (offsets stay valid)."""
    return text.translate(_FOLD) if _FOLDABLE.search(text) else text


@dataclass(frozen=True)
class Block:
    """One piece of visible text and where on the page (or in the file) it is."""

    text: str
    where: str


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.where = "正文"
        self.row = 0
        self.col = 0

    def flush(self) -> None:
        text = _WS_RUN.sub(" ", "".join(self.buffer)).strip()
        if text:
            self.blocks.append(Block(text, self.where))
        self.buffer = []

    def walk(self, el) -> None:
        tag = _tag(el)
        if not tag or tag in NOT_TEXT:
            return
        block = tag in BLOCK_TAGS
        saved = (self.where, self.row, self.col)
        if block:
            self.flush()
        if tag == "table":
            self.row = 0
        elif tag == "tr":
            self.row += 1
            self.col = 0
        elif tag in ("td", "th"):
            self.col += 1
            self.where = f"表格 第{self.row}行第{self.col}列"
        if el.text:
            self.buffer.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)
        if block:
            self.flush()
        if tag == "table":
            self.where, self.row, self.col = saved
        elif tag in ("td", "th"):
            self.where = saved[0]


def page_title(root) -> str:
    for el in root.iter("title"):
        return _WS_RUN.sub(" ", "".join(el.itertext())).strip()
    return ""


def visible_blocks(root) -> list[Block]:
    """The title and the visible text blocks of a parsed page (see the module docstring)."""
    if root is None:
        return []
    blocks: list[Block] = []
    title = page_title(root)
    if title:
        blocks.append(Block(title, "标题"))
    bodies = root.xpath("//body") or [root]
    walker = _Walker()
    walker.walk(bodies[0])
    walker.flush()
    return blocks + walker.blocks


def blocks_of_html(html: str) -> list[Block]:
    """Visible blocks of an HTML string (tests, ``inspect``)."""
    return visible_blocks(parse_html(html))

