"""Tab boxes whose panels each wrap their list in a portlet (慧点 eportal home pages, the common
``setTab(name, cursel, n)`` script): the panels ``<div id="con_one_N">`` are one list, however deep
each wraps its ``<ul>``; other boxes and stacked portlets stay apart."""

from __future__ import annotations

from crawler.extract.html import parse_html
from crawler.extract.lists import list_items

BASE = "http://www.example.gov.cn/"


def _panel(box: str, number: int, state: str, day0: int, count: int) -> str:
    rows = "".join(
        f'<li class="clearfix"><a href="/{box}/{number}/{day0 + i}/index.html" target="_blank" '
        f'title="{box} tab {number} item {i}">{box} tab {number} item {i} 的通知</a>'
        f'<span class="list_date right">2018-03-{day0 + i:02d}</span></li>'
        for i in range(count)
    )
    return (f'<div id="con_{box}_{number}" class="{state}"><div id="c{box}{number}" class=" column">'
            f'<div class="portlet" id="p{box}{number}">'
            '<div class="portlet-header"><span id="menu"></span></div>'
            f'<div><ul class="aqxx_list" opentype="page">{rows}</ul></div></div></div></div>')


def _box(box: str, per_tab: int) -> str:
    heads = "".join(f'<li id="{box}{n}" onmouseover="setTab(\'{box}\',{n},4)">栏目{n}</li>'
                    for n in range(1, 5))
    panels = "".join(_panel(box, n, "block" if n == 4 else "none", 10 + n, per_tab) for n in range(1, 5))
    return f'<div class="box_{box}"><div class="lib_Menubox"><ul>{heads}</ul></div>{panels}</div>'


def _items(body: str) -> list[dict]:
    return list_items(parse_html(f"<html><body>{body}</body></html>"), BASE)


def test_tab_panels_wrapping_portlets_are_one_list():
    items = _items(_box("one", 5) + _box("two", 3))
    assert len(items) == 20  # the four panels of the first box; the second box is another list
    assert items[0]["url"] == BASE + "one/1/11/index.html"
    assert items[-1]["url"] == BASE + "one/4/18/index.html"


def test_stacked_portlets_without_tab_ids_stay_apart():
    def portlet(name: str, count: int) -> str:
        rows = "".join(f'<li><a href="/{name}/{i}.html">{name} 第{i}条通知公告</a>'
                       f'<span>2018-03-{i + 1:02d}</span></li>' for i in range(count))
        return f'<div class="portlet"><div><ul class="aqxx_list">{rows}</ul></div></div>'

    items = _items(f'<div class=" column">{portlet("a", 6)}</div>'
                   f'<div class=" column">{portlet("b", 4)}</div>')
    assert [i["url"] for i in items] == [f"{BASE}a/{i}.html" for i in range(6)]


def test_panels_of_different_boxes_are_no_pair():
    items = _items(_box("one", 2) + _box("two", 5))
    assert {i["url"].split("/")[3] for i in items} == {"two"}
    assert len(items) == 20
