"""The misreadings the corpus-a pages showed, each fixed at its depth and tested on the real page
(tests/corpus/pages) and on a second, written shape of the same class from another kind of site.

* a breadcrumb whose separators are drawn by CSS (``<li><a>首页</a></li><li><a>政务公开</a></li>``):
  its text ran together into one column name;
* a list split into same-shape groups one level apart (TRS 动静结合: ``<div><ul>`` per five items):
  only the first group was read;
* a 公开指南 pasted from a word processor, every element split over ``<span>``s: the values were cut
  at the first span; short labels inside other words (``信息名称：``, ``区档案馆地址：``) were taken
  for the office and the address; ``在线申请`` naming the portal without a URL was dropped.
"""

import datetime as dt
from pathlib import Path

import pytest

from crawler.extract import analyze, decode_html
from crawler.extract.blocktext import BlockText
from crawler.extract.kinds import guide_elements
from crawler.extract.metadata import TextStream

PAGES = Path(__file__).resolve().parent / "corpus" / "pages"
SITE = "http://www.example.org"


def _real(name: str, url: str) -> dict:
    text, _ = decode_html((PAGES / name).read_bytes())
    return analyze(text, url)


# ---------------------------------------------------------------- breadcrumb without separators
@pytest.mark.parametrize("crumb, expected", [
    # Fujian TRS 集约化 (the pingtan list page's shape)
    ('<div class="breadcrumb"><span>当前位置：</span><ul><li><a href="../../">首页</a></li>'
     '<li><a href="../">政务公开</a></li><li><a href="./">通知公告</a></li></ul></div>', "通知公告"),
    # a position bar of bare links, arrows drawn by background images
    ('<div class="position">您现在的位置：<a href="/">首页</a><a href="/xxgk/">信息公开</a>'
     '<a href="/xxgk/gsgg/">公示公告</a></div>',
     "公示公告"),
    # separators present: unchanged
    ('<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a></div>',
     "新闻中心"),
])
def test_breadcrumb_links_without_separators(crumb, expected):
    rows = "".join(f'<li><a href="/a/t2024010{i}_{i}.html">第{i}条通知的标题文字</a>'
                   f'<span>2024-01-0{i}</span></li>' for i in range(1, 5))
    facts = analyze(f"<html><body>{crumb}<ul>{rows}</ul></body></html>", f"{SITE}/xxgk/gsgg/")
    assert (facts["column"]["name"], facts["column"]["name_source"]) == (expected, "breadcrumb")


def test_breadcrumb_real_pingtan_list():
    facts = _real("list_pingtan_trs_avalon_static_dynamic.html", "https://www.pingtan.gov.cn/zwgk/ghxx/gzjzqk/")
    assert facts["column"]["name"] == "工作进展情况"


# ---------------------------------------------------------------- list groups one level apart
def _groups(wrapper: str, n_groups: int, per: int) -> str:
    out, k = [], 0
    for _ in range(n_groups):
        rows = []
        for _ in range(per):
            k += 1
            rows.append(f'<li><a href="./202401/t202401{k:02d}_{k}.htm" title="t">第{k}号工作情况通报标题</a>'
                        f'<span>2024-01-{k:02d}</span></li>')
        out.append(wrapper.format("".join(rows)))
    return "".join(out)


@pytest.mark.parametrize("wrapper", [
    '<div ms-visible="$showStatic(1)"><ul>{}</ul><div class="line"></div></div>',  # TRS 动静结合
    '<div class="page-part"><ul class="news">{}</ul></div>',  # a list paged client-side in parts
])
def test_same_shape_cousin_groups_are_one_list(wrapper):
    side = '<div class="side"><ul>' + "".join(
        f'<li><a href="/zt/{i}.html">专题链接{i}</a><span>2023-0{i}-01</span></li>'
        for i in range(1, 4)) + "</ul></div>"
    html = f'<html><body>{side}<div class="list">{_groups(wrapper, 3, 5)}</div></body></html>'
    items = analyze(html, f"{SITE}/zwgk/gzdt/")["items"]
    # all 15 items of the three groups, and the sidebar is not in it
    assert [i["date"] for i in items] == [f"2024-01-{k:02d}" for k in range(1, 16)]


def test_real_pingtan_groups():
    facts = _real("list_pingtan_trs_avalon_static_dynamic.html", "https://www.pingtan.gov.cn/zwgk/ghxx/gzjzqk/")
    items = facts["items"]
    # the whole page holds 15 same-shape groups of five (cousins, not siblings): every group is read
    assert len(items) == 75 and items[9]["date"] == "2024-03-29" and items[-1]["date"] == "2021-04-16"


# ---------------------------------------------------------------- guides: block text, labels
def test_block_text_joins_spans_and_breaks_at_blocks_and_br():
    stream = TextStream.from_html(
        "<html><body><p><span>通信地址：某市</span><span>7号楼</span>14层</p><p>邮政编码：<b>350400</b></p>"
        "<div>电话：0591-1234567<br>传真：0591-7654321</div><p>Google <span>Chrome</span></p></body></html>")
    block = BlockText(stream)
    assert block.text.split("\n") == ["通信地址：某市7号楼14层", "邮政编码：350400", "电话：0591-1234567",
                                      "传真：0591-7654321", "Google Chrome"]
    second = block.text.index("邮政编码")
    assert stream.text[block.stream_pos(second):].startswith("邮政编码")


@pytest.mark.parametrize("body, element, value", [
    # Word-pasted spans (pingtan) and a county page writing the hours over three <font>s
    ('<p><span>咨询时间：周一至周五，上午</span><span>8:00至12:00</span></p>', "hours",
     "周一至周五，上午8:00至12:00"),
    ('<p><font>办公时间：</font><font>工作日</font><font>9:00-17:00</font></p>', "hours", "工作日9:00-17:00"),
    # 信息名称 (the catalogue's field list) is no office; 单位名称 / 工作机构名称 are
    ('<p>2.信息名称：政府信息的标题。</p><p>受理机构：某区政务公开办公室</p>', "office",
     "某区政务公开办公室"),
    ('<p>单位名称：某县人民政府办公室</p>', "office", "某县人民政府办公室"),
    ('<p>（一）工作机构名称：某市交通运输局办公室</p>', "office", "某市交通运输局办公室"),
    # 区档案馆地址 is the archive's, not the office's; 通信地址 is a label
    ('<p>区档案馆地址：某路3号</p><p>通信地址：某路1号</p>', "address", "某路1号"),
    # 在线申请 naming the portal (no URL) is the online channel; a bare sentence is not
    ('<p>1．<span>在线申请</span></p><p>申请人可登录本机关政府门户网站提交电子申请表。</p>', "online",
     "申请人可登录本机关政府门户网站提交电子申请表"),
    ('<p>在线申请：暂不受理</p>', "online", None),
])
def test_guide_label_and_span_variants(body, element, value):
    stream = TextStream.from_html(f"<html><body>{body}</body></html>")
    assert guide_elements(BlockText(stream).text)[element] == value


def test_real_pingtan_guide():
    guide = _real("guide_pingtan_trs_consult_hours.html",
                  "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgkzn/202311/t20231104_51587.htm")["guide"]
    assert guide["office"] == "平潭综合实验区管委会政府信息公开领导小组办公室"
    assert guide["address"] == "平潭综合实验区金井湾营运中心7号楼14层"
    assert guide["hours"].endswith("2：30至5：30（冬令时）")
    assert guide["fax"] is None


def test_guide_footer_address_still_refused():
    html = ("<html><body><h1>某局政府信息公开指南</h1><p>受理机构：某局办公室</p>"
            "<p>咨询电话：0571-88880000</p>"
            '<div class="footer"><p><span>地址：</span><span>某路88号</span></p></div></body></html>')
    facts = analyze(html, f"{SITE}/xxgk/gkzn/")
    assert facts["kind"] == "guide" and facts["guide"]["address"] is None


# ---------------------------------------------------------------- footer id variants
@pytest.mark.parametrize("footer, field, value", [
    # 岳西网 (2018): 公网安备案： with 案, a colon and no province
    ("网站ICP备案号:皖ICP备08101403号 | 公网安备案： 34082802000414号", "psb",
     "公网安备案： 34082802000414号"),
    ("公网安备案：33010602009328号", "psb", "公网安备案：33010602009328号"),
    # 北京市食药监局: a full-width hyphen before the suffix
    ("ICP备案编号：京ICP备14005922号－1", "icp", "京ICP备14005922号－1"),
    ("粤ICP备05070829号－2 网站标识码：4400000131", "icp", "粤ICP备05070829号－2"),
])
def test_footer_id_variants(footer, field, value):
    facts = analyze(f'<html><body><p>正文</p><div class="footer">{footer}</div></body></html>', f"{SITE}/")
    assert facts["footer"][field] == value


# ---------------------------------------------------------------- tooltip titles
ALTAY_TIP = ("文章标题：阿勒泰市积极开展春季防洪工作的情况\n 作者：\n 更新时间：2018/3/15 12:09:00\n"
             " 点击次数：459")


@pytest.mark.parametrize("tip, text, title", [
    (ALTAY_TIP, "阿勒泰市积极开展春季防洪…", "阿勒泰市积极开展春季防洪工作的情况"),  # 阿勒泰市 (ASP.NET)
    ("标题：某县召开安全生产工作会议 发布时间：2018-03-01", "某县召开安全生产...",
     "某县召开安全生产工作会议"),
    ("关于做好2018年春耕备耕工作的通知", "关于做好2018年春耕…", "关于做好2018年春耕备耕工作的通知"),  # plain
])
def test_tooltip_titles(tip, text, title):
    rows = "".join(f'<li><a href="/Article/ShowArticle.aspx?ArticleID={i}" title="{tip}">{text}</a>'
                   f"[2018-03-1{i}]</li>" for i in range(3))
    items = analyze(f"<html><body><ul>{rows}</ul></body></html>", f"{SITE}/xwzx/")["items"]
    assert [i["title"] for i in items] == [title] * 3


# ---------------------------------------------------------------- client-side redirect stubs
@pytest.mark.parametrize("html, target", [
    # 上海 12333 (2018): the home page is a script redirect and nothing else
    ("<html><head><title>某网</title></head><script>\nwindow.top.location.href='http://www.example.org/2017/index.shtml';"
     "</script><body></body></html>", "http://www.example.org/2017/index.shtml"),
    ('<html><head><meta http-equiv="Refresh" content="0; URL=/zwgk/index.html"></head><body></body></html>',
     "http://www.example.org/zwgk/index.html"),
    ("<html><body><script>location.replace('/portal/')</script></body></html>", "http://www.example.org/portal/"),
    # a choice inside a function or a condition is not followed, nor a URL built at run time
    ("<html><body><script>if (isMobile()) { location.href = '/m/'; }</script></body></html>", None),
    ("<html><body><script>\n window.location.href=\"/search?sw=\"+$(\"#sw\").val();</script></body></html>",
     None),
])
def test_redirect_stub_targets(html, target):
    facts = analyze(html, f"{SITE}/", is_home=True)
    links = [link["url"] for link in facts["links"] if link["tag"] == "redirect"]
    assert links == ([target] if target else [])


def test_redirect_links_are_followed():
    from crawler.urls import should_follow

    assert should_follow("http://www.example.org/2017/index.shtml", "redirect", "internal")


@pytest.mark.parametrize("footer, sponsor", [
    # 北斗 (2018): the sponsor before 主办, a line of its own
    ('<span>北斗卫星导航系统网站 版权所有</span><span>中国卫星导航系统管理办公室主办</span>'
     '<span>京ICP备05022684号-2</span>', "中国卫星导航系统管理办公室"),
    ("<p>版权所有 某市人民政府</p><p>某市人民政府办公室 主办</p><p>某ICP备12345678号</p>",
     "某市人民政府办公室"),
    # a sentence that ends in 主办 is no footer line
    ("<p>本次活动由某市文化和旅游局等单位联合主办，欢迎参加。</p><p>某ICP备12345678号</p>", None),
])
def test_sponsor_suffix_form(footer, sponsor):
    facts = analyze(f'<html><body><p>正文</p><div class="footer">{footer}</div></body></html>', f"{SITE}/")
    assert facts["footer"]["sponsor"] == sponsor


def test_list_dates_without_a_year_take_the_fetch_day():
    """北京通州 (2018): ``03-22`` with no year on the page or in the URL is of the day fetched."""
    rows = "".join(
        f'<tr><td><a href=" n95/n705/c{n}/content.html " title=通知{n}公告标题>通知{n}公告&hellip;</a></td>'
        f"<td><a href=n95/n705/c{n}/content.html>{day}</a></td></tr>"
        for n, day in ((16073216, "03-22"), (16065882, "12-30"), (16040714, "03-13")))
    html = f"<html><body><table>{rows}</table></body></html>"
    saved = analyze(html, f"{SITE}/", is_home=True, ref_date=dt.date(2018, 3, 31))
    assert [(i["title"], i["date"]) for i in saved["items"]] == [
        ("通知16073216公告标题", "2018-03-22"), ("通知16065882公告标题", "2017-12-30"),
        ("通知16040714公告标题", "2018-03-13")]
    assert saved["items"][0]["url"] == f"{SITE}/n95/n705/c16073216/content.html"
    today = dt.date.today()
    live = analyze(html, f"{SITE}/", is_home=True)
    assert all(i["date"] <= today.isoformat() for i in live["items"])
