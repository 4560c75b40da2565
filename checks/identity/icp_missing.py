"""Rule icp-missing (ICP备案编号缺失); the rule's docstring is its documentation."""

from __future__ import annotations

from collections.abc import Iterator

from checks.identity.home import footer_missing
from checks.registry import AgencyView, Finding, rule


@rule(id="icp-missing", family="identity", title="ICP备案编号缺失", ref="指引2017 · 网站标识",
      reads=("pages",))
def icp_missing(view: AgencyView) -> Iterator[Finding]:
    """ICP备案编号缺失：首页页脚没有显示 ICP 备案编号。

    What: the home page footer must show the ICP备案编号 (e.g. 皖ICP备12345678号-1).

    Why: 指引2017 requires the ICP filing number in the footer, linked to the filing system.

    Fix: add the ICP备案编号 to the common footer, linked to https://beian.miit.gov.cn/.
    """
    yield from footer_missing(view, "icp", "ICP备案编号")

