"""The visible text by block: one line per block element, the inline pieces of a block joined.

:class:`~crawler.extract.metadata.TextStream` keeps one segment per text node, which is what the
metadata readers want (a label and its value are often separate nodes). A guide's text is prose
set by a word processor: ``<p><span>通信地址：平潭综合实验区金井湾营运中心</span><span>7号楼14层</span></p>``
is one line to a reader, two segments to the stream. :class:`BlockText` joins the segments of one
block (``<p>``, ``<div>``, ``<li>``, ``<td>`` …; a ``<br>`` also ends a line) and maps its positions
back to the stream's, so a caller can still ask where a piece of text sits (footer or not).
"""

from __future__ import annotations

import re
from bisect import bisect_right

INLINE_TAGS = frozenset({
    "a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "img", "label", "mark", "q", "s", "small",
    "span", "strike", "strong", "sub", "sup", "tt", "u", "var", "ins", "del", "o:p",
})
_CJK_EDGE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _block_of(node):
    """The nearest non-inline element holding a text node (a tail belongs to its element's parent)."""
    el = node.getparent()
    if el is not None and node.is_tail:
        el = el.getparent()
    while el is not None and isinstance(el.tag, str) and el.tag.lower() in INLINE_TAGS:
        el = el.getparent()
    return el


class BlockText:
    """``text``: the stream's segments, one line per block; :meth:`stream_pos` maps a position back."""

    __slots__ = ("stream", "text", "_line_starts", "_line_segment")

    def __init__(self, stream) -> None:
        self.stream = stream
        lines: list[str] = []
        first_segment: list[int] = []
        previous = None
        aligned = len(stream.segments) == len(stream.nodes)  # one segment per text node, always
        pairs = zip(stream.segments, stream.nodes, strict=True) if aligned else ()
        for index, (segment, node) in enumerate(pairs):
            block = _block_of(node)
            after_br = node.is_tail and getattr(node.getparent(), "tag", None) == "br"
            if lines and block is previous and not after_br:
                joint = "" if (_CJK_EDGE.match(lines[-1][-1:]) or _CJK_EDGE.match(segment[:1])) else " "
                lines[-1] += joint + segment
            else:
                lines.append(segment)
                first_segment.append(index)
            previous = block
        self.text = "\n".join(lines)
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        self._line_starts = starts
        self._line_segment = first_segment

    def stream_pos(self, pos: int) -> int:
        """The position in the stream's text where the line holding ``pos`` starts."""
        if not self._line_starts:
            return 0
        line = max(bisect_right(self._line_starts, pos) - 1, 0)
        return self.stream.segment_start(self._line_segment[line])
