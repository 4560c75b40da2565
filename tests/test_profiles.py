"""Scoring profiles: bundled ones load, every number has a source, errors name file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from commands.reporting import scores
from reports.profiles import (
    PROFILE_DIR,
    SOURCES,
    ProfileError,
    available_profiles,
    load_profile,
    parse_profile,
)

BUNDLED = ["census-2015", "gov-website-2019"]


def test_bundled_profiles_load():
    assert available_profiles() == BUNDLED
    gov = load_profile("gov-website-2019")
    assert gov["follows"] == "指标2019"
    assert [g["group"] for g in gov["indicators"]] == ["发布解读", "办事服务", "互动交流", "功能设计"]
    assert [g["points"] for g in gov["indicators"]] == [40, 25, 15, 20]
    assert gov["pass_line"] == 60 and gov["total"] == 100
    assert gov["thresholds"]["freshness_windows"] == {
        "news": "14d", "notice": "6m", "policy": "6m", "personnel": "1y", "planning": "1y"}
    assert gov["thresholds"]["home_window"] == "14d"
    assert gov["thresholds"]["publish_late_workdays"] == 20
    assert gov["thresholds"]["probe_failure_share"] == 0.05
    vetoes = {v["id"]: v for v in gov["vetoes"]}
    assert vetoes["column-stale-key"]["fields"] == ["news", "notice", "policy"]
    assert vetoes["column-stale-key"]["min"] == 5
    assert vetoes["column-stale-any"]["min"] == 10
    assert vetoes["column-blank"]["min"] == 5
    assert {v["rule"] for v in gov["vetoes"]} >= {"home-stale", "site-unreachable"}
    census = load_profile("census-2015")
    assert census["follows"] == "普查2015"


@pytest.mark.parametrize("name", BUNDLED)
def test_every_number_has_a_source(name):
    profile = load_profile(name)
    for veto in profile["vetoes"]:
        assert veto["source"] in SOURCES
    for group in profile["indicators"]:
        assert group["source"] in SOURCES
        for item in group["items"]:
            assert item["source"] in SOURCES
            assert all(line["source"] in SOURCES for line in item["deductions"])
    # top-level numbers and thresholds carry their source as a comment on the same line
    text = (PROFILE_DIR / f"{name}.yml").read_text(encoding="utf-8")
    block = text.split("thresholds:", 1)[1].split("vetoes:", 1)[0]
    numbered = [line for line in block.splitlines() if re.search(r":\s*[0-9]", line)]
    assert numbered and all("#" in line for line in numbered)
    for key in ("pass_line", "total"):
        line = next(line for line in text.splitlines() if line.startswith(f"{key}:"))
        assert "#" in line


def test_path_to_edited_copy(tmp_path):
    text = (PROFILE_DIR / "gov-website-2019.yml").read_text(encoding="utf-8")
    copy = tmp_path / "mine.yml"
    copy.write_text(text.replace("name: gov-website-2019", "name: my-team").replace(
        "pass_line: 60 ", "pass_line: 70 "), encoding="utf-8")
    profile = load_profile(str(copy))
    assert profile["name"] == "my-team" and profile["pass_line"] == 70
    assert profile["path"] == str(copy)


def _bad(tmp_path: Path, old: str, new: str) -> str:
    text = (PROFILE_DIR / "gov-website-2019.yml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(str(path))
    return str(info.value)


def _line_of(tmp_path: Path, needle: str) -> int:
    lines = (tmp_path / "bad.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_unknown_rule_id_names_file_and_line(tmp_path):
    message = _bad(tmp_path, "{rule: link-broken,", "{rule: link-brokn,")
    assert message.startswith(f"{tmp_path / 'bad.yml'}:{_line_of(tmp_path, 'link-brokn')}:")
    assert "unknown rule id 'link-brokn'" in message


def test_bad_number_names_line(tmp_path):
    message = _bad(tmp_path, "each: 0.1, source", "each: lots, source")
    assert f"bad.yml:{_line_of(tmp_path, 'each: lots')}:" in message
    assert "must be a number" in message


def test_negative_and_boolean_numbers(tmp_path):
    assert "greater than 0" in _bad(tmp_path, "min: 5\n", "min: -5\n")
    assert "whole number" in _bad(tmp_path, "publish_late_workdays: 20", "publish_late_workdays: yes")
    assert "at most 1" in _bad(tmp_path, "probe_failure_share: 0.05", "probe_failure_share: 5")


def test_bad_duration(tmp_path):
    message = _bad(tmp_path, "news: 14d", "news: two weeks")
    assert f"bad.yml:{_line_of(tmp_path, 'two weeks')}:" in message and "duration" in message


def test_unknown_key_names_line(tmp_path):
    message = _bad(tmp_path, "follows: 指标2019\n", "follows: 指标2019\nweights: 3\n")
    assert f"bad.yml:{_line_of(tmp_path, 'weights: 3')}:" in message and "unknown key 'weights'" in message
    message = _bad(tmp_path, "    rule: home-stale\n", "    rule: home-stale\n    minimum: 2\n")
    assert f"bad.yml:{_line_of(tmp_path, 'minimum: 2')}:" in message


def test_missing_source_and_unknown_source(tmp_path):
    with_source = "{rule: link-broken, each: 0.1, fields: [internal, attachment], source: \"[D]\"}"
    without = "{rule: link-broken, each: 0.1, fields: [internal, attachment]}"
    assert "missing key 'source'" in _bad(tmp_path, with_source, without)
    assert "unknown source" in _bad(tmp_path, "source: 指标2019\n", "source: 我说的\n")


def test_points_must_add_up(tmp_path):
    assert "group points add up to 105" in _bad(tmp_path, "points: 25\n", "points: 30\n")
    assert "more than the group's" in _bad(tmp_path, "      - name: 链接可用性\n        points: 10",
                                           "      - name: 链接可用性\n        points: 30")


def test_yaml_syntax_and_duplicate_keys(tmp_path):
    assert re.search(r"bad\.yml:\d+: invalid YAML", _bad(tmp_path, "title: 政府网站检查指标（2019）",
                                                         "title: [unclosed"))
    message = _bad(tmp_path, "total: 100", "total: 100\ntotal: 90")
    assert f"bad.yml:{_line_of(tmp_path, 'total: 90')}: duplicate key 'total'" in message


def test_unknown_profile_name_and_missing_file():
    with pytest.raises(ProfileError, match="unknown profile .*gov-website-2019"):
        load_profile("nope")
    with pytest.raises(ProfileError, match="not found"):
        load_profile("/nonexistent/p.yml")


def test_parse_profile_minimal():
    profile = parse_profile("""
name: t
title: 测试
follows: "[D]"
pass_line: 6
total: 10
thresholds: {}
vetoes: []
indicators:
  - {group: 甲, points: 10, source: "[D]", items: []}
""", "t.yml")
    assert profile["total"] == 10


def test_cli_turns_profile_error_into_exit_2(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("name: x\n", encoding="utf-8")
    db = tmp_path / "a.db"
    from crawler.store import Store
    Store(db).close()
    result = CliRunner().invoke(scores, ["--db", str(db), "--profile", str(bad)])
    assert result.exit_code == 2
    assert "bad.yml:1" in result.output and "missing key" in result.output
