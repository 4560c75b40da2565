"""Truth of the n1 pages — 政府信息公开工作年度报告, 政策解读 and the pages around them — written
by reading each page, same schema as :mod:`tests.corpus.truth` (merged into its ``PAGES`` at the
end of that module), plus the keys of these kinds (each asserted only where a page's truth has it):

``interpretation``        None, or what the page says about itself as a 解读: ``title`` (the 解读's
                          own title), ``detected_by`` (``title:<pattern>`` — which title form it
                          has — or ``meta:ColumnName=…`` / ``breadcrumb:…``), ``column_name``,
                          ``pub_date`` (ISO) and ``pub_date_label``, ``quoted_titles`` (the titles
                          quoted in 《》 that it may interpret, white space and “” removed; no
                          back-references such as 《专项规划》, no other 解读's title),
                          ``doc_numbers`` (发文字号 cited);
``interpretation_links``  the 解读 links of the page, ``[{"url", "text", "label"}]`` in page order
                          (menus that link the 政策解读 column from every page are no such link);
``consultation``          None, or a consultation list/detail (see ``compare`` in truth.py);
``report_year``           the year a 政府信息公开工作年度报告 reports on, or None.
"""

from __future__ import annotations

PT = "https://www.pingtan.gov.cn"
PT_SITE = {"SiteName": "平潭综合实验区党工委管委会", "SiteDomain": "www.pingtan.gov.cn", "SiteIDCode": "3590000001"}
# the whole template footer is on every page saved whole: 公安备案号 with a hyphen, 主办单位 line
PT_FOOTER = {"site_id": "3590000001", "icp": "闽ICP备09032658号", "psb": "公安备案号：35012899001-19002",
             "sponsor": "福建省平潭综合实验区管理委员会办公室"}


def _column(name: str) -> dict:
    return {"ColumnName": name, "ColumnType": name}


PAGES_N1: dict[str, dict] = {
    # 专题专栏 template: a 一图看懂 infographic (one image, no text) in the column 政策文件及解读
    "interp_pingtan_ztzl_yitu_kandong.html": dict(
        url=f"{PT}/zwgk/ztzl/gazl/zcwjjjd/202411/t20241114_95046.htm", kind="document",
        title="政策文件及解读_ 平潭综合实验区党工委管委会",
        meta={**PT_SITE, **_column("政策文件及解读"),
              "ArticleTitle": "一图看懂：机动车行驶证电子化11月4日起分三批推广应用", "PubDate": "2024-11-14 10:36",
              "ContentSource": "", "Keywords": "", "Author": "公安部交通管理局", "Description": "",
              "Image": f"{PT}/zwgk/ztzl/gazl/zcwjjjd/202411/W020241114382154528597.jpg",
              "Url": f"{PT}/zwgk/ztzl/gazl/zcwjjjd/202411/t20241114_95046.htm"},
        footer=PT_FOOTER,
        fields={"pub_date": ("2024-11-14 10:36", "2024-11-14")}, how={"pub_date": "label"}, block=False,
        downloads=[],
        # 一图看懂 (not 读懂) is the 一图读懂 form; the <title> names only the column
        interpretation={"title": "一图看懂：机动车行驶证电子化11月4日起分三批推广应用",
                        "detected_by": "title:一图读懂…", "column_name": "政策文件及解读",
                        "pub_date": "2024-11-14", "pub_date_label": "时间", "quoted_titles": [],
                        "doc_numbers": []},
        # the header menu's 平潭政策解读 is the column, linked from every page: no 解读 link
        interpretation_links=[], consultation=None, report_year=None),
    # the same column holds this announcement (an image of the 公安部 notice): a mixed column
    # 政策文件及解读 makes no page a 解读, and the <title> 「政策文件及解读_…」 names only the column
    "interp_pingtan_mixed_column_news_not_jiedu.html": dict(
        url=f"{PT}/zwgk/ztzl/gazl/zcwjjjd/202411/t20241114_95045.htm", kind="document",
        title="政策文件及解读_ 平潭综合实验区党工委管委会",
        meta={**PT_SITE, **_column("政策文件及解读"),
              "ArticleTitle": "公安部：机动车行驶证电子化11月4日起分三批推广应用", "PubDate": "2024-11-14 10:34",
              "ContentSource": "", "Keywords": "", "Author": "公安部交通管理局", "Description": "",
              "Image": f"{PT}/zwgk/ztzl/gazl/zcwjjjd/202411/W020241114381501470924.jpg",
              "Url": f"{PT}/zwgk/ztzl/gazl/zcwjjjd/202411/t20241114_95045.htm"},
        footer=PT_FOOTER,
        fields={"pub_date": ("2024-11-14 10:34", "2024-11-14")}, how={"pub_date": "label"}, block=False,
        downloads=[], interpretation=None, interpretation_links=[], consultation=None, report_year=None),
    # the 解读 of a plan: its title quoted in full once, then 《专项规划》 four times (back-references);
    # 原文链接 to the plan; a link to the 图片解读 of the same plan
    "interp_pingtan_sswjd_shuminghao_jiedu.html": dict(
        url=f"{PT}/zwgk/ztzl/sswgh/sswjd/202211/t20221104_38216.htm", kind="document",
        title="“十四五”解读_ 平潭综合实验区党工委管委会",
        meta={**PT_SITE, **_column("“十四五”解读"),
              "ArticleTitle": "《平潭综合实验区“十四五”社会事业发展专项规划》政策解读", "PubDate": "2022-11-04 10:02",
              "ContentSource": "平潭综合实验区社会事业局", "Keywords": "社会事业", "Author": "平潭社会事业局",
              "Description": "", "Image": "", "Url": f"{PT}/zwgk/ztzl/sswgh/sswjd/202211/t20221104_38216.htm"},
        footer=PT_FOOTER,
        fields={"pub_date": ("2022-11-04 10:02", "2022-11-04")}, how={"pub_date": "label"}, block=False,
        downloads=[],
        interpretation={"title": "《平潭综合实验区“十四五”社会事业发展专项规划》政策解读",
                        "detected_by": "title:《…》政策解读", "column_name": "“十四五”解读",
                        "pub_date": "2022-11-04", "pub_date_label": "时间",
                        "quoted_titles": ["平潭综合实验区十四五社会事业发展专项规划"], "doc_numbers": []},
        interpretation_links=[{"url": f"{PT}/jdhy/zcjd/202212/t20221208_42191.htm",
                               "text": "《平潭综合实验区“十四五”社会事业发展专项规划政策解读》（图片解读）",
                               "label": "anchor"}],
        consultation=None, report_year=None),
    # 关于《…》的政策解读 whose 编制依据 sentence quotes three more plans; Word markup splits one quote
    # over two <span>s (《福建省</span><span>“十四五”现代…专项规划》); 《规划》 (15 times) is a
    # back-reference; the 相关文件 link is the plan itself (a document), not a 解读 link
    "interp_pingtan_guanyu_de_jiedu_basis_quotes.html": dict(
        url=f"{PT}/zwgk/ztzl/sswgh/sswjd/202211/t20221130_41840.htm", kind="document",
        title="“十四五”解读_ 平潭综合实验区党工委管委会",
        meta={**PT_SITE, **_column("“十四五”解读"),
              "ArticleTitle": "关于《平潭综合实验区“十四五”综合交通运输规划》的政策解读", "PubDate": "2022-05-13 20:54",
              "ContentSource": "平潭综合实验区交通建设局", "Keywords": "平潭综合实验区“十四五”综合交通运输规划",
              "Author": "平潭交建局", "Description": "", "Image": "",
              "Url": f"{PT}/zwgk/ztzl/sswgh/sswjd/202211/t20221130_41840.htm"},
        footer=PT_FOOTER,
        fields={"pub_date": ("2022-05-13 20:54", "2022-05-13")}, how={"pub_date": "label"}, block=False,
        downloads=[],
        interpretation={"title": "关于《平潭综合实验区“十四五”综合交通运输规划》的政策解读",
                        "detected_by": "title:《…》政策解读", "column_name": "“十四五”解读",
                        "pub_date": "2022-05-13", "pub_date_label": "时间",
                        "quoted_titles": ["平潭综合实验区十四五综合交通运输规划", "交通强国建设纲要",
                                          "福建省十四五现代综合交通运输体系发展专项规划",
                                          "平潭综合实验区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要",
                                          "福建省十四五综合交通运输发展专项规划"],
                        "doc_numbers": []},
        interpretation_links=[], consultation=None, report_year=None),
    # the plan the 解读 above interprets: 「正文见附件」 and 「政策解读链接」 as plain text (no <a>, no
    # attachment in the saved page); the template's 政策解读 side box is filled by a script
    "interp_pingtan_policy_doc_jiedu_word_unlinked.html": dict(
        url=f"{PT}/zwgk/ztzl/sswgh/sswghwj/202211/t20221104_38214.htm", kind="document",
        title="“十四五”规划文件_ 平潭综合实验区党工委管委会",
        meta={**PT_SITE, **_column("“十四五”规划文件"),
              "ArticleTitle": "平潭综合实验区管委会办公室关印发《平潭综合实验区“十四五”社会事业发展专项规划》的通知",
              "PubDate": "2022-11-04 09:59", "ContentSource": "平潭综合实验区社会事业局", "Keywords": "社会事业",
              "Author": "平潭社会事业局", "Description": "", "Image": "",
              "Url": f"{PT}/zwgk/ztzl/sswgh/sswghwj/202211/t20221104_38214.htm"},
        footer=PT_FOOTER,
        fields={"pub_date": ("2022-11-04 09:59", "2022-11-04")}, how={"pub_date": "label"}, block=False,
        downloads=[], interpretation=None, interpretation_links=[], consultation=None, report_year=None),
    # 信息公开 template: a department's report titled 「…2013年信息公开年度报告」 (no 政府, no 工作);
    # the meta tag name 「Desctiption」 is misspelt (no 指引2017 tag); body headed 一、概述 (not 总体情况)
    "report_pingtan_dishui_2013_no_zhengfu_in_title.html": dict(
        url=f"{PT}/zwgk/zfxxgk/zfxxgknb/201402/t20140225_80774.htm", kind="annual_report",
        title="平潭综合实验区地方税务局2013年信息公开年度报告_政府信息公开年报_平潭综合实验区党工委管委会",
        meta={**PT_SITE, **_column("政府信息公开年报"),
              "ArticleTitle": "平潭综合实验区地方税务局2013年信息公开年度报告", "PubDate": "2014-02-25 00:00",
              "ContentSource": "", "Keywords": "", "Author": "超级管理员", "Image": "",
              "Url": f"{PT}/zwgk/zfxxgk/zfxxgknb/201402/t20140225_80774.htm"},
        footer=PT_FOOTER,
        fields={"pub_date": ("2014-02-25 00:00", "2014-02-25")}, how={"pub_date": "label"}, block=False,
        downloads=[], report_year=2013, interpretation=None, interpretation_links=[], consultation=None),
    # a county government's report: Word-pasted <span>s (the year 2013 and 「年政府信息公开工作年度报告」 in
    # two runs of the heading, a mojibake font name), a statistics table, signed 平潭县人民政府 with
    # no date under it (no 成文日期 on the page)
    "report_pingtan_county_2013_word_markup.html": dict(
        url=f"{PT}/zwgk/zfxxgk/zfxxgknb/201401/t20140122_80754.htm", kind="annual_report",
        title="平潭县人民政府2013年政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会",
        meta={**PT_SITE, **_column("政府信息公开年报"),
              "ArticleTitle": "平潭县人民政府2013年政府信息公开工作年度报告", "PubDate": "2014-01-22 00:00",
              "ContentSource": "平潭县人民政府", "Keywords": "", "Author": "超级管理员", "Description": "",
              "Image": "", "Url": f"{PT}/zwgk/zfxxgk/zfxxgknb/201401/t20140122_80754.htm"},
        footer=PT_FOOTER,
        fields={"pub_date": ("2014-01-22 00:00", "2014-01-22")}, how={"pub_date": "label"}, block=False,
        downloads=[], report_year=2013, interpretation=None, interpretation_links=[], consultation=None),
    # a 函 filed in the 政府信息公开年报 column: the <title> ends 「_政府信息公开年报_…」 and the body cites
    # the notice on 「…政府信息公开工作年度报告有关事项」 — neither makes the letter a report; signed
    # 平潭综合实验区管委会办公室 / 2014年12月10日; the 闽政办函〔2014〕130号 it cites is not its own 文号
    "report_pingtan_column_letter_not_a_report.html": dict(
        url=f"{PT}/zwgk/zfxxgk/zfxxgknb/201412/t20141210_80787.htm", kind="document",
        title="关于2014年政府信息公开工作要点落实情况的函_政府信息公开年报_平潭综合实验区党工委管委会",
        meta={**PT_SITE, **_column("政府信息公开年报"),
              "ArticleTitle": "关于2014年政府信息公开工作要点落实情况的函", "PubDate": "2014-12-10 00:00",
              "ContentSource": "", "Keywords": "", "Author": "超级管理员", "Image": "",
              "Url": f"{PT}/zwgk/zfxxgk/zfxxgknb/201412/t20141210_80787.htm"},
        footer=PT_FOOTER,
        fields={"written_date": ("2014年12月10日", "2014-12-10"), "pub_date": ("2014-12-10 00:00", "2014-12-10")},
        how={"written_date": "signature", "pub_date": "label"}, block=False,
        downloads=[], report_year=None, interpretation=None, interpretation_links=[], consultation=None),
}
