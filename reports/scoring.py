"""Scorecards: a profile applied to one agency's findings. Pure arithmetic, then storage.

The arithmetic (all in ``Decimal`` so 0.1 × 3 is exactly 0.3):

1. A finding counts only if its ``status`` is empty or ``open``; others (e.g. ``suspect`` —
   疑似, not yet definite) are listed in the report but never cost points or trigger a veto.
2. Each deduction line: ``each`` × (number of matching findings, or of distinct ``url`` values
   with ``count: urls``), limited to the line's ``max`` when given. ``fields`` filters findings by
   their ``field`` value, ``exclude_fields`` drops those with a listed one.
3. An indicator deducts the sum of its lines, capped at the indicator's ``points``.
4. score = ``total`` − Σ indicator deductions, never below 0, rounded half-up to one decimal
   (59.94 → 59.9, 59.95 → 60.0). The verdict is taken on the rounded score so that what is
   printed and what is judged agree: a printed 60.0 is 合格.
5. 合格 ⇔ no veto and score ≥ ``pass_line``. A veto (单项否决) makes the agency 不合格 whatever its
   points; its points are still shown. A veto fires when the matching findings reach ``min``.

An agency whose crawl failed is vetoed only through findings (``site-unreachable``); nothing
is invented here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from crawler.store import Store, dumps, register_table, utcnow
from reports.profiles import rule_title

#: Scores per run, agency and scoring profile (written by ``report``/``scores``/``run``).
register_table("scorecards", {
    "run_id": int, "agency": str, "profile": str, "score": float, "passed": int,
    "vetoes": str, "deductions": str, "families": str, "computed_at": str,
}, pk=("run_id", "agency", "profile"))

SCORED_STATUSES = {"", "open"}
ONE_DECIMAL = Decimal("0.1")
UNCHECKED = "（暂无机器可检指标，不扣分）"
FINDING_KEYS = ("rule", "family", "url", "source", "field", "detail", "status")


@dataclass
class VetoHit:
    """A single-veto condition that fired, with the findings that triggered it."""

    id: str
    title: str
    rule: str
    min: int
    count: int
    source: str
    findings: list[dict] = field(default_factory=list)


@dataclass
class RuleDeduction:
    """One deduction line of an indicator: how many findings, how many points."""

    rule: str
    title: str
    each: float
    count: int
    points: float
    fields: list[str] = field(default_factory=list)
    source: str = ""


@dataclass
class IndicatorScore:
    """An indicator's deduction after its cap."""

    group: str
    name: str
    points: float
    raw: float
    deducted: float
    capped: bool
    lines: list[RuleDeduction] = field(default_factory=list)


@dataclass
class Scorecard:
    """The result of scoring one agency under one profile."""

    agency: str
    profile: str
    total: float
    pass_line: float
    score: float
    passed: bool
    vetoes: list[VetoHit] = field(default_factory=list)
    indicators: list[IndicatorScore] = field(default_factory=list)
    families: dict[str, int] = field(default_factory=dict)
    not_applicable: list[dict] = field(default_factory=list)
    findings: int = 0
    unscored: int = 0
    name: str = ""

    @property
    def verdict(self) -> str:
        """合格 or 不合格."""
        return "合格" if self.passed else "不合格"

    @property
    def deducted(self) -> float:
        """Total points deducted after caps."""
        return float(sum(Decimal(str(i.deducted)) for i in self.indicators))

    def to_dict(self) -> dict:
        data = asdict(self)
        data["verdict"] = self.verdict
        data["deducted"] = self.deducted
        return data


def round_score(value: Decimal) -> float:
    """Round half-up to one decimal (the documented rounding of every score)."""
    return float(value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP))


def _matching(findings: list[dict], line: dict) -> list[dict]:
    """Findings of the line's ``rule``, kept by ``fields`` and dropped by ``exclude_fields``."""
    fields, excluded = line.get("fields"), line.get("exclude_fields") or ()
    return [f for f in findings
            if f.get("rule") == line["rule"] and (not fields or (f.get("field") or "") in fields)
            and (f.get("field") or "") not in excluded]


def _count(matches: list[dict], mode: str) -> int:
    if mode == "urls":
        return len({f.get("url") or "" for f in matches})
    return len(matches)


def _brief(finding: dict) -> dict:
    return {key: finding.get(key) or "" for key in FINDING_KEYS}


def is_scored(finding: dict) -> bool:
    """Whether a finding counts for points and vetoes (status empty or ``open``)."""
    return (finding.get("status") or "") in SCORED_STATUSES


def score_agency(findings: list[dict], rule_status: list[dict], profile: dict,
                 agency: str = "", name: str = "") -> Scorecard:
    """Score one agency: ``findings`` and ``rule_status`` are its store rows (dicts)."""
    scored = [f for f in findings if is_scored(f)]
    vetoes: list[VetoHit] = []
    for veto in profile["vetoes"]:
        matches = _matching(scored, veto)
        count = _count(matches, veto.get("count", "findings"))
        if count >= veto["min"]:
            vetoes.append(VetoHit(veto["id"], veto["title"], veto["rule"], veto["min"], count,
                                  veto["source"], [_brief(f) for f in matches]))
    indicators: list[IndicatorScore] = []
    total_deducted = Decimal(0)
    for group in profile["indicators"]:
        if not group["items"]:
            points = float(group["points"])
            indicators.append(IndicatorScore(group["group"], UNCHECKED, points, 0.0, 0.0, False))
        for item in group["items"]:
            if not item["deductions"]:
                indicators.append(IndicatorScore(group["group"], item["name"] + UNCHECKED,
                                                 float(item["points"]), 0.0, 0.0, False))
                continue
            lines: list[RuleDeduction] = []
            raw = Decimal(0)
            for line in item["deductions"]:
                matches = _matching(scored, line)
                count = _count(matches, line.get("count", "findings"))
                points = Decimal(str(line["each"])) * count
                if "max" in line:
                    points = min(points, Decimal(str(line["max"])))
                raw += points
                if count:
                    lines.append(RuleDeduction(line["rule"], rule_title(line["rule"]),
                                               float(line["each"]), count, float(points),
                                               list(line.get("fields") or []), line["source"]))
            cap = Decimal(str(item["points"]))
            deducted = min(raw, cap)
            total_deducted += deducted
            indicators.append(IndicatorScore(group["group"], item["name"], float(cap),
                                             float(raw), float(deducted), raw > cap, lines))
    score = round_score(max(Decimal(str(profile["total"])) - total_deducted, Decimal(0)))
    passed = not vetoes and score >= profile["pass_line"]
    families = dict(sorted(Counter(f.get("family") or "" for f in findings).items()))
    not_applicable = [
        {"rule": s["rule"], "title": rule_title(s["rule"]), "reason": s.get("reason") or ""}
        for s in sorted(rule_status, key=lambda s: s["rule"])
        if s.get("status") == "not-applicable"
    ]
    return Scorecard(agency, profile["name"], float(profile["total"]), float(profile["pass_line"]),
                     score, passed, vetoes, indicators, families, not_applicable,
                     len(findings), len(findings) - len(scored), name)


def rule_indicators(profile: dict) -> dict[str, str]:
    """Rule id → the first indicator name that deducts for it (for the problem list)."""
    result: dict[str, str] = {}
    for group in profile["indicators"]:
        for item in group["items"]:
            for line in item["deductions"]:
                result.setdefault(line["rule"], item["name"])
    return result


def ranked(cards: list[Scorecard]) -> list[tuple[int, Scorecard]]:
    """Ranking: agencies without a veto first, then by score (ties share a rank: 1, 1, 3)."""
    order = sorted(cards, key=lambda c: (bool(c.vetoes), -c.score, c.agency))
    result: list[tuple[int, Scorecard]] = []
    for position, card in enumerate(order, start=1):
        if result and (bool(result[-1][1].vetoes), result[-1][1].score) == (bool(card.vetoes), card.score):
            result.append((result[-1][0], card))
        else:
            result.append((position, card))
    return result


def agency_rows(store: Store, run_id: int) -> list[dict]:
    """The agencies of a run, by id."""
    return list(store.query("select * from agencies where run_id = ? order by id", [run_id]))


def agency_findings(store: Store, run_id: int, agency: str) -> list[dict]:
    """Findings of one agency in one run, in a stable order."""
    return list(store.query(
        "select * from findings where run_id = ? and agency = ? order by family, rule, url, field, rowid",
        [run_id, agency]))


def agency_rule_status(store: Store, run_id: int, agency: str) -> list[dict]:
    return list(store.query("select * from rule_status where run_id = ? and agency = ?",
                            [run_id, agency]))


def score_stored_agency(store: Store, run_id: int, agency: dict, profile: dict) -> Scorecard:
    """Score one stored agency (an ``agencies`` row) without writing anything."""
    return score_agency(agency_findings(store, run_id, agency["id"]),
                        agency_rule_status(store, run_id, agency["id"]),
                        profile, agency["id"], agency.get("name") or agency["id"])


def score_run(store: Store, run_id: int, profile: dict) -> list[Scorecard]:
    """Score every agency of a stored run, writing nothing (reports are built from this)."""
    return [score_stored_agency(store, run_id, agency, profile) for agency in agency_rows(store, run_id)]


def compute_scorecards(store: Store, run_id: int, profile: dict) -> list[Scorecard]:
    """Score every agency of a stored run; replace their ``scorecards`` rows for this profile.

    Needs no crawl: re-scoring a run under another profile reads only findings and rule status.
    """
    cards = score_run(store, run_id, profile)
    store.ensure_schema()
    now = utcnow()
    store.insert_many("scorecards", [{
        "run_id": run_id, "agency": card.agency, "profile": card.profile, "score": card.score,
        "passed": int(card.passed), "vetoes": dumps([asdict(v) for v in card.vetoes]),
        "deductions": dumps([asdict(i) for i in card.indicators]),
        "families": dumps(card.families), "computed_at": now,
    } for card in cards])
    return cards
