"""Rule column-blank (空白栏目); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.freshness.columns import column_types, unreadable_columns
from checks.registry import AgencyView, Finding, NotApplicable, rule


@rule(id="column-blank", family="freshness", title="空白栏目", ref="指标2019 · 栏目不更新（空白栏目）",
      reads=("columns",))
def column_blank(view: AgencyView) -> Iterator[Finding]:
    """空白栏目：栏目页面存在，但没有任何内容（空列表，或显示「暂无信息」「暂无数据」）。

    What: every column the crawler recorded as blank, whatever its type. A column whose list only
    JavaScript renders (avalon/Vue templates, a list filled from an API) is not blank but
    unreadable: it is listed in the rule's notes as 无法读取, never reported as a blank column.

    Why: 指标2019 counts 5 or more blank columns as a single-veto item (栏目不更新); a blank column
    tells visitors the site is not maintained.

    Fix: publish the content the column is meant to hold, or remove the column and every link
    to it.
    """
    columns = column_types(view)
    if not columns:
        raise NotApplicable("未识别到任何栏目页面，无法判断是否存在空白栏目")
    unreadable_columns(view, "column-blank", columns)
    for column in columns:
        if not column.get("blank") or column.get("unreadable"):
            continue
        name = column.get("name") or column["url"]
        text = column.get("blank_text") or ""
        shown = f"，页面显示「{text}」" if text else "，列表中没有任何信息"
        yield Finding(
            url=column["url"], source=column.get("seen_on") or column["url"],
            field=column["effective_type"],
            detail=f"栏目「{name}」为空白栏目{shown}",
            evidence={"column": name, "column_type": column["effective_type"],
                      "blank_text": text, "page": column["url"], "items": column.get("items") or 0,
                      "seen_on": column.get("seen_on") or ""},
        )

