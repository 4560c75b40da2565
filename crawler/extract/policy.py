"""Is a page a policy document (规范性文件 / 政策文件)? Its column type and its own signs decide.

On 信息公开目录 platforms nearly every item — 公示, 人事任免, 通知, 统计 — carries an 索引号 / 发布机构 /
生成日期 block, so a metadata block alone does not make a policy document. A document is in scope of
the element rules (文号 / 成文日期 / 发布日期 / 生效日期 / 文本下载) when it is listed in a ``policy``
column, or when it shows a policy document's own signs:

* a 发文字号 field (``文号：无`` included: the page states the document has none);
* a 规范性文件 / 政策文件 classification in its metadata (主题分类, 文种, 类别 …);
* a 有效性 / 效力状态 / 时效 field (only normative documents have a validity);
* the 公文 title pattern 关于印发…的通知 (the notice that issues a 办法 / 方案 / 规定).

Documents listed in a ``news`` column are never policy documents. :func:`policy_scope` returns the
verdict with its reason in Chinese; ``inspect`` shows the signs and the findings' evidence the reason.
"""

from __future__ import annotations

import re

ISSUING_TITLE = re.compile(r"关于印发.+的通知")
CLASSIFICATION = re.compile(r"规范性文件|政策文件")
SIGN_TEXT = {"doc_number": "标注了发文字号", "classification": "分类为规范性文件/政策文件",
             "validity": "标注了有效性", "title": "标题为「关于印发…的通知」"}


def policy_signs(fields: dict, title: str = "") -> list[str]:
    """The policy-document signs a page shows: ``doc_number``, ``classification``, ``validity``,
    ``title`` (in that order; empty when none). ``fields`` as the metadata extractor gives them."""
    def present(name: str) -> bool:
        entry = fields.get(name)
        return isinstance(entry, dict) and bool(entry.get("label") or entry.get("value"))

    signs = []
    if present("doc_number"):
        signs.append("doc_number")
    values = " ".join(str(e.get("value") or "") for k, e in fields.items()
                      if isinstance(e, dict) and k not in ("title",))
    if CLASSIFICATION.search(values):
        signs.append("classification")
    if present("validity"):
        signs.append("validity")
    shown_title = title or str((fields.get("title") or {}).get("value") or "")
    if ISSUING_TITLE.search(shown_title):
        signs.append("title")
    return signs


def policy_scope(column_type: str, signs: list[str], has_metadata_block: bool = False) -> tuple[bool, str]:
    """(in scope of the policy-document rules, the reason in Chinese)."""
    if column_type == "policy":
        return True, "列于政策文件类栏目"
    if column_type == "news":
        return False, "列于新闻动态类栏目，不是政策文件"
    if signs:
        return True, "页面自身" + "、".join(SIGN_TEXT[s] for s in signs)
    if has_metadata_block:
        return False, "仅有索引号/发布机构等元数据块，无文号、规范性文件分类、有效性或「关于印发…的通知」标题"
    return False, "不在政策文件类栏目中，也无政策文件标识"
