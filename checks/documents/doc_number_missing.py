"""Rule doc-number-missing (文号缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.documents.scope import missing_element
from checks.registry import AgencyView, Finding, rule


@rule(id="doc-number-missing", family="documents", title="文号缺失",
      ref="政务公开要求（seed）; GB/T 9704—2012 §7.2.5",
      reads=("documents", "columns"))
def doc_number_missing(view: AgencyView) -> Iterator[Finding]:
    """文号缺失：政策文件页面没有标注发文字号。

    What: each policy document must show its 发文字号 (labels 发文字号/文号/发布文号/文件编号).
    A value of 「无」 states the document has no number and is accepted.

    Why: the 文号 identifies the document; policy documents must show 文号、成文日期、发布时间、
    生效日期 in full.

    Fix: add the 发文字号 to the document's metadata block (or 「无」 when it has none).
    """
    yield from missing_element(view, "doc_number", lambda doc: bool((doc.get("doc_number") or "").strip()))

