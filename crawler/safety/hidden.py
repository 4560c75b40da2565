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
from functools import lru_cache
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
_STYLED = etree.XPath("//*[@style]")
_HIDDEN_ATTR = etree.XPath("//*[@hidden]")
# Declarations that may hide something; the rest of a site's CSS is never parsed. Separate
# case-sensitive patterns over lower-cased text, each starting with a literal: the regex engine
# then scans for that literal at C speed (an alternation under re.I is tried at every position).
_HINTS = tuple(re.compile(p) for p in (
    r"display\s*:\s*none", r"visibility\s*:\s*(?:hidden|collapse)", r"font-size\s*:\s*0",
    r":\s*-\d{3}", r"overflow\s*:\s*hidden", r"overflow-y\s*:\s*hidden"))
_PRINT_MEDIA = re.compile(r"@media[^{]*\bprint\b[^{]*\{", re.I)
_INTERACTIVE = re.compile(r":(?:hover|focus|active|checked|target)\b", re.I)
_LAST_COMPOUND = re.compile(r"[^\s>+~]+$")
_NAME_TOKEN = re.compile(r"[.#][-\w]+")


def _hints(low: str) -> list[int]:
    """Start offsets of hiding declarations in lower-cased CSS, in order."""
    return sorted(m.start() for pattern in _HINTS for m in pattern.finditer(low))


def _has_hint(text: str) -> bool:
    low = text.lower()
    return any(pattern.search(low) for pattern in _HINTS)


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


def _without_print_media(css: str) -> str:
    """The stylesheet without its ``@media print { … }`` blocks."""
    while True:
        match = _PRINT_MEDIA.search(css)
        if not match:
            return css
        depth, pos = 1, match.end()
        while pos < len(css) and depth:
            depth += {"{": 1, "}": -1}.get(css[pos], 0)
            pos += 1
        css = css[:match.start()] + css[pos:]


def _blocks(css: str) -> list[tuple[str, str]]:
    """(selector list, declarations) of the rules of a stylesheet that may hide something.

    Found from the hiding hints outward (a site's CSS is mostly rules that hide nothing). Rules
    inside ``@media`` blocks count as unconditional, except ``@media print``.
    """
    css = _COMMENT.sub("", css or "")
    positions = _hints(css.lower())
    if not positions:
        return []
    if "print" in css:
        css = _without_print_media(css)
        positions = _hints(css.lower())
    rules, seen = [], set()
    for pos in positions:
        start = css.rfind("{", 0, pos)
        if start < 0 or start < css.rfind("}", 0, pos) or start in seen:
            continue  # not inside a declaration block, or that block is taken
        seen.add(start)
        end = css.find("}", pos)
        selector_start = max(css.rfind("}", 0, start), css.rfind("{", 0, start)) + 1
        selectors = css[selector_start:start].rsplit(";", 1)[-1].strip()
        if not selectors.startswith("@"):
            rules.append((selectors, css[start + 1:end if end >= 0 else len(css)]))
    return rules


@lru_cache(maxsize=4096)
def _selector(selector: str):
    try:
        return CSSSelector(selector)
    except (SelectorError, etree.XPathError, ValueError, TypeError):
        return None


def page_rules(root) -> tuple[list[tuple[str, str, str]], str]:
    """(hiding rules as (selector, method, css text), the :hover/:focus selectors joined).

    A selector whose last part names a class or id no element of the page carries cannot match
    and is dropped before any XPath runs (framework stylesheets hold hundreds of them).
    """
    css = _COMMENT.sub("", "\n".join("".join(el.itertext()) for el in root.iter("style")))
    if not css.strip():
        return [], ""
    interactive = " ".join(css[css.rfind("}", 0, m.start()) + 1:m.end() + 80].split("{", 1)[0]
                           for m in _INTERACTIVE.finditer(css))
    rules = _blocks(css)
    if not rules:
        return [], interactive
    present = {"#" + v for v in root.xpath("//@id")}
    present.update("." + c for v in root.xpath("//@class") for c in v.split())
    hiding_rules = []
    for selectors, body in rules:
        method = hiding(declarations(body))
        if not method:
            continue
        for selector in selectors.split(","):
            selector = selector.strip()
            if not selector or ":" in selector:  # pseudo-classes and -elements: not a static hide
                continue
            last = _LAST_COMPOUND.search(selector)
            if last and not all(t in present for t in _NAME_TOKEN.findall(last.group())):
                continue
            hiding_rules.append((selector, method, f"{selector}{{{body.strip()}}}"))
    return hiding_rules, interactive


def hidden_elements(root) -> tuple[dict, str]:
    """({element: (method, css, origin)} of every hidden element, the :hover selectors)."""
    rules, interactive = page_rules(root)
    by_rule: dict = {}
    for selector, method, css in rules:
        compiled = _selector(selector)
        if compiled is None:
            continue
        try:
            for el in compiled(root):
                by_rule.setdefault(el, (method, css))
        except (etree.XPathError, ValueError, TypeError):
            continue
    hidden: dict = {}
    for el in _STYLED(root):
        style = el.get("style") or ""
        inline = declarations(style) if el in by_rule or _has_hint(style) else {}
        method = hiding(inline) if inline else ""
        if method:
            hidden[el] = (method, style, "inline")
        elif el in by_rule:
            method, css = by_rule[el]
            prop = method.split(":")[0]
            if not (prop in inline and not hiding({prop: inline[prop]})):  # own style shows it again
                hidden[el] = (method, css, "page-css")
    for el, (method, css) in by_rule.items():
        if el not in hidden and el.get("style") is None:
            hidden[el] = (method, css, "page-css")
    for el in _HIDDEN_ATTR(root):
        hidden.setdefault(el, ("hidden-attribute", "hidden", "attribute"))
    return hidden, interactive


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
    hidden, interactive = hidden_elements(root)
    if not hidden:
        return []
    anchors = {a for el in hidden for a in el.iter("a") if (a.get("href") or "").strip()}
    if not anchors:
        return []
    base = page_url
    for el in root.iter("base"):
        if el.get("href"):
            base = urljoin(page_url, el.get("href").strip())
            break
    candidates = []
    for a in root.iter("a"):  # page order
        if a not in anchors:
            continue
        href = a.get("href").strip()
        if href.lower().startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        target = urljoin(base, href)
        if target.startswith(("http://", "https://")) and other_site(target) and not is_government(target):
            candidates.append((a, target))
    if not candidates:
        return []
    scripts = " ".join("".join(s.itertext()) for s in root.iter("script"))
    scripts += " ".join(v for el in root.iter() if isinstance(el.tag, str)
                        for k, v in el.attrib.items() if k.lower().startswith("on"))
    found: dict[str, dict] = {}
    for a, target in candidates:
        for el in (a, *a.iterancestors()):
            if el in hidden:
                method, css, origin = hidden[el]
                if not _ui_referenced(el, scripts, interactive) and target not in found:
                    anchor = re.sub(r"\s+", " ", "".join(a.itertext())).strip()[:200]
                    found[target] = {"target": target, "anchor": anchor, "method": method,
                                     "css": css[:300], "origin": origin, "element": describe(el)}
                break
    return list(found.values())
