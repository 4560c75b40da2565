"""home-link-broken and link-broken: failing, passing and not-applicable stores."""

import pytest
from storefactory import HOME, StoreFactory, rule_outcome

from checks.registry import run_checks


def check(factory: StoreFactory, agency: str, url: str, verdict: str, reason: str = "",
          status: int | None = 404, error: str = "", scope: str = "internal") -> None:
    factory.store.insert_many("link_checks", [{
        "run_id": factory.run_id, "agency": agency, "url": url, "final_url": url, "redirects": "",
        "status": status, "error": error, "verdict": verdict, "reason": reason, "scope": scope,
        "content_type": "text/html", "method": "GET", "elapsed": 0.1,
        "checked_at": "2026-11-27T02:00:00+00:00"}])


@pytest.fixture
def factory(tmp_path):
    f = StoreFactory(tmp_path / "audit.db")
    f.agency("a1")
    f.home("a1")
    f.pages("a1", {"url": "/col/a.html", "kind": "document"}, {"url": "/col/b.html", "kind": "document"})
    return f


def test_home_and_inner_broken_links(factory):
    factory.links("a1",
                  {"source": HOME, "target": HOME + "gone.html", "on_home": 1, "anchor": "旧栏目"},
                  {"source": HOME + "col/a.html", "target": HOME + "gone.html"},
                  {"source": HOME + "col/a.html", "target": HOME + "P0201.pdf", "scope": "attachment"},
                  {"source": HOME + "col/b.html", "target": HOME + "P0201.pdf", "scope": "attachment"},
                  {"source": HOME + "col/a.html", "target": "http://127.0.0.1:9/x", "scope": "external"},
                  {"source": HOME, "target": HOME + "ok.html", "on_home": 1},
                  {"source": HOME, "target": HOME + "review.html", "on_home": 1},
                  {"source": HOME, "target": "mailto:gk@example.org", "on_home": 1, "scope": "special"})
    check(factory, "a1", HOME + "gone.html", "broken", "4xx")
    check(factory, "a1", HOME + "P0201.pdf", "broken", "4xx", scope="attachment")
    check(factory, "a1", "http://127.0.0.1:9/x", "broken", "refused", status=None, error="refused",
          scope="external")
    check(factory, "a1", HOME + "ok.html", "ok", "", status=200)
    check(factory, "a1", HOME + "review.html", "review", "http-403", status=403)
    status, home = rule_outcome(factory.view("a1"), "home-link-broken")
    assert status == "ran"
    assert [(f.url, f.source, f.field) for f in home] == [(HOME + "gone.html", HOME, "internal")]
    assert home[0].evidence["anchor"] == "旧栏目" and home[0].evidence["status"] == 404
    status, inner = rule_outcome(factory.view("a1"), "link-broken")
    assert sorted((f.url, f.field, f.evidence["source_count"]) for f in inner) == [
        ("http://127.0.0.1:9/x", "external", 1), (HOME + "P0201.pdf", "attachment", 2)]
    refused = next(f for f in inner if f.field == "external")
    assert refused.evidence["error_class"] == "refused" and "连接被拒绝" in refused.detail


def test_no_broken_links_passes(factory):
    factory.links("a1", {"source": HOME, "target": HOME + "ok.html", "on_home": 1})
    check(factory, "a1", HOME + "ok.html", "ok", status=200)
    assert rule_outcome(factory.view("a1"), "home-link-broken") == ("ran", [])
    assert rule_outcome(factory.view("a1"), "link-broken") == ("ran", [])


def test_unreachable_site_is_not_applicable(tmp_path):
    f = StoreFactory(tmp_path / "audit.db")
    f.agency("a1")
    f.pages("a1", {"url": "/", "is_home": 1, "error": "refused", "status": None})
    status, reason = rule_outcome(f.view("a1"), "link-broken")
    assert status == "not-applicable" and "首页" in reason


def test_run_checks_records_status_and_findings(factory):
    factory.links("a1", {"source": HOME, "target": HOME + "gone.html", "on_home": 1})
    check(factory, "a1", HOME + "gone.html", "broken", "4xx")
    counts = run_checks(factory.store, factory.run_id)
    assert counts["home-link-broken"] == 1
    rows = list(factory.store.query("select rule, status from rule_status "
                                    "where rule in ('home-link-broken', 'link-broken')"))
    assert {r["rule"]: r["status"] for r in rows} == {"home-link-broken": "ran", "link-broken": "ran"}
    # re-running replaces, never duplicates
    run_checks(factory.store, factory.run_id)
    n = next(factory.store.query("select count(*) n from findings where rule = 'home-link-broken'"))["n"]
    assert n == 1
