"""Truth for the corpus-b pages of tests/corpus/pages (``doc_…``), same schema as truth.py.

Written by reading each page (see README.md, section "corpus-b"), never from the tool's output.
Meta contents are given as a browser's DOM holds them after white-space runs are collapsed and the
ends stripped (the 指引2017 names are matched case-insensitively; the first non-empty one wins).
Merged into ``PAGES`` at the end of truth.py.
"""

from __future__ import annotations

NO_FOOTER = {"site_id": None, "icp": None, "psb": None, "sponsor": None}

TITLE_SUIBIN = (
    '<h1 style="margin: 0pt 0pt 10.5pt; font-size: 24pt; text-indent: 0pt; padding: 0pt; backgr'
    'ound-image: initial; background-position: initial; background-size: initial; background-re'
    'peat: initial; background-attachment: initial; background-origin: initial; background-clip'
    ': initial;"><b><span style="font-family: 微软雅黑; letter-spacing: 0.4pt; font-size: 16.5pt; b'
    'ackground-image: initial; background-position: initial; background-size: initial; backgrou'
    'nd-repeat: initial; background-attachment: initial; background-origin: initial; background'
    '-clip: initial;">县人大常委会召开人大代表约见国家机关负责人会议</span></b><b><span style="font-family: 微软雅黑; lett'
    'er-spacing: 0.4pt; font-size: 16.5pt;"><o:p></o:p></span></b></h1>-绥滨县人民政府'
)

PAGES_B: dict[str, dict] = {
    "doc_sc_gov_suggestion_reply_ucap.html": dict(
        url="http://www.sc.gov.cn/10462/11689/11698/11704/2025/6/3/071bf8764a6c4ac791d78c1c0acab3c5.shtml",
        kind="document",
        title="四川省卫生健康委员会关于四川省第十四届人民代表大会第四次会议第14040218号建议的复函- 四川省人民政府网站",
        meta={"SiteName": "四川省人民政府网站", "SiteDomain": "http://www.sc.gov.cn", "SiteIDCode": "5100000062",
              "ColumnName": "省人大代表建议和答复", "ColumnDescription": "省人大代表建议和答复",
              "ColumnKeywords": "省人大代表建议和答复", "ColumnType": "省人大代表建议和答复",
              "ArticleTitle": "四川省卫生健康委员会关于四川省第十四届人民代表大会第四次会议第14040218号建议的复函",
              "PubDate": "2025-06-03 13:56:58", "Keywords": "建议,答复,",
              "Description": "唐家文代表： 首先非常感谢您对全省医药健康产业发展的关心、支持。您提出的《关于将广安纳入"
                             "全省医药健康重点产业链主要承载地的建议》（第14040218号建议）收悉，我委会同相关部门积极"
                             "承办，现答复如下：",
              "ContentSource": "四川省卫生健康委员会网站", "Author": "雷晓琦",
              "Url": "http://www.sc.gov.cn/10462/11689/11698/11704/2025/6/3/071bf8764a6c4ac791d78c1c0acab3c5.shtml"},
        footer={"site_id": "5100000062", "icp": "蜀ICP备 13001288号", "psb": "川公网安备 51010402000507号",
                "sponsor": "四川省人民政府办公厅"},
        # the issue's own example page: 文号 alone on a line under the title, the 成文日期 only as the
        # signature date, the byline date in 时/分; the PubDate meta is the page-generation time
        fields={"doc_number": ("川卫函〔2025〕46号", None), "written_date": ("2025年4月24日", "2025-04-24"),
                "pub_date": ("2025年06月03日 13时44分", "2025-06-03")},
        how={"doc_number": "title-line", "written_date": "signature", "pub_date": "byline"}, block=False),
    "doc_hongshan_trs_icp_no_hao.html": dict(
        url="https://www.hongshan.gov.cn/hsyw/202306/t20230608_2213652.shtml", kind="document",
        title="武钢云谷·606开园，首批企业签约入驻，洪山区打造产城融合新高地 - 武汉市洪山区人民政府门户网站",
        meta={"SiteName": "武汉市洪山区人民政府", "SiteDomain": "www.hongshan.gov.cn", "SiteIDCode": "4201110038",
              "ColumnName": "洪山要闻", "ColumnType": "洪山要闻",
              "ColumnDescription": "洪山要闻主要用于洪山区政府洪山要闻等信息的发布",
              "ColumnKeywords": "武汉市洪山区,洪山区,洪山区人民政府洪山要闻",
              "ArticleTitle": "武钢云谷·606开园，首批企业签约入驻，洪山区打造产城融合新高地",
              "PubDate": "2023-06-08 17:21", "ContentSource": "区融媒体中心",
              "Keywords": "武汉市洪山区人民政府,武汉市洪山区,洪山区,洪山区人民政府,",
              "Author": "洪山区融媒体中心", "Description": "",  # name="Author"content=… (no space) is still an attribute
              "Url": "https://www.hongshan.gov.cn/hsyw/202306/t20230608_2213652.shtml"},
        # the 鄂ICP备05009168: an ICP number without 号 (a space before </a>)
        footer={"site_id": "4201110038", "icp": "鄂ICP备05009168", "psb": "鄂公网安备 42011102000076号",
                "sponsor": "武汉市洪山区政府办公室"},
        fields={"pub_date": ("2023-06-08 17:21", "2023-06-08")}, how={"pub_date": "label"}, block=False),
    "doc_shanghai_gov_ratio_colon_pubdate.html": dict(
        url="https://www.shanghai.gov.cn/nw4411/20230819/article.html", kind="document",
        title="共论出版传媒业高质量发展 第十届上海民进出版传媒论坛在沪召开",
        meta={"SiteName": "上海市人民政府", "SiteDomain": "www.shanghai.gov.cn", "SiteIDCode": "3100000044",
              "ColumnName": "上海要闻",
              "ColumnDescription": "发布市委、市政府领导的政务活动，及时报道本市在经济建设和社会发展中的重大事件，"
                                   "提供“部门动态”、“地区动态”、“视频新闻”、“图片新闻”、“便民提示”等多种形式的"
                                   "新闻报道。上海要闻是目前访问量最高的栏目。",
              "ColumnKeywords": "中国上海 上海市政府 上海要闻", "ColumnType": "上海要闻",
              "ArticleTitle": "共论出版传媒业高质量发展 第十届上海民进出版传媒论坛在沪召开",
              # U+2236 RATIO, not a colon: what the page says
              "PubDate": "2023-08-19 10∶08", "ContentSource": "解放日报",
              "Keywords": "共论出版传媒业高质量发展 第十届上海民进出版传媒论坛在沪召开", "Author": "",
              "Description": ""},
        footer=NO_FOOTER,  # written by footer.js
        # the date is a bare date in <small id="ivs_date"> inside the title <h2>, before 来源
        fields={"pub_date": ("2023-08-19", "2023-08-19")}, how={"pub_date": "byline"}, block=False),
    "doc_liaoyang_epoint_reversed_label.html": dict(
        url="http://www.liaoyang.gov.cn/zwzx/002002/002002001/20230612/19499ab2-9a06-40ab-8259-2d25015d1b6a.html",
        kind="document", title="辽宁省第十四届运动会青少年组现代五项比赛在弓长岭区开幕-辽阳网站欢迎您!",
        meta={"SiteName": "辽阳市人民政府", "SiteDomain": "www.liaoyang.gov.cn", "SiteIDCode": "2110000015",
              "ColumnName": "本市要闻", "ColumnDescription": "本市要闻", "ColumnKeywords": "本市要闻",
              "ColumnType": "本市要闻", "ArticleTitle": "辽宁省第十四届运动会青少年组现代五项比赛在弓长岭区开幕",
              "PubDate": "2023-06-12 09:51", "ContentSource": "辽阳网站"},
        footer=NO_FOOTER,  # #footer is filled by a script
        # the label is written 「时间发布：」 (words swapped); 信息来源 is the issuer label of the tool
        fields={"pub_date": ("2023-06-12 09:51", "2023-06-12"), "issuer": ("辽阳日报", None)},
        how={"pub_date": "label"}, block=False),
    "doc_foshan_nfcms_hidden_abolished_badge.html": dict(
        url="http://www.foshan.gov.cn/zwgk/zwdt/wqdt/sdq/content/post_6031144.html", kind="document",
        title="佛山市人民政府门户网站",
        meta={"SiteName": "佛山市人民政府门户网站", "SiteDomain": "www.foshan.gov.cn", "SiteIDCode": "4406000048",
              "ColumnName": "顺德区",
              "ColumnDescription": "本栏目发布佛山市顺德区的政务活动，及时报道佛山市顺德区在经济建设和社会发展中的"
                                   "重大事件，提供图片新闻等多种形式的新闻报道。",
              "ColumnKeywords": "顺德、政务动态", "ColumnType": "要闻动态",
              "ArticleTitle": "顺德容桂首届规范汉字现场书写大赛收官", "PubDate": "2024-06-25 10:03",
              "ContentSource": "珠江商报"},  # written name="contentSource"
        footer=NO_FOOTER,  # foot_2020.js
        # a hidden <img alt="文件已废止"> badge is no 废止 statement; the date sits in an <em>
        fields={"pub_date": ("2024-06-25 10:03:27", "2024-06-25")}, how={"pub_date": "label"}, block=False),
    "doc_huangpu_nfcms_nested_html_icp_suffix.html": dict(
        url="http://www.hp.gov.cn/zwgk/zfxxgk/content/post_1717877.html", kind="document",
        title="黄埔区图书馆成功举行书香相伴“妆”点女人心——女性化妆技巧公益讲座_政府信息公开_广州市黄埔区人民政府门户网站",
        meta={"SiteName": "广州市黄埔区人民政府门户网站", "SiteDomain": "www.hp.gov.cn", "ColumnName": "政府信息公开",
              "ColumnDescription": "对公众公开政府信息", "ColumnKeywords": "信息公开",
              "ColumnType": "其他（按要求更新）", "SiteIDCode": "4401120001", "Keywords": "广州,黄埔区,政府,网站,信息公开",
              "Description": "广州市黄埔区人民政府网站（网址：www.hp.gov.cn）以需求为导向，以服务为宗旨，遵循‘以人为本’"
                             "的设计理念，围绕信息公开、在线服务和公众参与三大政府网站功能定位，设置了‘政务公开’、"
                             "‘政务服务’、‘互动交流’、等频道，以丰富的内容、人性化的服务和强大的功能为用户提供服务",
              "ArticleTitle": "黄埔区图书馆成功举行书香相伴“妆”点女人心——女性化妆技巧公益讲座",
              "PubDate": "2018-03-20 00:55:40", "ContentSource": "本网"},
        # a second <!DOCTYPE><html><head><title></title> inside <body> (an included header); the ICP
        # number behind 「备案号:  」 with its -1 suffix after 号
        footer={"site_id": "4401120001", "icp": "粤ICP备2022017031号-1", "psb": "粤公网安备 44011202000021号",
                "sponsor": "广州开发区管委会 广州市黄埔区人民政府"},
        fields={"issuer": ("本网", None), "pub_date": ("2018-03-20 00:55:40", "2018-03-20")},
        how={"pub_date": "label"}, block=False),
    "doc_jiangsu_hanweb_art_content_meta.html": dict(
        url="http://www.jiangsu.gov.cn/art/2024/10/14/art_60085_11394426.html", kind="document",
        title="江苏省人民政府 部门资讯 “奋进新征程——庆祝中华人民共和国成立75周年江苏省美术书法展”开幕",
        meta={"SiteName": "江苏省人民政府", "SiteDomain": "www.jiangsu.gov.cn,www.js.gov.cn", "SiteIDCode": "3200000084",
              "ColumnName": "部门资讯", "ColumnType": "工作动态",
              "ArticleTitle": "“奋进新征程——庆祝中华人民共和国成立75周年江苏省美术书法展”开幕",
              "PubDate": "2024-10-14 10:17", "Author": "",
              "Description": "翰墨书盛世，丹青绘华章。为庆祝中华人民共和国75周年华诞，9月29日上午，由中共江苏省委宣传部、"
                             "江苏省文化和旅游厅、江苏省文学艺术界联合会共同主办的“奋进新征程——庆祝中华人民共和国"
                             "成立75周年江苏省美术书法展”在江苏省美术馆开幕。本次展览不仅是对祖国的深情祝福，也是"
                             "江苏美术书法创作新气象的一次集中展现。",
              "Keywords": "书法 美术 展览 作品 江苏", "ContentSource": "省文化和旅游厅办公室",
              "Url": "http://www.jiangsu.gov.cn/art/2024/10/14/art_60085_11394426.html"},
        footer=NO_FOOTER,  # footer script
        # Maketime (10-22) is no date of the page; <meta name="effectiveTime" content="0"> is no 生效日期;
        # <meta name="ContentStart"> sits inside the article body
        fields={"pub_date": ("2024-10-14 10:17", "2024-10-14")}, how={"pub_date": "label"}, block=False),
    "doc_sz_wtl_nfcms_psb_label_hao.html": dict(
        url="http://wtl.sz.gov.cn/xxgk/qt/gzdt/content/post_10963132.html", kind="document",
        title="深圳市第二十届“鹏城金秋”市民文化节优秀美术、书法作品展举行-深圳市文化广电旅游体育局网站",
        meta={"SiteName": "深圳市文化广电旅游体育局网站", "SiteDomain": "wtl.sz.gov.cn", "SiteIDCode": "4403000026",
              "ColumnName": "工作动态",
              "ColumnDescription": "深圳市第二十届“鹏城金秋”市民文化节优秀美术、书法作品展举行，深圳市文化广电旅游体育局|"
                                   "南国披锦绣，鹏城又金秋。由深圳市委宣传部、深圳市文化广电旅游体育局联合主办，深圳市"
                                   "文化馆联盟（深圳市文化馆）总承办，深圳市书画艺术学会承办，罗湖美术馆、深圳书画艺术院"
                                   "协办的深圳市第二十届“鹏城金秋”市民文化节优秀美术、书法作品展日前在罗湖美术馆开幕，"
                                   "展期将持续至11月19日。",
              "ColumnKeywords": "深圳市文化广电旅游体育局（深圳市文物局）政务网，深圳市第二十届“鹏城金秋”市民文化节优秀"
                                "美术、书法作品展举行，罗湖美术馆",
              "ColumnType": "工作动态", "ArticleTitle": "深圳市第二十届“鹏城金秋”市民文化节优秀美术、书法作品展举行",
              "PubDate": "2023-11-16", "ContentSource": "深圳特区报", "Keywords": "", "Description": ""},
        # 公安备案 written 「粤公网安备号」 + the number in a link, without a trailing 号
        footer={"site_id": "4403000026", "icp": "粤ICP备18094387号", "psb": "粤公网安备号44030402003007",
                "sponsor": "深圳市文化广电旅游体育局"},
        # 来源 exists only inside document.write
        fields={"pub_date": ("2023-11-16 10:32", "2023-11-16")}, how={"pub_date": "label"}, block=False),
    "doc_qingdao_trs_nested_html_spaced_colon.html": dict(
        # the URL the page names itself (the ownerUrl of its closing script; made 12-12, published 12-06)
        url="http://www.qingdao.gov.cn/zwgk/xxgk/sfj/flxx/zfjs/202212/t20221212_6566667.shtml", kind="document",
        title="胶州市司法局胶莱司法所组织开展法治文化剪纸活动_青岛政务网",
        # content= before name= in every tag
        meta={"SiteName": "青岛市政府门户网站", "SiteDomain": "www.qingdao.gov.cn", "SiteIDCode": "3702000025",
              "ColumnName": "法治政府建设", "ColumnType": "法治政府建设",
              "ArticleTitle": "胶州市司法局胶莱司法所组织开展法治文化剪纸活动", "PubDate": "2022-12-06 08:56",
              "ContentSource": "青岛市司法局", "Description": "", "Keywords": ""},
        # PC and mobile footers alike: 「政府网站标识码 3702000025」 without colon, 「鲁ICP备 05038584号」 with a
        # space (kept as written), 鲁公网安备 and its number on two lines, the sponsor in the suffix form
        footer={"site_id": "3702000025", "icp": "鲁ICP备 05038584号", "psb": "鲁公网安备 37020202000341号",
                "sponsor": "中共青岛市委、青岛市人民政府"},
        # 「发布日期 : 2022-12-06」 with spaces around the colon; the article body is a whole nested
        # <html><head></head><body> document
        fields={"pub_date": ("2022-12-06", "2022-12-06")}, how={"pub_date": "label"}, block=False),
    "doc_bjft_ucap_date_vs_generation_meta.html": dict(
        url="http://www.bjft.gov.cn/ftq/jxdt/202406/10e99aeb54a145629be93d38d07633fd.shtml", kind="document",
        title="科兴佳园社区民族大团结书法笔友会活动-北京市丰台区人民政府网站",
        meta={"ContentSource": "六里桥街道", "Author": "丰台区", "SiteName": "北京市丰台区人民政府网站",
              "SiteDomain": "http://www.bjft.gov.cn", "SiteIDCode": "1101060001", "ColumnName": "街镇动态",
              "ColumnDescription": "丰台街镇动态", "ColumnKeywords": "街镇动态", "ColumnType": "工作动态",
              "ArticleTitle": "科兴佳园社区民族大团结书法笔友会活动", "PubDate": "2024-06-03 14:25:31",
              "Keywords": "科兴佳园社区民族大团结书法笔友会活动,", "Description": "科兴佳园社区民族大团结书法笔友会活动"},
        # the footer twice: the PC line (政府网站标识码, 京ICP备20013709号-1) and a mobile paragraph whose ICP
        # lacks the -1; the 纠错 box's sitecode 1100000088 is the city portal's, not this site's
        footer={"site_id": "1101060001", "icp": "京ICP备20013709号-1", "psb": "京公网安备11010602060030号",
                "sponsor": "北京市丰台区人民政府办公室"},
        # the visible 日期 (05-30) is the publication date; PubDate (06-03) equals the 页面生成时间
        fields={"pub_date": ("2024-05-30 10:10", "2024-05-30")}, how={"pub_date": "label"}, block=False),
    "doc_bj_zdb_ucap_cn_date_vs_generation_meta.html": dict(
        url="https://zdb.beijing.gov.cn/bjzdxmb/rdgz/202402/article.shtml", kind="document",
        # the <title> is a shortened site name (指挥办公室, not 指挥部办公室): what the page says
        title="北京市重大项目建设指挥办公室",
        meta={"SiteName": "北京市重大项目建设指挥部办公室", "SiteDomain": "https://zdb.beijing.gov.cn",
              "SiteIDCode": "1100000224", "ColumnName": "热点关注", "ColumnDescription": "热点关注",
              "ColumnKeywords": "热点关注", "ColumnType": "工作动态",
              "ArticleTitle": "市直机关工会举办职工优秀书法作品鉴赏讲座活动", "PubDate": "2024-02-29 16:00:26",
              "ContentSource": "北京机关党建", "Keywords": "机关干部,田伯平,书法创作,传统文化,讲座活动,",
              "Description": "市直机关工会举办职工优秀书法作品鉴赏讲座活动"},
        # the whole page's footer (the excerpt had none): 主办 … / 承办 … 秘书行政处 (承办 is no 主办)
        footer={"site_id": "1100000224", "icp": "京ICP备10032462号", "psb": "京公网安备 11010202008100号",
                "sponsor": "北京市重大项目建设指挥部办公室"},
        # 时间：2023年11月14日 vs PubDate 2024-02-29 (the generation time, three months later)
        fields={"pub_date": ("2023年11月14日", "2023-11-14")}, how={"pub_date": "label"}, block=False),
    "doc_gzns_nfcms_saved_from_other_url.html": dict(
        url="http://www.gzns.gov.cn/zfxxgkml/gzsnsqtjj/zwdt/content/post_9687413.html", kind="document",
        title="南沙区统计局召开2024年互联网经济统计业务培训会-广州市南沙区人民政府门户网站",
        meta={"Keywords": "广州市南沙区人民政府门户网站,南沙要闻,政务服务,政策文件,政策解读",
              "Description": "广州市南沙区人民政府门户网站由广州市南沙区人民政府主办，广州市南沙区政务服务数据管理局"
                             "承办，设置了“南沙动态”、“政务公开”、“投资南沙”、“政务服务”、“公众服务”、“互动交流”、"
                             "“工作机构”七大主要频道。",
              "SiteName": "广州市南沙区人民政府门户网站", "SiteDomain": "www.gzns.gov.cn", "SiteIDCode": "4401150002",
              "ColumnName": "政务动态", "ColumnDescription": "政务动态", "ColumnKeywords": "政务动态",
              "ColumnType": "工作动态", "ArticleTitle": "南沙区统计局召开2024年互联网经济统计业务培训会",
              "PubDate": "2024-06-05 10:43", "ContentSource": "广州市南沙区统计局"},
        # the whole page: the PC footer (`mfooter`) has 主办, 网站标识码, 粤ICP备2023100790号-1 and 公网安备 in
        # <i>s of one line; the mobile footer (`foot`, hidden by CSS on a desktop) names another ICP number,
        # 粤ICP备19092744号-3 — the first, the PC footer's, is the page's; the Description's 主办 is no footer
        footer={"site_id": "4401150002", "icp": "粤ICP备2023100790号-1", "psb": "粤公网安备 44011502000005号",
                "sponsor": "广州市南沙区人民政府办公室"},
        # the browser's 「saved from url」 comment names another page of the site (a 联系我们 page); the
        # right-aligned 2024年6月5日 under the text of a news item is no 成文日期 (no block, not a 公文)
        fields={"pub_date": ("2024-06-05", "2024-06-05")}, how={"pub_date": "label"}, block=False),
    "doc_xa_gov_twin_byline.html": dict(
        url="http://www.xa.gov.cn/xw/zwzx/qxrd/1833316118612205569.html", kind="document",
        title="2024年鄠邑区第十一届国家网络安全宣传周启动-西安市人民政府",
        meta={"SiteName": "西安市人民政府", "SiteDomain": "www.xa.gov.cn", "SiteIDCode": "6101000007",
              "ColumnName": "区县热点", "ColumnType": "工作动态",
              "ArticleTitle": "2024年鄠邑区第十一届国家网络安全宣传周启动", "PubDate": "2024-09-10 09:24",
              "ContentSource": "鄠邑区政府办", "ColumnKeywords": "网络安全,鄠邑区,宣传周,启动仪式,活动内容,知识普及",
              "ColumnDescription": "9月9日，2024年鄠邑区第十一届国家网络安全宣传周启动仪式暨“网络安全进军营”活动在"
                                   "空军西安飞行学院举行。多单位联合承办，700余人参加。活动安排了致辞、宣读倡议书、"
                                   "参观展览、文艺演出等，以多种形式普及网络安全知识，营造良好氛围，助力“诗画鄠邑、"
                                   "品质新区”建设。",
              "Url": "http://www.xa.gov.cn/xw/zwzx/qxrd/1833316118612205569.html"},
        # the footer twice (PC and wap), the sponsor written 「西安市人民政府办公厅主办」
        footer={"site_id": "6101000007", "icp": "陕ICP备2024054100号", "psb": "陕公网安备 61011202000087号",
                "sponsor": "西安市人民政府办公厅"},
        # the byline twice (PC and wap); 「由区委网信委、空军西安飞行学院主办」 in the text is no footer sponsor
        fields={"pub_date": ("2024-09-10 09:24", "2024-09-10")}, how={"pub_date": "label"}, block=False),
    "doc_sjz_gov_single_quoted_meta.html": dict(
        url="https://www.sjz.gov.cn/columns/8166f236-f8c8-4504-8077-98e9ec77c1e6/202407/02/article.html",
        kind="document", title="第二届全国中山篆书法篆刻大展征稿",
        meta={"SiteName": "石家庄市人民政府", "SiteDomain": "www.sjz.gov.cn", "SiteIDCode": "1301000003",
              "ColumnName": "2024", "ColumnType": "", "ColumnKeywords": "2024", "ColumnDescription": "",
              "ArticleTitle": "第二届全国中山篆书法篆刻大展征稿", "PubDate": "2024-07-02 08:16:29",
              "ContentSource": "石家庄新闻网", "Keywords": "第二届全国中山篆书法篆刻大展征稿"},
        footer=NO_FOOTER,  # not in the excerpt
        # a bare date before 来源 and a labelled 发布时间 in the table below: the same date
        fields={"pub_date": ("2024-07-02 08:16", "2024-07-02")}, how={"pub_date": "label"}, block=False),
    "doc_yn_gov_trs_lowercase_meta_names.html": dict(
        url="http://www.yn.gov.cn/ywdt/zsdt/201608/t20160811_165674.html", kind="document",
        title="昆明完成“智慧城市”顶层设计_州市动态_云南省人民政府门户网站",
        # every 指引2017 name written in lower case (sitename, siteidcode, pubdate …)
        meta={"SiteName": "云南省人民政府", "SiteDomain": "www.yn.gov.cn", "SiteIDCode": "5300000033",
              "ColumnName": "州市动态",
              "ColumnDescription": "要闻动态栏目发布省政府领导的政务活动，及时报道全省在经济建设和社会发展中的重大事件，"
                                   "提供图片新闻、部门动态、州市动态、新闻发布会等多种形式的新闻报道。",
              "ColumnKeywords": "州市动态", "ColumnType": "要闻动态", "ArticleTitle": "昆明完成“智慧城市”顶层设计",
              "PubDate": "2016-08-11 08:13", "ContentSource": "云南日报", "Keywords": "", "Author": ""},
        # the footer twice (mobile spans, then the PC block with 主办单位 in a <br> list), the same ids
        footer={"site_id": "5300000033", "icp": "滇ICP备05000002号", "psb": "滇公网安备 53010202000476号",
                "sponsor": "云南省人民政府办公厅"},
        # the date is bare, after 来源：云南日报 and a run of &nbsp; on the same line
        fields={"pub_date": ("2016-08-11 08:13:00", "2016-08-11")}, how={"pub_date": "byline"}, block=False),
    "doc_jinan_hanweb_hidden_second_source.html": dict(
        url="http://www.jinan.gov.cn/art/2024/6/19/art_1861_4982441.html", kind="document",
        title="全市城市更新和乡村振兴现场推进会到高新区历下区考察 重点关注 济南政府网_济南市人民政府门户网站",
        meta={"SiteName": "济南政府网_济南市人民政府门户网站", "SiteDomain": "www.jinan.gov.cn",
              "SiteIDCode": "3701000001", "ColumnName": "重点关注", "ColumnType": "重点关注",
              "ArticleTitle": "全市城市更新和乡村振兴现场推进会到高新区历下区考察",
              "PubDate": "2024-06-19 07:27",  # written name="pubdate"
              "Author": "吴晓璐",
              "Description": "全市城市更新和乡村振兴现场推进会于6月15日至18日举行。6月18日，市委书记刘强，市委副书记、"
                             "市长于海田，市政协主席雷杰，市委副书记杨峰一行到济南高新区、历下区考察城市更新项目"
                             "进展情况。",
              "Keywords": "刘强 于海田", "ContentSource": "济南日报",
              "Url": "http://www.jinan.gov.cn/art/2024/6/19/art_1861_4982441.html"},
        footer=NO_FOOTER,  # the footer is an <iframe>
        # a second 信息来源 (济南市政府门户网站) sits in a display:none <div> after the shown one;
        # Maketime (06-20) is no date of the page
        fields={"issuer": ("济南日报", None), "pub_date": ("2024-06-19 07:27", "2024-06-19")},
        how={"pub_date": "label"}, block=False,
        # the 相关阅读 box (five links with MM-DD dates) on an article page is no list
        items={"count": 0}),
    "doc_gd_gov_nfcms_footer_in_js_string.html": dict(
        url="http://www.gd.gov.cn/gdywdt/zwzt/xxgcesd/ywbd/content/post_4100825.html", kind="document",
        # &nbsp;&nbsp; in the <title>: a browser keeps the two U+00A0
        title="黄坤明会见香港传媒高层人士大湾区参访团\u00a0\u00a0广东省人民政府门户网站",
        meta={"Keywords": "广东省人民政府门户网站,广东省省长,政府,GOV,我有话对省长说,广东要闻,政务服务,在线访谈,广东,"
                          "政策,政策解读,公报,文件,常务会,政府权责清单,文件解读,督查,新闻发布会,走进广东,数据开放,民生,"
                          "一带一路与广东,政府工作报告,权责清单,重点领域,公示公告",
              "Description": "广东省人民政府门户网站由广东省人民政府办公厅主办，南方新闻网、数字广东网络建设有限公司承办。",
              "SiteName": "广东省人民政府门户网站", "SiteDomain": "www.gd.gov.cn", "SiteIDCode": "4400000131",
              "ColumnName": "要闻报道", "ColumnDescription": "集纳省级层面学习贯彻党的二十大精神的最新报道。",
              "ColumnKeywords": "学习贯彻；党的二十大", "ColumnType": "其他",
              "ArticleTitle": "黄坤明会见香港传媒高层人士大湾区参访团", "PubDate": "2023-02-25 08:51",
              "ContentSource": "南方日报网络版"},
        # the whole footer (主办, 粤ICP备05070829号, 粤公网安备 44010402001160号, 网站标识码4400000131) is a
        # JavaScript string written into #footerAnchor by a script: not on the page as saved
        footer=NO_FOOTER,
        # 「时间  :  2023-02-25 08:51:32」: the generic label with spaces around the colon
        fields={"pub_date": ("2023-02-25 08:51:32", "2023-02-25")}, how={"pub_date": "label"}, block=False),
    "doc_hebei_whly_zcms_no_meta_tags.html": dict(
        url="https://whly.hebei.gov.cn/zdzt/zwzt/jgdjzl/dflzjs/568454.shtml", kind="document",
        title="青春心向党 启航新征程——河北青年优秀美术作品展启幕 _ 河北省文化和旅游厅",
        meta={},  # no 指引2017 tag at all (a true negative)
        # 网站标识码 with a half-width colon; a space inside the ICP link text; no 主办 (Copyright line only)
        footer={"site_id": "1300000032", "icp": "冀ICP备11012692号-54", "psb": "冀公网安备 13010802000861号",
                "sponsor": None},
        # a bare date (&#32; and a U+3000 before 来源); the PublishDate=2023-04-07 inside an HTML comment
        # after </html> is not on the page
        fields={"pub_date": ("2022-05-07 00:00", "2022-05-07")}, how={"pub_date": "byline"}, block=False),
    "doc_suibin_county_markup_in_title.html": dict(
        url="https://www.suibin.gov.cn/suibinxianrenminzhengfu/65feb7f01c5041ceaa97d1a52f015609/202407/article.shtml",
        kind="document",
        # the <title> holds escaped-looking markup: a browser shows it as text, so does the truth
        title=TITLE_SUIBIN,
        meta={"SiteName": "绥滨县人民政府", "SiteDomain": "https://www.suibin.gov.cn/", "SiteIDCode": "2304220006",
              "ColumnName": "绥滨新闻", "ColumnDescription": "绥滨新闻", "ColumnKeywords": "绥滨新闻",
              "ColumnType": "绥滨新闻", "ArticleTitle": "县人大常委会召开人大代表约见国家机关负责人会议",
              "PubDate": "2024-07-05 14:01:14", "ContentSource": "", "Keywords": "", "Description": ""},
        # 「备案许可证号：黑ICP备…」; 主办 followed by a run of spaces and 承办
        footer={"site_id": "2304220006", "icp": "黑ICP备09010409号", "psb": "黑公网安备 23042202000005号",
                "sponsor": "绥滨县人民政府"},
        # 信息来源 labelled but empty (the next line is 发布日期); PubDate is the generation time
        fields={"issuer": ("", None), "pub_date": ("2024-07-05 13:57", "2024-07-05")},
        how={"pub_date": "label"}, block=False),
    "doc_zj_jyt_hanweb_xxgk_block_halfwidth_colon.html": dict(
        url="http://jyt.zj.gov.cn/art/2024/10/21/art_1543973_58942886.html", kind="document",
        title="全省教育系统师德师风建设专题培训班举办",
        meta={"SiteName": "浙江省教育厅", "SiteDomain": "jyt.zj.gov.cn", "SiteIDCode": "3300000022",
              "Image": "/picture/0/s2410211246029748335.jpg", "ColumnName": "图文报道", "ColumnType": "信息公开",
              "ArticleTitle": "全省教育系统师德师风建设专题培训班举办", "PubDate": "2024-10-21 12:51",
              "Author": "", "Description": "", "Keywords": "",  # written author/description/keywords
              "ContentSource": "新闻办",
              "Url": "http://jyt.zj.gov.cn/art/2024/10/21/art_1543973_58942886.html"},  # written name="url"
        footer=NO_FOOTER,  # footer script
        # a 信息公开 block of label and value in one cell each, half-width colons (「索引号: …」);
        # 文件编号 labelled but empty; 生成日期 the only written date; Maketime ends in _194
        fields={"index_no": ("002482082/2024-00332", None), "doc_number": ("", None), "issuer": ("省教育厅", None),
                "written_date": ("2024-10-21", "2024-10-21"), "pub_date": ("2024-10-21", "2024-10-21")},
        how={"index_no": "label", "written_date": "label", "pub_date": "label"}, block=True),
    "doc_langfang_powereasy_duplicate_meta.html": dict(
        url="http://www.lf.gov.cn/Item/91525.aspx", kind="document",
        title="我市开展“孝暖廊坊 爱在重阳”主题文化活动 - 廊坊市人民政府",
        # keywords and description twice (column words first, the site blurb second): the first wins;
        # name="SiteDomain"content=… without a space
        meta={"Keywords": "本市动态", "Description": "本市动态", "SiteName": "廊坊市人民政府",
              "SiteDomain": "http://www.lf.gov.cn", "SiteIDCode": "1310000035", "ColumnName": "本市动态",
              "ArticleTitle": "我市开展“孝暖廊坊 爱在重阳”主题文化活动", "PubDate": "2019-10-08 08:48",
              "ContentSource": "《廊坊日报》"},
        # 「…办公室主办 …委员会承办 …建设」 on one line, no colon; 冀公网安备 with a space
        footer={"site_id": "1310000035", "icp": "冀ICP备05000924号-1", "psb": "冀公网安备 13100302000663号",
                "sponsor": "廊坊市人民政府办公室"},
        # a bare date before 来源/作者; the 上一篇/下一篇 links with [ 10-08 ] are no list
        fields={"pub_date": ("2019年10月08日", "2019-10-08")}, how={"pub_date": "byline"}, block=False,
        items={"count": 0}),
    "doc_anxi_trs_avalon_county_empty_source.html": dict(
        url="http://www.fjax.gov.cn/zwgk/zdgkxx/ly/ggfw/202303/t20230328_0.htm", kind="document",
        title="“海丝茶源·飘香安溪” 入选“驾游中国”精品路线_公共服务_旅游_安溪县人民政府",
        meta={"SiteName": "泉州市安溪县人民政府门户网站", "SiteDomain": "www.fjax.gov.cn", "SiteIDCode": "3505240010",
              "Keywords": "泉州安溪,安溪县人民政府,安溪政府,安溪县政府,福建安溪,安溪政务,安溪县政府网站",
              "Description": "安溪县，古称清溪，位于福建省东南沿海，厦、漳、泉闽南金三角西北部，隶属泉州市。县域范围东经"
                             "117°36′－118°17′，北纬24°50′－25°26′，东接南安市，西连华安县，南毗同安区，北邻永春县，"
                             "西南与长泰区接壤，西北与漳平市交界。",
              "ColumnName": "公共服务", "ColumnDescription": "公共服务主要用于公共服务，等信息的发布",
              "ColumnKeywords": "安溪县,安溪县人民政府,泉州市安溪县人民政府,公共服务,", "ColumnType": "公共服务",
              "ArticleTitle": "“海丝茶源·飘香安溪” 入选“驾游中国”精品路线", "PubDate": "2023-03-28",
              "ContentSource": "石狮市人民政府"},
        # the footer row: 网站标识码, 闽公网安备 (with a space), 闽ICP备; 「主办：」 on a line of its own
        footer={"site_id": "3505240010", "icp": "闽ICP备12014841号", "psb": "闽公网安备 35052402000177号",
                "sponsor": "安溪县人民政府办公室"},
        # the 来源 span is empty; the ContentSource meta names another county (石狮市人民政府)
        fields={"pub_date": ("2023-03-28 13:15", "2023-03-28")}, how={"pub_date": "label"}, block=False),
    "doc_beijing_gov_event_start_date_not_pubdate.html": dict(
        url="https://www.beijing.gov.cn/so/zcdh/cshd/202403/article.html", kind="document",
        title="第八届VBEF未来医疗生态展会_城市活动_首都之窗_北京市人民政府门户网站",
        meta={"Keywords": "展会;医疗;医疗健康产业;创新品牌;健康领域;交流平台;交通信息;科研学术;医疗企业;医疗行业",
              "Description": "本展会聚焦产业链合作价值，通过行业垂直论坛、最具公信力榜单、创新品牌展区，助力医疗行业领袖"
                             "先锋畅谈创新发展生态合作一体的医疗健康领域重要国际创新交流平台。",
              "SiteName": "首都之窗_北京市人民政府门户网站", "SiteDomain": "www.beijing.gov.cn", "SiteIDCode": "1100000088",
              "ColumnName": "城市活动", "ColumnType": "城市活动", "ArticleTitle": "第八届VBEF未来医疗生态展会",
              "PubDate": "2024-03-01 16:39", "ContentSource": "北京市商务局"},
        footer=NO_FOOTER,  # public_foot_response_2020.js
        # an event box of <dt>label：</dt><dd>value</dd>: 开始时间 2024-05-08 and 结束时间 2024-05-10 are the
        # event's dates, not the page's; with no visible publication date the PubDate meta is it
        # (the old reader took 结束时间's date, next to 来源, as the byline date)
        fields={"pub_date": ("2024-03-01 16:39", "2024-03-01")}, how={"pub_date": "meta"}, block=False),
    "doc_bj_whlyj_trs_psb_no_hao.html": dict(
        url="http://whlyj.beijing.gov.cn/zwgk/xwzx/hycz/201901/t20190110_1735605.html", kind="document",
        title="北京市文化和旅游局_行业传真_昌平区举办迎新春书法作品展",
        meta={"SiteName": "北京市文化和旅游局", "SiteDomain": "whlyj.beijing.gov.cn", "SiteIDCode": "1100000211",
              "ColumnName": "行业传真", "ColumnDescription": "各区文化和旅游局、图书馆、文化馆工作，北京市文化和旅游行业信息",
              "ColumnKeywords": "北京市各区;文化和旅游;行业信息", "ColumnType": "工作动态",
              "ArticleTitle": "昌平区举办迎新春书法作品展", "PubDate": "2019-01-10", "ContentSource": "昌平区文化委",
              "Url": "http://whlyj.beijing.gov.cn/zwgk/xwzx/hycz/201901/t20190110_1735605.html"},
        # 「京公网安备11010502037696 」: no 号 after the number; each id in its own <span>
        footer={"site_id": "1100000211", "icp": "京ICP备19055663号-1", "psb": "京公网安备11010502037696",
                "sponsor": "北京市文化和旅游局"},
        # 来源 only inside document.write; 发布日期 with a trailing space
        fields={"pub_date": ("2019-01-10", "2019-01-10")}, how={"pub_date": "label"}, block=False),
    "doc_bj_fgw_trs_emsp_after_date.html": dict(
        url="https://fgw.beijing.gov.cn/fzggzl/zyhz/gzdt/yq/xggz/202407/t20240723_3757271.htm", kind="document",
        title="【组团式帮扶】北京教育专家团赴青海玉树开展“组团式”教育援助行动-相关工作-北京市发展和改革委员会",
        meta={"SiteName": "北京市发展和改革委员会", "SiteDomain": "fgw.beijing.gov.cn", "SiteIDCode": "1100000011",
              "ColumnName": "相关工作", "ColumnType": "发展改革专栏",
              "ArticleTitle": "【组团式帮扶】北京教育专家团赴青海玉树开展“组团式”教育援助行动",
              "PubDate": "2024-07-22 18:57", "ContentSource": "北京市发展和改革委员会",
              "Keywords": "北京市发展和改革委员会", "Author": "北京市发展和改革委员会", "Description": "",
              "Url": "https://fgw.beijing.gov.cn/fzggzl/zyhz/gzdt/yq/xggz/202407/t20240723_3757271.htm"},
        # the whole page's foot3 line: 主办, 承办, 网站标识码, ICP and 公网安备 each in a <span>
        footer={"site_id": "1100000011", "icp": "京ICP备05084924号-5", "psb": "京公网安备11010202000012号",
                "sponsor": "北京市发展和改革委员会"},
        # 「日期：2024-07-22&emsp;」: an EM SPACE (U+2003) after the date; 来源 names a WeChat account while
        # the ContentSource meta names the commission
        fields={"pub_date": ("2024-07-22", "2024-07-22")}, how={"pub_date": "label"}, block=False),
}
