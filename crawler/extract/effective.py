"""Effective dates stated in the text: ``本办法自2024年1月1日起施行``, ``自印发之日起施行``.

A document often gives its 生效日期 only in the body; that counts (RULES.md). The phrase names a
date, or an event whose date the page shows elsewhere: 印发/签发/下发 date the document (成文日期),
发布/公布/颁布/公告 publish it (发布日期).
"""

from __future__ import annotations

import re

from crawler.extract.dates import parse_date

_LABEL_SPACES = re.compile(r"[ \u3000]+")
_DATE_TEXT = (r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}-\d{1,2}-\d{1,2}|"
              r"[〇零○ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)")
_EFFECTIVE_TEXT = re.compile(
    r"自\s*(?P<date>" + _DATE_TEXT + r")\s*(?:起|开始)\s*(?:正式)?(?:施行|实施|执行|生效)"
    r"|自\s*(?P<event>印发|发布|公布|颁布|下发|签发|公告)之日起\s*(?:正式)?(?:施行|实施|执行|生效)"
)
WRITTEN_EVENTS = frozenset({"印发", "签发", "下发"})


def _entry(value: str, label: str, where: str, date: str | None) -> dict:
    return {"value": value, "label": label, "where": where, "date": date, "how": "body-text"}


def effective_from_text(text: str, fields: dict) -> dict | None:
    """``本办法自2024年1月1日起施行`` → that date; ``自印发之日起施行`` → the written date (else the
    publication date); ``自发布之日起施行`` → the publication date (else the written date)."""
    m = _EFFECTIVE_TEXT.search(text)
    if not m:
        return None
    phrase = _LABEL_SPACES.sub("", m.group(0))
    if m.group("date"):
        return _entry(m.group("date"), phrase, "body-text", parse_date(m.group("date")))
    # 印发/签发/下发 date the document (成文日期); 发布/公布/颁布/公告 publish it (发布日期)
    order = ("written_date", "pub_date")
    if m.group("event") not in WRITTEN_EVENTS:
        order = ("pub_date", "written_date")
    for name in order:
        source = fields.get(name) or {}
        if source.get("date"):
            return _entry(source["value"], phrase, f"body-text:{phrase}", source["date"])
    return _entry(phrase, phrase, f"body-text:{phrase}", None)
