"""site-unreachable over a simulated week of probes with chosen timestamps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from storefactory import HOME, StoreFactory, rule_outcome, run_rule

import checks.availability.site_unreachable  # noqa: F401 - registers the rule
from checks.registry import NotApplicable

AS_OF = "2026-11-27"            # window: 2026-11-21 00:00 … 2026-11-28 00:00 UTC
FIRST_DAY = datetime(2026, 11, 21, tzinfo=UTC)


def week(per_day: int = 20, failures: int = 0, days: int = 7, url: str = HOME,
         origin: str = "probe", short_day: int | None = None) -> list[dict]:
    """``per_day`` probes a day, evenly spaced; the first ``failures`` of them failed."""
    rows = []
    for day in range(days):
        count = per_day - 1 if day == short_day else per_day
        for i in range(count):
            at = FIRST_DAY + timedelta(days=day, seconds=i * 86400 // per_day)
            rows.append({"agency": "a1", "url": url, "at": at.isoformat(), "ok": 1,
                         "status": 200, "elapsed": 0.2, "error": "", "origin": origin,
                         "run_id": None})
    for row in rows[:failures]:
        row.update(ok=0, status=None, elapsed=15.0, error="timeout")
    return rows


@pytest.fixture
def factory(tmp_path) -> StoreFactory:
    made = StoreFactory(tmp_path / "audit.db", as_of=AS_OF)
    made.agency("a1")
    return made


def add(factory: StoreFactory, rows: list[dict]) -> None:
    factory.store.insert_many("probes", rows)


def test_exactly_five_percent_is_a_veto_finding(factory: StoreFactory) -> None:
    add(factory, week(failures=7))                       # 7 / 140 = 5 %
    findings = run_rule(factory.view(), "site-unreachable")
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.url, finding.field) == (HOME, "")
    assert finding.detail == ("首页在2026-11-21至2026-11-27的140次探测中失败7次，失败占比5.0%，"
                              "达到5.0%的单项否决标准（站点无法访问）")
    ev = finding.evidence
    assert (ev["probes"], ev["failures"], ev["share"], ev["complete"]) == (140, 7, 0.05, True)
    assert ev["incomplete_days"] == [] and ev["origins"] == {"probe": 140}
    assert ev["failed_probes"][0] == {"at": "2026-11-21T00:00:00+00:00", "url": HOME,
                                      "status": None, "error": "timeout", "elapsed": 15.0,
                                      "origin": "probe"}
    assert ev["window"] == {"start": "2026-11-21T00:00:00+00:00",
                            "end": "2026-11-28T00:00:00+00:00", "days": 7}


def test_just_below_five_percent_passes(factory: StoreFactory) -> None:
    add(factory, week(failures=6))                       # 6 / 140 = 4.3 %
    assert rule_outcome(factory.view(), "site-unreachable") == ("ran", [])


def test_nineteen_of_twenty_a_day_is_five_percent(factory: StoreFactory) -> None:
    rows = week()
    for day in range(7):                                 # one failure every day: 7 / 140
        rows[day * 20 + 10].update(ok=0, status=503, error="http-5xx")
    add(factory, rows)
    findings = run_rule(factory.view(), "site-unreachable")
    assert [f.field for f in findings] == [""]
    assert {p["error"] for p in findings[0].evidence["failed_probes"]} == {"http-5xx"}


def test_probes_outside_the_window_and_of_other_pages_do_not_count(factory: StoreFactory) -> None:
    add(factory, week(failures=6))
    before = FIRST_DAY - timedelta(seconds=1)
    after = FIRST_DAY + timedelta(days=7)
    add(factory, [
        {"agency": "a1", "url": HOME, "at": before.isoformat(), "ok": 0, "error": "timeout",
         "origin": "probe"},
        {"agency": "a1", "url": HOME, "at": after.isoformat(), "ok": 0, "error": "timeout",
         "origin": "probe"},
        {"agency": "a1", "url": HOME + "zwgk/", "at": FIRST_DAY.isoformat(), "ok": 0,
         "error": "refused", "origin": "probe"},
        {"agency": "other", "url": HOME, "at": FIRST_DAY.isoformat(), "ok": 0,
         "error": "refused", "origin": "probe"},
    ])
    assert rule_outcome(factory.view(), "site-unreachable") == ("ran", [])


def test_crawl_home_fetches_count_and_trailing_slash_variants_match(factory: StoreFactory) -> None:
    rows = week(failures=6)
    rows[-1].update(url=HOME.rstrip("/"), origin="crawl", ok=0, error="reset")
    add(factory, rows)
    findings = run_rule(factory.view(), "site-unreachable")
    assert findings[0].evidence["origins"] == {"probe": 139, "crawl": 1}
    assert findings[0].evidence["failures"] == 7


def test_incomplete_day_at_threshold_is_reported_but_not_as_a_veto(factory: StoreFactory) -> None:
    add(factory, week(failures=7, short_day=3))          # 7 / 139, 2026-11-24 has 19 probes
    finding, = run_rule(factory.view(), "site-unreachable")
    assert finding.field == "incomplete"
    assert finding.detail.startswith("监测不完整：7天中有1天探测少于20次，")
    assert finding.detail.endswith("仅能说明监测期间首页无法访问，不足以认定单项否决")
    assert finding.evidence["incomplete_days"] == [{"date": "2026-11-24", "probes": 19}]
    assert finding.evidence["complete"] is False


def test_incomplete_below_threshold_is_not_applicable_with_the_numbers(factory) -> None:
    add(factory, week(failures=6, short_day=3))
    status, reason = rule_outcome(factory.view(), "site-unreachable")
    assert status == "not-applicable"
    assert reason == ("监测不完整：7天中有1天探测少于20次，首页在2026-11-21至2026-11-27的139次探测中"
                      "失败6次，失败占比4.3%，未达5.0%；测量不足以判定是否单项否决")


def test_no_probes_is_not_applicable(factory: StoreFactory) -> None:
    with pytest.raises(NotApplicable, match="2026-11-21至2026-11-27没有首页 .* 的可访问性探测记录"):
        run_rule(factory.view(), "site-unreachable")


def test_single_failed_crawl_means_unreachable_when_crawled_not_vetoed(factory) -> None:
    add(factory, [{"agency": "a1", "url": HOME, "at": "2026-11-27T02:00:05+00:00", "ok": 0,
                   "status": None, "elapsed": 15.0, "error": "timeout", "origin": "crawl",
                   "run_id": factory.run_id}])
    finding, = run_rule(factory.view(), "site-unreachable")
    assert finding.field == "incomplete"
    ev = finding.evidence
    assert (ev["probes"], ev["failures"], ev["share"]) == (1, 1, 1.0)
    assert [d["probes"] for d in ev["incomplete_days"]] == [0, 0, 0, 0, 0, 0, 1]
    assert ev["observed_at"] == "2026-11-27T02:00:05+00:00"


def test_single_successful_crawl_is_not_applicable(factory: StoreFactory) -> None:
    add(factory, [{"agency": "a1", "url": HOME, "at": "2026-11-27T02:00:05+00:00", "ok": 1,
                   "status": 200, "elapsed": 0.3, "error": "", "origin": "crawl"}])
    status, reason = rule_outcome(factory.view(), "site-unreachable")
    assert status == "not-applicable"
    assert reason.startswith("监测不完整：7天中有7天探测少于20次，"
                             "首页在2026-11-21至2026-11-27的1次探测中失败0次")


def test_thresholds_come_from_the_profile_and_the_agency(tmp_path) -> None:
    factory = StoreFactory(tmp_path / "audit.db", as_of=AS_OF)
    factory.agency("a1", thresholds={"probe_min_per_day": 10})
    add(factory, week(per_day=10, failures=7))           # 7 / 70 = 10 %
    profile = {"thresholds": {"probe_failure_share": 0.1}}
    assert [f.field for f in run_rule(factory.view("a1", profile), "site-unreachable")] == [""]
    profile = {"thresholds": {"probe_failure_share": 0.11}}
    assert rule_outcome(factory.view("a1", profile), "site-unreachable") == ("ran", [])


def test_failed_probes_listed_are_capped_at_50_latest(factory: StoreFactory) -> None:
    add(factory, week(failures=60))
    ev = run_rule(factory.view(), "site-unreachable")[0].evidence
    assert len(ev["failed_probes"]) == 50 and ev["failed_probes_omitted"] == 10
    assert ev["failures"] == 60


def test_timestamps_with_z_and_naive_are_utc(factory: StoreFactory) -> None:
    rows = week(failures=7)
    rows[0]["at"] = "2026-11-21T00:00:00Z"
    rows[1]["at"] = "2026-11-21T01:12:00"
    add(factory, rows)
    assert run_rule(factory.view(), "site-unreachable")[0].evidence["probes"] == 140
