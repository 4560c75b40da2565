"""Which blocks of a page are parts of one list: same-shape siblings and cousins, and the panels
of one tab box (state classes such as ``active``/``dis`` left out, numbered panel ids).

Used by :mod:`crawler.extract.list_items` to join a list split over groups or tabs.
"""

from __future__ import annotations

import re

from lxml import etree

# state classes a tab script toggles (the hidden tab of a two-tab box is 「lx-jrgz-left-text dis」 next
# to the shown 「lx-jrgz-left-text」): not part of a block's shape
_STATE_CLASSES = frozenset(["dis", "on", "cur", "current", "active", "show", "hide", "hidden", "none",
                            "selected", "sel", "visible", "block"])


def shape(el: etree._Element) -> tuple:
    """Tag and class of an element (state classes left out): blocks of one shape are parts of one list."""
    classes = [c for c in (el.get("class") or "").split() if c.lower() not in _STATE_CLASSES]
    return (el.tag, " ".join(classes))


def _alike(a: etree._Element, b: etree._Element) -> bool:
    """One shape, or one tag whose classes extend the other's: the tabs of one box often differ by
    an extra class (博达 VSB 要闻 ``ul.m-list6`` beside 工作动态 ``ul.m-list6.m-pic2-1.m-listzy01``)."""
    if shape(a) == shape(b):
        return True
    if a.tag != b.tag:
        return False
    mine, theirs = set((a.get("class") or "").split()), set((b.get("class") or "").split())
    return bool(mine and theirs) and (mine <= theirs or theirs <= mine)


_TAB_ID = re.compile(r"(.*?[^\d])(\d+)")


def _tab_pair(one: etree._Element, other: etree._Element) -> bool:
    """Two panels of one tab box: same tag, ids that differ only in a trailing number
    (``con_one_1`` / ``con_one_4`` of the common ``setTab(name, n)`` script), whatever their state class."""
    first = _TAB_ID.fullmatch(one.get("id") or "")
    second = _TAB_ID.fullmatch(other.get("id") or "")
    return (one.tag == other.tag and first is not None and second is not None
            and first.group(1) == second.group(1) and first.group(2) != second.group(2))


def kin(block: etree._Element, best: etree._Element) -> bool:
    """Whether ``block`` is a part of the same list as ``best``: a same-shape sibling, or a
    same-shape cousin (TRS 动静结合 pages split a list into groups of five, ``<div><ul>`` each), or
    the list of another panel of the same tab box, however deep each panel wraps it (慧点 eportal
    home pages put a portlet ``<div class="portlet"><div><ul>`` in each ``<div id="con_one_N">``)."""
    tabbed = False
    for depth in range(5):
        pair = _tab_pair(block, best)
        if not _alike(block, best) and not pair:
            return False
        tabbed = tabbed or pair
        block, best = block.getparent(), best.getparent()
        if block is None or best is None:
            return False
        if block is best:
            return depth < 2 or tabbed
    return False
