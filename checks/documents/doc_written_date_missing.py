"""Rule doc-written-date-missing (成文日期缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.documents.scope import missing_element
from checks.registry import AgencyView, Finding, rule


@rule(id="doc-written-date-missing", family="documents", title="成文日期缺失", ref="政务公开要求（seed）",
      reads=("documents", "columns"))
def doc_written_date_missing(view: AgencyView) -> Iterator[Finding]:
    """成文日期缺失：政策文件页面没有可识别的成文日期。

    What: each policy document must show its 成文日期 (labels 成文日期/成文时间/发文日期/生成日期).

    Why: the 成文日期 is when the document took effect as a 公文, and the 20-working-day
    disclosure deadline counts from it.

    Fix: add the 成文日期 (e.g. 2024年3月5日 or 2024-03-05) to the metadata block.
    """
    yield from missing_element(view, "written_date", lambda doc: bool(doc.get("written_date")))

