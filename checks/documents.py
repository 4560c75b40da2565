"""政策文件要素: policy documents must carry 文号、成文日期、发布日期、生效日期 and a text download.

Which documents are policy documents (规范性文件/政策文件): those listed in a column whose
effective type is ``policy`` (agency override first, see :func:`checks.freshness.column_types`),
and those showing a policy document's own signs — a 文号, a 规范性文件/政策文件 classification, a
有效性 field, the title 关于印发…的通知 (:mod:`crawler.extract.policy`); a metadata block alone
(索引号/发布机构/生成日期, carried by nearly every 公示 or 人事 item) is not enough, and documents listed in
a ``news`` column are never judged as policy documents. The reason is in every finding's
evidence. The element rules run only on these;
the format, date-logic and timeliness rules run on every document that states the values they
compare (a 文号 or a 成文日期 makes a page a 公文 whatever column it sits in).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from checks.freshness import column_key, column_types
from checks.registry import AgencyView, Finding, NotApplicable, rule
from checks.workdays import WorkdayCalendar
from crawler.extract.policy import policy_scope, policy_signs
from crawler.urls import DOCUMENT_EXTENSIONS, extension
from crawler.store import loads

FIELD_NAMES = {"doc_number": "发文字号", "written_date": "成文日期", "pub_date": "发布日期",
               "effective_date": "生效日期"}
NO_NUMBER = "无"
DOC_NUMBER_RE = re.compile(r"^(?P<issuer>\S+?)〔(?P<year>\d{4})〕(?P<serial>[1-9]\d*)号$")
ORDER_NUMBER_RE = re.compile(r"^\S*令第[1-9]\d*号$")
ANNOUNCEMENT_NUMBER_RE = re.compile(r"^\S*公告\d{4}年第[1-9]\d*号$")
LOOKALIKE_BRACKETS = [("[", "]"), ("【", "】"), ("(", ")"), ("（", "）"), ("［", "］"),
                      ("﹝", "﹞"), ("〖", "〗"), ("{", "}"), ("<", ">"), ("〈", "〉")]


def _document_scope(view: AgencyView) -> tuple[list[dict], dict[str, dict]]:
    """All documents with their column's effective type added (``column_type``); computed once
    per agency and shared by the document rules."""
    return view.cached("document_scope", lambda: _compute_document_scope(view))


def _compute_document_scope(view: AgencyView) -> tuple[list[dict], dict[str, dict]]:
    types = {column_key(c["url"]): c for c in column_types(view)}
    documents = []
    for doc in view.rows("documents"):
        doc = dict(doc)
        column = types.get(column_key(doc.get("column_url") or ""))
        doc["column_type"] = column["effective_type"] if column else ""
        doc["column_name"] = (column.get("name") or "") if column else ""
        doc["fields_parsed"] = loads(doc.get("fields"), {}) or {}
        doc["policy"], doc["policy_reason"] = policy_scope(
            doc["column_type"], policy_signs(doc["fields_parsed"], doc.get("title") or ""),
            bool(doc.get("has_metadata_block")))
        documents.append(doc)
    return documents, types


def is_policy_document(doc: dict) -> bool:
    """Listed in a policy column, or (outside news columns) shows a policy document's own signs."""
    if "policy" not in doc:
        doc["policy"], doc["policy_reason"] = policy_scope(
            doc.get("column_type") or "",
            policy_signs(doc.get("fields_parsed") or {}, doc.get("title") or ""),
            bool(doc.get("has_metadata_block")))
    return bool(doc["policy"])


def policy_documents(view: AgencyView) -> list[dict]:
    """The policy documents of the agency; ``NotApplicable`` when there are none."""
    documents, _ = _document_scope(view)
    if not documents:
        raise NotApplicable("未抓取到任何文章页面，无法检查政策文件要素")
    policy = [doc for doc in documents if is_policy_document(doc)]
    if not policy:
        raise NotApplicable(f"抓取的 {len(documents)} 篇文章中没有政策文件"
                            "（既不在政策文件类栏目中，也没有文号、规范性文件分类、有效性或「关于印发…的通知」标题）")
    return policy


def _evidence(doc: dict, *names: str) -> dict:
    fields = doc["fields_parsed"]
    return {
        "page": doc["url"], "title": doc.get("title") or "",
        "column": doc.get("column_url") or "", "column_type": doc["column_type"],
        "has_metadata_block": bool(doc.get("has_metadata_block")),
        "policy_reason": doc.get("policy_reason") or "",
        "labels_found": {name: f.get("label") for name, f in fields.items()
                         if isinstance(f, dict) and f.get("label")},
        "values": {name: doc.get(name) or "" for name in names},
        "where": {name: (fields.get(name) or {}).get("where") for name in names
                  if fields.get(name)},
        "raw": {name: (fields.get(name) or {}).get("value") for name in names if fields.get(name)},
    }


def _missing(view: AgencyView, name: str, present: Callable[[dict], bool]) -> Iterator[Finding]:
    label = FIELD_NAMES[name]
    for doc in policy_documents(view):
        if present(doc):
            continue
        raw = (doc["fields_parsed"].get(name) or {})
        shown = raw.get("label")
        if shown:
            detail = (f"政策文件「{doc.get('title') or doc['url']}」标注了「{shown}」，但未能识别出"
                      f"{label}（值：「{raw.get('value') or ''}」）")
        else:
            detail = f"政策文件「{doc.get('title') or doc['url']}」未标注{label}"
        yield Finding(url=doc["url"], source=doc["url"], field=name, detail=detail,
                      evidence=_evidence(doc, name))


@rule(id="doc-number-missing", family="documents", title="文号缺失",
      ref="政务公开要求（seed）; GB/T 9704—2012 §7.2.5")
def doc_number_missing(view: AgencyView) -> Iterator[Finding]:
    """文号缺失：政策文件页面没有标注发文字号。

    What: each policy document must show its 发文字号 (labels 发文字号/文号/发布文号/文件编号).
    A value of 「无」 states the document has no number and is accepted.

    Why: the 文号 identifies the document; policy documents must show 文号、成文日期、发布时间、
    生效日期 in full.

    Fix: add the 发文字号 to the document's metadata block (or 「无」 when it has none).
    """
    yield from _missing(view, "doc_number", lambda doc: bool((doc.get("doc_number") or "").strip()))


@rule(id="doc-written-date-missing", family="documents", title="成文日期缺失", ref="政务公开要求（seed）")
def doc_written_date_missing(view: AgencyView) -> Iterator[Finding]:
    """成文日期缺失：政策文件页面没有可识别的成文日期。

    What: each policy document must show its 成文日期 (labels 成文日期/成文时间/发文日期/生成日期).

    Why: the 成文日期 is when the document took effect as a 公文, and the 20-working-day
    disclosure deadline counts from it.

    Fix: add the 成文日期 (e.g. 2024年3月5日 or 2024-03-05) to the metadata block.
    """
    yield from _missing(view, "written_date", lambda doc: bool(doc.get("written_date")))


@rule(id="doc-pub-date-missing", family="documents", title="发布日期缺失",
      ref="政务公开要求（seed）; 普查2015")
def doc_pub_date_missing(view: AgencyView) -> Iterator[Finding]:
    """发布日期缺失：政策文件页面没有可识别的发布日期。

    What: each policy document must show when it was published (发布日期/发布时间/公开日期).

    Why: without it nobody can tell whether the document was disclosed on time, and 普查2015
    treats information with no 发布时间 as not updated.

    Fix: show the 发布日期 on the document page.
    """
    yield from _missing(view, "pub_date", lambda doc: bool(doc.get("pub_date")))


def _has_effective_date(doc: dict) -> bool:
    if doc.get("effective_date"):
        return True
    field = doc["fields_parsed"].get("effective_date") or {}
    return str(field.get("where") or "").startswith("body-text") and bool(field.get("value"))


@rule(id="doc-effective-date-missing", family="documents", title="生效日期缺失", ref="政务公开要求（seed）")
def doc_effective_date_missing(view: AgencyView) -> Iterator[Finding]:
    """生效日期缺失：政策文件既没有标注生效/施行/实施日期，正文中也没有说明。

    What: each policy document must state when it takes effect, in the metadata block (生效日期/
    施行日期/实施日期) or in the text (「本办法自2024年1月1日起施行」「自印发之日起施行」 both count).

    Why: citizens and businesses need to know from when a policy applies.

    Fix: state the effective date in the metadata block, or in the document's closing article.
    """
    yield from _missing(view, "effective_date", _has_effective_date)


def _attachment_links(view: AgencyView, url: str) -> list[str]:
    """Links (``<a>``, not images or scripts) from the page to document files."""
    return view.cached("document_links", lambda: _document_links(view)).get(url, [])


def _document_links(view: AgencyView) -> dict[str, list[str]]:
    """Every page's ``<a>`` links to document files, read in one query for the agency."""
    found: dict[str, list[str]] = {}
    for row in view.store.query(
            "select source, target from links where run_id = ? and agency = ? and tag = 'a' "
            "and scope = 'attachment'", [view.run_id, view.agency_id]):
        if extension(row["target"]) in DOCUMENT_EXTENSIONS:
            found.setdefault(row["source"], []).append(row["target"])
    return found


@rule(id="doc-download-missing", family="documents", title="未提供文本下载", ref="政务公开要求（seed）")
def doc_download_missing(view: AgencyView) -> Iterator[Finding]:
    """未提供文本下载：政策文件页面没有可下载的文本。

    What: each policy document page must offer the text as a file (pdf, doc/docx, wps, ofd,
    xls/xlsx, zip …) or through a 下载 link.

    Why: policy documents must provide a text download (提供文本下载功能) so the official text
    can be kept and printed.

    Fix: attach the signed text (PDF/OFD) or the Word file to the document page.
    """
    for doc in policy_documents(view):
        downloads = loads(doc.get("downloads"), []) or []
        if downloads or _attachment_links(view, doc["url"]):
            continue
        evidence = _evidence(doc)
        evidence["downloads"] = downloads
        title = doc.get("title") or doc["url"]
        yield Finding(url=doc["url"], source=doc["url"], field="downloads",
                      detail=f"政策文件「{title}」没有提供文本下载（无附件或下载链接）",
                      evidence=evidence)


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


@rule(id="doc-number-malformed", family="documents", title="文号格式不规范", ref="GB/T 9704—2012 §7.2.5")
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
    documents, _ = _document_scope(view)
    numbered = [d for d in documents if (d.get("doc_number") or "").strip() not in ("", NO_NUMBER)]
    if not numbered:
        raise NotApplicable("没有标注文号的文章，无法检查文号格式")
    for doc in numbered:
        value = doc["doc_number"].strip()
        faults = doc_number_faults(value)
        if not faults:
            continue
        evidence = _evidence(doc, "doc_number")
        evidence["faults"] = faults
        evidence["expected"] = "机关代字〔年份〕序号号，如 皖政办〔2020〕12号"
        yield Finding(url=doc["url"], source=doc["url"], field="doc_number",
                      detail=f"文号「{value}」格式不规范：{'；'.join(faults)}", evidence=evidence)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


@rule(id="doc-dates-inconsistent", family="documents", title="日期逻辑错误", ref="—")
def doc_dates_inconsistent(view: AgencyView) -> Iterator[Finding]:
    """日期逻辑错误：发布日期早于成文日期，或生效日期早于成文日期。

    What: on every document stating a 成文日期, the 发布日期 and the 生效日期 (from the metadata
    block or the text) must not be earlier than it. One finding per contradiction.

    Why: a document cannot be published, or take effect, before it was written; such dates are
    typing errors or, worse, back-dated entries, and evaluators treat them as errors of fact.

    Fix: check the dates against the signed document and correct the page.
    """
    documents, _ = _document_scope(view)
    dated = [d for d in documents if _date(d.get("written_date"))
             and (_date(d.get("pub_date")) or _date(d.get("effective_date")))]
    if not dated:
        raise NotApplicable("没有同时标注成文日期和发布/生效日期的文章，无法检查日期逻辑")
    for doc in dated:
        written = _date(doc["written_date"])
        for name in ("pub_date", "effective_date"):
            other = _date(doc.get(name))
            if other is None or other >= written:
                continue
            evidence = _evidence(doc, "written_date", name)
            evidence["days_before"] = (written - other).days
            yield Finding(url=doc["url"], source=doc["url"], field=name,
                          detail=(f"{FIELD_NAMES[name]} {other.isoformat()} 早于成文日期 "
                                  f"{written.isoformat()}"),
                          evidence=evidence)


def _calendar(view: AgencyView) -> WorkdayCalendar:
    settings = {}
    try:
        settings = loads(view.run.get("settings"), {}) or {}
    except ValueError:
        pass
    holiday_file = view.setting("holiday_file", None) or settings.get("holiday_file")
    return WorkdayCalendar(holiday_file)


@rule(id="doc-published-late", family="documents", title="公开不及时", ref="条例 第二十六条",
      default="20 个工作日")
def doc_published_late(view: AgencyView) -> Iterator[Finding]:
    """公开不及时：发布日期晚于成文日期后 20 个工作日（``publish_late_workdays``）。

    What: for every document stating both dates, the working days after the 成文日期 up to the
    发布日期 are counted on the State Council calendar (法定节假日 excluded, 调休 make-up days
    included); more than the limit is late. Years the calendar package does not cover use the
    holiday file (``holiday_file``) if given, else weekends only — the finding's evidence then
    says so.

    Why: 条例 Art. 26 requires proactive disclosure within 20 working days of the information
    being formed or changed.

    Fix: publish new documents within the deadline; if the page shows the wrong 发布日期 or
    成文日期, correct it.
    """
    limit = int(view.setting("publish_late_workdays", 20))
    documents, _ = _document_scope(view)
    pairs = [(d, _date(d.get("written_date")), _date(d.get("pub_date"))) for d in documents]
    pairs = [(d, w, p) for d, w, p in pairs if w and p]
    if not pairs:
        raise NotApplicable("没有同时标注成文日期和发布日期的文章，无法检查公开时限")
    workdays = _calendar(view)
    for doc, written, published in pairs:
        if published <= written:
            continue
        count = workdays.workdays_between(written, published)
        if count <= limit:
            continue
        deadline = workdays.add_workdays(written, limit)
        evidence = _evidence(doc, "written_date", "pub_date")
        evidence.update({"workdays": count, "limit_workdays": limit, "deadline": deadline.isoformat(),
                         "calendar_warnings": list(workdays.warnings),
                         "holiday_file": workdays.holiday_file})
        yield Finding(url=doc["url"], source=doc["url"], field="pub_date",
                      detail=(f"成文日期 {written.isoformat()}，发布日期 {published.isoformat()}，"
                              f"相隔 {count} 个工作日，超过 {limit} 个工作日的公开时限"
                              f"（应不晚于 {deadline.isoformat()}）"),
                      evidence=evidence)
