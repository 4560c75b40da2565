"""reply-overdue: a message answered later than the reply limit (留言答复超期)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.interaction.messages import (
    as_date,
    calendar,
    evidence,
    page_of,
    reply_limit,
    unreadable_lists,
    valid_messages,
)
from checks.registry import AgencyView, Finding, NotApplicable, rule


@rule(id="reply-overdue", family="interaction", title="留言答复超期",
      ref="指标2019 · 互动回应; 各地留言办理规定（seed「5个工作日内形成书面答复意见」）",
      default="单位可在单位文件中设 reply_limit_workdays",
      reads=("message_lists", "messages", "agencies", "runs"),
      options={"reply_limit_workdays": 5, "holiday_file": None})
def reply_overdue(view: AgencyView) -> Iterator[Finding]:
    """留言答复超期：留言的回复时间晚于提问时间后 5 个工作日（``reply_limit_workdays``）。

    What: for every valid message of a 政务咨询 channel (咨询 / 留言 / 信箱 / 问政; not 信访 or
    纪检举报) showing both its asked date (提问时间 / 留言时间 / 来信时间 / 咨询时间) and its reply date
    (回复时间 / 答复时间 / 办理时间), on the list or on its detail page, the working days from the
    question to the reply are counted on the State Council calendar (调休 respected). More than
    the limit is overdue. The limit is the agency's own (``reply_limit_workdays`` in the agencies
    file: local rules say 1, 3, 5, 7, 10 or 15), else the profile's, else 5.

    Why: the work summaries promise 「1个工作日内完成简单留言咨询回复」 and 「5个工作日内形成书面答复
    意见」; 指标2019 scores 互动回应 on replies in time.

    Fix: answer messages within the limit; if the page shows a wrong reply date, correct it.
    """
    limit, limit_source = reply_limit(view)
    messages = [m for m in valid_messages(view) if as_date(m.get("asked_date"))
                and as_date(m.get("replied_date"))]
    if not messages:
        raise NotApplicable("没有同时标注提问时间和回复时间的留言，无法检查答复时限")
    workdays = calendar(view)
    unreadable = unreadable_lists(view)
    for message in messages:
        asked, replied = as_date(message["asked_date"]), as_date(message["replied_date"])
        count = workdays.workdays_between(asked, replied)
        if count <= limit:
            continue
        deadline = workdays.add_workdays(asked, limit)
        found = evidence(message)
        found.update({"workdays": count, "limit_workdays": limit, "limit_source": limit_source,
                      "deadline": deadline.isoformat(), "calendar_warnings": list(workdays.warnings),
                      "unreadable_lists": unreadable})
        yield Finding(
            url=page_of(message), source=message.get("list_page") or page_of(message), field="",
            detail=(f"留言「{message.get('title') or message['url']}」"
                    f"{message.get('asked_label') or '提问时间'} {asked.isoformat()}，"
                    f"{message.get('replied_label') or '回复时间'} {replied.isoformat()}，相隔 {count} 个"
                    f"工作日，超过 {limit} 个工作日的答复时限（应不晚于 {deadline.isoformat()}）"),
            evidence=found)
