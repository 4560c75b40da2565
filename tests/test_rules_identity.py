"""Identity rules: footer identifiers of the home page and 指引2017 meta tags."""

import pytest
from storefactory import FULL_FOOTER, StoreFactory, rule_outcome, run_rule

FOOTER_RULES = [("site-id-missing", "site_id"), ("icp-missing", "icp"), ("psb-missing", "psb"),
                ("sponsor-missing", "sponsor")]
SITE_META = {"SiteName": "示例市教育局", "SiteDomain": "www.example.org", "SiteIDCode": "3401000001"}
COLUMN_META = {"ColumnName": "通知公告", "ColumnDescription": "通知公告", "ColumnKeywords": "通知",
               "ColumnType": "通知公告"}
ARTICLE_META = {"ArticleTitle": "关于…的通知", "PubDate": "2026-11-20 09:00", "ContentSource": "办公室"}


@pytest.fixture
def factory(tmp_path):
    f = StoreFactory(tmp_path / "i.db")
    f.agency("a1")
    return f


@pytest.mark.parametrize("rule_id, key", FOOTER_RULES)
def test_footer_element_missing(factory, rule_id, key):
    factory.home("a1", footer={**FULL_FOOTER, key: None})
    (finding,) = run_rule(factory.view("a1"), rule_id)
    assert finding.url == "https://www.example.org/" and finding.field == key
    assert finding.evidence["footer"][key] is None


@pytest.mark.parametrize("rule_id, key", FOOTER_RULES)
def test_footer_element_present(factory, rule_id, key):
    factory.home("a1")
    assert run_rule(factory.view("a1"), rule_id) == []


@pytest.mark.parametrize("rule_id, key", FOOTER_RULES + [("site-id-malformed", "site_id")])
@pytest.mark.parametrize("home", [None, {"status": 404}, {"status": 0, "error": "DNSLookupError"},
                                  {"soft404": 1}])
def test_footer_rules_not_applicable_without_good_home(factory, rule_id, key, home):
    if home is not None:
        factory.home("a1", **home)
    assert rule_outcome(factory.view("a1"), rule_id)[0] == "not-applicable"


@pytest.mark.parametrize("value, ok", [
    ("3401000001", True), ("bm04000001", True), ("340100000", False), ("34010000011", False),
    ("bm0400000", False), ("34O1000001", False), ("BZ04000001", False),
])
def test_site_id_malformed(factory, value, ok):
    factory.home("a1", footer={**FULL_FOOTER, "site_id": value})
    findings = run_rule(factory.view("a1"), "site-id-malformed")
    assert (findings == []) is ok
    if not ok:
        assert findings[0].evidence["value"] == value and findings[0].evidence["where"] == "footer"


def test_site_id_malformed_checks_meta_too(factory):
    factory.home("a1", meta={"SiteIDCode": "34010001"})
    (finding,) = run_rule(factory.view("a1"), "site-id-malformed")
    assert finding.evidence["where"] == "meta"


def test_site_id_malformed_not_applicable_without_code(factory):
    factory.home("a1", footer={**FULL_FOOTER, "site_id": None})
    status, reason = rule_outcome(factory.view("a1"), "site-id-malformed")
    assert status == "not-applicable" and "site-id-missing" in reason


def test_meta_tags_complete(factory):
    factory.home("a1", meta=SITE_META)
    factory.pages("a1", {"url": "/tzgg/", "kind": "list", "meta": {**SITE_META, **COLUMN_META}},
                  {"url": "/tzgg/1.html", "kind": "document",
                   "meta": {**SITE_META, **COLUMN_META, **ARTICLE_META}})
    assert run_rule(factory.view("a1"), "meta-tag-missing") == []


def test_meta_tag_missing_one_finding_per_tag_and_kind(factory):
    factory.home("a1", meta=SITE_META)
    documents = [{"url": f"/tzgg/{i}.html", "kind": "document",
                  "meta": {**SITE_META, **COLUMN_META, **ARTICLE_META,
                           "PubDate": "" if i < 7 else "2026-11-20"}} for i in range(10)]
    factory.pages("a1", *documents,
                  {"url": "/tzgg/", "kind": "list", "meta": {**SITE_META, "ColumnName": "通知公告"}},
                  {"url": "/broken.html", "kind": "document", "status": 404, "meta": {}})
    findings = {(f.evidence["kind"], f.field): f for f in run_rule(factory.view("a1"), "meta-tag-missing")}
    assert set(findings) == {("document", "PubDate"), ("list", "ColumnDescription"),
                             ("list", "ColumnKeywords"), ("list", "ColumnType")}
    pub = findings[("document", "PubDate")]
    assert pub.evidence["missing"] == 7 and pub.evidence["pages"] == 10
    assert len(pub.evidence["examples"]) == 5 and pub.url == pub.evidence["examples"][0]
    assert "7/10" in pub.detail and "文章页" in pub.detail


def test_meta_tag_missing_site_tags_on_home(factory):
    factory.home("a1", meta={"SiteName": "示例", "SiteDomain": "  "})
    fields = sorted(f.field for f in run_rule(factory.view("a1"), "meta-tag-missing"))
    assert fields == ["SiteDomain", "SiteIDCode"]


def test_meta_tag_missing_not_applicable(factory):
    assert rule_outcome(factory.view("a1"), "meta-tag-missing")[0] == "not-applicable"
