"""Every rule fixture folder (``tests/rules/<rule-id>/``) gives exactly its expected findings.

See :mod:`rulefixtures` for the folder format; adding a rule = its file + its fixture folder.
"""

from __future__ import annotations

import os

import pytest
import yaml
from rulefixtures import fixture_dirs, outcomes

from checks.registry import load_rules


def test_every_registered_rule_has_a_fixture_folder_and_no_folder_is_orphaned():
    folders = {p.name for p in fixture_dirs()}
    rules = set(load_rules())
    assert not rules - folders, f"rules without tests/rules/<rule-id>/: {sorted(rules - folders)}"
    assert not folders - rules, f"fixture folders of no registered rule: {sorted(folders - rules)}"


@pytest.mark.parametrize("folder", fixture_dirs(), ids=lambda p: p.name)
def test_rule_fixture(folder, tmp_path):
    got = outcomes(folder, tmp_path / "audit.db")
    expected_file = folder / "expected.yml"
    if os.environ.get("GOVAUDIT_UPDATE_FIXTURES"):
        expected_file.write_text(yaml.safe_dump(got, allow_unicode=True, sort_keys=False, width=200),
                                 encoding="utf-8")
    assert expected_file.is_file(), f"{expected_file} missing (GOVAUDIT_UPDATE_FIXTURES=1 writes it)"
    expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    assert got == expected
    assert any(v for v in got.values() if isinstance(v, list)), "a fixture needs a failing agency"
    assert any(v == [] for v in got.values()), "a fixture needs a passing agency"
