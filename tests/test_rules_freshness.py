"""Freshness rules: column-stale, column-blank, home-stale."""

import datetime as dt

import pytest
from storefactory import StoreFactory, rule_outcome, run_rule

from checks.freshness.columns import WindowError, column_key
from crawler.vocabulary import window_start

D = dt.date.fromisoformat


@pytest.mark.parametrize("as_of, window, start", [
    ("2026-11-27", "14d", "2026-11-13"),
    ("2026-11-27", "2w", "2026-11-13"),
    ("2026-11-27", "6m", "2026-05-27"),
    ("2026-08-31", "6m", "2026-02-28"),
    ("2024-08-31", "6m", "2024-02-29"),
    ("2026-11-27", "1y", "2025-11-27"),
    ("2024-02-29", "1y", "2023-02-28"),
    ("2026-01-15", "3m", "2025-10-15"),
])
def test_window_start_uses_calendar_months(as_of, window, start):
    assert window_start(D(as_of), window) == D(start)


def test_bad_window_names_setting_and_value():
    with pytest.raises(WindowError, match="freshness_windows.news.*'2 weeks'"):
        window_start(D("2026-11-27"), "2 weeks", "freshness_windows.news")


@pytest.mark.parametrize("a, b", [
    ("https://x.gov.cn/tzgg/", "https://x.gov.cn/tzgg/index.html"),
    ("https://X.gov.cn/tzgg", "https://x.gov.cn/tzgg/index.shtml#top"),
])
def test_column_key_equates_index_pages(a, b):
    assert column_key(a) == column_key(b)


@pytest.fixture
def factory(tmp_path):
    f = StoreFactory(tmp_path / "a.db", as_of="2026-11-27")
    f.agency("a1")
    f.home("a1")
    return f


def add_column(f, url, column_type, dates, name="栏目", **extra):
    f.columns("a1", {"url": url, "name": name, "column_type": column_type, "items": len(dates),
                     **extra})
    f.items("a1", *({"column_url": url, "url": f"{url}{i}.html", "title": f"信息{i}", "date": d}
                    for i, d in enumerate(dates)))


@pytest.mark.parametrize("column_type, edge, over", [
    ("news", "2026-11-13", "2026-11-12"),
    ("notice", "2026-05-27", "2026-05-26"),
    ("policy", "2026-05-27", "2026-05-26"),
    ("personnel", "2025-11-27", "2025-11-26"),
    ("planning", "2025-11-27", "2025-11-26"),
])
def test_column_stale_window_boundaries(tmp_path, column_type, edge, over):
    for newest, stale in ((edge, False), (over, True)):
        f = StoreFactory(tmp_path / f"{column_type}{newest}.db", as_of="2026-11-27")
        f.agency("a1")
        add_column(f, "/col/", column_type, [newest, "2020-01-01"])
        findings = run_rule(f.view("a1"), "column-stale")
        assert bool(findings) is stale
        if stale:
            (finding,) = findings
            assert finding.field == column_type
            assert finding.url == "https://www.example.org/col/"
            assert finding.evidence["newest_item"]["date"] == over
            assert finding.evidence["newest_item"]["url"] == "https://www.example.org/col/0.html"
            assert over in finding.detail


def test_as_of_change_flips_column_verdict(factory):
    add_column(factory, "/dt/", "news", ["2026-11-01"])
    assert run_rule(factory.view("a1"), "column-stale")
    factory.set_as_of("2026-11-15")
    assert run_rule(factory.view("a1"), "column-stale") == []


def test_items_after_as_of_do_not_count(factory):
    add_column(factory, "/dt/", "news", ["2026-12-01", "2026-10-01"])
    factory.set_as_of("2026-11-27")
    (finding,) = run_rule(factory.view("a1"), "column-stale")
    assert finding.evidence["items_after_as_of"] == 1
    assert finding.evidence["newest_item"]["date"] == "2026-10-01"


def test_undated_items_count_as_not_updated(factory):
    add_column(factory, "/tzgg/", "notice", [None, None], name="通知公告")
    (finding,) = run_rule(factory.view("a1"), "column-stale")
    assert "无可用的发布日期" in finding.detail and finding.evidence["newest_item"] is None


def test_override_types_column_and_is_recorded(tmp_path):
    f = StoreFactory(tmp_path / "o.db", as_of="2026-11-27")
    f.agency("a1", columns={"https://www.example.org/gzdt/index.html": "news"})
    add_column(f, "/gzdt/", "other", ["2026-10-01"])
    (finding,) = run_rule(f.view("a1"), "column-stale")
    assert finding.field == "news" and finding.evidence["type_source"] == "override"


def test_override_to_other_stops_judging(tmp_path):
    f = StoreFactory(tmp_path / "o.db", as_of="2026-11-27")
    f.agency("a1", columns={"https://www.example.org/gzdt/": "other"})
    add_column(f, "/gzdt/", "news", ["2020-10-01"])
    add_column(f, "/tzgg/", "notice", ["2026-10-01"])
    assert run_rule(f.view("a1"), "column-stale") == []


def test_blank_and_other_columns_not_judged_stale(factory):
    add_column(factory, "/kong/", "news", [], blank=1, blank_text="暂无信息")
    add_column(factory, "/qt/", "other", ["2001-01-01"])
    assert run_rule(factory.view("a1"), "column-stale") == []


def test_custom_window_setting(factory):
    add_column(factory, "/dt/", "news", ["2026-11-01"])
    profile = {"thresholds": {"freshness_windows": {"news": "1m"}}}
    assert run_rule(factory.view("a1", profile), "column-stale") == []


def test_column_stale_not_applicable(factory):
    status, reason = rule_outcome(factory.view("a1"), "column-stale")
    assert status == "not-applicable" and "栏目" in reason
    add_column(factory, "/qt/", "other", ["2001-01-01"])
    status, reason = rule_outcome(factory.view("a1"), "column-stale")
    assert status == "not-applicable" and "other" in reason


def test_column_blank(factory):
    add_column(factory, "/kong/", "notice", [], name="通知公告", blank=1, blank_text="暂无信息")
    add_column(factory, "/dt/", "news", ["2026-11-20"])
    (finding,) = run_rule(factory.view("a1"), "column-blank")
    assert finding.url == "https://www.example.org/kong/"
    assert finding.evidence["blank_text"] == "暂无信息" and "暂无信息" in finding.detail


def test_column_blank_passes_and_not_applicable(factory):
    assert rule_outcome(factory.view("a1"), "column-blank")[0] == "not-applicable"
    add_column(factory, "/dt/", "news", ["2026-11-20"])
    assert run_rule(factory.view("a1"), "column-blank") == []


def home_items(f, *dates):
    home = f.homes["a1"]
    f.items("a1", *({"column_url": home, "page_url": home, "url": f"/art/{i}.html",
                     "title": f"要闻{i}", "date": d} for i, d in enumerate(dates)))


@pytest.mark.parametrize("newest, stale", [("2026-11-13", False), ("2026-11-12", True)])
def test_home_stale_boundary(factory, newest, stale):
    home_items(factory, newest, "2026-01-01")
    findings = run_rule(factory.view("a1"), "home-stale")
    assert bool(findings) is stale
    if stale:
        assert findings[0].url == "https://www.example.org/"
        assert findings[0].evidence["newest_item"]["date"] == newest


def test_home_stale_as_of_flip_and_setting(factory):
    home_items(factory, "2026-11-01")
    assert run_rule(factory.view("a1"), "home-stale")
    assert run_rule(factory.view("a1", {"thresholds": {"home_window": "1m"}}), "home-stale") == []
    factory.set_as_of("2026-11-10")
    assert run_rule(factory.view("a1"), "home-stale") == []


def test_home_with_no_dated_items_is_a_finding(factory):
    home_items(factory, None, None)
    (finding,) = run_rule(factory.view("a1"), "home-stale")
    assert "没有可用的发布日期" in finding.detail


def test_home_stale_not_applicable(tmp_path):
    f = StoreFactory(tmp_path / "h.db")
    f.agency("a1")
    assert rule_outcome(f.view("a1"), "home-stale")[0] == "not-applicable"
    f.home("a1", status=0, error="TimeoutError")
    status, reason = rule_outcome(f.view("a1"), "home-stale")
    assert status == "not-applicable" and "TimeoutError" in reason


def test_rules_declare_their_default_thresholds():
    from checks.registry import load_rules
    rules = load_rules()
    assert rules["home-stale"].options == {"home_window": "14d"}
    assert rules["column-stale"].options["freshness_windows"]["notice"] == "6m"
    assert "news 14d" in rules["column-stale"].defaults_text
    assert rules["doc-published-late"].options["publish_late_workdays"] == 20
    assert "01-31" in rules["annual-report-missing"].default
    for rule_id in ("column-stale", "column-blank", "home-stale"):
        doc = rules[rule_id].description
        assert "Why:" in doc and "Fix:" in doc, rule_id
