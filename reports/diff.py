"""Run-to-run comparison (整改情况): what was fixed, what is new, what persists.

Findings are matched by ``(rule, url, field)`` — never by run id or row id — so two runs crawled
months apart compare cleanly. A key present in both runs is 仍存在 (persisting) however often it
occurs in each; present only earlier is 已整改 (fixed); only later is 新增 (new). The score change
is both runs scored under the same profile.

Only runs in which the agency was checked (it has ``rule_status`` or ``findings`` rows) count as
"runs that include it", so a crawl that was never checked does not look like everything fixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.store import Store
from reports.scoring import agency_findings, score_stored_agency


@dataclass
class AgencyDiff:
    """The comparison of one agency between two runs."""

    agency: str
    name: str
    from_run: int
    to_run: int
    fixed: list[dict] = field(default_factory=list)
    new: list[dict] = field(default_factory=list)
    persisting: list[dict] = field(default_factory=list)
    score_from: float = 0.0
    score_to: float = 0.0
    passed_from: bool = False
    passed_to: bool = False

    @property
    def score_change(self) -> float:
        return round(self.score_to - self.score_from, 1)

    def to_dict(self) -> dict:
        keys = ("rule", "family", "url", "source", "field", "detail", "status")
        def brief(rows: list[dict]) -> list[dict]:
            return [{k: r.get(k) or "" for k in keys} for r in rows]
        return {
            "agency": self.agency, "name": self.name, "from_run": self.from_run,
            "to_run": self.to_run, "fixed": brief(self.fixed), "new": brief(self.new),
            "persisting": brief(self.persisting),
            "counts": {"已整改": len(self.fixed), "新增": len(self.new), "仍存在": len(self.persisting)},
            "score_from": self.score_from, "score_to": self.score_to,
            "score_change": self.score_change,
            "passed_from": self.passed_from, "passed_to": self.passed_to,
        }


def finding_key(finding: dict) -> tuple[str, str, str]:
    """The identity of a finding across runs: ``(rule, url, field)``."""
    return (finding.get("rule") or "", finding.get("url") or "", finding.get("field") or "")


def compare_findings(old: list[dict], new: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """``(fixed, new, persisting)``, one representative finding per key, in input order.

    Fixed ones are taken from ``old``; new and persisting ones from ``new``.
    """
    old_keys = {finding_key(f) for f in old}
    new_keys = {finding_key(f) for f in new}

    def unique(rows: list[dict], keep) -> list[dict]:
        seen: set = set()
        result = []
        for row in rows:
            key = finding_key(row)
            if keep(key) and key not in seen:
                seen.add(key)
                result.append(row)
        return result

    return (unique(old, lambda k: k not in new_keys),
            unique(new, lambda k: k not in old_keys),
            unique(new, lambda k: k in old_keys))


def runs_with_agency(store: Store, agency: str) -> list[int]:
    """Ids of the runs (oldest first) in which the agency was checked."""
    rows = store.query(
        """select id from runs where id in (select run_id from agencies where id = :a)
           and (id in (select run_id from rule_status where agency = :a)
                or id in (select run_id from findings where agency = :a))
           order by id""", {"a": agency})
    return [row["id"] for row in rows]


def checked_runs(store: Store) -> dict[str, list[int]]:
    """Every agency's checked runs (oldest first) in one pass — for reports over many agencies."""
    rows = store.query(
        """select distinct a.id as agency, a.run_id from agencies a
           join (select run_id, agency from rule_status union select run_id, agency from findings) c
             on c.run_id = a.run_id and c.agency = a.id
           order by a.id, a.run_id""")
    result: dict[str, list[int]] = {}
    for row in rows:
        result.setdefault(row["agency"], []).append(row["run_id"])
    return result


def previous_run(store: Store, agency: str, run_id: int,
                 checked: dict[str, list[int]] | None = None) -> int | None:
    """The latest run before ``run_id`` in which the agency was checked, if any.

    ``checked`` (from :func:`checked_runs`) avoids one query per agency.
    """
    runs = checked.get(agency, []) if checked is not None else runs_with_agency(store, agency)
    earlier = [r for r in runs if r < run_id]
    return earlier[-1] if earlier else None


def _agency_row(store: Store, run_id: int, agency: str) -> dict | None:
    rows = list(store.query("select * from agencies where run_id = ? and id = ?", [run_id, agency]))
    return rows[0] if rows else None


def diff_agency(store: Store, agency: str, from_run: int, to_run: int, profile: dict) -> AgencyDiff:
    """Compare one agency between two runs under ``profile``."""
    old_row = _agency_row(store, from_run, agency) or {"id": agency, "name": agency}
    new_row = _agency_row(store, to_run, agency) or old_row
    fixed, new, persisting = compare_findings(agency_findings(store, from_run, agency),
                                              agency_findings(store, to_run, agency))
    before = score_stored_agency(store, from_run, old_row, profile)
    after = score_stored_agency(store, to_run, new_row, profile)
    return AgencyDiff(agency, new_row.get("name") or agency, from_run, to_run, fixed, new,
                      persisting, before.score, after.score, before.passed, after.passed)


def all_agency_ids(store: Store) -> list[str]:
    return [row["id"] for row in store.query("select distinct id from agencies order by id")]


def diff_runs(store: Store, profile: dict, from_run: int | None = None, to_run: int | None = None,
              agency: str | None = None) -> list[AgencyDiff]:
    """Diffs for every agency (or one). Without runs given: each agency's last two runs.

    With only ``to_run``: each agency of that run against its previous run. With both: the
    agencies checked in both runs.
    """
    agencies = [agency] if agency else all_agency_ids(store)
    result: list[AgencyDiff] = []
    for agency_id in agencies:
        runs = runs_with_agency(store, agency_id)
        if from_run is not None and to_run is not None:
            pair = (from_run, to_run) if from_run in runs and to_run in runs else None
        elif to_run is not None:
            earlier = [r for r in runs if r < to_run]
            pair = (earlier[-1], to_run) if earlier and to_run in runs else None
        else:
            pair = (runs[-2], runs[-1]) if len(runs) >= 2 else None
        if pair:
            result.append(diff_agency(store, agency_id, pair[0], pair[1], profile))
    return result
