"""Findings in plain Chinese for the people who read the 问题清单: one row per finding.

Columns (agency page, ``问题清单.xlsx``): 问题类型, 问题描述, 问题页面, 所在页面, 监测时间, 证据. The
evidence column says what an evaluator would say — the HTTP status and what it means, the link
text, the value found or the element missing, the newest item of a stale column — instead of
the internal evidence keys (those stay in the JSON and the store). Times are 北京时间
``2026-12-01 16:53`` (China has no daylight saving time, so a fixed +08:00 is exact).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from crawler.store import loads

BEIJING = timezone(timedelta(hours=8), "北京时间")

#: 中文 labels of evidence keys (the fallback lines here; the key/value view of reports.render).
EVIDENCE_LABELS = {
    "status": "HTTP状态", "error": "错误", "anchor": "链接文字", "tag": "标签",
    "observed_at": "发现时间", "elapsed": "耗时(秒)", "final_url": "最终地址",
    "redirects": "跳转链", "reason": "原因", "newest_date": "最新日期", "window": "更新时限",
    "as_of": "监测时间点", "column_name": "栏目名称", "label": "标签文字", "value": "提取值",
    "title": "标题", "soft404": "软404", "verdict": "判定", "method": "请求方法",
    "page": "页面", "column": "栏目", "column_type": "栏目类型", "workdays": "工作日数",
    "limit_workdays": "时限(工作日)", "deadline": "截止日期", "calendar_warnings": "日历提示",
    "labels_found": "识别到的标签", "values": "提取值", "where": "值的位置", "items": "条目数",
}
FIELD_LABELS = {
    "index_no": "索引号", "issuer": "发文机关", "doc_number": "文号", "written_date": "成文日期",
    "pub_date": "发布日期", "effective_date": "生效日期", "downloads": "文本下载链接",
    "validity": "有效性", "abolished_date": "废止日期", "title": "标题",
    "site_id": "网站标识码", "icp": "ICP备案编号", "psb": "公安机关备案号", "sponsor": "主办单位",
    "office": "信息公开工作机构名称", "address": "办公地址", "hours": "办公时间", "phone": "联系电话",
    "fax": "传真号码", "postcode": "邮政编码", "online": "互联网联系方式",
    "internal": "站内链接", "external": "外部链接", "attachment": "附件/图片",
    "news": "动态/要闻栏目", "notice": "通知公告栏目", "policy": "政策文件栏目",
    "personnel": "人事信息栏目", "planning": "规划计划栏目", "other": "其他栏目",
}
HTTP_MEANING = {
    200: "正常返回", 301: "永久跳转", 302: "临时跳转", 304: "未修改", 400: "请求错误", 401: "需要登录",
    403: "拒绝访问", 404: "页面不存在", 410: "已删除", 429: "请求过多", 500: "服务器内部错误",
    502: "网关错误", 503: "服务不可用", 504: "网关超时",
}
ERROR_TEXT = {
    "timeout": "访问超时", "refused": "连接被拒绝", "reset": "连接被重置", "dns": "域名无法解析",
    "tls": "HTTPS 证书错误", "no-response": "服务器未响应", "soft-404": "页面内容为“页面不存在”",
    "redirect-to-error": "跳转到错误页面", "empty": "页面内容为空", "too-many-redirects": "循环跳转",
}


def beijing_time(value: Any) -> str:
    """An ISO timestamp (UTC or with offset) as 北京时间 ``YYYY-MM-DD HH:MM``; dates stay dates."""
    if not value:
        return ""
    text = str(value).strip()
    if len(text) == 10:
        return text
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name or "", name or "")


def status_text(status: Any, error: str = "") -> str:
    """``HTTP 404（页面不存在）`` or the failure in words when there was no answer."""
    if status:
        meaning = HTTP_MEANING.get(int(status), "")
        return f"HTTP {status}" + (f"（{meaning}）" if meaning else "")
    return ERROR_TEXT.get(error, error or "无响应")


def _evidence(finding: dict) -> dict:
    value = finding.get("evidence")
    if isinstance(value, dict):
        return value
    try:
        return loads(value, {}) or {}
    except ValueError:
        return {}


def evidence_lines(finding: dict) -> list[str]:
    """The 证据 column: short sentences built from the evidence a rule recorded."""
    ev = _evidence(finding)
    lines: list[str] = []
    field = finding.get("field") or ""
    if "target" in ev or finding.get("family") == "links":
        lines.append(f"服务器返回：{status_text(ev.get('status'), ev.get('error_class') or '')}")
        if ev.get("error_class") in ERROR_TEXT and ev.get("status"):
            lines.append(f"判定：{ERROR_TEXT[ev['error_class']]}")
        if ev.get("anchor"):
            lines.append(f"链接文字：「{ev['anchor']}」")
        if ev.get("redirects"):
            lines.append("跳转：" + " → ".join(ev["redirects"]))
        elif ev.get("final_url") and ev["final_url"] != (ev.get("target") or finding.get("url")):
            lines.append(f"最终地址：{ev['final_url']}")
        if ev.get("source_count", 0) > 1:
            lines.append(f"共出现在 {ev['source_count']} 个页面")
    newest = ev.get("newest_item")
    if isinstance(newest, dict):
        lines.append(f"最新一条：「{newest.get('title') or ''}」（{newest.get('date') or '无日期'}）")
    elif "newest_date" in ev:
        lines.append(f"最新信息日期：{ev.get('newest_date') or '未找到'}")
    if isinstance(ev.get("window"), str):
        lines.append(f"更新时限：{ev['window'].replace('d', ' 天').replace('m', ' 个月').replace('y', ' 年')}"
                     + (f"，监测时间点 {ev['as_of']}" if ev.get("as_of") else ""))
    if ev.get("blank_text"):
        lines.append(f"栏目页显示：「{ev['blank_text']}」")
    values = ev.get("values") if isinstance(ev.get("values"), dict) else {}
    if field and field in values:
        found = values[field]
        lines.append(f"{field_label(field)}：{'「' + str(found) + '」' if found else '页面上未找到'}")
        if not found and ev.get("labels_found"):
            lines.append("页面上已有：" + "、".join(str(v) for v in ev["labels_found"].values()))
    elif field and ev.get("value"):
        lines.append(f"{field_label(field)}：「{ev['value']}」")
    for fault in ev.get("faults") or []:
        lines.append(f"问题：{fault}")
    if ev.get("expected"):
        lines.append(f"应为：{ev['expected']}")
    if ev.get("element"):
        lines.append(f"缺少：{field_label(ev['element'])}")
    if isinstance(ev.get("footer"), dict) and field in ev["footer"]:
        shown = ev["footer"][field]
        lines.append(f"页脚{field_label(field)}：{'「' + shown + '」' if shown else '未显示'}")
    if ev.get("tag") and ev.get("missing") is not None and not ev.get("target"):
        lines.append(f"缺少元数据 <meta name=\"{ev['tag']}\">：{ev['missing']} / {ev.get('pages')} 个页面")
    if ev.get("probes") and ev.get("failures") is not None:
        lines.append(f"探测 {ev['probes']} 次，失败 {ev['failures']} 次")
    if ev.get("share") is not None:
        share = ev["share"]
        lines.append(f"失败占比：{share:.1%}" if isinstance(share, (int, float)) else f"失败占比：{share}")
    if not lines:
        lines = [f"{EVIDENCE_LABELS.get(k, k)}：{v}" for k, v in ev.items()
                 if isinstance(v, (str, int, float)) and v != ""][:6]
    return lines


def problem_type(finding: dict, rule_title: str, family_title: str) -> str:
    """问题类型: the rule's 中文 name and family, e.g. ``其他页面不可用链接（链接可用性）``."""
    return f"{rule_title}（{family_title}）" if family_title else rule_title


STATUS_TEXT = {"": "计分", "open": "计分", "suspect": "疑似，不计分", "filed": "报备期内，不计分",
               "outside-window": "任务时段外，不计分", "warning": "预警，不计分"}
#: Statuses listed apart from the scored problem list (never dropped).
SET_APART = {"filed", "outside-window"}


def observed_time(finding: dict, archive: dict | None = None) -> str:
    """监测时间 in 北京时间: when the page or link was fetched, else when the rule ran."""
    ev = _evidence(finding)
    when = (ev.get("observed_at") or ev.get("fetched_at") or (archive or {}).get("warc_date")
            or finding.get("observed_at"))
    return beijing_time(when)


def readable(finding: dict, rule_title: str, family_title: str, archive: dict | None = None) -> dict:
    """The finding with its plain-Chinese fields added (keys ``problem_type``, ``observed_text``,
    ``evidence_lines``, ``scoring``)."""
    status = finding.get("status") or ""
    return {**finding, "problem_type": problem_type(finding, rule_title, family_title),
            "observed_text": observed_time(finding, archive), "evidence_lines": evidence_lines(finding),
            "scoring": STATUS_TEXT.get(status, f"{status}，不计分"), "archive": archive}
