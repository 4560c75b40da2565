"""政策解读 and 互动回应 rules on small stores: every way an interpretation is tied to its document,
working-day windows on the day / one working day over / across a 调休 weekend and 国庆, the reply
limit per agency, the 3-month veto, unreadable lists, channels that do not count."""

import json

import pytest
from storefactory import StoreFactory, rule_outcome, run_rule

from checks.registry import load_rules, run_checks
from crawler.store import dumps
from reports.profiles import load_profile
from reports.scoring import compute_scorecards, score_agency

load_rules()


def add(factory: StoreFactory, table: str, agency: str, *rows: dict) -> None:
    """Rows of the interaction tables; URLs starting with / are joined to the home URL."""
    home = factory.homes[agency].rstrip("/")
    full = []
    for row in rows:
        row = {"run_id": factory.run_id, "agency": agency, **row}
        for key, value in list(row.items()):
            if isinstance(value, str) and value.startswith("/") and key.endswith(("url", "source", "target")):
                row[key] = home + value
            elif isinstance(value, list):
                row[key] = dumps(value)
        full.append(row)
    factory.store.insert_many(table, full)


@pytest.fixture
def factory(tmp_path):
    f = StoreFactory(tmp_path / "i.db", as_of="2026-11-27")
    f.agency("a1")
    f.home("a1")
    f.columns("a1", {"url": "/zcwj/", "name": "政策文件", "column_type": "policy"},
              {"url": "/zcjd/", "name": "政策解读", "column_type": "other"})
    return f


def doc(factory, n: int, pub: str, title: str | None = None, number: str = "", **extra):
    factory.documents("a1", {"url": f"/zcwj/{n}.html", "column_url": "/zcwj/", "pub_date": pub,
                             "title": title or f"示例市教育局关于印发《示例市第{n}号管理办法》的通知",
                             "doc_number": number, **extra})
    return factory.homes["a1"] + f"zcwj/{n}.html"


def interp(factory, n: int, pub: str, title: str, quotes=(), numbers=(), detected="title:《…》政策解读"):
    add(factory, "interpretations", "a1", {
        "url": f"/zcjd/{n}.html", "title": title, "pub_date": pub, "pub_date_label": "发布时间",
        "detected_by": detected, "column_name": "政策解读", "quoted_titles": list(quotes),
        "doc_numbers": list(numbers)})
    return factory.homes["a1"] + f"zcjd/{n}.html"


# ------------------------------------------------------------------------- 政策解读

def test_every_way_of_tying_an_interpretation_to_its_document(factory):
    by_link = doc(factory, 1, "2026-11-02")
    to_doc = doc(factory, 2, "2026-11-02")
    quoted = doc(factory, 3, "2026-11-02")
    numbered = doc(factory, 4, "2026-11-02", number="示教〔2026〕41号")
    listed = doc(factory, 5, "2026-11-02", title="示例市教育局关于规范办学行为的通知")
    missing = doc(factory, 6, "2026-11-02")
    interp(factory, 11, "2026-11-02", "办法出台的背景", detected="meta:ColumnName=政策解读")
    add(factory, "interpretation_links", "a1",
        {"source": "/zcwj/1.html", "target": "/zcjd/11.html", "anchor": "办法出台的背景",
         "label": "相关解读"})
    interp(factory, 12, "2026-11-03", "图解：第2号办法")
    factory.links("a1", {"source": "/zcjd/12.html", "target": "/zcwj/2.html", "anchor": "原文链接"})
    interp(factory, 13, "2026-11-04", "《示例市第3号管理办法》政策解读", quotes=["示例市第3号管理办法"])
    interp(factory, 14, "2026-11-05", "一图读懂", numbers=["和示教〔2026〕41号"])
    factory.documents("a1", {"url": "/zcjd/15.html", "column_url": "/zcjd/", "pub_date": "2026-11-02",
                             "title": "规范办学行为问答"})
    factory.links("a1", {"source": "/zcjd/15.html", "target": "/zcwj/5.html",
                         "anchor": "示例市教育局关于规范办学行为的通知"})
    found = run_rule(factory.view("a1"), "doc-interpretation-missing")
    assert [f.url for f in found] == [missing]
    assert found[0].field == "interpretation" and found[0].evidence["interpretations_on_site"] == 5
    assert run_rule(factory.view("a1"), "doc-interpretation-late") == []
    assert {by_link, to_doc, quoted, numbered, listed}.isdisjoint({f.url for f in found})


def test_interpretation_pages_are_not_asked_for_an_interpretation(factory):
    doc(factory, 1, "2026-11-02")
    factory.documents("a1", {"url": "/zcjd/11.html", "column_url": "/zcjd/", "pub_date": "2026-11-02",
                             "title": "《示例市第1号管理办法》政策解读", "has_metadata_block": 1})
    interp(factory, 11, "2026-11-02", "《示例市第1号管理办法》政策解读", quotes=["示例市第1号管理办法"])
    assert run_rule(factory.view("a1"), "doc-interpretation-missing") == []


@pytest.mark.parametrize("pub, interp_date, late, workdays", [
    ("2026-11-02", "2026-11-02", False, 0),      # same day (同步发布)
    ("2026-11-02", "2026-10-30", False, None),   # before the document
    ("2026-11-02", "2026-11-05", False, 3),      # on the last day
    ("2026-11-02", "2026-11-06", True, 4),       # one working day over
    ("2026-11-05", "2026-11-10", False, 3),      # across a weekend
    ("2026-11-05", "2026-11-11", True, 4),
    ("2026-02-12", "2026-02-24", False, 3),      # 调休 Saturday 02-14 counts, 春节 does not
    ("2026-02-12", "2026-02-25", True, 4),
    ("2026-09-30", "2026-10-10", False, 3),      # 国庆: 10-08, 10-09, 调休 Saturday 10-10
    ("2026-09-30", "2026-10-11", False, 3),
    ("2026-09-30", "2026-10-12", True, 4),
])
def test_interpretation_windows(factory, pub, interp_date, late, workdays):
    url = doc(factory, 1, pub)
    interp(factory, 11, interp_date, "《示例市第1号管理办法》政策解读", quotes=["示例市第1号管理办法"])
    found = run_rule(factory.view("a1"), "doc-interpretation-late")
    assert [f.url for f in found] == ([url] if late else [])
    if late:
        assert found[0].evidence["workdays"] == workdays and found[0].evidence["limit_workdays"] == 3
        assert found[0].evidence["matched_by"] == "解读引用了文件标题"


def test_the_earliest_interpretation_counts_and_the_limit_is_a_profile_number(factory):
    url = doc(factory, 1, "2026-11-02")
    interp(factory, 11, "2026-11-10", "《示例市第1号管理办法》解读", quotes=["示例市第1号管理办法"])
    interp(factory, 12, "2026-11-06", "图解", quotes=["示例市第1号管理办法"])
    found = run_rule(factory.view("a1"), "doc-interpretation-late")
    assert [f.evidence["interpretation_date"] for f in found] == ["2026-11-06"]
    relaxed = {"thresholds": {"interpretation_late_workdays": 4}}
    assert run_rule(factory.view("a1", relaxed), "doc-interpretation-late") == []
    assert url


def test_interpretation_rules_not_applicable_without_input(factory):
    assert rule_outcome(factory.view("a1"), "doc-interpretation-missing")[0] == "not-applicable"
    doc(factory, 1, "2026-11-02")
    status, reason = rule_outcome(factory.view("a1"), "doc-interpretation-late")
    assert status == "not-applicable" and "解读" in reason


# ------------------------------------------------------------------------- 互动回应

def consult_list(factory, agency="a1", state="readable", reason="", channel="consultation",
                 page="/hdjl/zxzx/"):
    add(factory, "message_lists", agency, {"page_url": page, "url": page, "name": "政务咨询",
                                           "name_source": "meta:ColumnName", "channel": channel,
                                           "state": state, "reason": reason, "messages": 0})


def message(factory, n: int, asked: str, replied: str = "", status: str = "", agency="a1",
            found_in="list", channel="consultation", **extra):
    add(factory, "messages", agency, {
        "url": f"/hdjl/zxzx/{n}.html", "found_in": found_in, "list_url": "/hdjl/zxzx/",
        "page_url": "/hdjl/zxzx/" if found_in == "list" else f"/hdjl/zxzx/{n}.html",
        "title": f"留言{n}", "asked_date": asked, "asked_label": "留言时间", "replied_date": replied,
        "replied_label": "回复时间" if replied else "", "status": status, "status_label": "",
        "replier": "", "has_reply_text": 0, "channel": channel, "where_found": "table", **extra})
    return factory.homes[agency] + f"hdjl/zxzx/{n}.html"


@pytest.mark.parametrize("asked, replied, overdue", [
    ("2026-11-02", "2026-11-09", False),   # 5 working days: on the day
    ("2026-11-02", "2026-11-10", True),    # one working day over
    ("2026-09-30", "2026-10-13", False),   # 国庆 and 调休 10-10: 10-08 … 10-13 are 5 working days
    ("2026-09-30", "2026-10-14", True),
    ("2026-02-12", "2026-02-26", False),   # 春节 with 调休 02-14
    ("2026-02-12", "2026-02-27", True),
])
def test_reply_windows(factory, asked, replied, overdue):
    consult_list(factory)
    url = message(factory, 1, asked, replied, "replied")
    found = run_rule(factory.view("a1"), "reply-overdue")
    assert [f.url for f in found] == ([url] if overdue else [])
    if overdue:
        assert found[0].evidence["workdays"] == 6 and found[0].evidence["limit_source"].startswith("默认")


def test_per_agency_reply_limit_wins_over_the_profile(tmp_path):
    f = StoreFactory(tmp_path / "l.db", as_of="2026-11-27")
    f.agency("fast", reply_limit_workdays=1)
    f.agency("slow")
    for agency in ("fast", "slow"):
        f.home(agency)
        consult_list(f, agency)
        message(f, 1, "2026-11-02", "2026-11-04", "replied", agency=agency)
    profile = {"thresholds": {"reply_limit_workdays": 3}}
    fast = run_rule(f.view("fast", profile), "reply-overdue")
    assert [x.evidence["limit_workdays"] for x in fast] == [1]
    assert fast[0].evidence["limit_source"] == "单位配置 reply_limit_workdays"
    assert run_rule(f.view("slow", profile), "reply-overdue") == []


@pytest.mark.parametrize("asked, field", [
    ("2026-11-20", None),             # deadline 11-27 = the monitoring point: not late yet
    ("2026-11-19", "pending"),        # deadline 11-26 passed
    ("2026-08-27", "pending"),        # exactly 3 months on the monitoring point
    ("2026-08-26", "over-3-months"),  # more than 3 months: the veto
    ("2025-11-28", "over-3-months"),  # still inside the year before the monitoring point
    ("2025-10-01", "over-1-year"),    # asked before that year
])
def test_unanswered_fields(factory, asked, field):
    consult_list(factory)
    url = message(factory, 1, asked, status="pending")
    found = run_rule(factory.view("a1"), "reply-unanswered")
    assert [(f.url, f.field) for f in found] == ([(url, field)] if field else [])


def test_answered_invalid_and_excluded_messages_are_not_unanswered(factory):
    consult_list(factory)
    message(factory, 1, "2026-05-01", status="replied")           # 已回复 without a date
    message(factory, 2, "2026-05-01", status="invalid")           # 不予受理
    message(factory, 3, "2026-05-01", has_reply_text=1, found_in="detail")
    message(factory, 4, "2026-05-01", channel="excluded")         # 信访
    assert run_rule(factory.view("a1"), "reply-unanswered") == []


def test_detail_page_values_win_over_the_list(factory):
    consult_list(factory)
    message(factory, 1, "2026-05-01", status="pending")
    message(factory, 1, "2026-05-01", replied="2026-05-06", found_in="detail")
    assert run_rule(factory.view("a1"), "reply-unanswered") == []
    assert run_rule(factory.view("a1"), "reply-overdue") == []


def test_unreadable_list_is_not_applicable_never_no_messages(factory):
    consult_list(factory, state="unreadable", reason="javascript")
    for rule_id in ("reply-overdue", "reply-unanswered"):
        status, reason = rule_outcome(factory.view("a1"), rule_id)
        assert status == "not-applicable" and "JavaScript" in reason
    assert run_rule(factory.view("a1"), "reply-channel-missing") == []  # the channel exists


def test_no_list_at_all_is_not_applicable_and_empty_list_is_clean(factory, tmp_path):
    status, reason = rule_outcome(factory.view("a1"), "reply-unanswered")
    assert status == "not-applicable" and "未找到" in reason
    consult_list(factory, state="empty", reason="暂无留言")
    assert rule_outcome(factory.view("a1"), "reply-unanswered") == (
        "not-applicable", "没有标注提问时间的留言，无法检查是否按时答复")


def test_channel_missing_lists_every_candidate_and_why(factory):
    factory.links("a1",
                  {"source": "/", "target": "/cgi/zxzx.jsp", "anchor": "在线咨询", "on_home": 1},
                  {"source": "/", "target": "/xf/", "anchor": "网上信访", "on_home": 1},
                  {"source": "/", "target": "mailto:jzxx@example.org", "anchor": "局长信箱",
                   "scope": "special"})
    factory.store.insert_many("link_checks", [
        {"run_id": factory.run_id, "agency": "a1", "url": factory.homes["a1"] + "cgi/zxzx.jsp",
         "status": 500, "error": "", "verdict": "broken", "reason": "http-500"},
        {"run_id": factory.run_id, "agency": "a1", "url": factory.homes["a1"] + "xf/",
         "status": 200, "error": "", "verdict": "ok", "reason": ""}])
    found = run_rule(factory.view("a1"), "reply-channel-missing")
    assert len(found) == 1 and found[0].url == factory.homes["a1"]
    reasons = {c["anchor"]: c["reason"] for c in found[0].evidence["candidates"]}
    assert reasons["在线咨询"].startswith("链接不可用") and "信访" in reasons["网上信访"]
    assert "邮件" in reasons["局长信箱"]


def test_a_working_link_to_a_consultation_platform_is_a_channel(factory):
    factory.links("a1", {"source": "/", "target": "https://12345.example.org/",
                         "anchor": "12345政务服务便民热线·我要咨询",
                         "scope": "external"})
    factory.store.insert_many("link_checks", [
        {"run_id": factory.run_id, "agency": "a1", "url": "https://12345.example.org/", "status": 200,
         "verdict": "ok", "reason": ""}])
    assert run_rule(factory.view("a1"), "reply-channel-missing") == []


def test_channel_rule_needs_the_home_page(tmp_path):
    f = StoreFactory(tmp_path / "h.db")
    f.agency("a1")
    assert rule_outcome(f.view("a1"), "reply-channel-missing")[0] == "not-applicable"


@pytest.mark.parametrize("profile_name", ["gov-website-2019", "census-2015"])
def test_a_message_unanswered_over_3_months_fails_the_agency_with_the_veto(tmp_path, profile_name):
    f = StoreFactory(tmp_path / "v.db", as_of="2026-11-27")
    f.agency("bad")
    f.agency("late")
    for agency in ("bad", "late"):
        f.home(agency)
        consult_list(f, agency)
    message(f, 1, "2026-07-01", status="pending", agency="bad")
    message(f, 1, "2026-11-02", "2026-11-12", "replied", agency="late")
    profile = load_profile(profile_name)
    run_checks(f.store, f.run_id, profile,
               only={"reply-unanswered", "reply-overdue", "reply-channel-missing"})
    cards = {c.agency: c for c in compute_scorecards(f.store, f.run_id, profile)}
    assert not cards["bad"].passed and cards["bad"].verdict == "不合格"
    veto = cards["bad"].vetoes[0]
    assert veto.rule == "reply-unanswered" and veto.count == 1
    assert veto.findings and "2026-07-01" in json.dumps(veto.findings, ensure_ascii=False)
    assert cards["late"].passed and not cards["late"].vetoes
    assert cards["late"].score < 100   # reply-overdue is a deduction, not a veto


def test_channel_missing_is_a_veto_in_both_profiles():
    for name in ("gov-website-2019", "census-2015"):
        profile = load_profile(name)
        finding = {"rule": "reply-channel-missing", "field": "", "url": "https://www.example.org/",
                   "family": "interaction", "evidence": "{}"}
        card = score_agency([finding], [], profile)
        assert [v.rule for v in card.vetoes] == ["reply-channel-missing"] and not card.passed
        pending = score_agency([{**finding, "rule": "reply-unanswered", "field": "pending"}], [], profile)
        assert pending.passed and not pending.vetoes and pending.score < 100


@pytest.mark.parametrize("value, expected", [(3, 3), ("10", 10), (None, 0)])
def test_reply_limit_in_the_agencies_file(value, expected):
    from crawler.agencies import parse_agencies
    extra = "" if value is None else f"\n  reply_limit_workdays: {value}"
    agencies = parse_agencies(f"- id: zfb\n  name: 示例县\n  url: https://www.example.org/{extra}\n",
                              "agencies.yml")
    assert agencies[0].reply_limit_workdays == expected


@pytest.mark.parametrize("value", ["three", 0, -2, 61, "true", "3.5"])
def test_bad_reply_limit_is_one_line_naming_the_field(value):
    from crawler.agencies import AgencyConfigError, parse_agencies
    with pytest.raises(AgencyConfigError) as err:
        parse_agencies(f"- id: zfb\n  name: 示例县\n  url: https://www.example.org/\n"
                       f"  reply_limit_workdays: {value}\n", "agencies.yml")
    message = str(err.value)
    assert "\n" not in message and "reply_limit_workdays" in message and "entry 1 (id=zfb)" in message
