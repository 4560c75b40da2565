"""Rule doc-effective-date-missing (生效日期缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.documents.scope import missing_element
from checks.registry import AgencyView, Finding, rule


def _has_effective_date(doc: dict) -> bool:
    if doc.get("effective_date"):
        return True
    field = doc["fields_parsed"].get("effective_date") or {}
    return str(field.get("where") or "").startswith("body-text") and bool(field.get("value"))


@rule(id="doc-effective-date-missing", family="documents", title="生效日期缺失", ref="政务公开要求（seed）",
      reads=("documents", "columns"))
def doc_effective_date_missing(view: AgencyView) -> Iterator[Finding]:
    """生效日期缺失：政策文件既没有标注生效/施行/实施日期，正文中也没有说明。

    What: each policy document must state when it takes effect, in the metadata block (生效日期/
    施行日期/实施日期) or in the text (「本办法自2024年1月1日起施行」「自印发之日起施行」 both count).

    Why: citizens and businesses need to know from when a policy applies.

    Fix: state the effective date in the metadata block, or in the document's closing article.
    """
    yield from missing_element(view, "effective_date", _has_effective_date)

