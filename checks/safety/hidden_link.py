"""暗链: links to other sites inside elements hidden by CSS."""

from __future__ import annotations

from collections.abc import Iterator

from checks.registry import AgencyView, Finding, rule
from checks.safety.common import require_safety_data

METHOD_TEXT = {"display:none": "display:none 隐藏", "visibility:hidden": "visibility:hidden 隐藏",
               "font-size:0": "字号为 0", "off-screen": "定位到屏幕外", "zero-size": "零尺寸并裁切",
               "hidden-attribute": "hidden 属性隐藏"}


@rule(id="hidden-link", family="safety", title="暗链",
      ref="指标2019 单项否决 · 安全、泄密事故等严重问题（链接违规内容、网站被篡改）",
      default="display:none · visibility:hidden · 屏幕外定位 · font-size:0 · 零尺寸",
      reads=("pages", "page_texts", "hidden_links"))
def hidden_link(view: AgencyView) -> Iterator[Finding]:
    """A link to another site inside an element hidden by inline or page CSS — the 暗链 of a hacked site.

    What: an ``<a>`` whose target is outside the agency's site sits in an element (itself or an
    ancestor) hidden by its ``style`` attribute or the page's ``<style>`` rules: display:none,
    visibility:hidden, off-screen positioning, font-size:0, zero size with overflow hidden, or the
    ``hidden`` attribute. ``url`` is the target, ``source`` the page, ``field`` how it is hidden.
    Not reported: links to government sites (.gov.cn), and hidden interface parts a visitor opens
    (tabs, menus, pop-ups: named by a script, a :hover rule, or a tab/menu/nav class).
    Why: hidden links planted by attackers push gambling and porn sites; 指标2019 treats linking
    to such content and unhandled tampering as a single-veto item.
    How to fix: remove the hidden block from the page and the template, find how it got there
    (CMS account, template, server compromise) and close that hole.
    """
    require_safety_data(view)
    by_target: dict[str, list[dict]] = {}
    for row in view.rows("hidden_links"):
        by_target.setdefault(row["target"], []).append(row)
    for target, rows in sorted(by_target.items()):
        rows.sort(key=lambda r: r["source"])
        first = rows[0]
        sources = sorted({r["source"] for r in rows})
        yield Finding(
            url=target, source=first["source"], field=first["method"],
            detail=(f"隐藏的外部链接「{first['anchor'] or target}」"
                    f"（{METHOD_TEXT.get(first['method'], first['method'])}，{first['element']}），"
                    f"出现在 {len(sources)} 个页面"),
            evidence={"target": target, "anchor": first["anchor"], "method": first["method"],
                      "css": first["css"], "origin": first["origin"], "element": first["element"],
                      "sources": sources[:10], "source_count": len(sources)})
