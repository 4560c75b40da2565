"""reply-unanswered: a message still without a reply after the limit (留言未答复)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from checks.interaction.messages import (
    VETO_MONTHS,
    VETO_WINDOW_DAYS,
    add_months,
    as_date,
    calendar,
    evidence,
    is_answered,
    page_of,
    reply_limit,
    unreadable_lists,
    valid_messages,
)
from checks.registry import AgencyView, Finding, NotApplicable, rule

FIELD_NAMES = {"over-3-months": "超过3个月未答复", "pending": "超过答复时限未答复",
               "over-1-year": "一年以前的留言至今未答复"}


@rule(id="reply-unanswered", family="interaction", title="留言未答复",
      ref="指标2019 · 单项否决 · 互动回应差", default="超过 3 个月为单项否决",
      reads=("message_lists", "messages", "agencies", "runs"),
      options={"reply_limit_workdays": 5, "holiday_file": None})
def reply_unanswered(view: AgencyView) -> Iterator[Finding]:
    """留言未答复：留言超过答复时限仍无回复；超过 3 个月即「互动回应差」单项否决。

    What: every valid message of a 政务咨询 channel with an asked date and no reply — no reply
    date, no reply text, status 未回复 / 办理中 / 待回复 or none — is judged at the monitoring point
    (``--as-of``): past the reply limit (``reply_limit_workdays``, as reply-overdue) it is a
    finding. ``field`` is ``over-3-months`` when it has waited more than 3 months and was asked
    within the year before the monitoring point (the veto of 指标2019), ``over-1-year`` when it
    was asked before that year, else ``pending``.

    Why: 指标2019 makes 互动回应差 a single-veto item: a valid consultation left unanswered for more
    than 3 months within the year before the monitoring point fails the site.

    Fix: answer the message (and publish the reply with its date); a message that is not a valid
    consultation should say so (不予受理 with the reason).
    """
    limit, limit_source = reply_limit(view)
    as_of = as_date(view.as_of) or dt.date.today()
    messages = [m for m in valid_messages(view) if as_date(m.get("asked_date"))]
    waiting = [m for m in messages if not is_answered(m)]
    if not messages:
        raise NotApplicable("没有标注提问时间的留言，无法检查是否按时答复")
    workdays = calendar(view)
    unreadable = unreadable_lists(view)
    window_start = as_of - dt.timedelta(days=VETO_WINDOW_DAYS)
    for message in waiting:
        asked = as_date(message["asked_date"])
        deadline = workdays.add_workdays(asked, limit)
        if as_of <= deadline:
            continue
        three_months = add_months(asked, VETO_MONTHS)
        if asked < window_start:
            field = "over-1-year"
        elif as_of > three_months:
            field = "over-3-months"
        else:
            field = "pending"
        waited = (as_of - asked).days
        found = evidence(message)
        found.update({"as_of": as_of.isoformat(), "days_waiting": waited,
                      "workdays_waiting": workdays.workdays_between(asked, as_of),
                      "limit_workdays": limit, "limit_source": limit_source,
                      "deadline": deadline.isoformat(), "three_months_on": three_months.isoformat(),
                      "veto_window_start": window_start.isoformat(),
                      "calendar_warnings": list(workdays.warnings), "unreadable_lists": unreadable})
        status = message.get("status_label") or "无回复"
        yield Finding(
            url=page_of(message), source=message.get("list_page") or page_of(message), field=field,
            detail=(f"留言「{message.get('title') or message['url']}」"
                    f"{message.get('asked_label') or '提问时间'} "
                    f"{asked.isoformat()}，截至 {as_of.isoformat()} 仍未答复（{status}，已 {waited} 天），"
                    f"{FIELD_NAMES[field]}（答复时限 {limit} 个工作日，应不晚于 {deadline.isoformat()}）"),
            evidence=found)
