"""The README documents every command, every option a user can type, and every rule id."""

from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def cli_group() -> click.Group:
    import cli
    return cli.cli


def test_readme_opens_with_the_two_commands():
    head = README[:1500]
    assert "make demo" in head and "make test" in head


@pytest.mark.parametrize("name", sorted(cli_group().commands))
def test_every_command_and_option_is_documented(name):
    command = cli_group().commands[name]
    assert f"cli.py {name}" in README, f"command {name} missing from README"
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert opt in README, f"option {opt} of {name} missing from README"


def test_every_rule_is_documented():
    from checks.registry import load_rules
    for rule_id, rule in load_rules().items():
        assert f"`{rule_id}`" in README, f"rule {rule_id} missing from README"
        assert rule.title in README, f"title {rule.title} of {rule_id} missing from README"
