"""Rule psb-missing (公安机关备案号缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.identity.home import footer_missing
from checks.registry import AgencyView, Finding, rule


@rule(id="psb-missing", family="identity", title="公安机关备案号缺失", ref="指引2017 · 网站标识",
      reads=("pages",))
def psb_missing(view: AgencyView) -> Iterator[Finding]:
    """公安机关备案号缺失：首页页脚没有显示公网安备号。

    What: the home page footer must show the 公安机关备案号 (e.g. 皖公网安备 34010202000123号).

    Why: 指引2017 requires the public-security filing number in the footer.

    Fix: add the 公网安备 number and badge to the common footer, linked to the filing system.
    """
    yield from footer_missing(view, "psb", "公安机关备案号")

