"""Rule doc-published-late (公开不及时); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.documents.scope import document_evidence, document_scope, iso_date
from checks.registry import AgencyView, Finding, NotApplicable, rule
from checks.workdays import calendar_for


@rule(id="doc-published-late", family="documents", title="公开不及时", ref="条例 第二十六条",
      reads=("documents", "columns", "runs"), options={"publish_late_workdays": 20, "holiday_file": None})
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
    documents, _ = document_scope(view)
    pairs = [(d, iso_date(d.get("written_date")), iso_date(d.get("pub_date"))) for d in documents]
    pairs = [(d, w, p) for d, w, p in pairs if w and p]
    if not pairs:
        raise NotApplicable("没有同时标注成文日期和发布日期的文章，无法检查公开时限")
    workdays = calendar_for(view, view.setting("holiday_file", None))
    for doc, written, published in pairs:
        if published <= written:
            continue
        count = workdays.workdays_between(written, published)
        if count <= limit:
            continue
        deadline = workdays.add_workdays(written, limit)
        evidence = document_evidence(doc, "written_date", "pub_date")
        evidence.update({"workdays": count, "limit_workdays": limit, "deadline": deadline.isoformat(),
                         "calendar_warnings": list(workdays.warnings),
                         "holiday_file": workdays.holiday_file})
        yield Finding(url=doc["url"], source=doc["url"], field="pub_date",
                      detail=(f"成文日期 {written.isoformat()}，发布日期 {published.isoformat()}，"
                              f"相隔 {count} 个工作日，超过 {limit} 个工作日的公开时限"
                              f"（应不晚于 {deadline.isoformat()}）"),
                      evidence=evidence)

