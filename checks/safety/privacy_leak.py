"""泄露个人信息: unmasked resident ID numbers and mobile numbers in pages and attachments."""

from __future__ import annotations

from collections.abc import Iterator

from checks.registry import AgencyView, Finding, rule
from checks.safety.common import first_sources, require_safety_data
from crawler.store import loads

FIELD_TEXT = {"id_number": "身份证号码", "mobile": "手机号码"}


@rule(id="privacy-leak", family="safety", title="泄露个人信息",
      ref="政务公开 去标识化要求 · 指标2019 单项否决 · 安全、泄密事故等严重问题",
      default="身份证号（校验位、出生日期、地区码均有效）· 手机号 1[3-9]+9位 · 附件上限 20 MB",
      reads=("pages", "page_texts", "privacy_hits", "links"))
def privacy_leak(view: AgencyView) -> Iterator[Finding]:
    """An unmasked 18-digit resident ID number or mobile number on a page or in an attachment.

    What: visible text of every in-scope page and the text of in-scope attachments (xls/xlsx/et,
    csv, doc/docx/wps, pdf text layer, ofd) hold an ID number with a valid GB 11643 check character,
    a real birth date and a province code, or a mobile number (``1[3-9]`` + 9 digits) that is not
    masked. ``field`` is ``id_number`` or ``mobile``; ``url`` the page or attachment, ``source``
    the page linking the attachment. Evidence shows masked values only (``3401**********1234``),
    where each was found and how many distinct numbers there are. Codes (索引号, 文号, 网站标识码,
    公安备案), landlines, numbers in URLs and published contact lines are not reported.
    Attachments that could not be scanned (over the size cap, unreadable, scans without a text
    layer) are not findings but are listed on the agency's report under 需人工复核 (and in its
    JSON ``review_links``) — never counted as clean.
    Why: disclosure work requires de-identification (去标识化); an exposed ID list is a leak
    incident under 指标2019's single-veto item.
    How to fix: take the page or file down, publish a masked version (keep at most the first 4
    and last 4 digits of an ID number, the first 3 and last 4 of a mobile), and check the
    publishing workflow.
    """
    require_safety_data(view)
    hits = view.rows("privacy_hits")
    attachment_urls = [h["url"] for h in hits if h["container"] == "attachment"]
    sources = first_sources(view, attachment_urls)
    for hit in sorted(hits, key=lambda h: (h["url"], h["field"])):
        samples = loads(hit["samples"], []) or []
        what = FIELD_TEXT.get(hit["field"], hit["field"])
        in_attachment = hit["container"] == "attachment"
        first = samples[0] if samples else {}
        detail = (f"{'附件' if in_attachment else '页面'}中有 {hit['numbers']} 个未脱敏的{what}"
                  f"（共 {hit['occurrences']} 处），如 {first.get('masked', '')}（{first.get('where', '')}）")
        linking = sources.get(hit["url"], []) if in_attachment else []
        yield Finding(
            url=hit["url"], source=linking[0] if linking else "", field=hit["field"], detail=detail,
            evidence={"container": hit["container"], "numbers": hit["numbers"],
                      "occurrences": hit["occurrences"], "samples": samples,
                      "linked_from": linking[:10]})
