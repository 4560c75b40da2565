"""Scoring profiles: YAML data files that turn findings into points, vetoes and a verdict.

A profile is looked up by name (``reports/profiles/<name>.yml``) or read from a path, so a team
can copy a bundled profile, edit the weights and pass the copy with ``--profile``. It is
validated on load; every problem raises :class:`ProfileError` with ``file:line: message``
(line numbers come from composing the YAML, so they point at the offending node).

Shape (see the bundled files for annotated examples)::

    name, title, follows, pass_line, total
    thresholds: {freshness_windows: {news: 14d, …}, home_window: 14d, …}   # read by the rules
                (only options a registered rule declares, see ``cli.py rules``; durations: a
                number and d(ays)/w(eeks)/m(onths)/y(ears); ``holiday_file``: a calendar file)
    vetoes:     [{id, title, rule, min, fields?, exclude_fields?, count?, source}]
    indicators: [{group, points, source, items: [{name, points, source,
                  deductions: [{rule, each, fields?, exclude_fields?, count?, max?, source}]}]}]

``rule`` must be a registered rule id (the registry is the only catalogue). ``fields`` keeps only
findings whose ``field`` is listed; ``exclude_fields`` drops findings whose ``field`` is listed
(``site-unreachable`` with ``exclude_fields: [incomplete]`` vetoes only on a complete week of
probes). An indicator with ``deductions: []`` is shown as not measured (no rule yet).

``count`` is ``findings`` (default: every finding counts) or ``urls`` (distinct ``url`` values).
``source`` is one of :data:`SOURCES`, so every number says where it comes from.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from checks.registry import declared_options, load_rules
from crawler.safety.wording import WordingListError, parse_pairs

PROFILE_DIR = Path(__file__).parent / "profiles"
DEFAULT_PROFILE = "gov-website-2019"

SOURCES = {"指标2019", "普查2015", "条例", "指引2017", "平台61号", "年报格式", "公文格式", "[D]"}
COUNT_MODES = ("findings", "urls")

DURATION_RE = re.compile(r"^[1-9][0-9]*[dwmy]$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

TOP_KEYS = {"name", "title", "follows", "description", "pass_line", "total", "thresholds",
            "vetoes", "indicators"}
VETO_KEYS = {"id", "title", "rule", "min", "fields", "exclude_fields", "count", "source"}
GROUP_KEYS = {"group", "points", "source", "items"}
ITEM_KEYS = {"name", "points", "source", "deductions"}
DEDUCTION_KEYS = {"rule", "each", "fields", "exclude_fields", "count", "max", "source"}


class ProfileError(ValueError):
    """The profile is unusable; the message is ``file:line: what is wrong``."""


def known_rule_ids() -> set[str]:
    """Registered rule ids (importing every rule module)."""
    return set(load_rules())


def rule_title(rule_id: str) -> str:
    """The 中文 title of a registered rule, else the id itself."""
    rules = load_rules()
    return rules[rule_id].title if rule_id in rules else rule_id


def option_kind(name: str, default: Any) -> str:
    """How a profile value for an option is validated, from the rule's declared default.

    ``durations`` (a mapping of durations), ``duration`` (``14d``), ``share`` (a fraction in
    (0, 1], names ending ``_share``), ``seconds`` (a positive number, names ending ``_s``),
    ``count`` (a positive whole number), ``number``, ``list`` (entries, e.g. ``wording_pairs``),
    ``text`` (anything else, e.g. a file).
    """
    if isinstance(default, dict):
        return "durations"
    if isinstance(default, list):
        return "list"
    if isinstance(default, str) and DURATION_RE.match(default):
        return "duration"
    if name.endswith("_share"):
        return "share"
    if name.endswith("_s"):
        return "seconds"
    if isinstance(default, bool) or default is None or isinstance(default, str):
        return "text"
    if isinstance(default, int):
        return "count"
    return "number"


def available_profiles() -> list[str]:
    """Names of the bundled profiles."""
    return sorted(p.stem for p in PROFILE_DIR.glob("*.yml"))


def resolve_profile_path(name_or_path: str) -> Path:
    """A bundled profile's file for a name, else the given path; :class:`ProfileError` if none."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yml", ".yaml") or "/" in name_or_path or candidate.is_file():
        if not candidate.is_file():
            raise ProfileError(f"{name_or_path}: profile file not found")
        return candidate
    bundled = PROFILE_DIR / f"{name_or_path}.yml"
    if not bundled.is_file():
        names = ", ".join(available_profiles())
        raise ProfileError(f"{name_or_path}: unknown profile (bundled: {names}; or give a path)")
    return bundled


def load_profile(name_or_path: str | Path = DEFAULT_PROFILE) -> dict:
    """Load and validate a profile by bundled name or file path; returns the plain dict.

    The result carries the validated keys plus ``path`` (where it was read from).
    """
    path = resolve_profile_path(str(name_or_path))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read profile ({exc})") from None
    profile = parse_profile(text, str(path))
    profile["path"] = str(path)
    return profile


def parse_profile(text: str, filename: str = "<profile>") -> dict:
    """Parse and validate profile YAML text; errors name ``filename`` and the line."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ProfileError(f"{filename}:{line}: invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ProfileError(f"{filename}: invalid YAML: {exc}") from None
    lines: dict[tuple, int] = {}
    if node is not None:
        _index_lines(node, (), lines, filename)
    _Validator(filename, lines, known_rule_ids()).profile(data)
    return data


def _index_lines(node: yaml.Node, path: tuple, lines: dict[tuple, int], filename: str) -> None:
    """Record the 1-based line of every node under its path; reject duplicate keys."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                raise ProfileError(f"{filename}:{key_node.start_mark.line + 1}: duplicate key {key!r}")
            seen.add(key)
            lines[(*path, key, "<key>")] = key_node.start_mark.line + 1
            _index_lines(value_node, (*path, key), lines, filename)
    elif isinstance(node, yaml.SequenceNode):
        for index, child in enumerate(node.value):
            _index_lines(child, (*path, index), lines, filename)


class _Validator:
    """Walks the parsed profile; every complaint names the file and line of the node."""

    def __init__(self, filename: str, lines: dict[tuple, int], rule_ids: set[str]):
        self.filename = filename
        self.lines = lines
        self.rule_ids = rule_ids

    def fail(self, path: tuple, message: str) -> None:
        probe = path
        while probe and probe not in self.lines:
            probe = probe[:-1]
        line = self.lines.get(probe, 1)
        where = ".".join(str(p) for p in path) or "profile"
        raise ProfileError(f"{self.filename}:{line}: {where}: {message}")

    # --- scalars ------------------------------------------------------------------------
    def mapping(self, value: Any, path: tuple, allowed: set[str], required: set[str]) -> dict:
        if not isinstance(value, dict):
            self.fail(path, "must be a mapping")
        for key in value:
            if key not in allowed:
                allowed_text = ", ".join(sorted(allowed))
                self.fail((*path, key, "<key>"), f"unknown key {key!r} (allowed: {allowed_text})")
        for key in sorted(required - set(value)):
            self.fail(path, f"missing key {key!r}")
        return value

    def text(self, value: Any, path: tuple) -> str:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, f"must be non-empty text, got {value!r}")
        return value

    def number(self, value: Any, path: tuple, minimum: float = 0, positive: bool = False,
               maximum: float | None = None, integer: bool = False) -> None:
        ok_type = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok_type):
            kind = "a whole number" if integer else "a number"
            self.fail(path, f"must be {kind}, got {value!r}")
        if not math.isfinite(value):
            self.fail(path, f"must be a finite number, got {value!r}")
        if positive and value <= 0:
            self.fail(path, f"must be greater than 0, got {value!r}")
        if value < minimum:
            self.fail(path, f"must be at least {minimum}, got {value!r}")
        if maximum is not None and value > maximum:
            self.fail(path, f"must be at most {maximum}, got {value!r}")

    def duration(self, value: Any, path: tuple) -> None:
        if not isinstance(value, str) or not DURATION_RE.match(value):
            self.fail(path, f"must be a duration like 14d, 2w, 6m or 1y, got {value!r}")

    def source(self, value: dict, path: tuple) -> None:
        if "source" not in value:
            self.fail(path, f"missing key 'source' (one of: {', '.join(sorted(SOURCES))})")
        if value["source"] not in SOURCES:
            self.fail((*path, "source"), f"unknown source {value['source']!r} "
                                         f"(one of: {', '.join(sorted(SOURCES))})")

    def rule(self, value: Any, path: tuple) -> None:
        if value not in self.rule_ids:
            self.fail(path, f"unknown rule id {value!r}")

    def fields(self, value: Any, path: tuple) -> None:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
            self.fail(path, "must be a non-empty list of field values")

    def count(self, value: Any, path: tuple) -> None:
        if value not in COUNT_MODES:
            self.fail(path, f"must be one of {', '.join(COUNT_MODES)}, got {value!r}")

    # --- structure ----------------------------------------------------------------------
    def profile(self, data: Any) -> None:
        data = self.mapping(data, (), TOP_KEYS, TOP_KEYS - {"description"})
        for key in ("name", "title", "follows"):
            self.text(data[key], (key,))
        if not ID_RE.match(data["name"]):
            self.fail(("name",), f"must be lower-case letters, digits and '-', got {data['name']!r}")
        self.number(data["total"], ("total",), positive=True)
        self.number(data["pass_line"], ("pass_line",), maximum=data["total"])
        self.thresholds(data["thresholds"], ("thresholds",))
        self.vetoes(data["vetoes"], ("vetoes",))
        self.indicators(data["indicators"], ("indicators",), data["total"])

    def thresholds(self, value: Any, path: tuple) -> None:
        options = declared_options()
        if not isinstance(value, dict):
            self.fail(path, "must be a mapping")
        for key, item in value.items():
            where = (*path, key)
            if key not in options:
                known = ", ".join(sorted(options))
                self.fail((*path, key, "<key>"), f"unknown option {key!r}: no registered rule reads it "
                                                 f"(options: {known})")
            default = options[key][0]
            kind = option_kind(key, default)
            if kind == "durations":
                windows = self.mapping(item, where, set(default), set())
                for name, window in windows.items():
                    self.duration(window, (*where, name))
            elif kind == "duration":
                self.duration(item, where)
            elif kind == "share":
                self.number(item, where, positive=True, maximum=1)
            elif kind == "list":
                self.entries(key, item, where)
            elif kind in ("seconds", "number"):
                self.number(item, where, positive=True)
            elif kind == "count":
                self.number(item, where, positive=True, integer=True)
            else:
                self.text(item, where)

    def entries(self, key: str, value: Any, path: tuple) -> None:
        """A list option; ``wording_pairs`` entries need wrong, right and source."""
        if not isinstance(value, list):
            self.fail(path, "must be a list")
        if key == "wording_pairs":  # 严重表述错误 pairs of the team (crawler/safety/wording.py)
            try:
                parse_pairs(value, key)
            except WordingListError as exc:
                self.fail(path, str(exc).split(": ", 1)[-1])

    def vetoes(self, value: Any, path: tuple) -> None:
        if not isinstance(value, list):
            self.fail(path, "must be a list")
        ids: set[str] = set()
        for index, veto in enumerate(value):
            where = (*path, index)
            veto = self.mapping(veto, where, VETO_KEYS, {"id", "title", "rule", "min", "source"})
            self.text(veto["id"], (*where, "id"))
            if veto["id"] in ids:
                self.fail((*where, "id"), f"duplicate veto id {veto['id']!r}")
            ids.add(veto["id"])
            self.text(veto["title"], (*where, "title"))
            self.rule(veto["rule"], (*where, "rule"))
            self.number(veto["min"], (*where, "min"), positive=True, integer=True)
            for key in ("fields", "exclude_fields"):
                if key in veto:
                    self.fields(veto[key], (*where, key))
            if "count" in veto:
                self.count(veto["count"], (*where, "count"))
            self.source(veto, where)

    def indicators(self, value: Any, path: tuple, total: float) -> None:
        if not isinstance(value, list) or not value:
            self.fail(path, "must be a non-empty list of groups")
        group_sum = Decimal(0)
        names: set[str] = set()
        for g_index, group in enumerate(value):
            g_path = (*path, g_index)
            group = self.mapping(group, g_path, GROUP_KEYS, GROUP_KEYS)
            self.text(group["group"], (*g_path, "group"))
            self.number(group["points"], (*g_path, "points"), positive=True)
            self.source(group, g_path)
            group_sum += Decimal(str(group["points"]))
            if not isinstance(group["items"], list):
                self.fail((*g_path, "items"), "must be a list (may be empty)")
            item_sum = Decimal(0)
            for i_index, item in enumerate(group["items"]):
                i_path = (*g_path, "items", i_index)
                item = self.mapping(item, i_path, ITEM_KEYS, ITEM_KEYS)
                self.text(item["name"], (*i_path, "name"))
                if item["name"] in names:
                    self.fail((*i_path, "name"), f"duplicate indicator name {item['name']!r}")
                names.add(item["name"])
                self.number(item["points"], (*i_path, "points"), positive=True)
                self.source(item, i_path)
                item_sum += Decimal(str(item["points"]))
                self.deductions(item["deductions"], (*i_path, "deductions"))
            if item_sum > Decimal(str(group["points"])):
                self.fail((*g_path, "points"), f"indicator points add up to {item_sum}, "
                                               f"more than the group's {group['points']}")
        if group_sum != Decimal(str(total)):
            self.fail(path, f"group points add up to {group_sum}, not total {total}")

    def deductions(self, value: Any, path: tuple) -> None:
        if not isinstance(value, list):
            self.fail(path, "must be a list (empty: the indicator is not measured yet)")
        for index, deduction in enumerate(value):
            where = (*path, index)
            deduction = self.mapping(deduction, where, DEDUCTION_KEYS, {"rule", "each", "source"})
            self.rule(deduction["rule"], (*where, "rule"))
            self.number(deduction["each"], (*where, "each"), positive=True)
            if "max" in deduction:
                self.number(deduction["max"], (*where, "max"), positive=True)
            for key in ("fields", "exclude_fields"):
                if key in deduction:
                    self.fields(deduction[key], (*where, key))
            if "count" in deduction:
                self.count(deduction["count"], (*where, "count"))
            self.source(deduction, where)
