"""Lists a saved page cannot show: containers that JavaScript fills in the browser.

Many portals render their lists client-side: avalon ``ms-repeat``/``ms-for`` templates, Vue
``v-for`` and ``{{ item.title }}`` templates, Angular ``ng-repeat``, ``<script type="text/html">``
templates (art-template, laytpl), or an empty ``<ul id="list">`` that a script fills with the
answer of a POST/GET to a search API. The HTML as served holds no items, so a crawler that does
not run JavaScript sees an empty list — and calling that column *blank* (空白栏目) would be a
false alarm, the worst kind, since five of them veto the whole site.

:func:`unreadable_reason` says why a page's list cannot be read from its HTML (``""`` when nothing
points to client-side rendering); :mod:`crawler.extract.lists` then marks the column
``unreadable`` instead of ``blank``, the store keeps it, and ``column-blank``/``column-stale`` list
such columns as 无法读取 instead of judging them.
"""

from __future__ import annotations

import re

from crawler.extract.list_items import _noisy

_TEMPLATE_ATTRS = (
    ("ms-repeat", "avalon ms-repeat 模板"), ("ms-for", "avalon ms-for 模板"),
    ("v-for", "Vue v-for 模板"), (":key", "Vue 模板"), ("ng-repeat", "Angular ng-repeat 模板"),
    ("x-for", "Alpine x-for 模板"),
)
_MUSTACHE = re.compile(r"\{\{\s*[A-Za-z_$@][\w$.@\[\]'\" ()|]*\s*\}\}")
_TEMPLATE_SCRIPT_TYPES = ("text/html", "text/template", "text/x-template", "text/x-handlebars-template",
                          "text/x-jsrender", "text/x-tmpl")
_FETCH = re.compile(r"\$\.(?:ajax|post|get|getJSON)\s*\(|\baxios\b|\bfetch\s*\(|XMLHttpRequest|"
                    r"\.load\s*\(\s*['\"]|new\s+Vue\s*\(|createApp\s*\(|avalon\.define\s*\(")
_FILL = re.compile(r"\.(?:append|html|prepend)\s*\(|innerHTML\s*[+]?=|laytpl|template\s*\(|"
                   r"\.render\s*\(|new\s+Vue\s*\(|createApp\s*\(|avalon\.define\s*\(")
_SELECTOR = re.compile(r"""(?:\$\(\s*|getElementById\(\s*|querySelector(?:All)?\(\s*|el\s*:\s*)['"]"""
                       r"""([#.]?)([A-Za-z][\w-]*)""")
_LISTISH = re.compile(r"list|news|info|article|content|data|items|tbody|xxgk|gk|lb|wj", re.I)


def _attr_names(el) -> list[str]:
    return [name.lower() for name in el.attrib]


def _chrome(el) -> bool:
    """Inside the site's frame — header, navigation, footer — or a form.

    Site-wide widgets there (avalon ``ms-repeat="hotWords"`` search suggestions in the header, a
    login box) are rendered by the browser on every page, the column's list or not: they say
    nothing about it.
    """
    return _noisy(el) or any(node.tag == "form" for node in el.iterancestors())


def _template_attr(root) -> str:
    """The first client-side template attribute on the page (avalon, Vue, Angular …), as a reason.

    Templates in the site's frame (:func:`_chrome`) do not count.
    """
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.attrib:
            continue
        if not any(name.startswith(("ms-", "v-", ":", "ng-", "x-")) for name in _attr_names(el)):
            continue
        if _chrome(el):
            continue
        for name in _attr_names(el):
            for prefix, reason in _TEMPLATE_ATTRS:
                if name == prefix or name.startswith(prefix + "-") or (
                        prefix == "v-for" and name.startswith("v-for")):
                    return reason
    return ""


def _mustache_in_body(root) -> bool:
    body = root.find(".//body")
    if body is None:
        return False
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        for text in (el.text, el.tail):
            if text and "{{" in text and _MUSTACHE.search(text):
                return True
        for value in el.attrib.values():
            if "{{" in value and _MUSTACHE.search(value):
                return True
    return False


def _template_script(root) -> bool:
    for script in root.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind in _TEMPLATE_SCRIPT_TYPES and (script.text or "").strip():
            return True
    return False


def _empty_filled_container(root) -> str:
    """An empty list-like container that a page script fetches data for and fills."""
    scripts = [s.text or "" for s in root.iter("script") if (s.text or "").strip()]
    joined = "\n".join(scripts)
    if not joined or not _FETCH.search(joined) or not _FILL.search(joined):
        return ""
    named = {(kind, name) for kind, name in _SELECTOR.findall(joined)}
    for el in root.iter("ul", "ol", "tbody", "table", "div", "dl"):
        if el.find(".//a") is not None or "".join(el.itertext()).strip():
            continue
        ident, classes = el.get("id") or "", (el.get("class") or "").split()
        hit = ident and (("#", ident) in named or ("", ident) in named)
        hit = hit or any((".", c) in named for c in classes)
        if hit and (_LISTISH.search(ident) or any(_LISTISH.search(c) for c in classes)
                    or el.tag in ("ul", "ol", "tbody", "dl")):
            return f"空列表容器 {el.tag}{'#' + ident if ident else ''} 由脚本请求数据后填充"
    return ""


def unreadable_reason(root) -> str:
    """Why the page's list is rendered by JavaScript and cannot be read from the HTML (``""``: it can).

    Call on the tree *with* its scripts (templates live in ``<script type="text/html">``).
    """
    if root is None:
        return ""
    try:
        reason = _template_attr(root)
        if reason:
            return reason
        if _template_script(root):
            return "脚本模板（script type=text/html）"
        if _mustache_in_body(root):
            return "{{ }} 模板占位符"
        return _empty_filled_container(root)
    except (ValueError, TypeError):
        return ""
