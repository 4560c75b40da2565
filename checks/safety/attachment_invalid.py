"""附件失效: attachment links answered 200 with an HTML page or bytes of another file type."""

from __future__ import annotations

from collections.abc import Iterator

from checks.links.broken import NOT_A_DOCUMENT, broken_links, link_finding
from checks.registry import AgencyView, Finding, rule



@rule(id="attachment-invalid", family="safety", title="附件失效",
      ref="普查2015 · 指标2019 链接可用性（附件下载）",
      default="文件头与扩展名不符, 或返回网页",
      reads=("pages", "links", "link_checks", "attachments"))
def attachment_invalid(view: AgencyView) -> Iterator[Finding]:
    """An attachment URL (.pdf, .doc(x), .xls(x), .wps, .ofd, .zip …) that answers 200 but is no document.

    What: the link check of an in-scope attachment downloads it and compares its first bytes with
    its extension: an HTML error page, an empty file, or a file of another type (a ``.pdf`` that is
    a ZIP) is the link verdict ``broken`` with error class ``not-a-document``. Reported here, once
    per target (not again under link-broken/home-link-broken); ``field`` is ``home`` when the home
    page links it, else ``page``. Evidence: the detected type, the reason, every page linking it.
    Why: it is what a visitor gets when they click 下载 — 普查2015 and 指标2019 count it as an
    unusable link (附件无法下载).
    How to fix: upload the file again (or fix the link to point at the file, not a CMS page).
    """
    checks = broken_links(view)
    rows = {a["url"]: a for a in view.rows("attachments", "status = 'not-a-document'")}
    for target, entry in sorted(checks.items()):
        if entry["check"]["reason"] != NOT_A_DOCUMENT:
            continue
        finding = link_finding(target, entry["check"], entry["edges"])
        facts = rows.get(target) or {}
        on_home = any(e["on_home"] for e in entry["edges"])
        finding.field = "home" if on_home else "page"
        reason = facts.get("reason") or "不是有效的文件"
        finding.detail = (f"附件无效：{reason}（HTTP {entry['check']['status']}），"
                          f"出现在 {finding.evidence['source_count']} 个页面")
        finding.evidence.update(detected=facts.get("detected", ""), bytes=facts.get("bytes"),
                                reason=facts.get("reason", ""), on_home=on_home)
        yield finding
