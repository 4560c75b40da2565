"""Truth of the corpus-a pages (lists, home pages, 政府信息公开指南) — written by reading each page,
same schema as :mod:`tests.corpus.truth` (merged into its ``PAGES`` at the end of that module).

Guide elements (``guide``) are read as a reader reads the guide: the text after an element's label
up to the end of its line or the next element label, the spans of one paragraph joined.
"""

from __future__ import annotations

import datetime as dt

PT = "https://www.pingtan.gov.cn"
PT_META = {"SiteName": "平潭综合实验区党工委管委会", "SiteDomain": "www.pingtan.gov.cn", "SiteIDCode": "3590000001",
           "Keywords": "平潭，中国平潭，福建平潭，平潭综合实验区党工委管委会",
           "Description": "中国平潭，福建平潭，平潭综合实验区党工委管委会，平潭综合实验区党工委管委会门户网站是平潭综合实验区"
                          "党工委管委会在国际互联网上发布政务信息、提供在线服务和公众参与的综合服务平台。"}
# the issue's own example: 公安备案号 without 公网安备, a hyphen in the number
PT_IDS = {"site_id": "3590000001", "icp": "闽ICP备09032658号", "psb": "公安备案号：35012899001-19002"}
NO_FOOTER = {"site_id": None, "icp": None, "psb": None, "sponsor": None}


def _column_meta(name: str) -> dict:
    return {"ColumnName": name, "ColumnDescription": name, "ColumnKeywords": name, "ColumnType": name}


PAGES_A: dict[str, dict] = {
    "list_pingtan_trs_avalon_static_dynamic.html": dict(
        url=f"{PT}/zwgk/ghxx/gzjzqk/", kind="list", title="工作进展情况_平潭综合实验区党工委管委会",
        meta={**PT_META, **_column_meta("工作进展情况")},
        footer={**PT_IDS, "sponsor": "福建省平潭综合实验区管理委员会办公室"},
        # TRS 动静结合: the first pages' items are in the HTML in groups of five (<div ms-visible=
        # "$showStatic(n)"><ul>…), shown by avalon 15 at a time; the whole page holds 15 groups, 75 items
        # (maxStaticIndex 5 pages of 15); dates read from the <span class="bf-pass"> of each item
        items=dict(count=75,
                   first=("平潭综合实验区社会事业局关于2025年中小学教育装备产品“双随机、一公开”抽查工作情况的通报",
                          f"{PT}/zwgk/zdlyxxgk/ssjygk/sjccjg/202511/t20251111_103189.htm", "2025-11-11"),
                   last=("2021年第一季度区公安局治安巡特警支队开展保安单位“双随机”抽查工作情况",
                         f"{PT}/zwgk/ghxx/gzjzqk/202104/t20210416_25621.htm", "2021-04-16"),
                   dates=["2025-11-11", "2025-04-03", "2025-03-21", "2024-12-26", "2024-10-17",
                          "2024-08-13", "2024-04-09", "2024-04-09", "2024-04-09", "2024-03-29",
                          "2024-03-15", "2023-12-21", "2023-12-21", "2023-12-21", "2023-12-21",
                          "2023-12-19", "2023-12-18", "2023-12-18", "2023-12-15", "2023-12-15",
                          "2023-12-15", "2023-12-15", "2023-12-14", "2023-10-23", "2023-09-30",
                          "2023-09-27", "2023-09-26", "2023-09-26", "2023-09-21", "2023-07-06",
                          *["2023-07-06"] * 12,
                          "2023-06-30", "2023-05-31", "2023-05-29", "2023-04-25", "2023-04-25",
                          *["2023-04-21"] * 12,
                          "2023-03-31", "2023-03-28", "2023-03-27", "2023-01-05", "2022-11-16",
                          "2022-10-10", "2022-04-21", "2022-04-21", "2022-04-21",
                          *["2021-04-16"] * 7]),
        # the breadcrumb is <li><a>首页</a></li><li><a>政务公开</a></li>… with CSS separators
        column={"name": "工作进展情况", "name_source": "breadcrumb", "url": f"{PT}/zwgk/ghxx/gzjzqk/",
                "column_type": "other", "blank": False, "unreadable": False},
        # further pages exist only through the site's search API (recordCount 107, 75 static): no URL
        pagination=[]),
    "list_pingtan_xxgk_dl_annual_reports.html": dict(
        url=f"{PT}/zwgk/zfxxgk/zfxxgknb/", kind="list", title="政府信息公开年报_政府信息公开_平潭综合实验区党工委管委会",
        meta={**PT_META, **_column_meta("政府信息公开年报")},
        footer={**PT_IDS, "sponsor": "福建省平潭综合实验区管理委员会办公室"},  # the site template's footer
        # <dl><dd><a>title</a></dd><dd>date</dd></dl> rows; the sidebar's column links are no items
        items=dict(count=10,
                   first=("平潭综合实验区2025年度政府信息公开工作年度报告",
                          f"{PT}/zwgk/zfxxgk/zfxxgknb/202603/t20260313_105587.htm", "2026-03-10"),
                   last=("平潭综合实验区2016年度政府信息公开工作年度报告",
                         f"{PT}/zwgk/zfxxgk/zfxxgknb/201701/t20170118_80485.htm", "2017-01-18"),
                   dates=["2026-03-10", "2025-03-10", "2024-03-08", "2023-02-20", "2022-02-08", "2021-03-05",
                          "2020-01-20", "2019-01-10", "2018-01-23", "2017-01-18"]),
        column={"name": "政府信息公开年报", "url": f"{PT}/zwgk/zfxxgk/zfxxgknb/", "column_type": "other",
                "blank": False, "unreadable": False},
        report_year=None,  # a list of annual reports is not one
        pagination=[]),
    "list_pingtan_entry_hub_no_items.html": dict(
        url=f"{PT}/zwgk/zfxxgk/zc/xzgfxwjk/", kind="other", title="行政规范性文件库_政策_平潭综合实验区党工委管委会",
        meta={**PT_META, **_column_meta("行政规范性文件库")},
        footer={**PT_IDS, "sponsor": "福建省平潭综合实验区管理委员会办公室"},  # the copyright block's 主办单位
        # an entry page: links to the 14 agencies' libraries, no dated document — no list, and no
        # 空白栏目 either (it is not an empty column)
        items=dict(count=0),
        column={"name": "行政规范性文件库", "url": f"{PT}/zwgk/zfxxgk/zc/xzgfxwjk/", "column_type": "policy",
                "blank": False, "unreadable": False},
        pagination=[]),
    "guide_pingtan_trs_consult_hours.html": dict(
        url=f"{PT}/zwgk/zfxxgk/zfxxgkzn/202311/t20231104_51587.htm", kind="guide",
        title="平潭综合实验区政府信息公开指南_政府信息公开指南_平潭综合实验区党工委管委会",
        meta={"SiteName": "平潭综合实验区党工委管委会", "SiteDomain": "www.pingtan.gov.cn", "SiteIDCode": "3590000001",
              "ColumnName": "政府信息公开指南", "ColumnType": "政府信息公开指南",
              "ArticleTitle": "平潭综合实验区政府信息公开指南", "PubDate": "2024-03-23 16:23",
              "ContentSource": "平潭综合实验区管委会办公室", "Keywords": "", "Author": "", "Description": "",
              "Image": "", "Url": f"{PT}/zwgk/zfxxgk/zfxxgkzn/202311/t20231104_51587.htm"},
        # the whole page: the site footer (网站标识码：…, 公安备案号：35012899001-19002 without 公网安备,
        # 闽ICP备09032658号, 主办单位：福建省平潭综合实验区管理委员会办公室 in the copyright_info block)
        footer={**PT_IDS, "sponsor": "福建省平潭综合实验区管理委员会办公室"},
        fields={"pub_date": ("2024-03-23 16:23", "2024-03-23")}, how={"pub_date": "label"}, block=False,
        # every element split over <span>s; 通信地址 and 咨询时间 label variants; 「2.信息名称：政府信息的标题」
        # (the catalogue's field list) is no office; 在线申请 names a way (the portal), no URL; no fax;
        # the e-mail is 「仅供答复使用」 and written with a full-width ＠
        guide={"office": "平潭综合实验区管委会政府信息公开领导小组办公室",
               "address": "平潭综合实验区金井湾营运中心7号楼14层",
               "hours": "周一至周五（法定节假日除外），上午8:00至12:00，下午3:00至6:00（夏令时）、2：30至5：30（冬令时）",
               "phone": "0591-23165385", "fax": None, "postcode": "350400",
               "online": "申请人可登录“平潭综合实验区党工委管委会”政府门户网站直接填写并递交电子版"
                         "《平潭综合实验区政府信息公开申请表》（以下简称《申请表》）"}),
}

PAGES_A.update({
    "home_baqiao_vsb_icp_beian_label.html": dict(
        url="http://www.baqiao.gov.cn/", is_home=True, kind="home", title="西安市灞桥区人民政府",
        meta={"Keywords": "西安市灞桥区人民政府", "Description": ""},
        # 备案号：陕ICP备… then 网站标识码 and 陕公网安备 on one line; 版权所有 only, no 主办 label
        footer={"site_id": "6101110007", "icp": "陕ICP备05008157号", "psb": "陕公网安备 61011102000072号",
                "sponsor": None},
        # the 要闻 box: three tabs (要闻 shown, 工作动态 / 公示公告 hidden), sibling div.tabshow1, one list of
        # 27 — the 要闻 tab's ul.m-list6 differs from the others' ul.m-list6.m-pic2-1.m-listzy01 by classes
        # only; cut titles (…) take the title attribute; the nav drop-down lists have no dates
        items=dict(count=27,
                   first=("贠笑冬调研全区宣传和网信工作", "http://www.baqiao.gov.cn/info/1080/10150.htm", "2018-03-16"),
                   last=("西安市灞桥区畜禽养殖禁养区划分技术方案公示",
                         "http://www.baqiao.gov.cn/info/egovinfo/1001/xxgk/xxgk_content/hbbqfj-06_A/2017-1211001.htm",
                         "2017-12-11"),
                   dates=["2018-03-16", "2018-03-15", "2018-03-14", "2018-03-14", "2018-03-13", "2018-03-13",
                          "2018-03-12"] + ["2018-03-16"] * 11
                         + ["2018-03-13", "2018-03-08", "2018-01-05", "2017-12-29", "2017-12-28", "2017-12-27",
                            "2017-12-26", "2017-12-25", "2017-12-11"])),
    "home_ahyx_gb2312_declared_psb_label_variant.html": dict(
        url="http://www.ahyx.gov.cn/", is_home=True, kind="home",
        title="岳西网 - 中国·岳西县|安徽安庆岳西|岳西旅游|岳西门户网|岳西新闻|岳西土特产 >> 首页",
        encoding="utf-8",  # declared gb2312 (2018-era template), the text is UTF-8
        # the metas sit between two <head>s; the Description names the ICP number (no footer)
        meta={"Keywords": "主流媒体，岳西门户，岳西,岳西县,岳西门户网,岳西新闻网,岳西县新闻,岳西在线,安徽岳西,安庆岳西,"
                          "岳西房产,岳西汽车,岳西教育,岳西电视,岳西旅游,岳西翠兰",
              "Description": "岳西网是由岳西县委宣传部主办的县内主流新闻网站、门户网站，是岳西最具发展潜力的权威媒体。"
                             "岳西县综合门户网站,岳西县新闻网站，岳西县网络信息权威发布平台,岳西县对外宣传网络平台。"
                             "皖网宣备080008号、皖ICP备08101403号。"},
        # 公网安备案： label variant (案, a colon, no province); no 网站标识码; 版权所有 is no 主办
        footer={"site_id": None, "icp": "皖ICP备08101403号", "psb": "公网安备案： 34082802000414号", "sponsor": None},
        items=dict(count=0)),  # the home page's lists are not in the excerpt
})

ALT = "http://www.alt.gov.cn/Article/ShowArticle.aspx?ArticleID="
PAGES_A.update({
    "home_aqsiq_footer_iframe_tabs.html": dict(
        url="http://www.aqsiq.gov.cn/", is_home=True, kind="home", title="国家质量监督检验检疫总局门户网站",
        encoding="utf-8",  # declared gb2312
        meta={"Keywords": "国家质量监督检验检疫总局,国家质检总局网站,检验检疫局"},
        # the footer (ids, sponsor) is an <iframe src=…/iframe/bottom/index_6136.htm>: none on the page; a
        # commented-out footer holds a nested comment (its first --> ends it early)
        footer=NO_FOOTER,
        # the main list is the shown tab of the news box at the top (国务院信息 in an iframe, 质检要闻 shown,
        # 地方新闻 / 新闻发布厅 / 质检视频 hidden — nine items each, first in page order wins): nine
        # <li><span>date</span><a><a title="…">cut…</a></a> rows, an anchor inside an anchor, the whole title
        # in the title attribute; the 质检数聚 box further down (three tabs, the first <ul> never closed,
        # four items shown) is a smaller list
        items=dict(count=9,
                   first=("质检总局党组传达学习党的十九届三中全会精神",
                          "http://www.aqsiq.gov.cn/zjxw/zjxw/zjftpxw/201803/t20180302_513709.htm", "2018-03-02"),
                   last=("质检总局直属机关三八妇女节表彰座谈会在京召开质检巾帼心向党 奋勇建功新时代",
                         "http://www.aqsiq.gov.cn/zjxw/zjxw/zjftpxw/201803/t20180309_514203.htm", "2018-03-09"),
                   dates=["2018-03-02", "2017-11-06", "2018-03-14", "2018-03-14", "2018-03-13", "2018-03-13",
                          "2018-03-13", "2018-03-12", "2018-03-09"])),
    "home_altay_aspx_bracket_dates_sponsor_no_siteid.html": dict(
        url="http://www.alt.gov.cn/", is_home=True, kind="home", title="阿勒泰市政府网站", meta={},
        # 开办 / 主办 / 承办 on three lines; the ICP number in brackets; no 网站标识码, no 公网安备 (2018)
        footer={"site_id": None, "icp": "新ICP备15003890号-1", "psb": None, "sponsor": "阿勒泰市人民政府办公室"},
        # three tabs of one box (政务动态 / 乡镇场动态 / 部门动态), sibling <UL>s: one list of 21;
        # dates after the anchor in brackets; cut titles (…) whose title attribute is a tooltip
        # 「文章标题：…\n 作者：\n 更新时间：…\n 点击次数：…」: the title is the 文章标题 line
        items=dict(count=21,
                   first=("阿勒泰市：“我们老百姓的生活会越来越美好”", f"{ALT}130466", "2018-03-22"),
                   last=("驻村干部和亲戚一起在蔬菜大棚里耕种春天", f"{ALT}130440", "2018-03-19"),
                   dates=["2018-03-22", "2018-03-20", "2018-03-19", "2018-03-18", "2018-03-16", "2018-03-15",
                          "2018-03-15", "2018-03-22", "2018-03-22", "2018-03-19", "2018-03-19", "2018-03-19",
                          "2018-03-16", "2018-03-14", "2018-03-22", "2018-03-22", "2018-03-22", "2018-03-22",
                          "2018-03-20", "2018-03-19", "2018-03-19"])),
})

PAGES_A.update({
    "home_bjfda_eportal_title_shouye_fullwidth_icp.html": dict(
        url="http://www.bjda.gov.cn/", is_home=True, kind="home", title="首页",  # the home page's title is 「首页」
        meta={"Keywords": "", "Description": "首页"},
        # 京公网安备 without 号; 京ICP备…号－1 with a FULL-WIDTH hyphen; 政府网站标识码 (the sitecode also in a
        # script attribute); no 主办 label
        footer={"site_id": "1100000169", "icp": "京ICP备14005922号－1", "psb": "京公网安备110102000155",
                "sponsor": None},
        # the whole page: three boxes of four tabs each (setTab: <div id="con_one_N" class="none|block">, a
        # portlet <div class="portlet"><div><ul class="aqxx_list"> in each panel); the main list is the
        # news box (国务院要闻 / 总局要闻 / 首都要闻 / 政务信息, 9 items a tab: one list of 36; the 安全信息 and
        # 通知公告 boxes hold 6 a tab); the one 重要通知 link is undated
        items=dict(count=36,
                   first=("习近平：在第十三届全国人民代表大会第一次会议上的讲话",
                          "http://www.bjda.gov.cn/bjfda/zwgk29/xwdt/gwyyw/458640/index.html", "2018-03-21"),
                   last=("我局召开2018年药械市场监管工作会",
                         "http://www.bjda.gov.cn/bjfda/zwgk29/xwdt/136578/456719/index.html", "2018-03-05"),
                   dates=["2018-03-21", "2018-03-20", "2018-03-19", "2018-03-19", "2018-03-19", "2018-03-16",
                          "2018-03-15", "2018-03-14", "2018-03-13",
                          "2018-03-21", "2018-03-19", "2018-03-16", "2018-03-12", "2018-03-09", "2018-03-06",
                          "2018-03-02", "2018-02-24", "2018-02-23",
                          "2018-03-21", "2018-03-21", "2018-03-20", "2018-03-19", "2018-03-16", "2018-03-15",
                          "2018-03-14", "2018-03-13", "2018-03-12",
                          "2018-03-19", "2018-03-15", "2018-03-15", "2018-03-15", "2018-03-14", "2018-03-08",
                          "2018-03-07", "2018-03-05", "2018-03-05"])),
})

PAGES_A.update({
    "home_bjchy_footer_by_script_news_tabs.html": dict(
        url="http://www.bjchy.gov.cn/", is_home=True, kind="home", title="北京朝阳", meta={},
        encoding="utf-8",  # declared gb2312
        footer=NO_FOOTER,  # written by /resource/js/home_bottom.js: no ids on the page
        # four tabs of the 新闻 box (朝阳要闻 shown, 部门动态 / 基层动态 / 大型活动 hidden): <div class="content
        # news_text"><ul>, one list of 32; hrefs padded with spaces (「  /dynamic/….html 」); cut titles (...)
        # take the title attribute, its trailing space dropped
        items=dict(count=32,
                   first=("交通安全示范社区创建让居民享便利",
                          "http://www.bjchy.gov.cn/dynamic/zwhd/8a24fe83622bebd801622cf3133e0056.html", "2018-03-16"),
                   last=("奥林匹克森林公园举办首届儿童冰雪乐园",
                         "http://www.bjchy.gov.cn/dynamic/dxhdyg/8a24fe836107744101610812446b0050.html", "2018-01-18"),
                   dates=["2018-03-16"] * 24 + ["2018-03-09", "2018-02-23", "2018-02-14", "2018-02-09", "2018-02-06",
                                                "2018-01-22", "2018-01-19", "2018-01-18"])),
})

PAGES_A.update({
    "home_12333sh_js_redirect_stub_gbk.html": dict(
        url="http://www.12333sh.gov.cn/", is_home=True, kind="home", title="上海市人力资源社会保障网", meta={},
        encoding="utf-8",  # declared GBK; the text is UTF-8 (ASCII but for the title)
        footer=NO_FOOTER,
        # the whole page: a title and window.top.location.href='…/201712333/index.shtml' — the home page
        # is the redirect's target; without it the crawl has nothing to follow
        items=dict(count=0), redirects=["http://www.12333sh.gov.cn/201712333/index.shtml"]),
})

GJJ = "http://www.bjgjj.gov.cn"
PAGES_A.update({
    "home_bjgjj_trs_mmdd_year_from_url.html": dict(
        url=f"{GJJ}/", is_home=True, kind="home", title="北京住房公积金网", meta={},
        encoding="utf-8",  # declared GBK
        # 京公网安备 without 号; 版权所有 only (no 主办); the site code only in a script attribute
        footer={"site_id": None, "icp": "京ICP备05031686号", "psb": "京公网安备11010102001509", "sponsor": None},
        # 新闻动态: two tabs (中心新闻 / 通知公告), sibling <ul>s; MM-DD dates whose year is the URL's
        # (03-08 of t20180307_4752: published the day after it was made — 2018, not this year); cut
        # titles (…) without a title attribute stay as shown. The whole page has further lists: the
        # 政策法规 box's four tabs (27 items, MM-DD dates, a second <div class="x_new_r">, not siblings of
        # the news tabs), undated 便民举措 and rollpic links — the page's first, most dated list is the news
        items=dict(count=14,
                   first=("北京住房公积金管理中心2018年部门预算情况的说明", f"{GJJ}/xwdt/201803/t20180307_4752.html",
                          "2018-03-08"),
                   last=("关于顺义管理部农行网点暂停业务的通知", f"{GJJ}/ggtz/201711/t20171119_4681.html", "2017-11-19"),
                   dates=["2018-03-08", "2018-02-28", "2018-01-31", "2018-01-15", "2017-10-27", "2017-10-27",
                          "2017-10-25", "2018-03-15", "2018-02-28", "2018-02-23", "2018-01-15", "2017-12-18",
                          "2017-12-07", "2017-11-19"])),
})

BD = "http://www.beidou.gov.cn"
PAGES_A.update({
    "home_beidou_trs_sponsor_suffix_mobile_redirect.html": dict(
        url=f"{BD}/", is_home=True, kind="home", title="北斗卫星导航系统", meta={},
        # 「中国卫星导航系统管理办公室主办」: the sponsor written before 主办, no colon; no 网站标识码 / 公网安备
        footer={"site_id": None, "icp": "京ICP备05022684号-2", "psb": None, "sponsor": "中国卫星导航系统管理办公室"},
        # the mobile redirect sits inside browserRedirect()'s if: no redirect to follow (a choice)
        redirects=[],
        # 要闻: <li><a>…</a><span>03-20</span>, years from the URLs; the 最新新闻 ticker is undated. The
        # whole page (the excerpt kept two items): one box of three tabs (新闻中心 shown, 行业动态 and
        # 国际动态 hidden: div.yaowenCBox, the same ul.yaowenBUl in each), six items a tab, each item
        # followed by a commented-out placeholder <li>: a box's tabs are one list (as baqiao's), 18
        # items in page order; the further boxes (官方公告, 国际合作, 产业, 政策法规) are other lists.
        # 国际动态 was entered on 2017-10-23 (t20171023_…) and shows its items' earlier dates (08-21)
        items=dict(count=18,
                   first=("记者眼中的北斗委员：带着科学家精神做委员", f"{BD}/yw/xwzx/201803/t20180320_14232.html",
                          "2018-03-20"),
                   last=("欧洲航天局将伽利略相关职责转交GSA", f"{BD}/yw/gjdt/201710/t20171023_7375.html", "2017-08-02"),
                   dates=["2018-03-20", "2018-03-19", "2018-03-19", "2018-03-16", "2018-03-15", "2018-03-14",
                          "2018-03-22", "2018-03-22", "2018-03-22", "2018-03-21", "2018-03-21", "2018-03-21",
                          "2017-12-23", "2017-11-29", "2017-10-13", "2017-09-26", "2017-08-21", "2017-08-02"])),
})

TZ = "http://www.bjtzh.gov.cn"
PAGES_A.update({
    "home_bjtzh_component_cms_spaced_icp_title_attr.html": dict(
        url=f"{TZ}/", is_home=True, kind="home", title="北京通州", meta={},
        # 「政府网站标识码:1101120001」 (ASCII colon), 「京ICP备 05031679号」 kept as written (a space)
        footer={"site_id": "1101120001", "icp": "京ICP备 05031679号", "psb": "京公网安备11011202001838号",
                "sponsor": "北京市通州区人民政府"},
        # the study saved its pages in March 2018 (the newest dates on them are 03-22): 03-22 has no
        # year on the page or in its URL (…/c16073216/content.html), so it is of the day saved
        ref_date=dt.date(2018, 3, 31),
        # 通知公告 tab: titles cut with &hellip; in the link, whole in title= (unquoted); the date is a
        # second link to the same URL; hrefs padded with spaces (" n95/…/content.html ")
        items=dict(count=5,
                   first=("2018年通州区梨园镇招聘社区工作者", f"{TZ}/n95/n534/n705/c16073216/content.html", "2018-03-22"),
                   last=("2018年通州区梨园镇招聘社区工作者笔试时间地点安排的公告",
                         f"{TZ}/n95/n534/n705/c16040714/content.html", "2018-03-13"),
                   dates=["2018-03-22", "2018-03-19", "2018-03-15", "2018-03-15", "2018-03-13"])),
})
