"""Rule sponsor-missing (主办单位缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.identity.home import footer_missing
from checks.registry import AgencyView, Finding, rule


@rule(id="sponsor-missing", family="identity", title="主办单位缺失", ref="指引2017 · 网站标识",
      reads=("pages",))
def sponsor_missing(view: AgencyView) -> Iterator[Finding]:
    """主办单位缺失：首页页脚没有显示主办单位。

    What: the home page footer must name the 主办单位 (the agency running the site).

    Why: 指引2017 requires the sponsor in the footer so visitors know who is responsible.

    Fix: add 「主办单位：…」 to the common footer.
    """
    yield from footer_missing(view, "sponsor", "主办单位")

