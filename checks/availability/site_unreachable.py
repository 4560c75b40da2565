"""Rule site-unreachable (站点无法访问); the rule's docstring is its documentation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction

from checks.registry import AgencyView, Finding, NotApplicable, rule

MAX_FAILED_LISTED = 50


def parse_at(value: str) -> datetime | None:
    """A probe timestamp as an aware UTC datetime (``Z`` and naive values taken as UTC)."""
    try:
        when = datetime.fromisoformat(value.strip())
    except (AttributeError, ValueError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def home_url_variants(url: str) -> list[str]:
    """The home URL as configured, with and without its trailing slash."""
    bare = url.rstrip("/")
    return list(dict.fromkeys([url, bare, bare + "/"]))


def _percent(share: Fraction | float) -> str:
    return f"{float(share) * 100:.1f}%"


@rule(id="site-unreachable", family="availability", title="站点无法访问",
      ref="指标2019 · 单项否决 · 站点无法访问",
      reads=("probes",), options={"probe_window_days": 7, "probe_failure_share": 0.05,
                                  "probe_min_per_day": 20, "probe_timeout_s": 15})
def site_unreachable(view: AgencyView) -> Iterator[Finding]:
    """The home page failed too often over a week of availability probes (单项否决).

    What it checks: every probe of the agency's home page (``cli.py probe`` rows and the home
    fetch of each crawl) in the ``probe_window_days`` (7) UTC calendar days ending with the
    monitoring point (``--as-of``, to the end of that day). The failure share is failures /
    probes; a failure is a home page not opened within ``probe_timeout_s`` (15 s; a probe
    recorded as opened but slower than that counts as failed) or answered with an error.
    指标2019 vetoes the site when the share reaches ``probe_failure_share`` (5 %) over a
    week of at least ``probe_min_per_day`` (20) probes a day.

    How the verdict is reported — honest about what was measured:

    * no probe in the window: not applicable (the reason says how to start probing);
    * every day of the window has enough probes (complete measurement) and the share reaches the
      threshold: a finding with an empty ``field`` — the veto-grade finding;
    * complete measurement below the threshold: no finding (the site passed);
    * incomplete measurement (some day has fewer probes) and the share reaches the threshold:
      a finding with ``field="incomplete"`` whose detail starts 「监测不完整」. The site *was*
      seen failing, so the agency is told, but the evidence does not meet 指标2019's method and
      scoring profiles must not count it as a veto. A single failed crawl with no probe history
      (1 probe, 1 failure, 100 %) lands here: "unreachable when crawled", not "vetoed";
    * incomplete measurement below the threshold: not applicable, the reason giving the probe
      count, the share and the incomplete days — neither a pass nor a problem of the agency.
      A crawl-only audit (one successful home fetch) therefore shows the veto item as n/a.

    Evidence: probes, failures, share, threshold, the window, probes per origin, the failed probes
    (time, url, status, error, elapsed, origin; the latest 50), and ``incomplete_days`` (date and
    probe count of each day under the minimum).

    Why it matters: a portal that cannot be opened discloses nothing; it is a single-veto item.
    How to fix: find the cause in the failed probes (timeouts → capacity or upstream network,
    refused/reset → web server or firewall, dns/tls → domain or certificate renewal).
    """
    days = int(view.setting("probe_window_days", 7))
    threshold = Fraction(str(view.setting("probe_failure_share", 0.05)))
    min_per_day = int(view.setting("probe_min_per_day", 20))
    time_limit = float(view.setting("probe_timeout_s", 15))
    home = view.agency["url"]
    last_day = date.fromisoformat(str(view.as_of)[:10])
    first_day = last_day - timedelta(days=days - 1)
    start = datetime.combine(first_day, datetime.min.time(), UTC)
    end = start + timedelta(days=days)
    urls = home_url_variants(home)
    marks = ",".join("?" * len(urls))
    candidates = view.store.query(
        f"select at, url, ok, status, elapsed, error, origin from probes "
        f"where agency = ? and url in ({marks}) and at >= ? and at < ? order by at",
        [view.agency_id, *urls, (first_day - timedelta(days=1)).isoformat(),
         (last_day + timedelta(days=2)).isoformat()])
    probes = []
    for row in candidates:
        when = parse_at(row["at"])
        if when is not None and start <= when < end:
            probes.append((when, row))
    window = {"start": start.isoformat(), "end": end.isoformat(), "days": days}
    if not probes:
        raise NotApplicable(
            f"{first_day.isoformat()}至{last_day.isoformat()}没有首页 {home} 的可访问性探测记录；"
            f"请在测评前运行 cli.py probe --every 30min --for {days}d")
    probes.sort(key=lambda pair: pair[0])
    failed = [(when, row) for when, row in probes
              if not row["ok"] or (row["elapsed"] or 0) > time_limit]
    share = Fraction(len(failed), len(probes))
    per_day = Counter(when.date() for when, _row in probes)
    incomplete_days = [
        {"date": (first_day + timedelta(days=i)).isoformat(),
         "probes": per_day.get(first_day + timedelta(days=i), 0)}
        for i in range(days) if per_day.get(first_day + timedelta(days=i), 0) < min_per_day]
    complete = not incomplete_days
    summary = (f"首页在{first_day.isoformat()}至{last_day.isoformat()}的{len(probes)}次探测中"
               f"失败{len(failed)}次，失败占比{_percent(share)}")
    gap = (f"监测不完整：{days}天中有{len(incomplete_days)}天探测少于{min_per_day}次，")
    if share < threshold:
        if complete:
            return
        raise NotApplicable(f"{gap}{summary}，未达{_percent(threshold)}；测量不足以判定是否单项否决")
    evidence = {
        "probes": len(probes), "failures": len(failed), "share": round(float(share), 4),
        "threshold": float(threshold), "window": window, "min_per_day": min_per_day,
        "timeout_s": time_limit,
        "complete": complete, "incomplete_days": incomplete_days,
        "origins": dict(Counter(row["origin"] or "probe" for _when, row in probes)),
        "failed_probes": [
            {"at": when.isoformat(), "url": row["url"], "status": row["status"],
             "error": row["error"] or "", "elapsed": row["elapsed"], "origin": row["origin"]}
            for when, row in failed[-MAX_FAILED_LISTED:]],
        "failed_probes_omitted": max(0, len(failed) - MAX_FAILED_LISTED),
        "observed_at": probes[-1][0].isoformat(),
    }
    if complete:
        yield Finding(url=home, source=home, evidence=evidence,
                      detail=f"{summary}，达到{_percent(threshold)}的单项否决标准（站点无法访问）")
    else:
        yield Finding(url=home, source=home, field="incomplete", evidence=evidence,
                      detail=f"{gap}{summary}，已达{_percent(threshold)}；"
                             f"仅能说明监测期间首页无法访问，不足以认定单项否决")

