"""``inspect`` shows what the content-safety detectors see, never a full number; profiles check
``wording_pairs``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from commands.inspect_cmd import inspect
from reports.profiles import ProfileError, load_profile, parse_profile
from tests.safetyfiles import make_id

ID = make_id("34010319900101123")


def test_inspect_safety_section_is_masked(tmp_path):
    page = tmp_path / "gs.html"
    page.write_text(
        "<html><head><title>中华人民共合国 公示</title></head><body>"
        f"<ul><li><a href='/a/{ID}.html'>张三 {ID} 13912345678</a></li></ul>"
        f"<table><tr><td>{ID}</td></tr></table>"
        "<div style='display:none'><a href='http://bet.example.org/'>百家乐</a></div></body></html>",
        encoding="utf-8")
    result = CliRunner().invoke(inspect, [str(page), "--url", "http://www.example.org/gs/1.html"])
    assert result.exit_code == 0, result.output
    assert ID not in result.output and "13912345678" not in result.output
    safety = json.loads(result.output)["safety"]
    assert safety["privacy"]["id_number"]["numbers"] == 1
    assert safety["privacy"]["id_number"]["samples"][0]["masked"] == ID[:4] + "*" * 10 + ID[-4:]
    assert [w["wrong"] for w in safety["wording"]] == ["中华人民共合国"]
    assert [h["target"] for h in safety["hidden_links"]] == ["http://bet.example.org/"]


def profile_text(pairs: str) -> str:
    base = (Path(__file__).resolve().parent.parent / "reports" / "profiles" / "gov-website-2019.yml")
    text = base.read_text(encoding="utf-8")
    return text.replace("thresholds:\n", f"thresholds:\n  wording_pairs: {pairs}\n", 1)


def test_profile_wording_pairs_are_checked():
    good = parse_profile(profile_text("[{wrong: 王示列, right: 王示例, source: 领导名单}]"), "my.yml")
    assert good["thresholds"]["wording_pairs"][0]["right"] == "王示例"
    with pytest.raises(ProfileError, match=r"my\.yml:\d+: thresholds\.wording_pairs: .*source"):
        parse_profile(profile_text("[{wrong: 王示列, right: 王示例}]"), "my.yml")
    with pytest.raises(ProfileError, match="must be a list"):
        parse_profile(profile_text("王示列"), "my.yml")


def test_bundled_profiles_veto_every_safety_rule():
    for name in ("gov-website-2019", "census-2015"):
        vetoed = {v["rule"] for v in load_profile(name)["vetoes"]}
        assert {"privacy-leak", "wording-error", "hidden-link", "external-link-hijacked"} <= vetoed


def test_agency_wording_pairs_are_checked(tmp_path):
    import subprocess
    import sys

    agencies = tmp_path / "agencies.yml"
    agencies.write_text("- id: aq\n  name: 示例\n  url: http://127.0.0.1:9/\n  thresholds:\n"
                        "    wording_pairs:\n      - {wrong: 王示列, right: 王示例}\n", encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, str(root / "cli.py"), "crawl", "--agencies", str(agencies),
                           "--db", str(tmp_path / "a.db")], capture_output=True, text=True, cwd=root)
    assert proc.returncode == 2
    assert "agency aq: thresholds: wording_pairs: entry 1 needs non-empty wrong, right" in proc.stderr
