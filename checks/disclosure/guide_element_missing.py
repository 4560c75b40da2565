"""Rule guide-element-missing (公开指南要素缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.disclosure.sections import guide_pages
from checks.registry import AgencyView, Finding, NotApplicable, rule

GUIDE_ELEMENTS = {"office": "信息公开工作机构名称", "address": "办公地址", "hours": "办公时间",
                  "phone": "联系电话", "fax": "传真号码", "postcode": "邮政编码",
                  "online": "互联网联系方式（电子邮箱/在线申请）"}


def _filled(value: object) -> bool:
    return bool(str(value or "").strip())


@rule(id="guide-element-missing", family="disclosure", title="公开指南要素缺失", ref="条例 第十二条",
      reads=("pages",))
def guide_element_missing(view: AgencyView) -> Iterator[Finding]:
    """公开指南要素缺失：政府信息公开指南缺少法定要素。

    What: the 政府信息公开指南 page must give the disclosure office's name (office), its address,
    office hours, phone, fax, postcode and online contact (email or online application). One
    finding per missing element, ``field`` naming it. When several pages look like the guide,
    the most complete one is judged. No guide page at all is ``platform-section-missing``
    (field guide).

    Why: 条例 Art. 12 lists the elements the guide must contain so applicants know where and how
    to apply.

    Fix: update the guide with each element, written out in the page text (not only in an image).
    """
    candidates = guide_pages(view)
    if not candidates:
        raise NotApplicable("未找到政府信息公开指南页面（见 platform-section-missing，field=guide）")
    parsed = [(page, guide) for page, guide in candidates if guide is not None]
    if not parsed:
        raise NotApplicable(f"公开指南页面 {candidates[0][0]['url']} 的要素未能解析")
    page, guide = max(parsed, key=lambda pair: sum(_filled(v) for v in pair[1].values()))
    present = {key: guide.get(key) for key in GUIDE_ELEMENTS if _filled(guide.get(key))}
    for key, label in GUIDE_ELEMENTS.items():
        if key in present:
            continue
        yield Finding(url=page["url"], source=page["url"], field=key,
                      detail=f"政府信息公开指南未写明{label}",
                      evidence={"page": page["url"], "title": page.get("title") or "",
                                "element": key, "elements_found": present,
                                "other_guide_pages": [p["url"] for p, _ in candidates
                                                      if p["url"] != page["url"]]})

