"""Client-side redirects: a page whose only content is ``<meta http-equiv="refresh">`` or a script
``location.href = '…'`` (a home page stub that sends the browser to ``/201712333/index.shtml``).

The crawler sees an empty page there: without the target it would crawl nothing behind the home
page. :func:`redirect_links` returns the targets as links of tag ``redirect``, which the spider
follows like an anchor. Only an unconditional statement at the start of a script line counts
(``if (mobile) location.href = …`` inside a function is a choice the crawler cannot make), and the
``else`` branch of a user-agent test, where a desktop browser goes.
"""

from __future__ import annotations

import re

from crawler.extract.kinds import resolve_url

_REFRESH = re.compile(r"^\s*\d*\s*[;,]?\s*url\s*=\s*['\"]?([^'\"\s>]+)", re.I)
# a string literal, or literals joined by + ('http:/'+'/'+'www.bjsat.gov.cn/bjsat/', a stub that
# hides the URL from simple scanners): the joined literals are the URL
_LITERALS = r"""(?:'[^'\s]*'|"[^"\s]*")(?:\s*\+\s*(?:'[^'\s]*'|"[^"\s]*"))*"""
_SCRIPT_GO = re.compile(
    r"(?m)^\s*(?:(?:window|self|top|parent|document)\.)*location(?:\.href)?\s*=\s*(" + _LITERALS + ")"
    r"|^\s*(?:(?:window|self|top|parent|document)\.)*location\.(?:replace|assign)\(\s*(" + _LITERALS
    + r")\s*\)")
_LITERAL = re.compile(r"'([^']*)'|\"([^\"]*)\"")

# a user-agent sniff (browserRedirect(): mobile → m.…, else → the desktop page): the else branch is
# where a desktop browser — and the crawler — goes; the mobile branch stays a choice not made
_UA_SNIFF = re.compile(r"navigator\s*\.\s*userAgent", re.I)
_ELSE_GO = re.compile(
    r"\}\s*else\s*\{\s*(?:(?:window|self|top|parent|document)\.)*location(?:\.href)?\s*=\s*(" + _LITERALS
    + r")\s*;?\s*\}")

_JS_COMMENT = re.compile(r"/\*.*?\*/|(?<![:'\"\\])//[^\n]*", re.S)
_STATEMENT_END = re.compile(r"\s*(?:;|$|\n|</)")


def _joined(literals: str) -> str:
    """The string that literals joined by ``+`` make (``""`` when it holds white space)."""
    joined = "".join(a or b for a, b in _LITERAL.findall(literals))
    return "" if any(ch.isspace() for ch in joined) else joined


def redirect_links(root, base: str) -> list[dict]:
    """``[{"url", "text": "", "tag": "redirect"}]`` for meta refreshes and top-level script redirects."""
    found: list[str] = []
    if root is None:
        return []
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() == "refresh":
            m = _REFRESH.match(meta.get("content") or "")
            if m:
                found.append(m.group(1))
    for script in root.iter("script"):
        if script.get("src") or not script.text:
            continue
        code = _JS_COMMENT.sub("", script.text)
        for m in _SCRIPT_GO.finditer(code):
            before, after = code[:m.start()], code[m.end():]
            # top level only (not inside a function or an if), and the whole value (not "…"+x)
            if before.count("{") == before.count("}") and _STATEMENT_END.match(after):
                found.append(_joined(m.group(1) or m.group(2)))
        if _UA_SNIFF.search(code):
            found.extend(_joined(m.group(1)) for m in _ELSE_GO.finditer(code))
    links, seen = [], set()
    for raw in found:
        url = resolve_url(raw, base) if raw else None
        if url and url not in seen and url.startswith(("http://", "https://")):
            seen.add(url)
            links.append({"url": url, "text": "", "tag": "redirect"})
    return links
