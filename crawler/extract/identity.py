"""Site identity: the 指引2017 ``<meta>`` tags and the footer's 网站标识码, ICP, 公网安备 and 主办单位.

The footer is read from footer-ish containers (``<footer>``, class or id containing ``foot``,
``bottom``, ``copy`` or ``bq``) and, for what they lack, from the last ~3000 characters of the
visible text. A 主办单位 needs a colon and, outside such a container, one of the footer's other
marks (ICP, 标识码, 公网安备, 版权) nearby: a policy text that mentions 「主办单位」 is no footer.
Values are returned as found on the page (a malformed 标识码 included: the rule judges it).
"""

from __future__ import annotations

import re

from lxml import etree

META_TAGS = ("SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ColumnDescription",
             "ColumnKeywords", "ColumnType", "ArticleTitle", "PubDate", "ContentSource",
             "Keywords", "Author", "Description", "Image", "Url")
_META_BY_LOWER = {name.lower(): name for name in META_TAGS}

FOOTER_TAIL = 3000
MAX_CONTAINER_TEXT = 8000
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_FOOTER_CONTAINERS = etree.XPath(
    "//footer | //*[@class or @id][" + " or ".join(
        f"contains(translate(concat(@class, ' ', @id), '{_UPPER}', '{_LOWER}'), '{word}')"
        for word in ("foot", "bottom", "copy", "bq")) + "]"
)
_WS_RUN = re.compile(r"[ \t\r\n\f\v\xa0]+")

SITE_ID_RE = re.compile(r"(?:政府)?网站标识码\s*[:：]?\s*([A-Za-z0-9]{1,20})")
ICP_RE = re.compile(r"[\u4e00-\u9fff]\s*ICP\s*备\s*\d{4,12}\s*号(?:\s*-\s*\d{1,3})?", re.I)
PSB_RE = re.compile(r"[\u4e00-\u9fff]\s*公网安备\s*[:：]?\s*\d{6,20}\s*号?")
SPONSOR_RE = re.compile(
    r"主办(?:单位|方|机关)?\s*[:：]\s*(?P<value>[^\n|｜©®丨;；，,。]+)"
)
_SPONSOR_STOP = re.compile(
    r"\s*(?:承办|协办|运行维护|运维|维护|技术支持|版权|ICP|[\u4e00-\u9fff]ICP|网站标识码|政府网站标识码|"
    r"地址|电话|邮编|联系|E-?mail|邮箱|备案|[\u4e00-\u9fff]公网安备|网站地图|主管|Copyright|\u3000|\s{2})",
    re.I,
)
_FOOTER_MARK = re.compile(r"ICP|网站标识码|公网安备|版权所有|Copyright|©", re.I)


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


def footer_texts(root, visible_text: str) -> tuple[str, str]:
    """(text of footer-ish containers, last ~3000 characters of the visible text)."""
    parts = []
    taken: set = set()
    if root is not None:
        for el in _FOOTER_CONTAINERS(root):
            if any(anc in taken for anc in el.iterancestors()):
                continue
            text = _WS_RUN.sub(" ", "\n".join(t.strip() for t in el.itertext() if t.strip()))
            if 0 < len(text) <= MAX_CONTAINER_TEXT:
                taken.add(el)
                parts.append(text)
    return "\n".join(parts), visible_text[-FOOTER_TAIL:]


def _sponsor(text: str, need_mark: bool) -> str | None:
    for m in SPONSOR_RE.finditer(text):
        value = _SPONSOR_STOP.split(m.group("value"), maxsplit=1)[0].strip(" \u3000:：")
        if not value or not re.match(r"[\u4e00-\u9fff（(]", value):
            continue
        if need_mark and not _FOOTER_MARK.search(text, max(m.start() - 300, 0), m.end() + 300):
            continue
        return value
    return None


def footer_ids(root, visible_text: str) -> dict[str, str | None]:
    """``{"site_id", "icp", "psb", "sponsor"}`` from the footer; None for what is not there."""
    container_text, tail = footer_texts(root, visible_text)
    return footer_from_text(container_text, tail)


def footer_from_text(container_text: str, tail: str = "") -> dict[str, str | None]:
    """The footer ids from footer-container text, then the page's tail for what is missing."""
    result: dict[str, str | None] = {"site_id": None, "icp": None, "psb": None, "sponsor": None}
    for text, is_container in ((container_text, True), (tail, False)):
        if not text:
            continue
        if result["site_id"] is None:
            m = SITE_ID_RE.search(text)
            result["site_id"] = m.group(1) if m else None
        if result["icp"] is None:
            m = ICP_RE.search(text)
            result["icp"] = _WS_RUN.sub(" ", m.group(0)).strip() if m else None
        if result["psb"] is None:
            m = PSB_RE.search(text)
            result["psb"] = _WS_RUN.sub(" ", m.group(0)).strip() if m else None
        if result["sponsor"] is None:
            result["sponsor"] = _sponsor(text, need_mark=not is_container)
    return result
