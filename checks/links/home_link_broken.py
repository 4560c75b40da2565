"""Rule home-link-broken (首页不可用链接); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.links.broken import NOT_A_DOCUMENT, broken_links, link_finding
from checks.registry import AgencyView, Finding, rule


@rule(id="home-link-broken", family="links", title="首页不可用链接",
      ref="普查2015 · 指标2019 链接可用性", default="超时 15 秒, 重试 1 次",
      reads=("pages", "links", "link_checks"))
def home_link_broken(view: AgencyView) -> Iterator[Finding]:
    """A link on the home page (page, image, attachment or external link) cannot be opened.

    Why: the home page is what every visitor sees; 指标2019 deducts for each unusable home link.
    How to fix: correct or remove the link; for external sites, link to their current address.
    """
    for target, entry in sorted(broken_links(view).items()):
        home_edges = [e for e in entry["edges"] if e["on_home"]]
        if home_edges and entry["check"]["reason"] != NOT_A_DOCUMENT:
            yield link_finding(target, entry["check"], home_edges)

