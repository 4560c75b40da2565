"""Golden tests of the scorecard arithmetic: caps, vetoes, the pass line, rounding, storage."""

from __future__ import annotations

import json

import pytest
from reportfactory import add_run, finding, new_store, status

from reports.profiles import load_profile, parse_profile
from reports.scoring import compute_scorecards, ranked, round_score, score_agency

PROFILE = parse_profile("""
name: golden
title: 金标准
follows: "[D]"
pass_line: 60
total: 100
thresholds: {}
vetoes:
  - {id: home-stale, title: 首页不更新, rule: home-stale, min: 1, source: 指标2019}
  - {id: key-columns, title: 重点栏目不更新, rule: column-stale, fields: [news, notice], min: 2,
     source: 指标2019}
  - {id: blank-pages, title: 空白栏目, rule: column-blank, min: 2, count: urls, source: "[D]"}
indicators:
  - group: 甲
    points: 50
    source: "[D]"
    items:
      - name: 链接可用性
        points: 10
        source: "[D]"
        deductions:
          - {rule: home-link-broken, each: 1, source: "[D]"}
          - {rule: link-broken, each: 0.1, source: "[D]"}
      - name: 政策文件
        points: 40
        source: "[D]"
        deductions:
          - {rule: doc-number-missing, each: 2.5, source: "[D]"}
          - {rule: doc-pub-date-missing, each: 0.05, max: 1, source: "[D]"}
  - group: 乙
    points: 50
    source: "[D]"
    items:
      - name: 栏目更新
        points: 5
        source: "[D]"
        deductions:
          - {rule: column-stale, fields: [personnel], each: 1, source: "[D]"}
""", "golden.yml")


def many(rule: str, n: int, **kw) -> list[dict]:
    return [finding(rule, url=f"https://www.example.org/{rule}/{i}", **kw) for i in range(n)]


def card_for(findings: list[dict], statuses: list[dict] = ()):
    return score_agency(findings, list(statuses), PROFILE, "a1", "单位甲")


def test_no_findings_full_marks():
    card = card_for([])
    assert (card.score, card.passed, card.verdict, card.vetoes) == (100.0, True, "合格", [])
    assert card.deducted == 0


def test_tenths_are_exact():
    card = card_for(many("link-broken", 3))
    assert card.score == 99.7
    links = card.indicators[0]
    assert (links.raw, links.deducted, links.capped) == (pytest.approx(0.3), 0.3, False)
    assert links.lines[0].count == 3 and links.lines[0].points == pytest.approx(0.3)


def test_indicator_cap():
    card = card_for(many("home-link-broken", 8) + many("link-broken", 30))
    links = card.indicators[0]
    assert (links.raw, links.deducted, links.capped) == (11.0, 10.0, True)
    assert card.score == 90.0


def test_line_max():
    card = card_for(many("doc-pub-date-missing", 30))
    assert card.indicators[1].lines[0].points == 1.0
    assert card.score == 99.0


def test_pass_line_exactly_60_passes():
    card = card_for(many("doc-number-missing", 16))
    assert (card.score, card.passed) == (60.0, True)


def test_below_pass_line_fails():
    card = card_for(many("doc-number-missing", 16) + many("link-broken", 1))
    assert (card.score, card.passed, card.verdict) == (59.9, False, "不合格")


def test_rounding_half_up_decides_on_printed_score():
    # 100 − 40 − 0.05 = 59.95 → 60.0 (half-up), and the printed 60.0 is 合格
    card = card_for(many("doc-number-missing", 16) + many("doc-pub-date-missing", 1))
    assert (card.score, card.passed) == (60.0, True)
    # 100 − 0.15 = 99.85 → 99.9; 100 − 0.05 → 100.0
    assert card_for(many("doc-pub-date-missing", 3)).score == 99.9
    assert card_for(many("doc-pub-date-missing", 1)).score == 100.0
    from decimal import Decimal
    assert round_score(Decimal("59.94")) == 59.9 and round_score(Decimal("59.95")) == 60.0


def test_veto_overrides_points_and_carries_evidence():
    stale = finding("home-stale", detail="首页最新信息为 2026-10-01")
    card = card_for([stale])
    assert card.score == 100.0 and card.passed is False and card.verdict == "不合格"
    [veto] = card.vetoes
    assert (veto.id, veto.count, veto.min) == ("home-stale", 1, 1)
    assert veto.findings[0]["detail"] == "首页最新信息为 2026-10-01"


def test_veto_field_filter_and_minimum():
    personnel = many("column-stale", 5, field="personnel")
    assert card_for(personnel + many("column-stale", 1, field="news")).vetoes == []
    news, notice = many("column-stale", 1, field="news"), many("column-stale", 1, field="notice")
    card = card_for(personnel + news + notice)
    [veto] = card.vetoes
    assert veto.id == "key-columns" and veto.count == 2
    assert {f["field"] for f in veto.findings} == {"news", "notice"}
    # the personnel ones are deducted (5 × 1, cap 5), the news/notice ones are not in that line
    assert card.indicators[2].deducted == 5.0 and card.score == 95.0


def test_veto_count_by_distinct_urls():
    same = [finding("column-blank", url="https://www.example.org/c/") for _ in range(3)]
    assert card_for(same).vetoes == []
    two = same + [finding("column-blank", url="https://www.example.org/d/")]
    assert [v.id for v in card_for(two).vetoes] == ["blank-pages"]


def test_suspect_findings_are_listed_not_scored():
    card = card_for(many("link-broken", 5, status="suspect") + [finding("home-stale", status="suspect")])
    assert (card.score, card.passed, card.findings, card.unscored) == (100.0, True, 6, 6)
    assert card.families == {"freshness": 1, "links": 5}


def test_not_applicable_listed_with_reason():
    card = card_for([], [status("a1", "annual-report-missing", reason="未找到年报栏目"),
                         status("a1", "link-broken", state="ran")])
    assert card.not_applicable == [{"rule": "annual-report-missing", "title": "年报未发布",
                                    "reason": "未找到年报栏目"}]


def test_ranking_vetoed_last_and_ties_share_rank():
    cards = [score_agency(f, [], PROFILE, a, a) for a, f in [
        ("b", many("link-broken", 1)), ("a", many("link-broken", 1)), ("c", []),
        ("d", [finding("home-stale")])]]
    assert [(rank, c.agency) for rank, c in ranked(cards)] == [(1, "c"), (2, "a"), (2, "b"), (4, "d")]


def test_same_findings_score_differently_under_bundled_profiles():
    findings = many("home-link-broken", 3) + many("link-broken", 20) + many("doc-number-missing", 4)
    gov = score_agency(findings, [], load_profile("gov-website-2019"))
    census = score_agency(findings, [], load_profile("census-2015"))
    assert gov.score == 100 - (3 + 2) - 4 * 0.5       # 93.0
    assert census.score == 100 - (3 + 2) - 4 * 0.3    # 93.8
    assert gov.score != census.score


def test_compute_scorecards_stores_and_rescores_without_crawl(tmp_path):
    store = new_store(tmp_path / "a.db")
    run_id = add_run(store, {"a1": "单位甲", "a2": "单位乙"},
                     many("link-broken", 3) + [finding("home-stale", agency="a2")])
    gov = load_profile("gov-website-2019")
    cards = {c.agency: c for c in compute_scorecards(store, run_id, gov)}
    assert cards["a1"].score == 99.7 and cards["a1"].passed
    assert cards["a2"].passed is False and cards["a2"].name == "单位乙"
    compute_scorecards(store, run_id, gov)                       # replaced, not duplicated
    compute_scorecards(store, run_id, load_profile("census-2015"))
    rows = list(store.query("select * from scorecards order by profile, agency"))
    assert [(r["profile"], r["agency"]) for r in rows] == [
        ("census-2015", "a1"), ("census-2015", "a2"), ("gov-website-2019", "a1"), ("gov-website-2019", "a2")]
    a2 = rows[3]
    assert a2["passed"] == 0 and json.loads(a2["vetoes"])[0]["id"] == "home-stale"
    assert json.loads(rows[2]["families"]) == {"links": 3}


def test_scores_command_formats(tmp_path):
    import csv
    import io

    from click.testing import CliRunner

    from commands.reporting import report, scores

    store = new_store(tmp_path / "a.db")
    add_run(store, {"a1": "单位甲"}, [])
    run_id = add_run(store, {"a1": "单位甲", "a2": "单位乙"},
                     many("home-link-broken", 3) + [finding("home-stale", agency="a2")])
    store.close()
    db = str(tmp_path / "a.db")
    runner = CliRunner()
    table = runner.invoke(scores, ["--db", db])
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert lines[0].split()[:5] == ["排名", "单位", "得分", "结论", "单项否决"]
    assert lines[2].split()[:4] == ["1", "单位甲", "97.0", "合格"]
    assert lines[3].split()[:5] == ["2", "单位乙", "100.0", "不合格", "首页不更新（2周内无新信息）"]
    args = ["--db", db, "--format", "json", "--profile", "census-2015"]
    data = json.loads(runner.invoke(scores, args).output)
    assert [(d["rank"], d["agency"], d["score"], d["run_id"]) for d in data] == [
        (1, "a1", 97.0, run_id), (2, "a2", 100.0, run_id)]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(scores, ["--db", db, "--format", "csv",
                                                                  "--run", "1"]).output)))
    assert [(r["agency"], r["score"], r["passed"]) for r in rows] == [("a1", "100.0", "1")]
    missing = runner.invoke(scores, ["--db", db, "--run", "7"])
    assert missing.exit_code == 2 and "7" in missing.output
    out = tmp_path / "rep"
    made = runner.invoke(report, ["--db", db, "--out", str(out), "--profile", "census-2015"])
    assert made.exit_code == 0, made.output
    assert (out / "index.html").exists() and (out / "a2.html").exists() and "报告" in made.output
