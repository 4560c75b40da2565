"""Run-to-run diff: findings matched by (rule, url, field) → 已整改 / 新增 / 仍存在, score change."""

from __future__ import annotations

import json

from click.testing import CliRunner
from reportfactory import add_run, finding, new_store

from commands.reporting import diff
from reports.diff import (
    checked_runs,
    compare_findings,
    diff_runs,
    finding_key,
    previous_run,
    runs_with_agency,
)
from reports.profiles import load_profile

U = "https://www.example.org/"


def two_runs(tmp_path):
    store = new_store(tmp_path / "a.db")
    first = [
        finding("link-broken", url=U + "gone", source=U + "p1", agency="jyj"),            # fixed
        finding("link-broken", url=U + "still", source=U + "p1", agency="jyj"),           # persists
        finding("column-stale", url=U + "tzgg/", field="notice", agency="jyj"),           # persists
        finding("meta-tag-missing", url=U, field="SiteName", agency="jyj"),               # fixed
        finding("home-stale", agency="wjw"),
    ]
    second = [
        finding("link-broken", url=U + "still", source=U + "p2", agency="jyj"),  # other source page: same
        finding("link-broken", url=U + "still", source=U + "p3", agency="jyj"),  # duplicate key
        finding("column-stale", url=U + "tzgg/", field="notice", agency="jyj"),
        finding("meta-tag-missing", url=U, field="SiteDomain", agency="jyj"),     # new: other field
        finding("home-link-broken", url=U + "new", agency="jyj"),                 # new
    ]
    r1 = add_run(store, {"jyj": "示例市教育局", "wjw": "示例市卫健委"}, first)
    r2 = add_run(store, {"jyj": "示例市教育局", "wjw": "示例市卫健委"}, second)
    return store, r1, r2


def test_key_ignores_run_and_source():
    a = {"run_id": 1, "rule": "link-broken", "url": U, "field": None, "source": "x"}
    b = {"run_id": 9, "rule": "link-broken", "url": U, "field": "", "source": "y"}
    assert finding_key(a) == finding_key(b) == ("link-broken", U, "")


def test_compare_exact_sets(tmp_path):
    store, r1, r2 = two_runs(tmp_path)
    [jyj] = diff_runs(store, load_profile("gov-website-2019"), agency="jyj")
    assert (jyj.from_run, jyj.to_run) == (r1, r2)
    keys = lambda rows: sorted(finding_key(f) for f in rows)  # noqa: E731
    assert keys(jyj.fixed) == [("link-broken", U + "gone", "internal"),
                               ("meta-tag-missing", U, "SiteName")]
    assert keys(jyj.new) == [("home-link-broken", U + "new", "internal"),
                             ("meta-tag-missing", U, "SiteDomain")]
    assert keys(jyj.persisting) == [("column-stale", U + "tzgg/", "notice"),
                                    ("link-broken", U + "still", "internal")]
    # gov-website-2019: run 1 = 0.2 + 1 + 0.1 → 98.7; run 2 = 1 + 0.2 (two link-broken rows) + 1 + 0.1 → 97.7
    assert (jyj.score_from, jyj.score_to, jyj.score_change) == (98.7, 97.7, -1.0)


def test_agency_missing_from_a_run_is_compared_with_its_own_last_runs(tmp_path):
    store, r1, r2 = two_runs(tmp_path)
    r3 = add_run(store, {"wjw": "示例市卫健委"}, [])          # jyj not in run 3
    assert runs_with_agency(store, "jyj") == [r1, r2]
    assert checked_runs(store) == {"jyj": [r1, r2], "wjw": [r1, r2, r3]}
    assert previous_run(store, "wjw", r3) == previous_run(store, "wjw", r3, checked_runs(store)) == r2
    assert previous_run(store, "jyj", r1) is None
    diffs = {d.agency: d for d in diff_runs(store, load_profile("gov-website-2019"))}
    assert (diffs["jyj"].from_run, diffs["jyj"].to_run) == (r1, r2)
    wjw = diffs["wjw"]
    assert (wjw.from_run, wjw.to_run) == (r2, r3)
    assert (len(wjw.fixed), len(wjw.new), len(wjw.persisting)) == (0, 0, 0)
    explicit = diff_runs(store, load_profile("gov-website-2019"), r1, r3)
    assert [d.agency for d in explicit] == ["wjw"]
    assert len(explicit[0].fixed) == 1 and explicit[0].passed_from is False and explicit[0].passed_to is True


def test_compare_findings_representatives():
    old = [{"rule": "r", "url": "u", "field": "", "detail": "old"}]
    new = [{"rule": "r", "url": "u", "field": "", "detail": "new"}] * 2
    fixed, added, persisting = compare_findings(old, new)
    assert (fixed, added) == ([], []) and persisting == [new[0]]


def test_diff_command_json_and_table(tmp_path):
    store, r1, r2 = two_runs(tmp_path)
    store.close()
    db = str(tmp_path / "a.db")
    result = CliRunner().invoke(diff, ["--db", db, "--from", str(r1), "--to", str(r2), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = {d["agency"]: d for d in json.loads(result.output)}
    assert data["jyj"]["counts"] == {"已整改": 2, "新增": 2, "仍存在": 2}
    assert data["wjw"]["counts"] == {"已整改": 1, "新增": 0, "仍存在": 0}
    table = CliRunner().invoke(diff, ["--db", db, "--agency", "jyj"])
    assert table.exit_code == 0 and "已整改" in table.output and "示例市教育局" in table.output
    assert "-1.0" in table.output
    bad = CliRunner().invoke(diff, ["--db", db, "--from", "1"])
    assert bad.exit_code == 2 and "--from needs --to" in bad.output
    bad = CliRunner().invoke(diff, ["--db", db, "--agency", "nope"])
    assert bad.exit_code == 2 and "nope" in bad.output
    bad = CliRunner().invoke(diff, ["--db", db, "--from", "1", "--to", "99"])
    assert bad.exit_code == 2 and "99" in bad.output
