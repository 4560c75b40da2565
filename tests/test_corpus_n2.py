"""The n2 corpus pages' misreadings, fixed at their depth: each on the real page and on a second,
written shape of the same class of template (and a shape that must stay unread)."""

from pathlib import Path

from lxml import html as lxml_html

from crawler.extract import analyze, decode_html
from crawler.extract.identity import SPONSOR_SUFFIX_RE
from crawler.extract.redirects import redirect_links

PAGES = Path(__file__).resolve().parent / "corpus" / "pages"


def _page(name: str) -> str:
    return decode_html((PAGES / name).read_bytes())[0]


def _redirects(markup: str, base: str = "http://www.example.gov.cn/") -> list[str]:
    return [link["url"] for link in redirect_links(lxml_html.fromstring(markup), base)]


# --- a script redirect whose URL is string literals joined by +


def test_concatenated_literals_are_the_redirect_target_on_the_real_stub():
    facts = analyze(_page("home_bjsat_js_href_concat_stub.html"), "http://www.bjsat.gov.cn/", is_home=True)
    assert [link["url"] for link in facts["links"] if link["tag"] == "redirect"] == [
        "http://www.bjsat.gov.cn/bjsat/"]


def test_concatenated_literals_in_double_quotes_and_location_replace():
    assert _redirects('<html><script>\nwindow.location.href = "http://" + "www.example.gov.cn" + "/zw/";\n'
                      '</script></html>') == ["http://www.example.gov.cn/zw/"]
    assert _redirects("<html><script>\nlocation.replace('/'+'portal/'+'index.html');\n</script></html>") == [
        "http://www.example.gov.cn/portal/index.html"]


def test_a_concatenation_with_a_variable_is_no_redirect():
    assert _redirects("<html><script>\nlocation.href = 'http://' + host + '/pub/';\n</script></html>") == []
    stub = "<html><script>\nlocation.href = s + '.csrc.gov.cn/pub/newsite/';\n</script></html>"
    assert _redirects(stub) == []


def test_the_else_branch_of_a_user_agent_test_is_the_desktop_redirect_on_the_real_stub():
    facts = analyze(_page("home_mof_ua_redirect_desktop_else_branch.html"), "http://www.mof.gov.cn/",
                    is_home=True)
    assert [link["url"] for link in facts["links"] if link["tag"] == "redirect"] == [
        "http://www.mof.gov.cn/index.htm"]


def test_user_agent_redirects_written_shapes():
    sniff = ("<html><script>\nfunction go(){ var ua = navigator.userAgent.toLowerCase();\n"
             "if (/android|iphone/.test(ua)) { location.href = '/m/'; }"
             " else { window.location.href = '/pc/'; }\n"
             "}\ngo();\n</script></html>")
    assert _redirects(sniff) == ["http://www.example.gov.cn/pc/"]
    only_mobile = sniff.replace(" else { window.location.href = '/pc/'; }", "")
    assert _redirects(only_mobile) == []  # the beidou shape: the desktop stays on the page
    no_sniff = sniff.replace("navigator.userAgent", "document.referrer")
    assert _redirects(no_sniff) == []  # an else of some other test is still a choice not made


# --- 「…主办 …技术支持」: the suffix form with the next credit on the same footer line


def test_sponsor_suffix_followed_by_a_credit_on_the_real_footer():
    facts = analyze(_page("home_chinatax_component_iframes_sponsor_suffix.html"), "http://www.chinatax.gov.cn/",
                    is_home=True)
    assert facts["footer"]["sponsor"] == "国家税务总局办公厅"


def test_sponsor_suffix_followed_by_a_credit_written_shapes():
    for line, sponsor in (("示例市人民政府办公室主办 示例市大数据中心承办", "示例市人民政府办公室"),
                          ("示例县人民政府主办　示例县信息中心运行维护", "示例县人民政府"),
                          ("中国卫星导航系统管理办公室主办", "中国卫星导航系统管理办公室")):
        m = SPONSOR_SUFFIX_RE.search(line)
        assert m and m.group("value").strip() == sponsor, line


def test_a_sentence_with_zhuban_inside_is_no_sponsor_line():
    for line in ("本次活动由示例市人民政府主办 欢迎市民参加", "示例市文化馆主办的展览今日开幕"):
        assert SPONSOR_SUFFIX_RE.search(line) is None, line


# --- a nav bar's hover panels hold dated lists; the page body's list is the main list


def _nav_panel_page(body_rows: int) -> str:
    nav = "".join(f'<dd><a href="/xxgk/gzdt/201803/t201803{10 + i}_{i}.html" '
                  f'title="导航面板里的动态第{i}条">导航面板里的动态第{i}条...</a> 03-{10 + i}</dd>'
                  for i in range(6))
    body = "".join(f'<li><a href="/xxgk/tzgg/201803/t201803{20 + i}_{i}.html">'
                   f"示例局关于第{i}项工作的通知公告</a>03-{20 + i}</li>" for i in range(body_rows))
    return (f'<html><head><title>示例局</title></head><body><div class="navBar"><ul class="nav">'
            f'<li><a href="/">首页</a></li></ul><div class="subNav"><dl class="list04">{nav}</dl></div></div>'
            f'<div class="container"><div class="gsgg"><ul class="list02">{body}</ul></div></div>'
            "</body></html>")


def test_body_list_wins_over_nav_bar_panels_on_the_real_home_page():
    facts = analyze(_page("home_bjrbj_trs_gbk_psb_colon_title_attr.html"), "http://www.bjrbj.gov.cn/",
                    is_home=True)
    assert [item["url"].rsplit("/", 1)[1] for item in facts["items"]] == [
        "t20180320_71523.html", "t20180320_71529.html", "t20180320_71528.html", "t20180320_71527.html",
        "t20180320_71526.html"]


def test_body_list_wins_over_a_longer_nav_panel_list_written():
    facts = analyze(_nav_panel_page(4), "http://www.example.gov.cn/", is_home=True)
    titles = [f"示例局关于第{i}项工作的通知公告" for i in range(4)]
    assert [item["title"] for item in facts["items"]] == titles
    assert all(item["url"].startswith("http://www.example.gov.cn/xxgk/tzgg/") for item in facts["items"])


# --- two tabs of one box: the hidden tab differs only by a state class


def _tabs_page(state: str) -> str:
    def tab(cls: str, first: int) -> str:
        rows = "".join(f'<li><a href="/art/2018/3/{first + i}/art_1_{first + i}.html">'
                       f'示例要闻第{first + i}条消息</a><span>2018-03-{first + i:02d}</span></li>'
                       for i in range(4))
        return f'<div class="{cls}"><ul>{rows}</ul></div>'
    return ('<html><body><div class="box"><div class="tit"><a href="/col/col1/">要闻</a>'
            f'<a href="/col/col2/">动态</a></div>{tab("news-list", 1)}{tab("news-list " + state, 11)}'
            "</div></body></html>")


def test_tab_state_class_keeps_the_box_one_list_on_the_real_home_page():
    facts = analyze(_page("home_sd_hanweb_lowercase_meta_tab_state_class.html"), "http://www.shandong.gov.cn/",
                    is_home=True)
    assert len(facts["items"]) == 12
    assert facts["items"][6]["url"] == "http://www.shandong.gov.cn/art/2018/3/23/art_6883_236506.html"


def test_tab_state_class_written_shapes():
    for state in ("dis", "hide", "on"):
        facts = analyze(_tabs_page(state), "http://www.example.gov.cn/", is_home=True)
        assert len(facts["items"]) == 8, state


def test_a_differently_named_block_stays_another_list():
    page = _tabs_page("dis").replace('class="news-list dis"', 'class="notice-list"')
    assert len(analyze(page, "http://www.example.gov.cn/", is_home=True)["items"]) == 4


# --- pages only JavaScript completes, through the store to column-blank


def _store_columns(factory, agency: str, pages: dict[str, str]) -> None:
    """The columns rows the spider records for these pages (crawler/spiders/rows.py's mapping)."""
    rows = []
    for name, url in pages.items():
        facts = analyze(_page(name), url)
        column = facts.get("column")
        if column:
            rows.append({"url": column["url"], "name": column.get("name") or "",
                         "column_type": column.get("column_type") or "other",
                         "items": len(facts.get("items") or []), "blank": int(bool(column.get("blank"))),
                         "blank_text": column.get("blank_text") or "",
                         "unreadable": int(bool(column.get("unreadable"))),
                         "unreadable_reason": column.get("unreadable_reason") or ""})
    factory.columns(agency, *rows)


def test_real_script_driven_pages_give_no_blank_column(tmp_path):
    """The corpus' pages whose content a script completes — TRS 动静结合 lists with avalon templates
    (the static first page beside empty ms-repeat rows), a WZWS challenge, a frameset whose title a
    script sets — recorded at column URLs: none of them is a 空白栏目."""
    from checks.registry import run_checks
    from tests.storefactory import StoreFactory

    pt = "https://www.pingtan.gov.cn/zwgk"
    pages = {"list_pingtan_zfxxgkzd_static_first_page_api_rest.html": f"{pt}/zfxxgk/zfxxgkzd/",
             "list_pingtan_trs_avalon_static_dynamic.html": f"{pt}/ghxx/gzjzqk/",
             "home_pbc_js_challenge_noscript.html": "http://www.pbc.gov.cn/rmyh/105208/index.html",
             "home_safe_frameset_title_by_script.html": "http://www.safe.gov.cn/safe/zcfg/index.html"}
    factory = StoreFactory(tmp_path / "n2.db", as_of="2026-11-27")
    factory.agency("a1")
    factory.home("a1")
    _store_columns(factory, "a1", pages)
    run_checks(factory.store, factory.run_id)
    blank = factory.store.query("select url from findings where run_id = ? and rule = 'column-blank'",
                                [factory.run_id])
    assert list(blank) == []
    recorded = {row["url"] for row in factory.store.query("select url from columns where run_id = ?",
                                                          [factory.run_id])}
    assert f"{pt}/zfxxgk/zfxxgkzd/" in recorded  # the list was recorded, and judged not blank
