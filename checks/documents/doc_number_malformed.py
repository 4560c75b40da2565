"""Rule doc-number-malformed (文号格式不规范); the rule's docstring is its documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.documents.scope import document_evidence, document_scope
from checks.registry import AgencyView, Finding, NotApplicable, rule

NO_NUMBER = "无"


DOC_NUMBER_RE = re.compile(r"^(?P<issuer>\S+?)〔(?P<year>\d{4})〕(?P<serial>[1-9]\d*)号$")


ORDER_NUMBER_RE = re.compile(r"^\S*令第[1-9]\d*号$")


ANNOUNCEMENT_NUMBER_RE = re.compile(r"^\S*公告\d{4}年第[1-9]\d*号$")


LOOKALIKE_BRACKETS = [("[", "]"), ("【", "】"), ("(", ")"), ("（", "）"), ("［", "］"),
                      ("﹝", "﹞"), ("〖", "〗"), ("{", "}"), ("<", ">"), ("〈", "〉")]


def doc_number_faults(value: str) -> list[str]:
    """Format faults of a 发文字号 against GB/T 9704 ``机关代字〔年份〕序号号`` ([] when well-formed).

    Leniencies: white space is ignored (extraction noise); 令 numbers (``国务院令第712号``, the
    命令 format of GB/T 9704 §10.2) and 公告 numbers (``…公告2020年第5号``) keep their 第.
    """
    number = re.sub(r"\s+", "", value)
    if DOC_NUMBER_RE.match(number) or ORDER_NUMBER_RE.match(number) \
            or ANNOUNCEMENT_NUMBER_RE.match(number):
        return []
    faults = []
    if "〔" not in number or "〕" not in number:
        used = [f"{o}{c}" for o, c in LOOKALIKE_BRACKETS if o in number and c in number]
        if used:
            faults.append(f"年份使用了「{used[0]}」而非六角括号「〔〕」")
        else:
            faults.append("缺少用六角括号「〔〕」括起的年份")
    year = re.search(r"[〔\[【(（［﹝〖{<〈]\s*(\d+)\s*[〕\]】)）］﹞〗}>〉]", number)
    if year and len(year.group(1)) != 4:
        faults.append(f"年份「{year.group(1)}」不是 4 位数字")
    tail = number[year.end():] if year else number
    if "第" in tail:
        faults.append("序号前不应加「第」")
    serial = re.search(r"(\d+)号$", number)
    if serial and serial.group(1).startswith("0"):
        faults.append(f"序号「{serial.group(1)}」不应有前导零")
    if not number.endswith("号"):
        faults.append("缺少结尾的「号」")
    elif not serial:
        faults.append("缺少阿拉伯数字序号")
    head = number[:year.start()] if year else ""
    if year and not head:
        faults.append("缺少发文机关代字")
    if not faults:
        faults.append("不符合「机关代字〔年份〕序号号」格式")
    return faults


@rule(id="doc-number-malformed", family="documents", title="文号格式不规范", ref="GB/T 9704—2012 §7.2.5",
      reads=("documents", "columns"))
def doc_number_malformed(view: AgencyView) -> Iterator[Finding]:
    """文号格式不规范：发文字号不符合「机关代字〔年份〕序号号」，如 皖政办〔2020〕12号。

    What: every stated 文号 (other than 「无」) is checked: the year in 六角括号 〔〕 — look-alike
    brackets [] 【】 () （） ［］ are a fault — four-digit year, serial without 第 and without
    leading zeros, ending in 号. 令 numbers (国务院令第712号) and 公告 numbers
    (…公告2020年第5号) follow their own formats and are accepted.

    Why: GB/T 9704—2012 §7.2.5 fixes the format; a wrong one makes the document hard to cite and
    to find, and signals it was retyped rather than taken from the signed original.

    Fix: copy the 文号 exactly as printed on the document: 〔 and 〕 (U+3014/U+3015), e.g.
    皖政办〔2020〕12号.
    """
    documents, _ = document_scope(view)
    numbered = [d for d in documents if (d.get("doc_number") or "").strip() not in ("", NO_NUMBER)]
    if not numbered:
        raise NotApplicable("没有标注文号的文章，无法检查文号格式")
    for doc in numbered:
        value = doc["doc_number"].strip()
        faults = doc_number_faults(value)
        if not faults:
            continue
        evidence = document_evidence(doc, "doc_number")
        evidence["faults"] = faults
        evidence["expected"] = "机关代字〔年份〕序号号，如 皖政办〔2020〕12号"
        yield Finding(url=doc["url"], source=doc["url"], field="doc_number",
                      detail=f"文号「{value}」格式不规范：{'；'.join(faults)}", evidence=evidence)

