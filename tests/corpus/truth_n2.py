"""Truth of the n2 pages (more home pages and lists) — written by reading each page, same schema as
:mod:`tests.corpus.truth` (merged into its ``PAGES`` at the end of that module).

Most are 2018 home-page sources of ``silverfoxy/JSCryptoMinerStudy`` (``pagesource/<domain>``): what
the sites served at their bare domain that March — stubs, redirects, frames and challenge pages as
often as portals. A stub's truth is what a crawler standing there sees: no ids, no list, and the
redirect it can follow (or none).
"""

from __future__ import annotations

NO_FOOTER = {"site_id": None, "icp": None, "psb": None, "sponsor": None}

RBJ = "http://www.bjrbj.gov.cn"
SD = "http://www.shandong.gov.cn"
PT = "https://www.pingtan.gov.cn"

PAGES_N2: dict[str, dict] = {
    # the whole file: a script whose URL is three literals joined by + ('http:/'+'/'+'www…'); the
    # joined literals are the redirect's target (before, no redirect was seen and the crawl stopped here)
    "home_bjsat_js_href_concat_stub.html": dict(
        url="http://www.bjsat.gov.cn/", is_home=True, kind="home", title="", meta={}, encoding="utf-8",
        footer=NO_FOOTER, items=dict(count=0), redirects=["http://www.bjsat.gov.cn/bjsat/"]),
    # the whole file: every redirect sits in an if/else on the page's own host (www → /pub/newsite/,
    # eng → /pub/csrc_en/, a province name → /pub/<province>/): conditional, not followed (the same
    # choice as the beidou page's mobile redirect) — the crawl has nothing to follow from here
    "home_csrc_js_redirect_by_subdomain.html": dict(
        url="http://www.csrc.gov.cn/", is_home=True, kind="home", title="", meta={}, encoding="utf-8",
        footer=NO_FOOTER, items=dict(count=0), redirects=[]),
    # the whole file: a WZWS anti-bot challenge (<noscript>请开启JavaScript并刷新该页.</noscript> and a packed
    # eval that sets a cookie and reloads) instead of the home page: no title, no ids, no list
    "home_pbc_js_challenge_noscript.html": dict(
        url="http://www.pbc.gov.cn/", is_home=True, kind="home", title="", meta={}, encoding="utf-8",
        footer=NO_FOOTER, items=dict(count=0), redirects=[]),
    # the whole file: an empty <title> (a newline) the browser replaces by a script's document.title
    # (「欢迎访问国家外汇管理局网站!」 in \\u escapes: not the <title>); a frameset whose one frame is the portal
    "home_safe_frameset_title_by_script.html": dict(
        url="http://www.safe.gov.cn/", is_home=True, kind="home", title="", meta={}, encoding="utf-8",
        footer=NO_FOOTER, items=dict(count=0), redirects=[]),
    # the whole file: an IIS 「Object Moved」 body (the 302's text) with one link to www.shanghai.gov.cn —
    # an ordinary link, no client-side redirect
    "home_sh_iis_object_moved_stub.html": dict(
        url="http://www.sh.gov.cn/", is_home=True, kind="home", title="Document Moved", meta={},
        encoding="utf-8", footer=NO_FOOTER, items=dict(count=0), redirects=[]),
    # the whole file: a <head> with only a meta refresh (0;url=/webmail/) — what sz.gov.cn served
    "home_sz_meta_refresh_webmail_stub.html": dict(
        url="http://www.sz.gov.cn/", is_home=True, kind="home", title="", meta={}, encoding="utf-8",
        footer=NO_FOOTER, items=dict(count=0), redirects=["http://www.sz.gov.cn/webmail/"]),
    # component CMS (<!--start component HTML组件…-->); the body is three <iframe>s and a footer: no list
    # on the page; 「国家税务总局办公厅主办 电子税务管理中心技术支持」 — the suffix form with the next credit
    # on the same line (before, the sponsor was not read); 版权所有 then the ICP number with its -2 suffix;
    # the site code only in the 纠错 script's sitecode attribute (not shown: no 网站标识码); no 公网安备;
    # <meta name=”renderer”> with curly quotes (no tag)
    "home_chinatax_component_iframes_sponsor_suffix.html": dict(
        url="http://www.chinatax.gov.cn/", is_home=True, kind="home", title="国家税务总局",
        meta={"Description": "国家税务总局官方网站，第一时间发布税务新闻和税收政策，为纳税人和社会公众提供办税指南、涉税查询、"
                             "纳税咨询等权威信息与服务。"},
        encoding="utf-8",
        footer={"site_id": None, "icp": "京ICP备13021685号-2", "psb": None, "sponsor": "国家税务总局办公厅"},
        items=dict(count=0), redirects=[]),
    # TRS WCM, declared GBK (the text is UTF-8). Footer: 「政府网站标识码:1100000062 京公网安备:110102000777
    # ICP备案序号:京ICP备05056884号」 — ASCII colons after every label, 公网安备 with a colon and no 号, the
    # ICP number after its own label 「ICP备案序号:」; 「… 版权所有」 only, no 主办.
    # Lists: 工作动态 (MM-DD) and 网上下载 (full dates) sit in the nav bar's hover panels (div.navBar >
    # div.subNav, shown only under a menu entry); the page body's dated list is 公示公告: five
    # 「[公告]」 rows, cut titles (…) whole in the title attribute, MM-DD dates whose year is the URL's.
    # Before, the tool took 网上下载 (six rows, one more than the others) as the page's main list.
    "home_bjrbj_trs_gbk_psb_colon_title_attr.html": dict(
        url=f"{RBJ}/", is_home=True, kind="home", title="北京市人力资源和社会保障局", meta={},
        encoding="utf-8",
        footer={"site_id": "1100000062", "icp": "京ICP备05056884号", "psb": "京公网安备:110102000777",
                "sponsor": None},
        items=dict(count=5,
                   first=("网站系统维护公告", f"{RBJ}/xxgk/gsgg/201803/t20180320_71523.html", "2018-03-20"),
                   last=("北京市统计局2018年面向社会公开招聘事业单位工作人员公告",
                         f"{RBJ}/xxgk/gsgg/201803/t20180320_71526.html", "2018-03-20"),
                   dates=["2018-03-20"] * 5),
        redirects=[]),
    # Hanweb 大汉版通 (art_…/col… paths, Maketime meta, jpage-less static lists); the page names itself
    # www.shandong.gov.cn (siteurl meta). Lower-case 「sitename」 is the SiteName tag; Keywords is Hanweb's
    # stock product blurb; two Author metas (大汉网络 first, 中国山东 later: the first wins); Maketime and
    # siteurl are no 指引2017 tags; http-equiv in full-width quotes. Footer: written by /script/0/….js —
    # no ids on the page. Lists: the 今日关注 / 省内要闻 box is two tabs, <div class="lx-jrgz-left-text">
    # and <div class="lx-jrgz-left-text dis"> (the state class 「dis」 marks the hidden one) — one list of
    # 12 (before, the class difference split them and only the first tab's 6 were read)
    "home_sd_hanweb_lowercase_meta_tab_state_class.html": dict(
        url="http://www.shandong.gov.cn/", is_home=True, kind="home", title="中国山东_山东省人民政府门户网站",
        meta={"Keywords": "内容管理、内容管理发布（CMS）系统、信息发布、新闻采编发系统、知识管理、知识门户、政府门户、教育门户、"
                          "企业门户、竞争情报系统、抓取系统、信息采集、信息雷达系统、电子政务、电子政务解决方案、办公系统、OA、"
                          "网站办公系统",
              "Author": "大汉网络", "SiteName": "中国山东_山东省人民政府门户网站", "Description": "中国山东"},
        encoding="utf-8", footer=NO_FOOTER,
        items=dict(count=12,
                   first=("省政府召开常务会议研究实施农村人居环境整治三年行动计划等工作",
                          f"{SD}/art/2018/3/23/art_6883_236663.html", "2018-03-23"),
                   last=("菏泽一批新动能重点项目开工", f"{SD}/art/2018/3/23/art_6883_236511.html", "2018-03-23"),
                   dates=["2018-03-23", "2018-03-23", "2018-03-22", "2018-03-22", "2018-03-22", "2018-03-22",
                          "2018-03-23", "2018-03-23", "2018-03-23", "2018-03-23", "2018-03-23", "2018-03-23"]),
        redirects=[]),
    # the whole page (the existing pingtan lists are excerpts): TRS 动静结合, maxStaticIndex 1 — the first
    # page's 15 items are in the HTML (three <ul> groups of five under ms-visible="showStatic"), the avalon
    # ms-repeat templates beside them stay empty; recordCount 34 at 15 a page: pages 2–3 exist only through
    # the search API (list2.trsapi), no URL to follow. The dates shown (<span class="bf-pass">) are the
    # documents' own, not the URLs' (2025-05-21 for t20250818_…). Not blank, not unreadable.
    "list_pingtan_zfxxgkzd_static_first_page_api_rest.html": dict(
        url=f"{PT}/zwgk/zfxxgk/zfxxgkzd/", kind="list", title="政府信息公开制度_政府信息公开_平潭综合实验区党工委管委会",
        meta={"SiteName": "平潭综合实验区党工委管委会", "SiteDomain": "www.pingtan.gov.cn", "SiteIDCode": "3590000001",
              "ColumnName": "政府信息公开制度", "ColumnDescription": "政府信息公开制度", "ColumnKeywords": "政府信息公开制度",
              "ColumnType": "政府信息公开制度", "Keywords": "平潭，中国平潭，福建平潭，平潭综合实验区党工委管委会",
              "Description": "中国平潭，福建平潭，平潭综合实验区党工委管委会，平潭综合实验区党工委管委会门户网站是平潭综合实验区"
                             "党工委管委会在国际互联网上发布政务信息、提供在线服务和公众参与的综合服务平台。"},
        encoding="utf-8",
        footer={"site_id": "3590000001", "icp": "闽ICP备09032658号", "psb": "公安备案号：35012899001-19002",
                "sponsor": "福建省平潭综合实验区管理委员会办公室"},
        items=dict(count=15,
                   first=("最高人民法院关于审理政府信息公开行政案件适用法律若干问题的解释",
                          f"{PT}/zwgk/zfxxgk/zfxxgkzd/202508/t20250818_100984.htm", "2025-05-21"),
                   last=("福建省人民政府办公厅关于印发《福建省政府信息查阅场所管理办法》的通知",
                         f"{PT}/zwgk/zfxxgk/zfxxgkzd/202311/t20231109_80960.htm", "2016-12-29"),
                   dates=["2025-05-21", "2023-03-06", "2022-06-08", "2021-10-01", "2021-08-19", "2020-02-05",
                          "2019-11-27", "2019-05-29", "2019-04-15", "2018-05-23", "2018-04-18", "2017-12-15",
                          "2017-05-05", "2017-01-03", "2016-12-29"]),
        column={"name": "政府信息公开制度", "url": f"{PT}/zwgk/zfxxgk/zfxxgkzd/", "column_type": "other",
                "blank": False, "unreadable": False},
        pagination=[]),
    # the whole file: browserRedirect() sniffs the user agent — mobile → m.mof.gov.cn, **else (a desktop
    # browser, the crawler) → http://www.mof.gov.cn/index.htm**: the else branch is the home page's real
    # address (before, nothing was followed: the whole site stood behind an unfollowed redirect)
    "home_mof_ua_redirect_desktop_else_branch.html": dict(
        url="http://www.mof.gov.cn/", is_home=True, kind="home", title="", meta={}, encoding="utf-8",
        footer=NO_FOOTER, items=dict(count=0), redirects=["http://www.mof.gov.cn/index.htm"]),
    # the whole file: a server's 302 body (「302 Moved Temporarily」) with one ordinary link to /index.html
    "home_caac_302_body_moved_temporarily.html": dict(
        url="http://www.caac.gov.cn/", is_home=True, kind="home", title="302 Moved Temporarily", meta={},
        encoding="utf-8", footer=NO_FOOTER, items=dict(count=0), redirects=[]),
}
