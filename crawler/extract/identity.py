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
# ICP numbers as footers write them: 京ICP备05070218号, 皖ICP备12345678号-1, 鄂ICP备19031037-2号
# (suffix before 号), 鄂ICP备05009168 (no 号), 蜀ICP备：19007388号, 蜀ICP备 13001288号, 京ICP备14005922号－1
# (a full-width hyphen).
ICP_RE = re.compile(r"ICP\s*备\s*[:：]?\s*\d{4,12}(?:\s*[-－]\s*\d{1,3})?(?:\s*号)?(?:\s*[-－]\s*\d{1,3})?")
# 公安备案: 京公网安备11010202000001号, 公网安备 33010602009328号, 粤公网安备号44030402003007 (号 in
# the label, none after the number), and the label without 公网安备: 公安备案号：35012899001-19002,
# 公安机关备案号：…, 公网安备案： 34082802000414号 (a county news site)
PSB_RE = re.compile(r"(?:公网安备[案号]?|公安机关备案号|公安备案号)\s*[:：]?\s*\d{6,20}"
                    r"(?:\s*-\s*\d{1,8})?\s*号?")
SPONSOR_RE = re.compile(r"主办(?:单位|方|机关)?\s*[:：]\s*(?P<value>[^\n|｜©®丨;；，,。]+)")
# the suffix form, a footer line of its own: 「中国卫星导航系统管理办公室主办」, 「北京市人民政府 主办」,
# or opening a line of credits: 「廊坊市人民政府办公室主办 廊坊市发展和改革委员会承办 …」,
# 「国家税务总局办公厅主办 电子税务管理中心技术支持」 (white space before the next credited
# organisation, never a comma: 「由…主办，…承办」 is a sentence)
SPONSOR_SUFFIX_RE = re.compile(
    r"(?m)^(?P<value>[\u4e00-\u9fff（）()·、 ]{4,40}?)\s*主办"
    r"(?:\s*$|\s+(?=[\u4e00-\u9fff（）()·、]{2,40}?\s*(?:承办|协办|技术支持|运行维护|维护)))")
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


_INLINE = frozenset({"a", "span", "em", "font", "b", "strong", "i", "u", "small", "label"})


def _inline_boundary(before, after) -> bool:
    """Whether two adjacent text nodes meet at an inline tag with no white space between them
    (``粤公网安备号<a>44030402003007</a>``): a browser shows them run together."""
    if before[-1:].isspace() or after[:1].isspace():
        return False
    if after.is_text:  # the first text inside element b
        b = after.getparent()
        if b.tag not in _INLINE:
            return False
        if before.is_tail:
            return b.getprevious() is before.getparent()
        return b.getprevious() is None and b.getparent() is before.getparent()
    c = after.getparent()  # after is the tail of c: c closes between the two nodes
    if c.tag not in _INLINE:
        return False
    if before.is_text:
        return before.getparent() is c and len(c) == 0
    return len(c) > 0 and before.getparent() is c[-1]


def _shown(stream, start: int, end: int) -> str:
    """``stream.text[start:end]`` as a browser shows it: a boundary between two text nodes is a
    space unless they meet at an inline tag with no white space (see :func:`_inline_boundary`)."""
    text, parts, pos = stream.text, [], start
    while (nl := text.find("\n", pos, end)) >= 0:
        k = stream.segment_at(nl + 1)
        parts += [text[pos:nl], "" if _inline_boundary(stream.nodes[k - 1], stream.nodes[k]) else " "]
        pos = nl + 1
    return "".join(parts) + text[pos:end]


def _with_province(stream, m: re.Match) -> str:
    """The match with the one-character province prefix before it (京ICP备…, 浙公网安备 …); a
    ``公安备案号：…`` label has none."""
    text, start = stream.text, m.start()
    if m.group(0).startswith(("公安备案", "公安机关")):
        return _WS_RUN.sub(" ", _shown(stream, start, m.end())).strip()
    back = start - 1
    while back >= 0 and text[back] in " \t\u3000":
        back -= 1
    if back >= 0 and _CJK.match(text, back):
        start = back
    return _WS_RUN.sub(" ", _shown(stream, start, m.end())).strip()


def _sponsor_value(m: re.Match) -> str | None:
    value = _SPONSOR_STOP.split(m.group("value"), maxsplit=1)[0].strip(" \u3000:：")
    if not value or not _CJK.match(value) and value[0] not in "（(":
        return None
    return value


_FOOTER_IDS = {"site_id": SITE_ID_RE, "icp": ICP_RE, "psb": PSB_RE, "sponsor": SPONSOR_RE}


def footer_candidates(stream) -> dict[str, list[dict]]:
    """Every footer-id match on the page with where it sits and whether it counted (for ``inspect``)."""
    text = stream.text
    tail_start = max(len(text) - FOOTER_TAIL, 0)
    chosen = footer_ids(stream)
    found: dict[str, list[dict]] = {}
    for name, regex in _FOOTER_IDS.items():
        for m in regex.finditer(text):
            if name == "site_id":
                value = m.group(1)
            elif name == "sponsor":
                value = _sponsor_value(m)
            else:
                value = _with_province(stream, m)
            container = in_footer_container(stream, m.start())
            place = "页脚容器" if container else ("页面末尾" if m.start() >= tail_start else "正文中")
            counted = bool(value) and value == chosen.get(name) and not any(
                c["chosen"] for c in found.get(name, []))
            reason = (f"采用：位于{place}" if counted else
                      f"未采用：位于{place}" if value else "未采用：不是有效的值")
            found.setdefault(name, []).append({"value": value, "chosen": counted, "reason": reason})
    return found


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
        "icp": first(ICP_RE, lambda m: _with_province(stream, m)),
        "psb": first(PSB_RE, lambda m: _with_province(stream, m)),
        "sponsor": first(SPONSOR_RE, sponsor) or first(SPONSOR_SUFFIX_RE, sponsor),
    }
