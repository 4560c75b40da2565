"""严重表述错误: wrong forms of the country's, the Party's and state organs' names in visible text."""

from __future__ import annotations

from collections.abc import Iterator

from checks.registry import AgencyView, Finding, NotApplicable, rule
from checks.safety.common import require_safety_data
from crawler.safety.fetch import decompress
from crawler.safety.wording import (WordingListError, WordingPair, builtin_list, find_wording,
                                    parse_pairs)


def word_list(view: AgencyView) -> tuple[str, list[WordingPair]]:
    """(list version, pairs): the shipped list, then the profile's and the agency's own pairs."""
    version, builtin = builtin_list()
    # view.setting: the agency's own list if it has one, else the profile's; both apply
    agency_pairs = (view.config.get("thresholds") or {}).get("wording_pairs") or []
    profile_pairs = (view.profile.get("thresholds") or {}).get("wording_pairs") or []
    if not agency_pairs:
        profile_pairs = view.setting("wording_pairs", [])
    try:
        own = [*parse_pairs(profile_pairs, "profile"), *parse_pairs(agency_pairs, "agency")]
    except WordingListError as exc:
        raise NotApplicable(f"自定义词表 wording_pairs 有误：{exc}") from None
    return version, [*builtin, *own]


@rule(id="wording-error", family="safety", title="严重表述错误",
      ref="指标2019 单项否决 · 安全、泄密事故等严重问题（严重表述错误）",
      default="内置词表 crawler/safety/data/wording.yml",
      reads=("pages", "page_texts"), options={"wording_pairs": []})
def wording_error(view: AgencyView) -> Iterator[Finding]:
    """A serious expression error from the curated word list in a page's visible text or title.

    What: the wrong form of a name from the versioned list shipped with the project
    (中华人民共合国 → 中华人民共和国, 中国共产常 → 中国共产党, 社会主意 → 社会主义,
    国务院办工厅 → 国务院办公厅 …) or from a team's own ``wording_pairs`` (profile or agencies
    file ``thresholds``; leaders' names belong there), found in visible text or the title — never
    in comments, scripts or attribute values. One finding per page and wrong form; ``field`` says
    whose list it came from (``builtin`` / ``profile`` / ``agency``). Evidence: wrong form, right
    form, source, the sentence around it, the list version.
    Why: 指标2019 counts 严重表述错误 under the single-veto item 安全、泄密事故等严重问题.
    How to fix: correct the text on the page (and in the CMS template if it repeats).
    """
    require_safety_data(view)
    version, pairs = word_list(view)
    for row in sorted(view.rows("page_texts"), key=lambda r: r["url"]):
        title = row["title"] or ""
        text = decompress(row["text_z"])
        if title and text.startswith(title):
            text = text[len(title):]
        hits = find_wording(title, pairs, "标题") + find_wording(text, pairs, "正文")
        by_wrong: dict[str, list] = {}
        for hit in hits:
            by_wrong.setdefault(hit.wrong, []).append(hit)
        for wrong, found in sorted(by_wrong.items()):
            first = found[0]
            yield Finding(
                url=row["url"], field=first.origin,
                detail=(f"「{wrong}」应为「{first.right}」"
                        f"（{first.where}，共 {len(found)} 处；依据：{first.source}）"),
                evidence={"wrong": wrong, "right": first.right, "source": first.source,
                          "where": first.where, "context": first.context, "count": len(found),
                          "contexts": [h.context for h in found[:5]], "list_version": version})
