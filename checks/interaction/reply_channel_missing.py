"""reply-channel-missing: no working online consultation channel (无咨询渠道)."""

from __future__ import annotations

from collections.abc import Iterator

from checks.interaction.messages import REASONS
from checks.registry import AgencyView, Finding, NotApplicable, rule
from crawler.extract.consultation import CHANNEL_WORDS, EXCLUDED_WORDS, channel_kind

MAX_CANDIDATES = 20


def _candidate_links(view: AgencyView) -> list[dict]:
    """Distinct links whose anchor names a channel (咨询, 留言, 信箱 …, and 信访/举报 to say why not)."""
    words = CHANNEL_WORDS + EXCLUDED_WORDS[:2]
    like = " or ".join("anchor like ?" for _ in words)
    rows = view.store.query(
        "select anchor, target, min(source) as source, max(on_home) as on_home from links "
        f"where run_id = ? and agency = ? and tag = 'a' and ({like}) group by anchor, target",
        [view.run_id, view.agency_id, *(f"%{w}%" for w in words)])
    return list(rows)


def _verdicts(view: AgencyView, targets: list[str]) -> dict[str, dict]:
    if not targets:
        return {}
    marks = ",".join("?" for _ in targets)
    return {row["url"]: row for row in view.store.query(
        f"select url, verdict, status, error, reason from link_checks where run_id = ? and agency = ? "
        f"and url in ({marks})", [view.run_id, view.agency_id, *targets])}


@rule(id="reply-channel-missing", family="interaction", title="无咨询渠道",
      ref="指标2019 · 单项否决 · 互动回应差", default="信访/纪检举报/访谈/征集 不算",
      reads=("pages", "message_lists", "links", "link_checks"))
def reply_channel_missing(view: AgencyView) -> Iterator[Finding]:
    """无咨询渠道：网站上找不到可用的在线咨询渠道（政务咨询 / 在线咨询 / 留言 / 信箱 / 问政）。

    What: a channel is a crawled consultation column (a page named 咨询 / 留言 / 信箱 / 问政 …,
    readable or not) or a working link whose text names one (在线咨询, 我要留言, 局长信箱, 12345
    问政 …) — on the agency's site or on a platform it links to. 信访, 纪检举报, 在线访谈 and 调查征集
    channels do not count, nor ``mailto:`` addresses, nor links that are broken. The evidence lists
    every candidate and why it did not count.

    Why: 指标2019 makes 互动回应差 a single-veto item; having no working consultation channel is
    one of its two conditions.

    Fix: open a 政务咨询 column (or link the government's unified consultation platform) from the
    home page and keep it working.
    """
    home = view.home_page()
    if home is None or home.get("error") or (home.get("status") or 0) >= 400:
        raise NotApplicable("首页未能抓取，无法判断是否有在线咨询渠道")
    lists = [row for row in view.rows("message_lists") if row.get("channel") != "excluded"]
    if lists:
        return
    candidates = _candidate_links(view)
    verdicts = _verdicts(view, [c["target"] for c in candidates])
    rejected = []
    for link in candidates:
        kind, word = channel_kind(link["anchor"])
        target = link["target"] or ""
        if kind != "consultation":
            reason = f"不计入（{word}类渠道）" if kind == "excluded" else "不是咨询渠道"
        elif not target.startswith(("http://", "https://")):
            reason = "不是网页渠道（邮件/电话等）"
        else:
            check = verdicts.get(target) or {}
            if check.get("verdict") == "ok":
                return
            if not check:
                reason = "链接未检查"
            else:
                broken = f"链接不可用（{check.get('error') or ''} HTTP {check.get('status') or '-'}）"
                review = f"需人工复核（{check.get('reason') or ''}）"
                reason = broken if check.get("verdict") == "broken" else review
        rejected.append({"anchor": link["anchor"], "target": target, "source": link["source"],
                         "reason": reason})
    excluded_lists = [{"url": row["page_url"], "name": row.get("name") or ""}
                      for row in view.rows("message_lists") if row.get("channel") == "excluded"]
    found = f"，找到的 {len(rejected)} 个候选链接均不可用或不计入" if rejected else ""
    yield Finding(
        url=home["url"], source=home["url"], field="",
        detail=f"网站未找到可用的在线咨询渠道（政务咨询/在线咨询/留言/信箱/问政）{found}",
        evidence={"page": home["url"], "candidates": rejected[:MAX_CANDIDATES],
                  "candidates_total": len(rejected), "excluded_lists": excluded_lists,
                  "reasons": REASONS})
