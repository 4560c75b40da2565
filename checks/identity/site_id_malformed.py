"""Rule site-id-malformed (网站标识码格式错误); the rule's docstring is its documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.identity.home import fetched_home, footer_of, home_evidence
from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.store import loads

SITE_ID_RE = re.compile(r"^(\d{10}|bm\d{8})$")


@rule(id="site-id-malformed", family="identity", title="网站标识码格式错误", ref="指引2017 · 网站标识",
      reads=("pages",))
def site_id_malformed(view: AgencyView) -> Iterator[Finding]:
    """网站标识码格式错误：网站标识码不是 10 位（6 位行政区划代码 + 4 位数字，或 bm + 8 位数字）。

    What: the 网站标识码 in the footer, and the SiteIDCode meta tag of the home page, are checked
    against the two known shapes: 10 digits, or ``bm`` followed by 8 digits (State Council
    departments).

    Why: a wrong code points to another site or none; it is usually a typo or a template copied
    from another site.

    Fix: copy the code exactly as issued (全国政府网站信息报送系统) into the footer and the
    SiteIDCode meta tag.
    """
    home = fetched_home(view)
    footer = footer_of(home)
    meta = loads(home.get("meta"), {}) or {}
    values = {"footer": str(footer.get("site_id") or "").strip(),
              "meta": str(meta.get("SiteIDCode") or "").strip()}
    if not any(values.values()):
        raise NotApplicable("首页没有网站标识码（见 site-id-missing）")
    bad = {where: value for where, value in values.items() if value and not SITE_ID_RE.match(value)}
    if not bad:
        return
    places = "、".join(f"{'页脚' if where == 'footer' else 'SiteIDCode 元数据'}「{value}」"
                      for where, value in bad.items())
    evidence = home_evidence(home, footer)
    first = next(iter(bad))
    evidence.update({"value": bad[first], "where": first, "length": len(bad[first]), "places": bad})
    yield Finding(url=home["url"], source=home["url"], field="site_id",
                  detail=f"首页网站标识码格式错误：{places}（应为 10 位数字，或 bm 加 8 位数字）",
                  evidence=evidence)

