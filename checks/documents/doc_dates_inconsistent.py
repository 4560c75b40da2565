"""Rule doc-dates-inconsistent (日期逻辑错误); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.documents.scope import FIELD_NAMES, document_evidence, document_scope, iso_date
from checks.registry import AgencyView, Finding, NotApplicable, rule


@rule(id="doc-dates-inconsistent", family="documents", title="日期逻辑错误", ref="—",
      reads=("documents", "columns"))
def doc_dates_inconsistent(view: AgencyView) -> Iterator[Finding]:
    """日期逻辑错误：发布日期早于成文日期，或生效日期早于成文日期。

    What: on every document stating a 成文日期, the 发布日期 and the 生效日期 (from the metadata
    block or the text) must not be earlier than it. One finding per contradiction.

    Why: a document cannot be published, or take effect, before it was written; such dates are
    typing errors or, worse, back-dated entries, and evaluators treat them as errors of fact.

    Fix: check the dates against the signed document and correct the page.
    """
    documents, _ = document_scope(view)
    dated = [d for d in documents if iso_date(d.get("written_date"))
             and (iso_date(d.get("pub_date")) or iso_date(d.get("effective_date")))]
    if not dated:
        raise NotApplicable("没有同时标注成文日期和发布/生效日期的文章，无法检查日期逻辑")
    for doc in dated:
        written = iso_date(doc["written_date"])
        for name in ("pub_date", "effective_date"):
            other = iso_date(doc.get(name))
            if other is None or other >= written:
                continue
            evidence = document_evidence(doc, "written_date", name)
            evidence["days_before"] = (written - other).days
            yield Finding(url=doc["url"], source=doc["url"], field=name,
                          detail=(f"{FIELD_NAMES[name]} {other.isoformat()} 早于成文日期 "
                                  f"{written.isoformat()}"),
                          evidence=evidence)

