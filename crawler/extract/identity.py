"""Site identity: the 指引2017 ``<meta>`` tags and the footer's 网站标识码, ICP, 公网安备 and 主办单位.

A footer value is one found in a footer-ish container (``<footer>``, class or id containing
``foot``, ``bottom``, ``copy`` or ``bq``) or in the last ~3000 characters of the visible text. The
visible text is searched once and only the few matches are checked for their container, which
costs far less than selecting containers by class. A 主办单位 needs a colon and, outside such a
container, one of the footer's other marks (ICP, 标识码, 公网安备, 版权) nearby: a policy text that
mentions 「主办单位」 is no footer.
Values are returned as found on the page (a malformed 标识码 included: the rule judges it).
"""

from __future__ import annotations

import re

META_TAGS = ("SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ColumnDescription",
             "ColumnKeywords", "ColumnType", "ArticleTitle", "PubDate", "ContentSource",
             "Keywords", "Author", "Description", "Image", "Url")
_META_BY_LOWER = {name.lower(): name for name in META_TAGS}

FOOTER_TAIL = 3000
FOOTER_WORDS = ("foot", "bottom", "copy", "bq")
_WS_RUN = re.compile(r"[ \t\r\n\f\v\xa0]+")

# Patterns start with a literal so that the regex engine can skip ahead; the province
# character before ICP/公网安备 is taken by looking back (see :func:`_with_province`).
SITE_ID_RE = re.compile(r"网站标识码\s*[:：]?\s*([A-Za-z0-9]{1,20})")
ICP_RE = re.compile(r"ICP\s*备\s*\d{4,12}\s*号(?:\s*-\s*\d{1,3})?")
PSB_RE = re.compile(r"公网安备\s*[:：]?\s*\d{6,20}\s*号?")
SPONSOR_RE = re.compile(r"主办(?:单位|方|机关)?\s*[:：]\s*(?P<value>[^\n|｜©®丨;；，,。]+)")
_SPONSOR_STOP = re.compile(
    r"\s*(?:承办|协办|运行维护|运维|维护|技术支持|版权|[\u4e00-\u9fff]?ICP|政府网站标识码|网站标识码|"
    r"地址|电话|邮编|联系|E-?mail|邮箱|备案|[\u4e00-\u9fff]?公网安备|网站地图|主管|Copyright|\u3000|\s{2})",
    re.I,
)
_FOOTER_MARK = re.compile(r"ICP|网站标识码|公网安备|版权所有|[Cc]opyright|COPYRIGHT|©")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def collect_meta(root) -> dict[str, str]:
    """Every ``<meta name=… content=…>`` by lower-case name; the first non-empty content wins."""
    found: dict[str, str] = {}
    if root is None:
        return found
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        if not name:
            continue
        content = _WS_RUN.sub(" ", el.get("content") or "").strip()
        if not found.get(name):
            found[name] = content
    return found


def meta_tags(all_meta: dict[str, str]) -> dict[str, str]:
    """The 指引2017 tags present, under their canonical names (``""`` when present but empty)."""
    return {_META_BY_LOWER[name]: value for name, value in all_meta.items()
            if name in _META_BY_LOWER}


def is_footer_element(el) -> bool:
    """``<footer>``, or an element (or ancestor) whose class or id has foot/bottom/copy/bq."""
    for _ in range(40):
        if el is None:
            return False
        if el.tag == "footer":
            return True
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if names != " ":
            names = names.lower()
            if any(word in names for word in FOOTER_WORDS):
                return True
        el = el.getparent()
    return False


def in_footer_container(stream, pos: int) -> bool:
    """Whether character ``pos`` of the stream's text sits inside a footer-ish container."""
    node = stream.nodes[stream.segment_at(pos)]
    el = node.getparent()
    if el is not None and node.is_tail:
        el = el.getparent()
    return is_footer_element(el)


def _with_province(text: str, m: re.Match) -> str:
    """The match with the one-character province prefix before it (京ICP备…, 浙公网安备 …)."""
    start = m.start()
    back = start - 1
    while back >= 0 and text[back] in " \t\u3000":
        back -= 1
    if back >= 0 and _CJK.match(text, back):
        start = back
    return _WS_RUN.sub(" ", text[start:m.end()]).strip()


def _sponsor_value(m: re.Match) -> str | None:
    value = _SPONSOR_STOP.split(m.group("value"), maxsplit=1)[0].strip(" \u3000:：")
    if not value or not _CJK.match(value) and value[0] not in "（(":
        return None
    return value


def footer_ids(stream) -> dict[str, str | None]:
    """``{"site_id", "icp", "psb", "sponsor"}`` from the footer; None for what is not there.

    ``stream`` is the page's :class:`~crawler.extract.metadata.TextStream`. A value counts when it
    sits in a footer-ish container or in the last ~3000 characters of the visible text; a
    主办单位 in those last characters also needs a footer mark (ICP, 标识码, 版权 …) within 300.
    """
    text = stream.text
    tail_start = max(len(text) - FOOTER_TAIL, 0)

    def first(regex: re.Pattern, accept) -> str | None:
        for m in regex.finditer(text):
            value = accept(m)
            if value and (m.start() >= tail_start or in_footer_container(stream, m.start())):
                return value
        return None

    def sponsor(m: re.Match) -> str | None:
        value = _sponsor_value(m)
        if value and m.start() >= tail_start and not in_footer_container(stream, m.start()):
            if not _FOOTER_MARK.search(text, max(m.start() - 300, 0), m.end() + 300):
                return None
        return value

    return {
        "site_id": first(SITE_ID_RE, lambda m: m.group(1)),
        "icp": first(ICP_RE, lambda m: _with_province(text, m)),
        "psb": first(PSB_RE, lambda m: _with_province(text, m)),
        "sponsor": first(SPONSOR_RE, sponsor),
    }
