"""doc-interpretation-missing: a policy document with no interpretation (政策解读缺失)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.interpretation.matching import interpretations, matches
from checks.registry import AgencyView, Finding, rule


@rule(id="doc-interpretation-missing", family="interpretation", title="政策解读缺失",
      ref="国办发〔2016〕80号; seed「应解读、尽解读」「解读材料与规范性文件同步公布」",
      default="文件链接解读、解读链接/引用文件标题或文号均算",
      reads=("documents", "columns", "interpretations", "interpretation_links", "links"))
def doc_interpretation_missing(view: AgencyView) -> Iterator[Finding]:
    """政策解读缺失：政策文件既没有链接解读，也没有任何解读页面指向它。

    What: every policy document (the scope of the other document rules) must have an
    interpretation (解读) the site ties to it: a 相关解读 / 政策解读 / 解读 link on the document, or
    an interpretation page — titled 《…》政策解读 / 关于《…》的解读 / …解读 / 一图读懂… / 图解… /
    …答记者问, or listed in a 政策解读 / 解读 / 图解 / 一图读懂 / 答记者问 column — that links to the
    document, quotes its title in 《》 or cites its 文号. Interpretations are searched among the
    crawled pages; the evidence says how many the site has.

    Why: the work summaries promise 「应解读、尽解读」 and interpretation material published together
    with the normative document (解读材料与规范性文件同步公布); 指标2019 scores 政策解读 under 发布解读.

    Fix: publish the interpretation (text, 图解 or 一图读懂) in the 政策解读 column, link it from
    the document page under 「相关解读」, and link the document (or quote its title and 文号) from
    the interpretation.
    """
    known = interpretations(view)
    for doc, hits in matches(view):
        if hits:
            continue
        title = doc.get("title") or doc["url"]
        yield Finding(
            url=doc["url"], source=doc["url"], field="interpretation",
            detail=(f"政策文件「{title}」未找到对应的政策解读（文件页面无解读链接，"
                    f"全站 {len(known)} 篇解读均未链接、引用其标题或文号）"),
            evidence={"page": doc["url"], "title": doc.get("title") or "",
                      "pub_date": doc.get("pub_date") or "", "doc_number": doc.get("doc_number") or "",
                      "column": doc.get("column_url") or "", "column_type": doc.get("column_type") or "",
                      "interpretations_on_site": len(known),
                      "searched": ["相关解读/政策解读/解读 links on the document",
                                   "links from interpretation pages", "《title》 quoted", "文号 cited"]})
