"""Hidden links (暗链): ``<a>`` to another site inside an element hidden by inline or page CSS.

Hidden means, on the link or an ancestor, by its ``style`` attribute or a rule of the page's own
``<style>`` blocks (``@media print`` ignored; external stylesheets are not fetched):
``display:none``, ``visibility:hidden``, ``font-size:0``, off-screen positioning (``position``
absolute/fixed with ``left``/``top``/``right``/``bottom`` ≤ −500px, or ``text-indent`` /
``margin-left``/``margin-top`` ≤ −500px), zero size (``width`` or ``height`` ≤ 1px with
``overflow:hidden``), or the ``hidden`` attribute.

Not reported, so that a finding is an accusation an agency cannot dispute: links to the same site
(the agency's scope), links to government sites (``.gov.cn``/``.gov``), and hidden parts of the
interface a visitor opens — elements whose id or class a script or an ``on…`` handler names, that
a ``:hover``/``:focus`` rule targets, or whose id/class says tab, menu, nav, dropdown, popup ….
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from cssselect import SelectorError
from lxml import etree
from lxml.cssselect import CSSSelector

OFFSCREEN_PX = -500
UI_WORDS = re.compile(r"tab|menu|nav|drop|sub|pop|modal|dialog|slide|swiper|collapse|toggle|"
                      r"accordion|tooltip|carousel|mobile|wap|qrcode|ewm|weixin|wechat", re.I)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_LENGTH = re.compile(r"^(-?\d+(?:\.\d+)?)(px|pt|em|rem|%|)$")
GOV_SUFFIXES = (".gov.cn", ".gov")


def declarations(style: str) -> dict[str, str]:
    """``{"display": "none", …}`` of a CSS declaration block (lower case, ``!important`` dropped)."""
    found: dict[str, str] = {}
    for part in (style or "").split(";"):
        if ":" not in part:
            continue
        prop, value = part.split(":", 1)
        value = value.lower().replace("!important", "").strip()
        found[prop.strip().lower()] = re.sub(r"\s+", " ", value)
    return found


def _px(value: str) -> float | None:
    match = _LENGTH.match((value or "").strip().split(" ")[0])
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2)
    return number * 16 if unit in ("em", "rem") else number


def hiding(decls: dict[str, str]) -> str:
    """How a declaration block hides its element ('' when it does not)."""
    if decls.get("display") == "none":
        return "display:none"
    if decls.get("visibility") in ("hidden", "collapse"):
        return "visibility:hidden"
    size = _px(decls.get("font-size", ""))
    if size is not None and size <= 0:
        return "font-size:0"
    if decls.get("position") in ("absolute", "fixed"):
        for side in ("left", "top", "right", "bottom"):
            offset = _px(decls.get(side, ""))
            if offset is not None and offset <= OFFSCREEN_PX:
                return "off-screen"
    for prop in ("text-indent", "margin-left", "margin-top"):
        offset = _px(decls.get(prop, ""))
        if offset is not None and offset <= OFFSCREEN_PX:
            return "off-screen"
    if decls.get("overflow") == "hidden":
        for prop in ("width", "height", "max-height", "max-width"):
            length = _px(decls.get(prop, ""))
            if length is not None and length <= 1:
                return "zero-size"
    return ""


def _blocks(css: str) -> list[tuple[str, str]]:
    """(selector list, declarations) of a stylesheet; @media print and other @-blocks skipped,
    other @media blocks read as if unconditional."""
    css = _COMMENT.sub("", css or "")
    rules: list[tuple[str, str]] = []
    i, n = 0, len(css)
    while i < n:
        brace = css.find("{", i)
        if brace < 0:
            break
        prelude = css[i:brace].strip().rsplit(";", 1)[-1].strip().lstrip("}").strip()
        depth, j = 1, brace + 1
        while j < n and depth:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        body = css[brace + 1:j - 1]
        if prelude.startswith("@"):
            if prelude.lower().startswith("@media") and "print" not in prelude.lower():
                rules.extend(_blocks(body))
        else:
            rules.append((prelude, body))
        i = j
    return rules


def page_rules(root) -> tuple[list[tuple[str, str, str]], str]:
    """(hiding rules as (selector, method, css text), the :hover/:focus selectors joined)."""
    css = "\n".join("".join(el.itertext()) for el in root.iter("style"))
    hiding_rules, interactive = [], []
    for selectors, body in _blocks(css):
        method = hiding(declarations(body))
        for selector in selectors.split(","):
            selector = selector.strip()
            if not selector:
                continue
            if re.search(r":(hover|focus|active|checked|target)", selector):
                interactive.append(selector)
            elif method and "::" not in selector and ":before" not in selector \
                    and ":after" not in selector:
                hiding_rules.append((selector, method, f"{selector}{{{body.strip()}}}"))
    return hiding_rules, " ".join(interactive)


def _names(el) -> list[str]:
    return [n for n in [el.get("id") or "", *(el.get("class") or "").split()] if n]


def _ui_referenced(el, scripts: str, interactive: str) -> bool:
    for name in _names(el):
        if UI_WORDS.search(name):
            return True
        # named as a string or selector (getElementById("x"), $(".x"), "#x:hover"), not as a
        # method (jQuery's .hide() is no reference to class "hide")
        token = re.compile(rf"[\"'#.\s]{re.escape(name)}(?=[\"'\s,:.\[\])]|$)")
        if token.search(scripts) or token.search(" " + interactive):
            return True
    return False


def describe(el) -> str:
    """``div#id.class`` of an element, for evidence."""
    names = f"#{el.get('id')}" if el.get("id") else ""
    names += "".join(f".{c}" for c in (el.get("class") or "").split()[:3])
    return f"{el.tag}{names}"


def is_government(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host.endswith(GOV_SUFFIXES)


def hidden_links(root, page_url: str, other_site: Callable[[str], bool]) -> list[dict]:
    """Links to other sites inside CSS-hidden elements of a parsed page (with scripts still in it).

    ``other_site(url)`` says whether a target is another site (outside the agency's scope).
    Each result: ``target``, ``anchor``, ``method``, ``css`` (the declaration or rule),
    ``origin`` (``inline`` | ``page-css`` | ``attribute``), ``element`` (the hidden element).
    """
    if root is None:
        return []
    anchors = [a for a in root.iter("a") if (a.get("href") or "").strip()]
    if not anchors:
        return []
    base = page_url
    for el in root.iter("base"):
        if el.get("href"):
            base = urljoin(page_url, el.get("href").strip())
            break
    candidates = []
    for a in anchors:
        href = a.get("href").strip()
        if href.lower().startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        target = urljoin(base, href)
        if target.startswith(("http://", "https://")) and other_site(target) and not is_government(target):
            candidates.append((a, target))
    if not candidates:
        return []
    rules, interactive = page_rules(root)
    by_rule: dict = {}
    for selector, method, css in rules:
        try:
            for el in CSSSelector(selector)(root):
                by_rule.setdefault(el, (method, css))
        except (SelectorError, etree.XPathError, ValueError, TypeError):
            continue
    scripts = " ".join("".join(s.itertext()) for s in root.iter("script"))
    scripts += " ".join(v for el in root.iter() if isinstance(el.tag, str)
                        for k, v in el.attrib.items() if k.lower().startswith("on"))
    found: dict[str, dict] = {}
    for a, target in candidates:
        for el in (a, *a.iterancestors()):
            if not isinstance(el.tag, str):
                continue
            inline = declarations(el.get("style") or "")
            method, css, origin = hiding(inline), el.get("style") or "", "inline"
            if not method and el.get("hidden") is not None:
                method, css, origin = "hidden-attribute", "hidden", "attribute"
            if not method and el in by_rule:
                method, css = by_rule[el]
                origin = "page-css"
                prop = method.split(":")[0]
                if prop in inline and not hiding({prop: inline[prop]}):
                    method = ""  # the element's own style shows it again
            if method:
                if not _ui_referenced(el, scripts, interactive) and target not in found:
                    anchor = re.sub(r"\s+", " ", "".join(a.itertext())).strip()[:200]
                    found[target] = {"target": target, "anchor": anchor, "method": method,
                                     "css": css[:300], "origin": origin, "element": describe(el)}
                break
    return list(found.values())
