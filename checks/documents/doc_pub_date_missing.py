"""Rule doc-pub-date-missing (发布日期缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.documents.scope import missing_element
from checks.registry import AgencyView, Finding, rule


@rule(id="doc-pub-date-missing", family="documents", title="发布日期缺失",
      ref="政务公开要求（seed）; 普查2015",
      reads=("documents", "columns"))
def doc_pub_date_missing(view: AgencyView) -> Iterator[Finding]:
    """发布日期缺失：政策文件页面没有可识别的发布日期。

    What: each policy document must show when it was published (发布日期/发布时间/公开日期).

    Why: without it nobody can tell whether the document was disclosed on time, and 普查2015
    treats information with no 发布时间 as not updated.

    Fix: show the 发布日期 on the document page.
    """
    yield from missing_element(view, "pub_date", lambda doc: bool(doc.get("pub_date")))

