"""Disclosure rules: 公开指南 elements, annual report, the 「政府信息公开」 platform sections."""

import pytest
from storefactory import StoreFactory, rule_outcome, run_rule

from checks.disclosure.annual_report_missing import report_pattern

GUIDE = {"office": "市教育局办公室", "address": "某市某路1号", "hours": "工作日 9:00-17:00",
         "phone": "0551-12345678", "fax": "0551-12345679", "postcode": "230000",
         "online": "xxgk@example.org"}


@pytest.fixture
def factory(tmp_path):
    f = StoreFactory(tmp_path / "g.db", as_of="2026-11-27")
    f.agency("a1")
    f.home("a1")
    return f


def guide_page(guide, url="/xxgk/zn/", **row):
    return {"url": url, "kind": "guide", "title": "政府信息公开指南",
            "facts": {"guide": guide, "report_year": None}, **row}


def test_guide_complete(factory):
    factory.pages("a1", guide_page(GUIDE))
    assert run_rule(factory.view("a1"), "guide-element-missing") == []


def test_guide_elements_missing_one_finding_each(factory):
    factory.pages("a1", guide_page({**GUIDE, "fax": None, "postcode": "  "}))
    findings = run_rule(factory.view("a1"), "guide-element-missing")
    assert sorted(f.field for f in findings) == ["fax", "postcode"]
    assert all(f.url == "https://www.example.org/xxgk/zn/" for f in findings)
    assert findings[0].evidence["elements_found"]["office"] == "市教育局办公室"


def test_most_complete_guide_is_judged(factory):
    factory.pages("a1", guide_page({**GUIDE, "fax": None}, url="/zn1.html"),
                  {"url": "/zn2.html", "kind": "other",
                   "facts": {"guide": {k: None for k in GUIDE}, "report_year": None}})
    (finding,) = run_rule(factory.view("a1"), "guide-element-missing")
    assert finding.url.endswith("/zn1.html") and finding.evidence["other_guide_pages"]


def test_no_guide_is_not_applicable_and_a_platform_finding(factory):
    status, reason = rule_outcome(factory.view("a1"), "guide-element-missing")
    assert status == "not-applicable" and "platform-section-missing" in reason
    fields = {f.field for f in run_rule(factory.view("a1"), "platform-section-missing")}
    assert "guide" in fields


def test_guide_page_failed_fetch_does_not_count(factory):
    factory.pages("a1", guide_page(GUIDE, status=500))
    assert rule_outcome(factory.view("a1"), "guide-element-missing")[0] == "not-applicable"


@pytest.mark.parametrize("text, year, match", [
    ("2025年政府信息公开工作年度报告", 2025, True),
    ("某市教育局2025年度政府信息公开工作年度报告", 2025, True),
    ("2025年度政府信息公开工作报告", 2025, True),
    ("二〇二五年政府信息公开年报", 2025, True),
    ("2024年政府信息公开工作年度报告", 2025, False),
    ("2025年度政府工作报告", 2025, False),
    ("2025年度部门决算报告", 2025, False),
])
def test_report_pattern(text, year, match):
    assert bool(report_pattern(year).search(text)) is match


@pytest.mark.parametrize("level, deadline, before, after", [
    ("department", "", "2026-01-31", "2026-02-01"),
    ("government", "", "2026-03-31", "2026-04-01"),
    ("government", "02-15", "2026-02-15", "2026-02-16"),
])
def test_annual_report_deadline_boundaries(tmp_path, level, deadline, before, after):
    for as_of, expected in ((before, 0), (after, 1)):
        f = StoreFactory(tmp_path / f"{level}{deadline}{as_of}.db", as_of=as_of)
        f.agency("a1", level=level, annual_report_deadline=deadline)
        f.home("a1")
        f.links("a1", {"source": "/", "target": "/nb/2024.html", "anchor": "2024年政府信息公开工作年度报告"})
        findings = run_rule(f.view("a1"), "annual-report-missing")
        assert len(findings) == expected
        if expected:
            assert findings[0].url == "https://www.example.org/"
            assert findings[0].evidence["year"] == 2025
            assert findings[0].evidence["other_years_found"] == [2024]


@pytest.mark.parametrize("where", ["facts", "title", "item", "link"])
def test_annual_report_found(factory, where):
    if where == "facts":
        factory.pages("a1", {"url": "/nb/1.html", "kind": "annual_report", "title": "年度报告",
                             "facts": {"guide": None, "report_year": 2025}})
    elif where == "title":
        factory.pages("a1", {"url": "/nb/1.html", "title": "2025年政府信息公开工作年度报告"})
    elif where == "item":
        factory.items("a1", {"column_url": "/nb/", "url": "/nb/1.html",
                             "title": "某局2025年度政府信息公开工作年度报告", "date": "2026-01-20"})
    else:
        factory.links("a1", {"source": "/xxgk/", "target": "/nb/1.pdf", "scope": "attachment",
                             "anchor": "2025年政府信息公开年报"})
    assert run_rule(factory.view("a1"), "annual-report-missing") == []


def test_annual_report_as_of_flips_year(factory):
    factory.links("a1", {"source": "/", "target": "/nb/1.html", "anchor": "2025年政府信息公开工作年度报告"})
    assert run_rule(factory.view("a1"), "annual-report-missing") == []
    factory.set_as_of("2027-02-01")
    (finding,) = run_rule(factory.view("a1"), "annual-report-missing")
    assert finding.evidence["year"] == 2026 and "2026 年" in finding.detail


def test_annual_report_not_applicable_without_pages(tmp_path):
    f = StoreFactory(tmp_path / "n.db")
    f.agency("a1")
    assert rule_outcome(f.view("a1"), "annual-report-missing")[0] == "not-applicable"


def full_platform(f):
    f.links("a1",
            {"source": "/", "target": "/xxgk/", "anchor": "政府信息公开", "on_home": 1},
            {"source": "/xxgk/", "target": "/xxgk/zn/", "anchor": "政府信息公开指南"},
            {"source": "/xxgk/", "target": "/xxgk/zd/", "anchor": "政府信息公开制度"},
            {"source": "/xxgk/", "target": "/xxgk/fdzdgk/", "anchor": "法定主动公开内容"},
            {"source": "/xxgk/", "target": "/xxgk/nb/", "anchor": "政府信息公开年报"})


def test_platform_complete(factory):
    full_platform(factory)
    assert run_rule(factory.view("a1"), "platform-section-missing") == []


def test_platform_short_forms_from_columns_and_titles(factory):
    factory.columns("a1", {"url": "/xxgk/", "name": "信息公开"},
                    {"url": "/xxgk/zd/", "name": "公开制度"},
                    {"url": "/xxgk/zdgk/", "name": "主动公开"})
    factory.pages("a1", {"url": "/xxgk/zn.html", "title": "公开指南"},
                  {"url": "/xxgk/nb/", "title": "年度报告"})
    assert run_rule(factory.view("a1"), "platform-section-missing") == []


def test_platform_everything_missing(factory):
    factory.links("a1", {"source": "/", "target": "/gzdt/", "anchor": "工作动态"})
    findings = run_rule(factory.view("a1"), "platform-section-missing")
    assert [f.field for f in findings] == ["platform", "guide", "system", "proactive", "annual_report"]
    assert all(f.url == "https://www.example.org/" for f in findings)
    assert findings[0].evidence["searched"]["links"] == 1


def test_platform_one_section_missing(factory):
    full_platform(factory)
    factory.store.db.execute("delete from links where anchor = '政府信息公开制度'")
    (finding,) = run_rule(factory.view("a1"), "platform-section-missing")
    assert finding.field == "system" and "政府信息公开制度" in finding.detail
    assert "guide" in finding.evidence["sections_found"]


def test_recognised_guide_and_report_pages_count_as_sections(factory):
    full_platform(factory)
    factory.store.db.execute("delete from links where anchor in ('政府信息公开指南', '政府信息公开年报')")
    factory.pages("a1", guide_page(GUIDE, title="办事须知"),
                  {"url": "/nb/1.html", "kind": "annual_report", "title": "报告",
                   "facts": {"guide": None, "report_year": 2025}})
    assert run_rule(factory.view("a1"), "platform-section-missing") == []


def test_platform_not_applicable_without_pages(tmp_path):
    f = StoreFactory(tmp_path / "n.db")
    f.agency("a1")
    assert rule_outcome(f.view("a1"), "platform-section-missing")[0] == "not-applicable"
