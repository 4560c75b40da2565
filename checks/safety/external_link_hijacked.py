"""外链变异: external links whose pages now serve parked, gambling or porn content."""

from __future__ import annotations

from collections.abc import Iterator

from checks.registry import AgencyView, Finding, rule
from checks.safety.common import first_sources, require_safety_data
from crawler.safety.fetch import decompress
from crawler.safety.markers import judge, marker_list


@rule(id="external-link-hijacked", family="safety", title="外链变异",
      ref="指标2019 单项否决 · 安全、泄密事故等严重问题（链接到反动、暴力、色情等内容）",
      default="域名出售/停放 1 个标记; 博彩/色情 3 个不同标记, 或跳转到其他域名后 1 个",
      reads=("pages", "page_texts", "external_pages", "links"))
def external_link_hijacked(view: AgencyView) -> Iterator[Finding]:
    """An external link whose page now serves a parked, gambling or porn page.

    What: each external page target is fetched once per run with a small body cap; its title and
    visible text are matched against the versioned marker file
    (``crawler/safety/data/hijack_markers.yml``). A parked/for-sale marker (该域名正在出售,
    domain for sale …) is enough; gambling and porn words (博彩, 娱乐城, 百家乐, 在线投注 …) need
    three different ones, or one when the final host after redirects is a different registrable
    domain than the link named. ``url`` is the target, ``source`` a page linking it, ``field`` the
    category (``parked`` / ``gambling`` / ``porn``). Evidence: markers seen, title, final URL, both
    domains, the marker list version.
    Why: a lapsed domain bought by a gambling or porn operator turns a government link into
    linking to illegal content — 指标2019's single-veto item.
    How to fix: remove or correct the link on every page listed; check other links to that site.
    """
    require_safety_data(view)
    markers = marker_list()
    found = []
    for row in sorted(view.rows("external_pages"), key=lambda r: r["url"]):
        verdict = judge(row["title"] or "", decompress(row["text_z"]), row["link_domain"],
                        row["final_domain"], markers)
        if verdict.hijacked:
            found.append((row, verdict))
    sources = first_sources(view, [row["url"] for row, _ in found])
    for row, verdict in found:
        linking = sources.get(row["url"], [])
        moved = f"，跳转到 {row['final_domain']}" if verdict.cross_domain else ""
        yield Finding(
            url=row["url"], source=linking[0] if linking else "", field=verdict.category,
            detail=(f"外部链接现为{verdict.label}{moved}（标记：{'、'.join(verdict.markers[:5])}），"
                    f"出现在 {len(linking)} 个页面"),
            evidence={"markers": verdict.markers, "category": verdict.category,
                      "title": row["title"], "final_url": row["final_url"],
                      "link_domain": row["link_domain"], "final_domain": row["final_domain"],
                      "cross_domain": verdict.cross_domain, "sources": linking[:10],
                      "observed_at": row["fetched_at"], "list_version": verdict.version})
