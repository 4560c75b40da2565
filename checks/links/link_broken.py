"""Rule link-broken (其他页面不可用链接); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.links.broken import NOT_A_DOCUMENT, broken_links, link_finding
from checks.registry import AgencyView, Finding, rule


@rule(id="link-broken", family="links", title="其他页面不可用链接",
      ref="普查2015 · 指标2019 链接可用性", default="超时 15 秒, 重试 1 次",
      reads=("pages", "links", "link_checks"))
def link_broken(view: AgencyView) -> Iterator[Finding]:
    """A link on any page other than the home page cannot be opened (one finding per target).

    Why: broken links, images and attachments on column and article pages are deducted under
    链接可用性; a target already reported as a home-page link is not counted twice.
    How to fix: correct the link target or remove the link on every page listed in the evidence.
    """
    for target, entry in sorted(broken_links(view).items()):
        if any(e["on_home"] for e in entry["edges"]) or entry["check"]["reason"] == NOT_A_DOCUMENT:
            continue
        yield link_finding(target, entry["check"], entry["edges"])

