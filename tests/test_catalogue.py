"""The registry is the only catalogue: README table, ``cli.py rules`` and the profiles agree with it."""

from __future__ import annotations

import ast
import json
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import checks
from checks import catalogue
from checks.registry import FAMILIES, REGISTRY, declared_options, load_rules
from reports.model import FAMILY_COLORS, family_color
from reports.profiles import PROFILE_DIR, ProfileError, available_profiles, load_profile, parse_profile
from reports.scoring import UNCHECKED, score_agency

ROOT = Path(__file__).resolve().parent.parent
CHECKS = ROOT / "checks"


def run_cli(*args: str):
    import cli
    return CliRunner().invoke(cli.cli, list(args))


def test_readme_rule_table_is_generated_from_the_registry():
    catalogue.check_readme(ROOT / "README.md")


def test_stale_readme_is_detected(tmp_path):
    readme = tmp_path / "README.md"
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    readme.write_text(text.replace("| `link-broken` |", "| `link-broken-old` |"), encoding="utf-8")
    with pytest.raises(catalogue.StaleReadme, match="stale"):
        catalogue.check_readme(readme)


def test_cli_rules_prints_the_registry():
    markdown = run_cli("rules", "--format", "markdown")
    assert markdown.exit_code == 0
    assert markdown.output.strip() == catalogue.markdown_table()
    assert catalogue.markdown_table() in (ROOT / "README.md").read_text(encoding="utf-8")
    records = json.loads(run_cli("rules", "--format", "json").output)
    assert [r["id"] for r in records] == [r.id for r in catalogue.catalogue()]
    assert {r["id"] for r in records} == set(load_rules())
    table = run_cli("rules").output.splitlines()
    assert [line.split()[0] for line in table] == [r["id"] for r in records]


@pytest.mark.parametrize("name", available_profiles())
def test_bundled_profiles_name_only_registered_rules_and_declared_options(name):
    profile = load_profile(name)
    rules, options = load_rules(), declared_options()
    named = {v["rule"] for v in profile["vetoes"]}
    named |= {d["rule"] for g in profile["indicators"] for i in g["items"] for d in i["deductions"]}
    assert named <= set(rules)
    assert set(profile["thresholds"]) <= set(options)


def _setting_keys(path: Path) -> set[str]:
    """Keys passed to ``view.setting("key", …)`` in one module."""
    keys = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setting" and node.args
                and isinstance(node.args[0], ast.Constant)):
            keys.add(node.args[0].value)
    return keys


def test_every_option_is_declared_by_and_read_by_its_rule():
    read_anywhere: set[str] = set()
    for rule_def in load_rules().values():
        family_dir = CHECKS / rule_def.family
        module = ROOT / catalogue.rule_file(rule_def)
        own = _setting_keys(module) | {k for p in family_dir.glob("*.py") if p != module
                                        and p.stem.replace("_", "-") not in REGISTRY
                                        for k in _setting_keys(p)}
        for option in rule_def.options:
            assert option in own, f"{rule_def.id} declares {option} but never reads it"
    for path in CHECKS.rglob("*.py"):
        read_anywhere |= _setting_keys(path)
    assert read_anywhere <= set(declared_options()), read_anywhere - set(declared_options())


def test_every_rule_declares_its_inputs_and_documents_itself():
    for rule_def in load_rules().values():
        assert rule_def.reads, rule_def.id
        assert rule_def.module == f"checks.{rule_def.family}.{rule_def.id.replace('-', '_')}"
        assert "Why" in rule_def.description and "fix" in rule_def.description.lower(), rule_def.id


def _profile_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (PROFILE_DIR / "gov-website-2019.yml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "mine.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_profile_naming_an_unregistered_rule_exits_2_with_file_and_line(tmp_path):
    path = _profile_with(tmp_path, "{rule: link-broken,", "{rule: no-such-rule,")
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("- {rule: no-such-rule,"))
    result = run_cli("check", "--db", str(tmp_path / "none.db"), "--profile", str(path))
    assert result.exit_code == 2
    assert f"mine.yml:{line}:" in result.output and "unknown rule id 'no-such-rule'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_profile_setting_an_option_no_rule_reads_is_rejected(tmp_path):
    path = _profile_with(tmp_path, "  publish_late_workdays: 20", "  no_such_option: 15\n"
                                                                 "  publish_late_workdays: 20")
    with pytest.raises(ProfileError, match=r"mine\.yml:\d+: thresholds\.no_such_option\S*: "
                                           r"unknown option 'no_such_option'"):
        load_profile(str(path))


def test_option_values_are_checked_by_the_declared_default():
    base = """name: t\ntitle: t\nfollows: t\npass_line: 5\ntotal: 10\nvetoes: []
indicators:\n  - {group: 甲, points: 10, source: "[D]", items: []}\nthresholds:\n"""
    for bad in ("  probe_failure_share: 2\n", "  publish_late_workdays: 2.5\n", "  home_window: 2 weeks\n",
                "  freshness_windows: {daily: 1d}\n", "  probe_timeout_s: -1\n"):
        with pytest.raises(ProfileError):
            parse_profile(base + bad, "t.yml")
    assert parse_profile(base + "  probe_timeout_s: 7.5\n  home_window: 3w\n", "t.yml")["thresholds"]


def _card(profile: dict, findings: list[dict]):
    return score_agency(findings, [], profile, "a1", "示例")


@pytest.mark.parametrize("name", available_profiles())
def test_incomplete_site_unreachable_is_no_veto_in_bundled_profiles(name):
    profile = load_profile(name)
    incomplete = {"rule": "site-unreachable", "family": "availability", "url": "https://www.example.org/",
                  "field": "incomplete", "status": "open"}
    complete = dict(incomplete, field="")
    assert not [v for v in _card(profile, [incomplete]).vetoes if v.rule == "site-unreachable"]
    assert [v.id for v in _card(profile, [complete]).vetoes] == ["site-unreachable"]


def test_exclude_fields_on_a_deduction_line():
    profile = parse_profile("""name: t\ntitle: t\nfollows: t\npass_line: 5\ntotal: 10\nthresholds: {}
vetoes: []
indicators:
  - group: 甲
    points: 10
    source: "[D]"
    items:
      - name: 链接
        points: 9.5
        source: "[D]"
        deductions:
          - {rule: link-broken, each: 1, exclude_fields: [external], source: "[D]"}
      - name: 解读
        points: 0.5
        source: "[D]"
        deductions: []
""", "t.yml")
    findings = [{"rule": "link-broken", "field": f, "url": f"u{f}"} for f in ("internal", "external")]
    card = _card(profile, findings)
    assert card.score == 9.0 and card.indicators[0].deducted == 1.0
    assert any(i.name == "解读" + UNCHECKED for i in card.indicators)


@pytest.fixture
def extra_family(tmp_path, monkeypatch):
    """A family folder another helper might add: checks/watch/ with one rule and no registry edit."""
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "__init__.py").write_text('"""留言办理: a family added as a folder."""\n', encoding="utf-8")
    (folder / "reply_watch.py").write_text(textwrap.dedent('''
        from checks.registry import rule

        @rule(id="reply-watch", family="watch", title="留言监测", ref="[D]", reads=("pages",),
              options={"reply_watch_days": 5})
        def reply_watch(view):
            """Test rule. Why: a family folder must be found. Fix: nothing."""
            yield from ()
    '''), encoding="utf-8")
    monkeypatch.setattr(checks, "__path__", [*checks.__path__, str(tmp_path)])
    yield
    REGISTRY.pop("reply-watch", None)
    FAMILIES.pop("watch", None)
    for name in [m for m in sys.modules if m.startswith("checks.watch")]:
        del sys.modules[name]


def test_a_new_family_folder_is_discovered_titled_and_coloured(extra_family):
    rules = load_rules()
    assert rules["reply-watch"].family == "watch"
    assert FAMILIES["watch"] == "留言办理"
    assert "reply_watch_days" in declared_options()
    assert "watch" not in FAMILY_COLORS and family_color("watch").startswith("#")
    assert len(family_color("watch")) == 7
    assert "`reply-watch`" in catalogue.markdown_table()


def test_agency_threshold_no_rule_declares_is_an_input_error(tmp_path):
    agencies = tmp_path / "agencies.yml"
    agencies.write_text("- id: a1\n  name: 示例局\n  url: http://127.0.0.1:9/\n"
                        "  thresholds: {no_such_option: 10}\n", encoding="utf-8")
    result = run_cli("crawl", "--agencies", str(agencies), "--db", str(tmp_path / "a.db"))
    assert result.exit_code == 2
    assert "agency a1: thresholds: unknown option 'no_such_option'" in result.output
