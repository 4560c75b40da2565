"""Page understanding on the 18 real pages of shared/corpus, against INDEX.tsv's ground truth.

Each page is analyzed with the URL it was saved from (INDEX.tsv; for the three whose source does not
say, a URL of the same site and shape); URLs are only used to resolve links, nothing is fetched.
The traps of shared/corpus/README.md are asserted by name below.
"""

import statistics
import time
from pathlib import Path

import pytest

from crawler.extract import analyze, decode_html

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(
    not (CORPUS / "INDEX.tsv").exists(),
    reason=f"real-page corpus not found at {CORPUS} (shared/ beside the checkout)")

HD_FOOTER = {"site_id": "1304000009", "icp": "冀ICP备05029117号-1", "psb": "冀公网安备 13042002000523号",
             "sponsor": "邯郸市人民政府办公室"}
WANZAI_FOOTER = {"site_id": "3609220011", "icp": "赣ICP备11002306号-1", "psb": "赣公网安备 36092202000105号",
                 "sponsor": "万载县人民政府"}
YICHUN_FOOTER = {"site_id": "3609000002", "icp": "赣ICP备06000141号", "psb": "赣公网安备 36090202000004号",
                 "sponsor": "宜春市人民政府"}
NO_FOOTER = {"site_id": None, "icp": None, "psb": None, "sponsor": None}

# name: url, is_home, kind, title, meta (subset; None = tag absent), footer,
#       fields {field: (value, ISO date)} (subset), absent fields
TRUTH = {
    "gne_govcn_gongbao_2007_23.html": dict(
        url="https://www.gov.cn/gongbao/content/2007/content_711039.htm", kind="document",
        title="全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007　年末国债余额限额的决议"
              "__2007年第23号国务院公报_中国政府网",
        meta={"SiteIDCode": None, "Author": "马娟"},
        footer={"site_id": "bm01000001", "icp": "京ICP备05070218号", "psb": "京公网安备11010202000001号",
                "sponsor": "国务院办公厅"},
        fields={"pub_date": ("2007-08-20-23:59:59", "2007-08-20")}, where={"pub_date": "meta"}),
    "gne_zjfgw_hanweb_art.html": dict(
        url="http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html", kind="document",
        title="1-10月德清县固定资产投资结构趋稳趋优",
        meta={"SiteIDCode": "", "SiteName": "浙江省发展和改革委员会",
              "SiteDomain": "fgw.zj.gov.cn,www.zjdpc.gov.cn", "ColumnName": "投资运行",
              "ArticleTitle": "1-10月德清县固定资产投资结构趋稳趋优", "PubDate": "2016-11-22 09:53",
              "ContentSource": "省发改委", "Url": "http://fgw.zj.gov.cn/art/2016/11/22/art_1621004_30332664.html"},
        footer={"site_id": "3300000020", "icp": "浙ICP备05018911号", "psb": "浙公网安备 33010602009328号",
                "sponsor": None},
        fields={"pub_date": ("2016-11-22", "2016-11-22"), "issuer": ("省发改委", None)},
        where={"pub_date": "inline"}),
    "gne_shanxi_trs_detail.html": dict(
        url="http://www.shanxi.gov.cn/yw/sxyw/201909/t20190918_693227.shtml", kind="document",
        title="山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站",
        meta={"SiteIDCode": "1400000045", "SiteName": "山西省人民政府门户网站", "ColumnName": "山西要闻",
              "ArticleTitle": "山西品牌丝路行（南美站）正式启动", "PubDate": "2019-09-18 06:23",
              "ContentSource": "山西日报", "Url": "./t20190918_693227.shtml"},
        footer={"site_id": "1400000045", "icp": "晋ICP备12000773号", "psb": "晋公网安备 14010502050691号",
                "sponsor": "山西省人民政府办公厅"},
        fields={"pub_date": ("2019-09-18 06:23", "2019-09-18")}, pagination=[]),
    "gne_cmse_detail.html": dict(
        url="http://www.cmse.gov.cn/xwzx/xwfbh/fbh.html", kind="document",
        title="天宫一号与神舟九号载人交会对接任务第二场新闻发布会_中国载人航天官方网站",
        meta={"SiteIDCode": None},
        footer={"site_id": None, "icp": "京ICP备20027467号-1", "psb": None,
                "sponsor": "中国载人航天工程办公室"},
        fields={"pub_date": ("2012-06-24", "2012-06-24")}),
    "hd_xxgk_detail_saved.jsp": dict(
        url="http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200802_1352104.html", kind="document",
        title="邯郸市教育局关于印发《全市教育系统安全专项整治三年行动实施方案》的通知",
        meta={"SiteIDCode": "1304000009", "PubDate": "2020年08月02日",
              "ArticleTitle": "邯郸市教育局关于印发《全市教育系统安全专项整治三年行动实施方案》的通知"},
        footer=HD_FOOTER,
        fields={"index_no": ("000014348/2020-35147", None), "issuer": ("邯郸市教育局", None),
                "doc_number": ("无", None), "pub_date": ("2020年08月02日", "2020-08-02"),
                "title": ("邯郸市教育局关于印发《全市教育系统安全专项整治三年行动实施方案》的通知", None)},
        absent=["written_date", "validity", "effective_date"], block=True),
    "hd_xxgk_list_saved.jsp": dict(
        url="http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/", kind="list", title="邯郸市政府信息公开",
        meta={"SiteIDCode": "1304000009", "ColumnName": "邯郸市政府信息公开"}, footer=HD_FOOTER,
        items=[("邯郸市教育局关于印发《邯郸市学校安全工作目标管理考核办法》的通知",
                "http://hdzfxxgk.hd.gov.cn/gszbm/auto23716/202008/t20200805_1353179.html", "2020-08-05")],
        pagination=[f"http://hdzfxxgk.hd.gov.cn/zfwj/jinqixxgk/index_{n}.html" for n in range(1, 56)]),
    "hd_xxgk_index_saved.jsp": dict(
        url="http://hdzfxxgk.hd.gov.cn/", is_home=True, kind="home", title="邯郸市政府信息公开",
        meta={"SiteIDCode": "1304000009", "ColumnName": "邯郸市政府信息公开"}, footer=HD_FOOTER,
        item_dates={"2020-08-02", "2020-07-29", "2020-07-27", "2020-01-23", "2020-04-24"}),
    "hd_xxgk_gkzn_saved.jsp": dict(
        url="http://hdzfxxgk.hd.gov.cn/gkzn/", kind=("list", "other"),
        title="邯郸市人民政府-政府信息公开指南",
        meta={"ColumnName": "政府信息公开指南", "ColumnType": "信息公开指南"}, footer=HD_FOOTER),
    "ccgp_hebei_zbgg_detail.html": dict(
        url="http://www.ccgp-hebei.gov.cn/cd/cd_wc/cggg/zhbggAAAA/202110/t20211011_1485252.html",
        kind="document", title="中标公告详细页面",
        meta={"SiteName": "中国河北政府采购网", "SiteIDCode": "1300000065", "PubDate": "2021-10-11",
              "ArticleTitle": "2021年村级信息资源共享支中心电脑采购项目中标公告"},
        footer={"site_id": "1300000065", "icp": "冀ICP备13016076号-2", "psb": "冀公网安备 13010402001602",
                "sponsor": "河北省财政厅"},
        fields={"pub_date": ("2021-10-11", "2021-10-11")}, where={"pub_date": "table"},
        absent=["title"]),  # 名称： in the contacts is no document title
    "wanzai_tjgb_2015_jyh.html": dict(
        url="http://www.wanzai.gov.cn/wzxrmzf/tjgb/201705/9c059bf058ef4db8b3c8f920e22186fe.shtml",
        kind="document", title="万载县人民政府 | 万载县2015年国民经济和社会发展统计公报",
        meta={"SiteIDCode": "3609220011", "ArticleTitle": "万载县2015年国民经济和社会发展统计公报",
              "PubDate": "2022-04-24 10:00:43"},
        footer=WANZAI_FOOTER,
        fields={"pub_date": ("2017-05-15 10:49:00", "2017-05-15")}, where={"pub_date": "inline"}),
    "wanzai_tjsj_2022_jyh.html": dict(
        url="http://www.wanzai.gov.cn/wzxrmzf/tjsja/202305/7215380191c5400397df5d7d0b5fd06b.shtml",
        kind="document", title="万载县2022年国民经济和社会发展统计公报 | 万载县人民政府",
        meta={"SiteIDCode": "3609220011", "ContentSource": "万载县统计局", "PubDate": "2023-08-16 10:33:59"},
        footer=WANZAI_FOOTER,
        fields={"index_no": ("014742224A/2023-0043406", None), "written_date": ("2023-05-11", "2023-05-11"),
                "issuer": ("万载县统计局", None),
                # no visible 发布日期: the meta is the only date there is, and says so
                "pub_date": ("2023-08-16 10:33:59", "2023-08-16")},
        where={"index_no": "dl", "written_date": "dl", "pub_date": "meta"},
        absent=["doc_number"], block=True),
    "yichun_tjgb_2022_jyh.html": dict(
        url="https://www.yichun.gov.cn/ycsrmzf/tjgb/202305/36796cdc82d04268913f2884cf2fe579.shtml",
        kind="document", title="宜春市2022年国民经济和社会发展统计公报 | 中国宜春",
        meta={"SiteIDCode": "3609000002", "PubDate": "2023-05-16 12:34:05"}, footer=YICHUN_FOOTER,
        fields={"index_no": ("014717475N/2023-0040295", None), "issuer": ("宜春市统计局", None),
                "written_date": ("2023-04-18", "2023-04-18")},
        where={"issuer": "dl"}, absent=["doc_number"], block=True),
    "yichun_jx_tjgb_2022_jyh.html": dict(
        url="https://www.yichun.gov.cn/ycsrmzf/tjgb/202304/3f093ec317ba4609b241d0c79175c7cd.shtml",
        kind="document", title="江西省2022年国民经济和社会发展统计公报 | 中国宜春",
        meta={"SiteIDCode": "3609000002", "ContentSource": "江西统计 公众号",
              "PubDate": "2023-05-16 12:34:10"},
        footer=YICHUN_FOOTER,
        fields={"index_no": ("014717475N/2023-0032866", None), "issuer": ("宜春市统计局", None),
                "written_date": ("2023-03-31", "2023-03-31")}, block=True),
    "kepu_politics_content_1755244.html": dict(
        url="http://www.kepu.gov.cn/politics/2023-12/01/content_1755244.html", kind="document",
        title="习近平主持召开深入推进长三角一体化发展座谈会-中国科普网",
        meta={"SiteIDCode": None},
        footer={"site_id": "bm06000004", "icp": "京ICP备05022684号-3", "psb": None, "sponsor": None},
        fields={"pub_date": ("2023-12-01 14:43", "2023-12-01")}),
    "ordos_egb_trs_list_xxgknb.html": dict(
        url="http://egb.ordos.gov.cn/xxgk/xxgknb/", kind="list", title="鄂尔多斯恩格贝生态示范区", meta={},
        footer={"site_id": "1506000140", "icp": "蒙ICP备13001412号-2", "psb": "蒙公网安备 15062102000168号",
                "sponsor": "鄂尔多斯市恩格贝生态示范区管委会"},
        item_count=10,
        first_item=("鄂尔多斯市2019年政府信息公开工作年度报告",
                    "http://egb.ordos.gov.cn/xxgk/xxgknb/202009/t20200903_2748784.html", "2020-09-03"),
        last_item=("2016，恩格贝，精彩继续！",
                   "http://egb.ordos.gov.cn/xxgk/xxgknb/201802/t20180205_2082017.html", "2017-01-07"),
        pagination=["http://egb.ordos.gov.cn/xxgk/xxgknb/index_1.html"], column_name="信息公开年报"),
    "govcn_zhengce_frag_5353307.html": dict(
        url="http://www.gov.cn/zhengce/content/2018-12/29/content_5353307.htm", kind="document", title="",
        meta={}, footer=NO_FOOTER, block=True,
        fields={"index_no": ("000014349/2018-00222", None), "issuer": ("国务院", None),
                "written_date": ("2018年12月21日", "2018-12-21"),
                "title": ("国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施"
                          "《中华人民共和国药品管理法实施条例》有关规定的决定", None),
                "doc_number": ("国发〔2018〕43号", None), "pub_date": ("2018年12月29日", "2018-12-29")}),
    "govcn_zhengce_frag_5352666.html": dict(
        url="http://www.gov.cn/zhengce/content/2018-12/27/content_5352666.htm", kind="document", title="",
        meta={}, footer=NO_FOOTER, block=True,  # the text's 主办单位 is not a footer
        fields={"index_no": ("000014349/2018-00221", None), "issuer": ("国务院办公厅", None),
                "written_date": ("2018年12月07日", "2018-12-07"),
                "title": ("国务院办公厅关于推进政务新媒体健康有序发展的意见", None),
                "doc_number": ("国办发〔2018〕123号", None), "pub_date": ("2018年12月27日", "2018-12-27")}),
    "govcn_zhengce_frag_5351718.html": dict(
        url="http://www.gov.cn/zhengce/content/2018-12/24/content_5351718.htm", kind="document", title="",
        meta={}, footer=NO_FOOTER, block=True,
        fields={"index_no": ("000014349/1996-00077", None), "issuer": ("国务院办公厅、中央军委办公厅", None),
                "written_date": ("1996年06月29日", "1996-06-29"),  # 22 years before publication
                "title": ("国务院办公厅、中央军委办公厅关于加强对侵华日军遗弃化学武器"
                          "调查和管理工作的通知", None),
                "doc_number": ("国办发〔1996〕25号", None), "pub_date": ("2018年12月24日", "2018-12-24")}),
}


def _facts(name: str) -> dict:
    truth = TRUTH[name]
    text, encoding = decode_html((CORPUS / name).read_bytes())
    assert encoding == "utf-8"
    return analyze(text, truth["url"], is_home=truth.get("is_home", False), ref_date=truth.get("ref_date"))


def test_every_corpus_page_has_ground_truth():
    pages = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".html", ".jsp"))
    assert pages == sorted(TRUTH)


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_page(name):
    truth = TRUTH[name]
    facts = _facts(name)
    kind = truth["kind"]
    assert facts["kind"] in (kind if isinstance(kind, tuple) else (kind,))
    assert facts["title"] == truth["title"]
    assert facts["soft404"] == ""
    for tag, value in truth["meta"].items():
        assert facts["meta"].get(tag) == value, tag
    assert facts["footer"] == truth["footer"]
    if "fields" in truth:
        fields = facts["document"]["fields"]
        for field, (value, date) in truth["fields"].items():
            assert (fields[field]["value"], fields[field]["date"]) == (value, date), field
        for field, where in truth.get("where", {}).items():
            assert fields[field]["where"] == where, field
        for field in truth.get("absent", []):
            assert field not in fields, field
        assert facts["document"]["has_metadata_block"] is truth.get("block", False)
    if "pagination" in truth:
        assert facts["pagination"] == truth["pagination"]


def test_comment_only_fields_are_absent():
    """Handan detail: 成文日期, 主题词 and 有效期 sit inside HTML comments."""
    facts = _facts("hd_xxgk_detail_saved.jsp")
    assert "written_date" not in facts["document"]["fields"]
    assert "validity" not in facts["document"]["fields"]


def test_wanzai_meta_pubdate_is_not_the_publication_date():
    facts = _facts("wanzai_tjgb_2015_jyh.html")
    assert facts["meta"]["PubDate"] == "2022-04-24 10:00:43"
    pub = facts["document"]["fields"]["pub_date"]
    assert (pub["date"], pub["label"], pub["where"]) == ("2017-05-15", "发布日期", "inline")


def test_zhejiang_empty_siteidcode_meta_footer_still_found():
    facts = _facts("gne_zjfgw_hanweb_art.html")
    assert facts["meta"]["SiteIDCode"] == "" and facts["footer"]["site_id"] == "3300000020"


def test_zhejiang_generation_time_is_not_a_date():
    facts = _facts("gne_zjfgw_hanweb_art.html")
    assert facts["document"]["fields"]["pub_date"]["date"] == "2016-11-22"  # not Maketime 2019-03-22


def test_ordos_list_items_and_pagination():
    truth = TRUTH["ordos_egb_trs_list_xxgknb.html"]
    facts = _facts("ordos_egb_trs_list_xxgknb.html")
    items = [(i["title"], i["url"], i["date"]) for i in facts["items"]]
    assert len(items) == truth["item_count"]
    assert items[0] == truth["first_item"] and items[-1] == truth["last_item"]
    assert facts["pagination"] == truth["pagination"]
    assert facts["column"]["name"] == truth["column_name"]
    assert facts["report_year"] is None  # a list of annual reports is not one
    assert facts["document"] is None


def test_handan_list_items():
    truth = TRUTH["hd_xxgk_list_saved.jsp"]
    facts = _facts("hd_xxgk_list_saved.jsp")
    assert [(i["title"], i["url"], i["date"]) for i in facts["items"]] == truth["items"]


def test_handan_index_as_home():
    facts = _facts("hd_xxgk_index_saved.jsp")
    dates = {item["date"] for item in facts["items"]}
    assert dates and dates <= TRUTH["hd_xxgk_index_saved.jsp"]["item_dates"]
    assert facts["document"] is None


def test_handan_guide_column_is_not_a_guide():
    facts = _facts("hd_xxgk_gkzn_saved.jsp")
    assert facts["guide"] is None
    # 44 department links under 市政府部门 (an older copy of the list sits in a comment: not counted)
    departments = [link for link in facts["links"] if "/gszbm/" in link["url"] and "?id=1780" in link["url"]]
    assert len(departments) == 44


def test_joint_issuers_and_written_date_22_years_earlier():
    fields = _facts("govcn_zhengce_frag_5351718.html")["document"]["fields"]
    assert "、" in fields["issuer"]["value"]
    assert fields["written_date"]["date"][:4] == "1996" and fields["pub_date"]["date"][:4] == "2018"


def test_links_resolved_and_comment_links_skipped():
    facts = _facts("govcn_zhengce_frag_5353307.html")
    urls = [link["url"] for link in facts["links"]]
    assert "http://www.gov.cn/public/yidongkehuduan.htm" in urls
    # the <div class="de_bannerS"> inside a comment holds the only link to this image
    assert not any(url.endswith("/de_bannerS.jpg") for url in urls)
    assert "http://www.gov.cn/govweb/xhtml/2016gov/images/public/de_bannerS_sjh.jpg" in urls
    for url in urls:
        assert url.startswith(("http://", "https://", "javascript:", "mailto:", "#"))


def test_analyze_time_per_page(capsys):
    """Not a benchmark gate: prints the median CPU time of analyze() per corpus page."""
    pages = []
    for name, truth in TRUTH.items():
        text, _ = decode_html((CORPUS / name).read_bytes())
        pages.append((text, truth["url"]))
    times = []
    for text, url in pages:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            analyze(text, url)
            best = min(best, time.process_time() - start)
        times.append(best * 1000)
    with capsys.disabled():
        print(f"\nanalyze(): median {statistics.median(times):.2f} ms CPU per corpus page, "
              f"max {max(times):.2f} ms")
