"""Rule site-id-missing (网站标识码缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.identity.home import footer_missing
from checks.registry import AgencyView, Finding, rule


@rule(id="site-id-missing", family="identity", title="网站标识码缺失", ref="指引2017 · 网站标识",
      reads=("pages",))
def site_id_missing(view: AgencyView) -> Iterator[Finding]:
    """网站标识码缺失：首页页脚没有显示网站标识码。

    What: the home page footer must show the 网站标识码 issued for the site.

    Why: 指引2017 requires every government website to show its 网站标识码 in the footer; it is
    how the national site registry identifies the site.

    Fix: add 「网站标识码：xxxxxxxxxx」 to the common footer template.
    """
    yield from footer_missing(view, "site_id", "网站标识码")

