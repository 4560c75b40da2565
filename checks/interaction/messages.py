"""The public's messages as the reply rules see them — shared by the 互动回应 rules.

A message is read from its consultation list row (``found_in`` = ``list``) and from its detail
page (``detail``); the detail page's values win where it states them. Messages in 信访 / 举报 /
访谈 / 征集 channels (``channel`` = ``excluded``) and messages marked 不予受理 / 无效 / 重复 are not
*valid* consultations and are left out. The reply limit is the agency's ``reply_limit_workdays``
(agencies file), else the profile's, else 5 working days.
"""

from __future__ import annotations

import datetime as dt

from checks.registry import AgencyView, NotApplicable
from checks.workdays import WorkdayCalendar, calendar_for

DEFAULT_REPLY_LIMIT = 5
VETO_MONTHS = 3
VETO_WINDOW_DAYS = 365
REASONS = {"javascript": "列表仅由 JavaScript 从接口加载", "login": "需要登录才能查看",
           "no-rows": "未能识别留言列表"}


def as_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def reply_limit(view: AgencyView) -> tuple[int, str]:
    """``(working days, where the number came from)``."""
    own = view.config.get("reply_limit_workdays")
    if own:
        return int(own), "单位配置 reply_limit_workdays"
    value = view.setting("reply_limit_workdays", None)
    if value is not None:
        return int(value), "评分方案 reply_limit_workdays"
    return DEFAULT_REPLY_LIMIT, "默认值"


def calendar(view: AgencyView) -> WorkdayCalendar:
    return calendar_for(view, view.setting("holiday_file", None))


def consultation_lists(view: AgencyView) -> list[dict]:
    """The agency's 政务咨询 list pages (信访/举报 lists excluded)."""
    return [row for row in view.rows("message_lists") if row.get("channel") != "excluded"]


def valid_messages(view: AgencyView) -> list[dict]:
    """Valid consultations, detail values merged over list values; ``NotApplicable`` with the reason
    when no consultation list or message was found, or none could be read."""
    return view.cached("valid_messages", lambda: _valid_messages(view))


def _valid_messages(view: AgencyView) -> list[dict]:
    lists = consultation_lists(view)
    merged: dict[str, dict] = {}
    for row in sorted(view.rows("messages"), key=lambda r: r["found_in"] != "list"):
        if row.get("channel") == "excluded":
            continue
        current = merged.setdefault(row["url"], {"url": row["url"], "found_in": [], "list_page": "",
                                                 "detail_page": ""})
        current["found_in"].append(row["found_in"])
        if row["found_in"] == "list":
            current["list_page"] = current["list_page"] or row["page_url"]
        else:
            current["detail_page"] = row["page_url"]
        for key in ("title", "asked_date", "asked_label", "replied_date", "replied_label", "status",
                    "status_label", "replier", "where_found"):
            if row.get(key):
                current[key] = row[key]
        current["has_reply_text"] = current.get("has_reply_text") or row.get("has_reply_text") or 0
    if not lists and not merged:
        raise NotApplicable("未找到政务咨询类留言栏目（咨询/留言/信箱/问政），无法检查留言答复")
    readable = [row for row in lists if row.get("state") in ("readable", "empty")]
    if not readable and not merged:
        shown = "；".join(f"{row['page_url']}（{REASONS.get(row.get('reason'), row.get('reason'))}）"
                         for row in lists[:5])
        raise NotApplicable(f"咨询留言栏目无法读取，无法检查留言答复：{shown}")
    return [m for m in merged.values() if m.get("status") != "invalid"]


def unreadable_lists(view: AgencyView) -> list[dict]:
    """Consultation lists that could not be read (named in the evidence of the other findings)."""
    return [{"url": row["page_url"], "reason": row.get("reason") or ""}
            for row in consultation_lists(view) if row.get("state") == "unreadable"]


def is_answered(message: dict) -> bool:
    return bool(message.get("replied_date") or message.get("status") == "replied"
                or message.get("has_reply_text"))


def page_of(message: dict) -> str:
    """The message's own page: its detail page, else the list page it is listed on."""
    if message.get("detail_page"):
        return message["detail_page"]
    if "#" in message["url"] and not message.get("detail_page"):
        return message.get("list_page") or message["url"]
    return message["url"]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months (the 31st becomes the month's last day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    return day


def evidence(message: dict) -> dict:
    """The message's facts as a finding's evidence (dates with the labels they were read from)."""
    return {"page": page_of(message), "title": message.get("title") or "",
            "list_page": message.get("list_page") or "", "detail_page": message.get("detail_page") or "",
            "asked_date": message.get("asked_date") or "", "asked_label": message.get("asked_label") or "",
            "replied_date": message.get("replied_date") or "",
            "replied_label": message.get("replied_label") or "", "status": message.get("status") or "",
            "status_label": message.get("status_label") or "", "replier": message.get("replier") or "",
            "found_in": message.get("found_in") or []}
