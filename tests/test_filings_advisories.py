"""Listed, not scored: 报备 windows of the agencies file, the task window (--window) and 预警 warnings.

A filed maintenance window turns the freshness findings observed inside it and a site-unreachable
verdict made of probes inside it into 报备期内 rows; the task window moves findings observed outside
it apart; the profile's warning thresholds raise 预警 before a veto. All of them are listed on the
agency page and in 问题清单.xlsx, none of them costs a point.
"""

from __future__ import annotations

import json

import pytest
from lxml import html
from openpyxl import load_workbook
from reportfactory import HOME, add_run, finding, new_store

from checks.filings import apply_filings
from crawler.agencies import AgencyConfigError, parse_agencies
from crawler.store import dumps, loads
from reports.profiles import ProfileError, load_profile, parse_profile
from reports.render import write_reports
from reports.scoring import compute_scorecards

FILING = [{"from": "2026-11-20", "to": "2026-11-22", "reason": "网站迁移"}]


def stale(url: str, observed: str) -> dict:
    return finding("column-stale", url=url, field="news", agency="jyj",
                   evidence={"newest_item": {"title": "旧闻", "date": "2026-10-01"}, "window": "14d",
                             "observed_at": observed})


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "a.db")
    run_id = add_run(store, {"jyj": "示例市教育局"}, [
        stale(f"{HOME}gzdt/", "2026-11-21T03:00:00+00:00"),          # 11:00 北京时间, inside the filing
        stale(f"{HOME}tpxw/", "2026-11-25T03:00:00+00:00"),          # after it
        finding("link-broken", url=f"{HOME}old.htm", agency="jyj",
                evidence={"status": 404, "observed_at": "2026-11-21T03:00:00+00:00"}),
        finding("site-unreachable", agency="jyj", evidence={
            "window": {"start": "2026-11-21T00:00:00+00:00", "end": "2026-11-28T00:00:00+00:00"},
            "threshold": 0.05, "share": 0.2, "observed_at": "2026-11-27T00:00:00+00:00"}),
    ])
    store.db.execute("update agencies set config = ? where id = 'jyj'",
                     [dumps({"filings": FILING})])
    probes = [{"agency": "jyj", "url": HOME, "at": f"2026-11-{day:02d}T0{hour}:00:00+00:00",
               "ok": int(not (day == 21 and hour < 4)), "status": 200, "origin": "probe", "run_id": run_id}
              for day in range(21, 28) for hour in range(5)]
    store.insert_many("probes", probes)
    store.run_id = run_id
    return store


def statuses(store) -> dict[str, str]:
    return {f"{r['rule']} {r['url']}": r["status"] for r in store.query("select * from findings")}


def test_filed_window_sets_freshness_and_unreachable_apart(store):
    assert apply_filings(store, store.run_id) == {"filed": 2}
    assert statuses(store) == {
        f"column-stale {HOME}gzdt/": "filed", f"column-stale {HOME}tpxw/": "open",
        f"link-broken {HOME}old.htm": "open", f"site-unreachable {HOME}": "filed"}
    unreachable = next(store.query("select evidence from findings where rule = 'site-unreachable'"))
    measured = loads(unreachable["evidence"])["without_filed"]
    # the window is 北京时间: 11-20 00:00 to 11-23 00:00 = UTC 11-19 16:00 to 11-22 16:00
    assert measured == {"probes": 25, "failures": 0, "share": 0.0, "filed_probes": 10}
    card = compute_scorecards(store, store.run_id, load_profile())[0]
    assert not card.vetoes and card.unscored == 2 and card.findings == 4


def test_filed_rows_are_listed_on_the_page_and_in_the_workbook(store, tmp_path):
    apply_filings(store, store.run_id)
    out = tmp_path / "out"
    write_reports(store, store.run_id, out, "gov-website-2019")
    doc = html.fromstring((out / "jyj.html").read_text(encoding="utf-8"))
    apart = doc.get_element_by_id("set-apart")
    assert "报备期内" in apart.text_content()
    rows = apart.getnext().getnext().xpath(".//tr[@class='finding']")
    assert len(rows) == 2 and all("报备期内，不计分" in r.text_content() for r in rows)
    listed = doc.xpath("//h3[starts-with(@id, 'family-')]")
    assert [h.text_content() for h in listed] == ["链接可用性（1）", "信息更新（1）"]
    sheet = load_workbook(out / "问题清单.xlsx")["示例市教育局"]
    scoring = [r[8] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(scoring) == ["报备期内，不计分", "报备期内，不计分", "计分", "计分"]
    data = json.loads((out / "jyj.json").read_text(encoding="utf-8"))
    assert sorted(f["status"] for f in data["findings"]) == ["filed", "filed", "open", "open"]


def test_task_window_sets_observations_outside_it_apart(store):
    settings = {"task_window": {"from": "2026-11-24", "to": "2026-11-30"}}
    store.set_run(store.run_id, settings=json.dumps(settings))
    assert apply_filings(store, store.run_id) == {"outside-window": 2, "filed": 1}
    got = statuses(store)
    assert got[f"column-stale {HOME}gzdt/"] == "outside-window"
    assert got[f"link-broken {HOME}old.htm"] == "outside-window"
    assert got[f"column-stale {HOME}tpxw/"] == "open"


def test_agencies_file_filings_are_validated():
    good = parse_agencies("- {id: a, name: 甲, url: 'https://a.example.org/', "
                          "filings: [{from: 2026-11-20, to: '2026-11-22 18:00', reason: 维护}]}")
    assert good[0].filings == [{"from": "2026-11-20", "to": "2026-11-22 18:00", "reason": "维护"}]
    for bad, message in [("[{from: 2026-11-22, to: 2026-11-20}]", "'to' is before 'from'"),
                         ("[{from: 2026-11-20}]", "needs 'from' and 'to'"),
                         ("[{from: yesterday, to: 2026-11-20}]", "is not a date"),
                         ("{from: 2026-11-20}", "must be a list")]:
        with pytest.raises(AgencyConfigError) as exc:
            parse_agencies(f"- {{id: a, name: 甲, url: 'https://a.example.org/', filings: {bad}}}", "a.yml")
        assert str(exc.value).startswith("a.yml: entry 1 (id=a): field 'filings': ")
        assert message in str(exc.value)


def test_warning_thresholds_raise_advisories_before_the_veto(tmp_path):
    store = new_store(tmp_path / "w.db")
    run_id = add_run(store, {"jyj": "示例市教育局"}, [
        finding("column-blank", url=f"{HOME}c{i}/", field="news", agency="jyj") for i in range(3)])
    store.insert_many("pages", [{"run_id": run_id, "agency": "jyj", "url": HOME, "is_home": 1,
                                 "status": 200}])
    store.insert_many("list_items", [{"run_id": run_id, "agency": "jyj", "column_url": HOME,
                                      "url": f"{HOME}a{i}.html", "title": "要闻", "date": date, "position": i}
                                     for i, date in enumerate(["2026-11-15", "2026-11-02"])])
    profile = load_profile()
    card = compute_scorecards(store, run_id, profile)[0]
    assert not card.vetoes                                  # 3 blank columns: the veto needs 5
    out = tmp_path / "out"
    write_reports(store, run_id, out, profile)
    data = json.loads((out / "jyj.json").read_text(encoding="utf-8"))
    raised = {a["id"]: a for a in data["advisories"] if a["raised"]}
    assert set(raised) == {"blank-columns", "home-quiet"}
    assert raised["home-quiet"]["value"] == 12 and raised["blank-columns"]["value"] == 3
    assert len(raised["blank-columns"]["findings"]) == 3
    unmeasured = {a["id"]: a["not_applicable"] for a in data["advisories"] if a["not_applicable"]}
    assert set(unmeasured) == {"probe-failure-share", "reply-near-deadline"}
    page = html.fromstring((out / "jyj.html").read_text(encoding="utf-8"))
    shown = [d.text_content() for d in page.find_class("advisory")]
    assert len(shown) == 2 and any("空白栏目预警" in s and "3 项" in s for s in shown)
    assert page.xpath("//span[@class='score']")[0].text_content() == "%.1f" % card.score
    sheet = load_workbook(out / "问题清单.xlsx")["预警"]
    assert [r[1] for r in sheet.iter_rows(min_row=2, values_only=True)] == [
        "首页更新预警（10天无新信息）", "空白栏目预警（超过2个）"]


def test_bad_warning_is_rejected_with_file_and_line():
    text = (load_profile.__globals__["PROFILE_DIR"] / "gov-website-2019.yml").read_text(encoding="utf-8")
    broken = text.replace("metric: home_days_without_news", "metric: home_days_silent")
    with pytest.raises(ProfileError) as exc:
        parse_profile(broken, "my.yml")
    line = broken.splitlines().index("    metric: home_days_silent") + 1
    assert str(exc.value).startswith(f"my.yml:{line}: warnings.1.metric: unknown metric 'home_days_silent'")


def test_every_metric_a_profile_may_name_is_measured():
    from reports.advisories import METRICS
    from reports.profiles import WARNING_METRICS
    assert set(METRICS) == set(WARNING_METRICS)
