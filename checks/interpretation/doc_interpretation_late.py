"""doc-interpretation-late: the interpretation came out too long after the document (政策解读滞后)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.interpretation.matching import MATCH_NAMES, calendar, document_date, earliest, matches
from checks.registry import AgencyView, Finding, NotApplicable, rule


@rule(id="doc-interpretation-late", family="interpretation", title="政策解读滞后",
      ref="国办发〔2016〕80号 practice; 各地「同步发布或3个工作日内」",
      reads=("documents", "columns", "interpretations", "interpretation_links", "links", "runs"),
      options={"interpretation_late_workdays": 3, "holiday_file": None})
def doc_interpretation_late(view: AgencyView) -> Iterator[Finding]:
    """政策解读滞后：解读发布日期晚于文件发布日期后 3 个工作日（``interpretation_late_workdays``）。

    What: for every policy document with a matched interpretation (see doc-interpretation-missing)
    and a 发布日期, the earliest dated interpretation is compared with the document's 发布日期: the
    working days after the document up to the interpretation are counted on the State Council
    calendar (法定节假日 excluded, 调休 make-up days included); more than the limit is late. An
    interpretation published before or on the same day as the document is on time.

    Why: local rules ask for 解读 published with the document (同步发布) or within 3 working days;
    the national wording of the 3 days is unconfirmed, so the limit is a profile number.

    Fix: publish the interpretation together with the document; if the page shows a wrong
    发布日期, correct it.
    """
    limit = int(view.setting("interpretation_late_workdays", 3))
    pairs = []
    for doc, hits in matches(view):
        published = document_date(doc)
        first, hit = earliest(hits)
        if published and first:
            pairs.append((doc, published, first, hit, hits))
    if not pairs:
        raise NotApplicable("没有同时具备发布日期和已注明日期解读的政策文件，无法检查解读时限")
    workdays = calendar(view)
    for doc, published, first, hit, hits in pairs:
        if first <= published:
            continue
        count = workdays.workdays_between(published, first)
        if count <= limit:
            continue
        deadline = workdays.add_workdays(published, limit)
        title = doc.get("title") or doc["url"]
        yield Finding(
            url=doc["url"], source=hit["url"], field="interpretation",
            detail=(f"政策文件「{title}」发布于 {published.isoformat()}，其解读「{hit['title']}」"
                    f"发布于 {first.isoformat()}，相隔 {count} 个工作日，超过 {limit} 个工作日"
                    f"（应不晚于 {deadline.isoformat()}）"),
            evidence={"page": doc["url"], "title": doc.get("title") or "",
                      "pub_date": published.isoformat(), "interpretation": hit["url"],
                      "interpretation_title": hit["title"], "interpretation_date": first.isoformat(),
                      "matched_by": MATCH_NAMES.get(hit["matched_by"], hit["matched_by"]),
                      "how": hit["how"], "workdays": count, "limit_workdays": limit,
                      "deadline": deadline.isoformat(),
                      "calendar_warnings": list(workdays.warnings),
                      "interpretations": [{k: h[k] for k in ("url", "title", "pub_date", "matched_by")}
                                          for h in hits]})
