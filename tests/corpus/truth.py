"""What a careful reader sees on each page of tests/corpus/pages — written by reading the page
text, never from the tool's output — and :func:`compare`, which checks every field of it.

Per page: ``url`` (the page's own URL hint, else the analysed URL noted in INDEX.tsv), ``kind``,
``title`` (``<title>`` with white space collapsed as a browser shows it), ``meta`` (every 指引2017
tag present, exactly), ``footer`` (the four ids, ``None`` when not on the page), ``fields`` (every
document field shown: ``(value, ISO date or None)``; exactly these and no others), ``how`` (where a
field must come from, for the traps), ``block`` (a 公文 metadata block), and, where they apply,
``downloads``, ``items``, ``column``, ``guide`` and ``report_year``; ``ref_date`` (not a field: the
day a saved page was fetched, for list dates with no year on the page or in the URL).
"""

from __future__ import annotations

NO_FOOTER = {"site_id": None, "icp": None, "psb": None, "sponsor": None}

PAGES: dict[str, dict] = {
    "sc_gov_szdt_article_ucap.html": dict(
        url="http://www.sc.gov.cn/10462/10464/10465/10595/2020/9/15/e651244f5f89400a95c651e2f53de7fe.shtml",
        kind="document", title="绵阳开展“服务企业活动月”系列活动- 四川省人民政府网站",
        meta={"SiteName": "四川省人民政府网站", "SiteDomain": "http://www.sc.gov.cn",
              "SiteIDCode": "5100000062", "ColumnName": "市州动态", "ColumnDescription": "市州动态",
              "ColumnKeywords": "市州动态", "ColumnType": "政务信息",
              "ArticleTitle": "绵阳开展“服务企业活动月”系列活动", "PubDate": "2022-10-14 10:16:14",
              "Keywords": "服务企业活动月,优化营商环境,", "ContentSource": "绵阳市政务网", "Author": "贺茜",
              # the whole page has a Description meta (the excerpt had left it out)
              "Description": "9月14日，从绵阳“服务企业活动月”暨“企业服务云”应用推进会上获悉，为全面落实《国务院办公厅"
                             "关于进一步优化营商环境更好服务市场主体的实施意见》，经绵阳市政府研究决定，将每年9月作为全市"
                             "“服务企业活动月”。活动月坚持“服务企业就是服务经济发展”的理念，以“服务企业、破解难题、促进"
                             "发展”为主题，以加快构建全方位、多层次政企互动机制为重点，以帮助企业排忧解难、促进企业转型"
                             "升级和加快发展为落脚点，着力解决影响企业发展的突出问题和瓶颈制约，为加快建设中国科技城和"
                             "西部现代化强市创造良好的营商环境。",
              "Url": "http://www.sc.gov.cn/10462/10464/10465/10595/2020/9/15/"
                     "e651244f5f89400a95c651e2f53de7fe.shtml"},
        footer={"site_id": "5100000062", "icp": "蜀ICP备 13001288号", "psb": "川公网安备 51010402000507号",
                "sponsor": "四川省人民政府办公厅"},
        # the byline date has a time part in 时/分; the PubDate meta is the regeneration time
        fields={"pub_date": ("2020年09月15日 09时32分", "2020-09-15")}, how={"pub_date": "byline"},
        block=False),
    "sh_wsjkw_jcws_notice_colwise.html": dict(
        url="http://wsjkw.sh.gov.cn/jcws2/20240511/b5c2db3d781e4c7fbcfb6bed2fe2d982.html",
        kind="document", title="关于开展2024年“世界家庭医生日”主题宣传活动的通知__上海市卫生健康委员会",
        meta={"SiteName": "上海市卫生健康委员会", "SiteDomain": "wsjkw.sh.gov.cn", "SiteIDCode": "3100000010",
              "ColumnDescription": "基层卫生", "ColumnKeywords": "基层卫生", "ColumnName": "基层卫生",
              "ArticleTitle": "关于开展2024年“世界家庭医生日”主题宣传活动的通知", "PubDate": "2024-05-11",
              "ContentSource": "上海市卫生健康委员会", "Author": "上海市卫生健康委员会", "Description": "",
              "Url": "http://wsjkw.sh.gov.cn/jcws2/20240511/b5c2db3d781e4c7fbcfb6bed2fe2d982.html"},
        footer=NO_FOOTER,  # written by footer.js
        # labels in a header row, values in the row below; 发布时间 is empty there, the date beside
        # the title is the publication date; the 成文日期 is the signature date (split over spans)
        fields={"index_no": ("076478684Q/2024-00112", None), "issuer": ("上海市卫生健康委员会", None),
                "doc_number": ("沪卫基层〔2024〕5号", None), "written_date": ("2024年5月10日", "2024-05-10"),
                "pub_date": ("2024-05-11", "2024-05-11")},
        how={"index_no": "table-header", "doc_number": "table-header", "issuer": "table-header",
             "written_date": "signature", "pub_date": "title-date"},
        block=True),
    "zj_ct_hanweb_art_gongshi.html": dict(
        url="http://ct.zj.gov.cn/art/2020/12/29/art_1229678763_4982889.html", kind="document",
        title="浙江省文化和旅游厅关于2020年度文物博物、图书资料、群众文化、艺术、艺术系列美术专业中、"
              "高级专业技术职务任职资格评审结果的公示",
        meta={"SiteName": "浙江省文化广电和旅游厅", "SiteDomain": "ct.zj.gov.cn", "SiteIDCode": "3300000028",
              "Image": "", "ColumnName": "重要公告", "ColumnType": "信息公开",
              "ArticleTitle": "浙江省文化和旅游厅关于2020年度文物博物、图书资料、群众文化、艺术、艺术系列美术"
                              "专业中、高级专业技术职务任职资格评审结果的公示",
              "PubDate": "2020-12-29 11:07", "Author": "", "Description": "", "Keywords": "",
              "ContentSource": "省文化和旅游厅",
              "Url": "http://ct.zj.gov.cn/art/2020/12/29/art_1229678763_4982889.html"},
        footer=NO_FOOTER,  # written by a script
        # 文　　号 labelled, its cell empty: labelled but empty, not the next label's text
        fields={"index_no": ("002482330/2020-10091", None), "issuer": ("省文化和旅游厅", None),
                "written_date": ("2020-12-29", "2020-12-29"), "doc_number": ("", None),
                "pub_date": ("2020-12-29 11:07", "2020-12-29")},
        how={"written_date": "label"}, block=True),
    "miit_dfgz_article_jpaas.html": dict(
        url="https://www.miit.gov.cn/xwdt/gxdt/dfgz/art/2020/art_14730801a8ae49e99b132c83575b7810.html",
        kind="document", title="北京通管局组织“三电”专项斗争大检查 确保国庆60周年电信设施安全运行",
        meta={"SiteName": "中华人民共和国工业和信息化部", "SiteDomain": "www.miit.gov.cn",
              "SiteIDCode": "bm07000001", "ColumnName": "地方工作", "ColumnType": "地方工作",
              "ArticleTitle": "北京通管局组织“三电”专项斗争大检查 确保国庆60周年电信设施安全运行",
              "PubDate": "2023-05-12 23:20", "ContentSource": "北京通信管理局", "Keywords": "",
              "Author": "系统管理员", "Description": "",
              "Url": "/xwdt/gxdt/dfgz/art/2020/art_14730801a8ae49e99b132c83575b7810.html"},
        footer=NO_FOOTER,
        fields={"pub_date": ("2009-09-30 10:53", "2009-09-30")}, how={"pub_date": "label"}, block=False),
    "ah_jyt_lonsun_article.html": dict(
        url="http://jyt.ah.gov.cn/xwzx/jcjy/40678766.html", kind="document",
        title="拨动心弦 守护心灵健康 肥西县举办心理健康教育主题演讲比赛_安徽省教育厅",
        meta={"SiteName": "安徽省教育厅", "SiteDomain": "jyt.ah.gov.cn", "SiteIDCode": "3400000072",
              "ColumnName": "基础教育", "ColumnType": "工作动态",
              "ColumnDescription": "本地区政务要闻、工作动态、通知公告等信息", "ColumnKeywords": "工作动态",
              "ArticleTitle": "拨动心弦 守护心灵健康 肥西县举办心理健康教育主题演讲比赛",
              "PubDate": "2023-11-06 00:00", "ContentSource": "肥西县教育局", "Author": "肥西县教育局",
              # Keywords and Description were outside the excerpt; the whole page has them
              "Keywords": "中共安徽省委教育工作委员会,中共安徽省委教育工委,安徽省教育厅,安徽省教育厅政府门户网站,安徽教育网,安徽,教育,",
              "Description": "为普及心理健康知识，引导广大教师关注学生心理健康，推动广大教师深入研究并不断提高心理健康教育水平，"
                             "日前，肥西县2023年教体系统心理健康教育主题演讲活动决赛在县青少年活动中心举行，来自全县各中小学幼儿"},
        footer={"site_id": "3400000072", "icp": "皖ICP备20004145号", "psb": "皖公网安备34010302000782号",
                "sponsor": "中共安徽省委教育工委 安徽省教育厅"},
        fields={"pub_date": ("2023-11-06 00:00", "2023-11-06")}, block=False),
    "wuhan_swj_trs_article.html": dict(
        url="http://sw.wuhan.gov.cn/xwdt/gzdt/202306/t20230611_2214470.shtml", kind="document",
        title="武钢云谷·606产业园开园招商推介会举办",
        meta={"SiteName": "武汉市商务局", "SiteDomain": "swj.wuhan.gov.cn", "SiteIDCode": "4201000011",
              "Description": "武汉,武汉市,武汉市商务,武汉市商务局,商务局,商务,swj.wuhan.gov.cn",
              "Keywords": "武汉,武汉市,武汉市商务,武汉市商务局,商务局,商务,swj.wuhan.gov.cn",
              "ColumnName": "武钢云谷·606产业园开园招商推介会举办",
              "ColumnDescription": "武钢云谷·606产业园开园招商推介会举办",
              "ColumnKeywords": "武钢云谷·606产业园开园招商推介会举办", "ColumnType": "工作动态",
              "ArticleTitle": "武钢云谷·606产业园开园招商推介会举办", "PubDate": "2023-06-11 16:20:01",
              "ContentSource": "投资武汉",
              "Url": "http://sw.wuhan.gov.cn/xwdt/gzdt/202306/t20230611_2214470.shtml"},
        # ICP suffix before 号; no 主办 label (版权所有 only)
        footer={"site_id": "4201000011", "icp": "鄂ICP备19031037-2号", "psb": "鄂公网安备 42010202000465号",
                "sponsor": None},
        # 发布日期 and 文章来源 share one line: the value is the date with its time
        fields={"pub_date": ("2023-06-11 16:20:01", "2023-06-11")}, block=False),
    "cznd_phpcms_article_after_html.html": dict(
        url="http://www.cznd.gov.cn/html/cznd/2016/CPJCILBI_0720/241753.html", kind="document",
        title="常州国家高新区管委会（新北区人民政府）",
        meta={"SiteName": "常州国家高新区管委会（新北区人民政府）", "SiteDomain": "www.cznd.gov.cn",
              "SiteIDCode": "3204110029", "ArticleTitle": "百丈社区开展学生暑期教育活动",
              "PubDate": "2016-07-20 16:05:29", "ContentSource": "春江镇",
              "Url": "http://www.cznd.gov.cn/html/cznd/2016/CPJCILBI_0720/241753.html",
              "ColumnName": "学生", "ColumnDescription": "学生", "ColumnKeywords": "学生", "ColumnType": "学生"},
        # the ids sit in a table written after </html>
        footer={"site_id": "3204110029", "icp": "苏ICP备06004659号", "psb": "苏公网安备32041102001034号",
                "sponsor": "常州国家高新技术产业开发区（新北区）党政办公室"},
        fields={"pub_date": ("2016-07-20", "2016-07-20")}, block=False),
    "sctcm_ucap_article_icp_colon.html": dict(
        url="https://sctcm.sc.gov.cn/sctcm/szdt/2023/7/19/b024af039e6e47b78f47b1f2bd38c393.shtml",
        kind="document", title="普及中医药健康知识 感悟中医药文化魅力 中医药文化服务月活动持续开展",
        meta={"SiteName": "四川省中医药管理局", "SiteDomain": "sctcm.sc.gov.cn", "SiteIDCode": "5100000014",
              "ColumnName": "各地动态", "ColumnDescription": "各地动态栏目主要发布省内各地中医药有关动态信息",
              "ColumnKeywords": "工作动态", "ColumnType": "工作动态",
              "ArticleTitle": "普及中医药健康知识 感悟中医药文化魅力 中医药文化服务月活动持续开展",
              "PubDate": "2024-04-15 14:53:51",
              "Keywords": "普及中医药健康知识 感悟中医药文化魅力 中医药文化服务月活动持续开展",
              "ContentSource": "综合自学习强国、川观新闻、成都体育学院附属体育医院、成都市双流区中医医院订阅号、"
                               "仪陇县中医医院、射洪中医、邵华新闻、健康富顺等",
              "Description": "为大力弘扬中医药文化，按照国家中医药管理局相关要求，在省中医药局统一部署下，2023年"
                             "“中医药文化服务月”活动正在持续火热进行中，全省各地通过中医义诊、展览展示、参观体验、"
                             "科普讲座等形式，进一步促进中医药文化传承创新发展，增强中医药文化服务功能，更好满足广大"
                             "群众的中医药文化需要，切实承担起新时代新的文化使命。"},
        # 蜀ICP备：… has a colon after 备
        footer={"site_id": "5100000014", "icp": "蜀ICP备：19007388号", "psb": "川公网安备 51010402001180号",
                "sponsor": "四川省中医药管理局"},
        fields={"pub_date": ("2023-07-19 19:21:00", "2023-07-19")}, how={"pub_date": "label"},
        block=False),
    "moe_trs_policy_table_signature.html": dict(
        url="http://www.moe.gov.cn/srcsite/A12/moe_1407/s3008/202406/t20240613_1135415.html",
        kind="document",
        title="教育部办公厅关于举办2024年高校“礼敬中华优秀传统文化”宣传教育活动的通知 - 中华人民共和国教育部政府门户网站",
        meta={"SiteName": "中华人民共和国教育部政府门户网站", "SiteDomain": "www.moe.gov.cn",
              "SiteIDCode": "bm05000001", "ColumnName": "高校校园文化建设", "ColumnType": "公开",
              "ArticleTitle": "教育部办公厅关于举办2024年高校“礼敬中华优秀传统文化”宣传教育活动的通知",
              "PubDate": "2024-06-13 14:54", "ContentSource": "教育部", "Author": "谢沂楠",
              "Keywords": "礼敬中华优秀传统文化,高校",
              "Description": "教育部办公厅关于举办2024年高校“礼敬中华优秀传统文化”宣传教育活动的通知"},
        # the text's 主办单位 (an activity's organiser) is no footer sponsor
        footer={"site_id": "bm05000001", "icp": "京ICP备10028400号-1", "psb": "京公网安备11010202007625号",
                "sponsor": None},
        # 信息索引 / 发文机构 label variants; 生成日期 2024-06-04 is not the 成文日期: the signature says 5月30日
        fields={"title": ("教育部办公厅关于举办2024年高校“礼敬中华优秀传统文化”宣传教育活动的通知", None),
                "index_no": ("360A12-07-2024-0008-1", None), "issuer": ("教育部办公厅", None),
                "doc_number": ("教思政厅函〔2024〕10号", None),
                "written_date": ("2024年5月30日", "2024-05-30"), "pub_date": ("2024-06-13", "2024-06-13")},
        how={"written_date": "signature", "doc_number": "label"}, block=True,
        downloads=[f"http://www.moe.gov.cn/srcsite/A12/moe_1407/s3008/202406/{name}.docx"
                   for name in ("W020240613556663716813", "W020240613556663720310", "W020240613556663730435")]),
    "bj_jw_trs_article_leave_alert.html": dict(
        url="http://jw.beijing.gov.cn/gzdt/jyxw/202311/t20231130_3329137.html", kind="document",
        title="李奕主任出席京港大学联盟2023年理事会暨主题论坛",
        meta={"SiteName": "北京市教育委员会门户网站", "SiteDomain": "jw.beijing.gov.cn",
              "SiteIDCode": "1100000152", "ColumnName": "教育新闻", "ColumnType": "教育新闻",
              "ArticleTitle": "李奕主任出席京港大学联盟2023年理事会暨主题论坛", "PubDate": "2023-11-30 14:52",
              "ContentSource": "北京市教育委员会"},
        # the whole page: 主办单位 and 承办单位 on lines of their own, the ids in one <p>; the hidden
        # 「您访问的链接即将离开…」 box is a leave-site alert, no soft-404
        footer={"site_id": "1100000152", "icp": "京ICP备20014478号-1", "psb": "京公网安备 11040202430147号",
                "sponsor": "北京市教育委员会"},
        fields={"pub_date": ("2023-11-30", "2023-11-30")}, block=False),
    "cq_whlyw_trs_article_generic_date.html": dict(
        url="http://whlyw.cq.gov.cn/zwxx_221/bmdt/gzdt/202107/t20210713_9468077.html", kind="document",
        title="工作动态_重庆市文化和旅游发展委员会",
        meta={"SiteName": "重庆市文化和旅游发展委员会", "SiteDomain": "whlyw.cq.gov.cn", "SiteIDCode": "5000000091",
              "ColumnName": "工作动态",
              "ColumnDescription": "重庆市文化和旅游发展委员会网站要闻动态频道内容涵盖国务院信息、今日重庆信息、政务要闻、重要会议信息、工作动态、通知公告、热点信息等。",
              "ColumnKeywords": "领导活动;今日重庆;动态;要闻;网站;政务;部委;门户;热点;首页;工作动态",
              "ColumnType": "工作动态", "ArticleTitle": "重庆文旅之窗成功首秀举办第五届意大利全球设计日",
              "PubDate": "2021-07-13 10:11", "ContentSource": "国际交流合作处 重庆国际文旅之窗", "Keywords": "",
              "Author": "杨辉", "Image": "",
              # the content holds a line break before 「　　本次活动」 (collapsed to one space, the
              # ideographic spaces kept) and ends in 「...」 as the CMS cut it
              "Description": "7月7日下午，重庆国际文旅之窗（重庆版权贸易基地）在“一带一路”商品展示交易中心项目"
                             "场地成功首秀，顺利举办第五届意大利全球设计日（重庆站）活动。意大利驻重庆总领事毕岚祺"
                             "出席活动并致辞，我委秦定波副主任，国际交流合作处、博物馆与社会文物处、重庆中国三峡"
                             "博物馆等相关处室（单位）代表受邀出席。 \u3000\u3000本次活动由意大利驻重庆总领事馆、"
                             "重庆市文化和旅游发展委员会共同主办，重庆市人民政府外事办公室、重庆市住房和城乡建设"
                             "委员会、中国意大利商会共同支持，重庆国际文旅之窗（重庆版权贸易基地）承办，以“可持续"
                             "性项目与...",
              "Url": "http://whlyw.cq.gov.cn/zwxx_221/bmdt/gzdt/202107/t20210713_9468077.html"},
        # the whole page: 主办 and 版权所有 on lines of their own; 「政府网站标识码 5000000091」 without a colon
        footer={"site_id": "5000000091", "icp": "渝ICP备19008933号", "psb": "渝公网安备 50010502002224号",
                "sponsor": "重庆市文化和旅游发展委员会"},
        # the generic label 日期 with a date is the publication date; 来源 exists only inside a script
        fields={"pub_date": ("2021-07-13", "2021-07-13")}, how={"pub_date": "label"}, block=False),
    "cac_cms_article_no_siteid.html": dict(
        url="http://www.cac.gov.cn/2020-02/18/c_1583568745675810.htm", kind="document",
        title="从信息社会迈向智能社会_中央网络安全和信息化委员会办公室",
        # meta contents are kept stripped (the Description starts with two U+3000 spaces)
        meta={"Keywords": "人工智能发展学习智能机器神经网络",
              "Description": "人工智能AI是指在机器上实现类似乃至超越人类的感知、认知、行为等智能的系统，这个研讨会的主题就是用机器来模仿人类学习以及其他方面的智能。"},
        # no 网站标识码 on the page; 承办 is no 主办; the ids appear twice (PC and mobile footers)
        footer={"site_id": None, "icp": "京ICP备14042428号", "psb": "京公网安备11040102700108号", "sponsor": None},
        fields={"pub_date": ("2020年02月18日 09:15", "2020-02-18")}, how={"pub_date": "byline"}, block=False),
    "neac_ucap_article_slash_date.html": dict(
        url="https://www.neac.gov.cn/seac/c103249/202109/article.shtml", kind="document",
        title="民族画报社召开编委扩大会深入学习贯彻中央民族工作会议精神研究2022年重点专题专栏计划-贯彻落实",
        meta={"SiteName": "国家民委门户网站", "SiteDomain": "https://www.neac.gov.cn", "SiteIDCode": "bm08000014",
              "ColumnName": "贯彻落实", "ColumnDescription": "", "ColumnKeywords": "", "ColumnType": "",
              "ArticleTitle": "民族画报社召开编委扩大会深入学习贯彻中央民族工作会议精神研究2022年重点专题专栏计划",
              "PubDate": "2023-11-10 15:33:34", "Keywords": "", "Description": ""},
        # the site code is only inside a link (jiucuo?site_code=…), not shown: no 网站标识码 on the page
        footer={"site_id": None, "icp": "京ICP备05048973号", "psb": "京公网安备 11040102700045号", "sponsor": None},
        # 日期：2021/09/06 is the publication date; the PubDate meta (2023-11-10) is the regeneration time
        fields={"pub_date": ("2021/09/06", "2021-09-06")}, how={"pub_date": "label"}, block=False),
    "taiyuan_feature_icp_no_hao.html": dict(
        url="https://www.taiyuan.gov.cn/jcbwg/dspmsg.html", kind="other",
        title="太原市人民政府门户网站-晋祠博物馆-董寿平美术馆", meta={},
        # 晋ICP备05003854: an ICP number without 号
        footer={"site_id": "1401000055", "icp": "晋ICP备05003854", "psb": "晋公网安备 14010002001529号",
                "sponsor": "太原市人民政府办公室"}),
    "wlmq_jcms_notice_byline_bare_date.html": dict(
        url="http://www.wlmq.gov.cn/fjbm/llj/tzgg/562718.htm", kind="document",
        title="关于举办2024年度自治区艺术、图书资料、文物博物、群众文化系列（专业）专业技术人员继续教育培训班的通知 - 乌鲁木齐市人民政府",
        meta={"SiteName": "乌鲁木齐市人民政府网", "SiteDomain": "www.wlmq.gov.cn", "SiteIDCode": "6501000002",
              "ArticleTitle": "关于举办2024年度自治区艺术、图书资料、文物博物、群众文化系列（专业）专业技术人员继续教育培训班的通知",
              "PubDate": "2024-03-03 15:54:07", "ContentSource": "新疆维吾尔自治区文化和旅游厅", "ColumnName": "要闻",
              "Keywords": "", "Author": "文化和旅游局", "ColumnType": "要闻",
              "Url": "www.wlmq.gov.cn/fjbm/llj/tzgg/562718.htm",
              # the whole page: the Description starts with &nbsp; and a line break, and breaks a line
              # after the salutation (white space collapsed as for every meta value)
              "Description": "伊犁哈萨克自治州文化和旅游局，各地（州、市）文体广电和旅游局，自治区各委、办、厅、局，"
                             "人民团体、大专院校、大中型企业人事（职称）部门，中央驻疆单位人事（职称）部门： "
                             "根据《专业技术人员继续教育规定》（人社部令第25号）和自治区人社厅《关于进一步做好自治区"
                             "专业技术人员继续教育工作的通知》（新人社发〔2021〕29号）文件要求，专业技术人员每年须参加"
                             "继续教育学习，总学时累计不少于90学时，专业课不少于60学..."},
        # the whole page: the PC footer lists 开办 (no 主办), 主办, 承办, 网站标识码 without a colon beside the
        # ICP link, and 新公网安备 twice (a commented-out <p>, then the beian link); the mobile footer
        # repeats 主办 and the ICP number
        footer={"site_id": "6501000002", "icp": "新ICP备05001907号", "psb": "新公网安备 65010502000005号",
                "sponsor": "乌鲁木齐市人民政府办公室"},
        # a bare date with its time before 来源: is the byline's publication date; the notice ends with
        # its issuer 新疆文化艺术学校 and 2024年3月1日 right-aligned under it: the signature date is the
        # 成文日期 (the article is repeated in the mobile <div>, with other injected text)
        fields={"pub_date": ("2024-03-03 15:54:07", "2024-03-03"), "written_date": ("2024年3月1日", "2024-03-01")},
        how={"pub_date": "byline", "written_date": "signature"}, block=False),
    "xiangtan_content_gb2312_declared_utf8.html": dict(
        url="http://www.xiangtan.gov.cn/109/171/174/content_1335045.html", kind="document",
        title="“从齐白石故乡吹来的风”书画展亮相澳门_湘潭市人民政府网站",
        # declared gb2312, the bytes are UTF-8: read as UTF-8 (no 棣栭〉 mojibake)
        encoding="utf-8",
        meta={"Author": "", "Keywords": "",
              "Description": "9月29日，由南光集团承办的第三届中国（澳门）国际高品质消费博览会正如火如荼举行，由湘潭市文化产业协会带来的“从齐白石故乡吹来的风——庆祝",
              "SiteName": "湘潭市政府门户网站", "SiteDomain": "http://www.xiangtan.gov.cn", "SiteIDCode": "4303000006",
              "ColumnName": "部门动态", "ColumnType": "政务类", "ColumnDescription": "市直各部门政务动态信息",
              "ColumnKeywords": "部门动态", "ArticleTitle": "“从齐白石故乡吹来的风”书画展亮相澳门",
              "PubDate": "2024-09-30 09:24", "ContentSource": "湘潭日报·新湘潭客户端",
              "Url": "http://www.xiangtan.gov.cn/109/171/174/content_1335045.html"},
        footer=NO_FOOTER,  # written by foot.js
        fields={"pub_date": ("2024-09-30 09:24", "2024-09-30")}, how={"pub_date": "label"}, block=False),
    "yn_kjt_jyhcms_article_byline_inline.html": dict(
        url="https://kjt.yn.gov.cn/html/2022/meitijujiao_1114/6444.html", kind="document",
        title="[人民网]第六届云南国际人才交流会将于11月12日开幕_云南省科技厅",
        meta={"SiteName": "云南省科技厅", "SiteDomain": "kjt.yn.gov.cn", "SiteIDCode": "5300000002",
              "ColumnName": "媒体聚焦", "ColumnType": "媒体聚焦", "ColumnDescription": "云南省科技厅媒体聚焦",
              "ColumnKeywords": "云南省科技厅,媒体聚焦", "ArticleTitle": "[人民网]第六届云南国际人才交流会将于11月12日开幕",
              "PubDate": "2022-11-14 15:00:04", "ContentSource": "宣教中心", "Keywords": ""},
        footer=NO_FOOTER,  # loaded into #page_bottom by a script
        # the date sits on the 来源 line itself; the PubDate meta is a minute later
        fields={"pub_date": ("2022-11-14 14:59:48", "2022-11-14")}, how={"pub_date": "byline"}, block=False),
    "henan_gov_article_generic_time_label.html": dict(
        url="https://www.henan.gov.cn/2022/08-11/2559082.html", kind="document",
        title="在省第十届青年戏剧演员大赛中 许昌市喜获佳绩_市县_河南省人民政府门户网站",
        # SiteIDCode 4500000001 is what the page says (45 is not Henan's region code: the rule judges it)
        meta={"SiteName": "河南省人民政府", "SiteDomain": "www.henan.gov.cn", "SiteIDCode": "4500000001",
              "ColumnName": "市县", "ColumnType": "10", "ArticleTitle": "在省第十届青年戏剧演员大赛中 许昌市喜获佳绩",
              "PubDate": "2022-08-11 14:21", "ContentSource": "许昌市人民政府", "Author": "张家祺",
              "Url": "https://www.henan.gov.cn/2022/08-11/2559082.html",
              "Description": "许昌市共14名选手获得文华表演奖，其中一等奖1个、二等奖8个、三等奖5个。的使命任务，培育一批有信仰、有情怀、有担当的优秀青年戏剧人才，省文旅厅组织举办了河南省第十届青年戏剧演员大赛。",
              "Keywords": ""},
        footer=NO_FOOTER,  # written by footer.js
        # the generic label 时间 with its value in a child <i>; lastmodifiedtime (2025) is no date of the page
        fields={"pub_date": ("2022-08-11 14:21", "2022-08-11")}, how={"pub_date": "label"}, block=False),
}


def compare(truth: dict, facts: dict) -> list[tuple[str, object, object]]:
    """``[(field, expected, got)]`` for every field of one page's truth (equal when right)."""
    rows: list[tuple[str, object, object]] = [
        ("kind", truth["kind"], facts["kind"]), ("title", truth["title"], facts["title"]),
        ("soft404", "", facts["soft404"])]
    meta = facts.get("meta") or {}
    for tag in sorted(set(truth.get("meta", {})) | set(meta)):
        rows.append((f"meta.{tag}", truth.get("meta", {}).get(tag), meta.get(tag)))
    for name in ("site_id", "icp", "psb", "sponsor"):
        rows.append((f"footer.{name}", truth["footer"][name], (facts.get("footer") or {}).get(name)))
    if "fields" in truth:
        document = facts.get("document") or {}
        got = document.get("fields") or {}
        for name in sorted(set(truth["fields"]) | set(got)):
            expected = truth["fields"].get(name)
            entry = got.get(name)
            rows.append((f"field.{name}", expected, (entry["value"], entry["date"]) if entry else None))
        for name, how in truth.get("how", {}).items():
            rows.append((f"how.{name}", how, (got.get(name) or {}).get("how")))
        rows.append(("has_metadata_block", truth.get("block", False), document.get("has_metadata_block")))
        if "downloads" in truth:
            rows.append(("downloads", truth["downloads"], document.get("downloads")))
    else:
        rows.append(("document", None, facts.get("document")))
    if "items" in truth:
        items = [(i["title"], i["url"], i["date"]) for i in facts.get("items") or []]
        spec = truth["items"]
        rows.append(("items.count", spec["count"], len(items)))
        for key in ("first", "last"):
            if key in spec:
                rows.append((f"items.{key}", spec[key], items[0 if key == "first" else -1] if items else None))
        if "dates" in spec:
            rows.append(("items.dates", spec["dates"], [i[2] for i in items]))
    if "column" in truth:
        column = facts.get("column") or {}
        for key, value in truth["column"].items():
            rows.append((f"column.{key}", value, column.get(key)))
    if "guide" in truth:
        guide, got_guide = truth["guide"], facts.get("guide")
        if isinstance(guide, dict) and isinstance(got_guide, dict):  # one field per element
            rows.extend((f"guide.{key}", guide.get(key), got_guide.get(key))
                        for key in sorted(set(guide) | set(got_guide)))
        else:
            rows.append(("guide", guide, got_guide))
    if "report_year" in truth:
        rows.append(("report_year", truth["report_year"], facts.get("report_year")))
    if "interpretation" in truth:
        rows.extend(_compare_dict("interpretation", truth["interpretation"], facts.get("interpretation")))
    if "interpretation_links" in truth:
        rows.append(("interpretation_links", truth["interpretation_links"],
                     [{k: link.get(k) for k in ("url", "text", "label")}
                      for link in facts.get("interpretation_links") or []]))
    if "consultation" in truth:
        rows.extend(_compare_consultation(truth["consultation"], facts.get("consultation")))
    if "pagination" in truth:
        rows.append(("pagination", truth["pagination"], facts.get("pagination")))
    if "encoding" in truth:
        rows.append(("encoding", truth["encoding"], facts.get("encoding")))
    if "redirects" in truth:
        rows.append(("redirects", truth["redirects"],
                     [link["url"] for link in facts.get("links") or [] if link.get("tag") == "redirect"]))
    return rows


def _compare_dict(name: str, expected, got) -> list[tuple[str, object, object]]:
    """One row per key when both are dicts (every key of either side), else one row."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return [(f"{name}.{key}", expected.get(key), got.get(key)) for key in sorted(set(expected) | set(got))]
    return [(name, expected, got)]


MESSAGE_KEYS = ("title", "url", "asked_date", "replied_date", "status")
"""The facts of a listed message that matter: what it is, where, when asked and answered, its state."""


def _compare_consultation(expected, got) -> list[tuple[str, object, object]]:
    """A consultation page's facts: ``kind`` (list | detail), ``channel`` (consultation | excluded),
    ``name``, and for a list ``state`` (readable | empty | unreadable) with its ``reason`` and its
    ``messages`` (each ``(title, url, asked_date, replied_date, status)``), for a detail page the
    ``message`` fields the truth names. Only the keys the truth gives are compared."""
    if not isinstance(expected, dict) or not isinstance(got, dict):
        return [("consultation", expected, got)]
    rows: list[tuple[str, object, object]] = []
    for key in ("kind", "channel", "name", "state", "reason"):
        if key in expected:
            rows.append((f"consultation.{key}", expected[key], got.get(key)))
    if "messages" in expected:
        listed = [tuple(m.get(k) for k in MESSAGE_KEYS) for m in got.get("messages") or []]
        rows.append(("consultation.messages.count", len(expected["messages"]), len(listed)))
        rows.extend((f"consultation.messages[{i}]", tuple(msg), listed[i] if i < len(listed) else None)
                    for i, msg in enumerate(expected["messages"]))
    if "message" in expected:
        message = got.get("message") or {}
        rows.extend((f"consultation.message.{key}", value, message.get(key))
                    for key, value in expected["message"].items())
    return rows


from tests.corpus.truth_a import PAGES_A  # noqa: E402 - corpus-a pages (lists, home pages, guides)
from tests.corpus.truth_b import PAGES_B  # noqa: E402  (corpus-b pages; truth_b imports nothing from here)

PAGES.update(PAGES_A)
PAGES.update(PAGES_B)

from tests.corpus.truth_n1 import PAGES_N1  # noqa: E402 - annual reports, 解读 and 咨询 pages

PAGES.update(PAGES_N1)

from tests.corpus.truth_n2 import PAGES_N2  # noqa: E402  (n2 pages: more home pages and lists)

PAGES.update(PAGES_N2)
