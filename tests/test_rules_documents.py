"""Document rules: policy-document elements, 文号 format, date logic, timeliness."""

import pytest
from storefactory import StoreFactory, rule_outcome, run_rule

from checks.documents.doc_number_malformed import doc_number_faults

COMPLETE = {
    "doc_number": "皖政办〔2024〕12号", "written_date": "2024-09-20", "pub_date": "2024-09-25",
    "effective_date": "2024-10-01", "downloads": ["https://www.example.org/files/12.pdf"],
    "fields": {
        "doc_number": {"value": "皖政办〔2024〕12号", "label": "发文字号", "where": "table", "date": None},
        "written_date": {"value": "2024年9月20日", "label": "成文日期", "where": "table",
                         "date": "2024-09-20"},
        "pub_date": {"value": "2024-09-25", "label": "发布日期", "where": "table", "date": "2024-09-25"},
    },
}


@pytest.fixture
def factory(tmp_path):
    f = StoreFactory(tmp_path / "d.db", as_of="2026-11-27")
    f.agency("a1")
    f.home("a1")
    f.columns("a1", {"url": "/zcwj/", "name": "政策文件", "column_type": "policy"},
              {"url": "/gzdt/", "name": "工作动态", "column_type": "news"},
              {"url": "/tzgg/", "name": "通知公告", "column_type": "notice"})
    return f


def policy_doc(url="/zcwj/1.html", **values):
    return {"url": url, "title": "关于印发某办法的通知", "column_url": "/zcwj/", **COMPLETE, **values}


MISSING_RULES = [
    ("doc-number-missing", "doc_number", "发文字号"),
    ("doc-written-date-missing", "written_date", "成文日期"),
    ("doc-pub-date-missing", "pub_date", "发布日期"),
    ("doc-effective-date-missing", "effective_date", "生效日期"),
]


@pytest.mark.parametrize("rule_id, name, label", MISSING_RULES)
def test_missing_element_found_on_policy_document(factory, rule_id, name, label):
    fields = {k: v for k, v in COMPLETE["fields"].items() if k != name}
    factory.documents("a1", policy_doc(**{name: "", "fields": fields}), policy_doc("/zcwj/2.html"))
    (finding,) = run_rule(factory.view("a1"), rule_id)
    assert finding.url == "https://www.example.org/zcwj/1.html"
    assert finding.field == name and label in finding.detail
    assert finding.evidence["page"] == finding.url
    assert finding.evidence["values"] == {name: ""}


@pytest.mark.parametrize("rule_id, name, label", MISSING_RULES)
def test_missing_element_not_judged_on_news(factory, rule_id, name, label):
    factory.documents("a1", policy_doc(column_url="/gzdt/", has_metadata_block=1, **{name: ""}),
                      policy_doc("/zcwj/2.html"))
    assert run_rule(factory.view("a1"), rule_id) == []


@pytest.mark.parametrize("rule_id, name, label", MISSING_RULES)
def test_metadata_block_makes_a_policy_document(factory, rule_id, name, label):
    factory.documents("a1", policy_doc(column_url="/tzgg/", has_metadata_block=1, **{name: ""}))
    assert len(run_rule(factory.view("a1"), rule_id)) == 1


@pytest.mark.parametrize("rule_id", [r for r, _, _ in MISSING_RULES] + ["doc-download-missing"])
def test_not_applicable_without_policy_documents(factory, rule_id):
    status, reason = rule_outcome(factory.view("a1"), rule_id)
    assert status == "not-applicable" and "未抓取到任何文章" in reason
    factory.documents("a1", policy_doc(column_url="/gzdt/", doc_number=""))
    status, reason = rule_outcome(factory.view("a1"), rule_id)
    assert status == "not-applicable" and "没有政策文件" in reason


def test_override_makes_column_policy(tmp_path):
    f = StoreFactory(tmp_path / "o.db")
    f.agency("a1", columns={"https://www.example.org/gfxwj/": "policy"})
    f.columns("a1", {"url": "/gfxwj/", "name": "规范性文件", "column_type": "other"})
    f.documents("a1", policy_doc(column_url="/gfxwj/index.html", doc_number=""))
    assert len(run_rule(f.view("a1"), "doc-number-missing")) == 1


def test_literal_wu_is_an_explicit_no_number(factory):
    factory.documents("a1", policy_doc(doc_number="无"))
    assert run_rule(factory.view("a1"), "doc-number-missing") == []
    assert rule_outcome(factory.view("a1"), "doc-number-malformed")[0] == "not-applicable"


def test_label_without_readable_date_is_reported_as_such(factory):
    fields = dict(COMPLETE["fields"])
    fields["written_date"] = {"value": "见附件", "label": "成文日期", "where": "table", "date": None}
    factory.documents("a1", policy_doc(written_date="", fields=fields))
    (finding,) = run_rule(factory.view("a1"), "doc-written-date-missing")
    assert "标注了「成文日期」" in finding.detail and "见附件" in finding.detail
    assert finding.evidence["labels_found"]["written_date"] == "成文日期"
    assert finding.evidence["where"] == {"written_date": "table"}


def test_effective_date_in_body_text_counts(factory):
    fields = dict(COMPLETE["fields"])
    fields["effective_date"] = {"value": "自印发之日起施行", "label": "", "where": "body-text",
                                "date": None}
    factory.documents("a1", policy_doc(effective_date="", fields=fields))
    assert run_rule(factory.view("a1"), "doc-effective-date-missing") == []


def test_download_missing(factory):
    factory.documents("a1", policy_doc(downloads=[]), policy_doc("/zcwj/2.html", downloads=[]),
                      policy_doc("/zcwj/3.html"))
    factory.links("a1", {"source": "/zcwj/2.html", "target": "/files/2.docx", "scope": "attachment",
                         "anchor": "附件下载"})
    (finding,) = run_rule(factory.view("a1"), "doc-download-missing")
    assert finding.url == "https://www.example.org/zcwj/1.html"
    assert finding.evidence["downloads"] == []


@pytest.mark.parametrize("value, fault", [
    ("皖政办〔2024〕12号", None),
    ("国务院令第712号", None),
    ("国家税务总局公告2020年第5号", None),
    ("皖政办 〔2024〕 12号", None),
    ("皖政办[2024]12号", "「[]」"),
    ("皖政办【2024】12号", "「【】」"),
    ("皖政办(2024)12号", "「()」"),
    ("皖政办（2024）12号", "「（）」"),
    ("皖政办［2024］12号", "「［］」"),
    ("皖政办〔2024〕012号", "前导零"),
    ("皖政办〔2024〕第12号", "第"),
    ("皖政办〔24〕12号", "4 位"),
    ("皖政办〔2024〕12", "号"),
    ("〔2024〕12号", "机关代字"),
    ("皖政办2024年12号", "六角括号"),
])
def test_doc_number_faults(value, fault):
    faults = doc_number_faults(value)
    if fault is None:
        assert faults == []
    else:
        assert any(fault in f for f in faults), faults


def test_doc_number_malformed(factory):
    factory.documents("a1", policy_doc(doc_number="皖政办[2024]012号"), policy_doc("/zcwj/2.html"))
    (finding,) = run_rule(factory.view("a1"), "doc-number-malformed")
    assert finding.field == "doc_number" and "「[]」" in finding.detail and "前导零" in finding.detail
    assert finding.evidence["values"] == {"doc_number": "皖政办[2024]012号"}
    assert finding.evidence["labels_found"]["doc_number"] == "发文字号"


def test_doc_dates_inconsistent(factory):
    factory.documents(
        "a1",
        policy_doc(pub_date="2024-09-19"),
        policy_doc("/zcwj/2.html", effective_date="2024-09-01"),
        policy_doc("/zcwj/3.html", pub_date="2024-09-20", effective_date="2024-09-20"),
    )
    findings = run_rule(factory.view("a1"), "doc-dates-inconsistent")
    assert [(f.url.rsplit("/", 1)[1], f.field) for f in findings] == [
        ("1.html", "pub_date"), ("2.html", "effective_date")]
    assert findings[0].evidence["values"] == {"written_date": "2024-09-20", "pub_date": "2024-09-19"}


def test_doc_dates_inconsistent_not_applicable(factory):
    factory.documents("a1", policy_doc(written_date=""))
    assert rule_outcome(factory.view("a1"), "doc-dates-inconsistent")[0] == "not-applicable"


def test_published_late_across_national_day(factory):
    # 成文 2024-09-20 (Fri): 20 working days later, with 09-29 and 10-12 make-up days and
    # 10-01…07 off, is 2024-10-23 (verified with chinese_calendar.find_workday(19, 09-21)).
    factory.documents("a1", policy_doc(written_date="2024-09-20", pub_date="2024-10-23"),
                      policy_doc("/zcwj/2.html", written_date="2024-09-20", pub_date="2024-10-24"))
    (finding,) = run_rule(factory.view("a1"), "doc-published-late")
    assert finding.url == "https://www.example.org/zcwj/2.html"
    assert finding.evidence["workdays"] == 21 and finding.evidence["deadline"] == "2024-10-23"
    assert finding.evidence["calendar_warnings"] == []
    assert "21 个工作日" in finding.detail


def test_published_late_threshold_setting(factory):
    factory.documents("a1", policy_doc(written_date="2024-09-20", pub_date="2024-10-24"))
    view = factory.view("a1", {"thresholds": {"publish_late_workdays": 21}})
    assert run_rule(view, "doc-published-late") == []


def test_published_late_2027_fallback_warns(factory):
    factory.documents("a1", policy_doc(written_date="2027-01-04", pub_date="2027-03-01"))
    (finding,) = run_rule(factory.view("a1"), "doc-published-late")
    assert finding.evidence["calendar_warnings"] and "2027" in finding.evidence["calendar_warnings"][0]


def test_published_late_uses_holiday_file(tmp_path):
    holidays = tmp_path / "h.yml"
    holidays.write_text("holidays: [2027-02-01, 2027-02-02]\n", encoding="utf-8")
    f = StoreFactory(tmp_path / "x.db", settings={"holiday_file": str(holidays)})
    f.agency("a1")
    f.columns("a1", {"url": "/zcwj/", "column_type": "policy"})
    # 2027-01-04 (Mon) + 20 weekdays = 2027-02-01; two holidays push the deadline to 02-03.
    f.documents("a1", policy_doc(written_date="2027-01-04", pub_date="2027-02-03"))
    assert run_rule(f.view("a1"), "doc-published-late") == []
    f2 = StoreFactory(tmp_path / "y.db")
    f2.agency("a1")
    f2.columns("a1", {"url": "/zcwj/", "column_type": "policy"})
    f2.documents("a1", policy_doc(written_date="2027-01-04", pub_date="2027-02-03"))
    assert len(run_rule(f2.view("a1"), "doc-published-late")) == 1


def test_published_late_not_applicable(factory):
    factory.documents("a1", policy_doc(pub_date=""))
    assert rule_outcome(factory.view("a1"), "doc-published-late")[0] == "not-applicable"
