# ruff: noqa: E501  (HTML templates: markup lines are kept as a CMS would write them)
"""The demo portal's 政策解读 columns and consultation (咨询/信箱) columns, with planted cases.

Mixed into :class:`demo.site.Site`; each agency gets the pieces in its own CMS style:

``jyj`` (TRS)   政策解读 column paged by ``createPageHTML`` (interpretations tied to their document by
                a 相关解读 link, a link back, a quoted 《title》 or the 文号) — one document without
                an interpretation (fixed in the ``fixed`` variant), one interpreted a working day too
                late, one on the last day across 国庆; a 局长信箱 ``ul/li`` list with inline labels —
                one reply overdue, one on time across 国庆 and 调休, one waiting within the limit.
``wsj`` (Hanweb) 政策解读 column through ``dataproxy.jsp``, all on time; an 在线咨询 page rendered only
                by JavaScript from an API the tool does not know (unreadable, not "no messages").
``zfb`` (GBK)   政策解读 column with 下一页 pages; a 县长信箱 ``table`` list over two 下一页 pages —
                one message unanswered for more than 3 months (the 互动回应差 veto), one pending past
                the 5-working-day limit, one 不予受理, the rest on time.
"""

from __future__ import annotations

import datetime as dt
import re

from checks.workdays import WorkdayCalendar

CALENDAR = WorkdayCalendar()


def after(day: dt.date, workdays: int) -> dt.date:
    """The date ``workdays`` working days after ``day`` (State Council calendar, 调休 included)."""
    return CALENDAR.add_workdays(day, workdays)


def inner_title(title: str) -> str:
    """``…关于印发《X办法》的通知`` → ``X办法``; a title without 《》 stays whole."""
    m = re.search(r"《([^《》]+)》", title)
    return m.group(1) if m else title


class InteractionPages:
    """Builders of the interpretation and consultation columns (see the module docstring)."""

    # ------------------------------------------------------------------ jyj (TRS)

    def build_jyj_interpretations(self, zcwj: list) -> None:
        from demo.site import Doc
        directory = "/jyj/zcjd/"
        missing, late, national_day = zcwj[5], zcwj[3], zcwj[4]
        plan = {0: 0, 1: 1, 2: 2, 3: 4, 4: 3, 6: 1, 7: 0, 8: 2, 9: 1, 10: 0, 11: 3}
        if self.fixed:
            plan[5] = 0
        interps = []
        for k, delay in plan.items():
            doc = zcwj[k]
            pub = after(doc.pub, delay) if delay else doc.pub
            name = inner_title(doc.title)
            if k == 1:
                title = f"关于《{doc.title}》的解读"
            elif k == 2:
                title = f"图解：{name}"
            elif k == 6:
                title = "一图读懂义务教育优质均衡发展督导评估"
            else:
                title = f"《{name}》政策解读"
            interp = Doc(1501 + k, title, pub)
            number = doc.number or ""
            cites = f"（{number.replace('[', '〔').replace(']', '〕')}）" if k == 6 else ""
            interp.body = (f"<p>近日，市教育局印发了{'该文件' if k in (2, 6) else '《' + name + '》'}{cites}，"
                           f"现就有关内容解读如下。</p><p>一、制定背景。二、主要内容。三、保障措施。</p>")
            interps.append((k, doc, interp))
        for k, doc, interp in interps:
            path = self.jyj_doc_path(directory, interp)
            if k in (0, 8):   # the document links its interpretation under 相关解读
                doc.extra += (f'<div class="xgjd"><p>相关解读：<a href="{path}" target="_blank">'
                              f'{interp.title}</a></p></div>')
        self._jyj_interps = interps
        self._jyj_planted = {"missing": missing, "late": late, "on_time_national_day": national_day}

    def finish_jyj_interpretations(self) -> None:
        """After the policy column is built (documents have their URLs): the 政策解读 column."""
        directory = "/jyj/zcjd/"
        docs = []
        for k, doc, interp in self._jyj_interps:
            if k not in (1, 6):   # the interpretation links back to its document
                interp.extra = f'<p class="ywlj">原文链接：<a href="{doc.url[len(self.base):]}">{doc.title}</a></p>'
            docs.append(interp)
        docs.sort(key=lambda d: (d.pub, d.id), reverse=True)
        self.jyj_column(directory, "政策解读", "政策解读", docs, 5)
        self.column("jyj", directory, "政策解读", "other", pages=(len(docs) + 4) // 5)
        planted = self._jyj_planted
        self.plant_finding("jyj", "doc-interpretation-missing", planted["missing"].url, "interpretation",
                           fixed_in_variant=True)
        self.plant_finding("jyj", "doc-interpretation-late", planted["late"].url, "interpretation")
        self.clean["interpretations_on_time"] = [planted["on_time_national_day"].url]

    def build_jyj_mailbox(self) -> None:
        a = "jyj"
        directory = "/jyj/hdjl/jzxx/"
        d = dt.date
        letters = [  # id, title, asked, replied, status
            (9001, "孩子转学需要办理什么手续", d(2026, 11, 18), d(2026, 11, 19), "已答复"),
            (9003, "教师资格证认定时间咨询", d(2026, 11, 25), None, "待回复"),
            (9002, "课后服务收费标准是多少", d(2026, 10, 9), d(2026, 10, 19), "已办结"),
            (9004, "国庆假期后学校开学时间", d(2026, 9, 28), d(2026, 10, 9), "已办结"),
        ]
        rows = []
        site = self.JYJ
        col = {"name": "局长信箱", "desc": "示例市教育局局长信箱", "keywords": "局长信箱,咨询", "type": "互动交流"}
        for i, title, asked, replied, status in letters:
            path = f"{directory}{asked:%Y%m}/t{asked:%Y%m%d}_{i}.shtml"
            reply = (f"<span>答复时间：{replied.isoformat()}</span>" if replied else "")
            rows.append(f'    <li><a href=".{path[len(directory) - 1:]}" title="{title}">{title}</a>'
                        f'<span>来信时间：{asked.isoformat()}</span>{reply}<em>{status}</em></li>')
            answer = (f'<tr><th>答复单位：</th><td>示例市教育局办公室</td></tr>\n'
                      f'<tr><th>答复时间：</th><td>{replied.isoformat()}</td></tr>\n'
                      f'<tr><th>答复内容：</th><td>您好！您反映的问题已收悉，现答复如下：请按有关规定办理。感谢您的来信。</td></tr>'
                      if replied else '<tr><th>办理状态：</th><td>待回复</td></tr>')
            main = f"""<div class="position">当前位置：<a href="/jyj/index.html">首页</a> &gt; <a href="{directory}index.shtml">局长信箱</a></div>
<div class="article"><h1 class="title">{title}</h1>
<table class="xx-detail">
<tr><th>来信标题：</th><td>{title}</td></tr>
<tr><th>来信时间：</th><td>{asked.isoformat()}</td></tr>
<tr><th>来信内容：</th><td>局长您好，想咨询：{title}？盼复。</td></tr>
{answer}
</table></div>"""
            from demo.site import Doc
            page_doc = Doc(i, title, replied or asked)
            self.add(path, self.jyj_page(f"{title}_示例市教育局", self.metas(site, col, page_doc), main))
            if i == 9002:
                self.plant_finding(a, "reply-overdue", self.url(path), "")
            if i == 9003:
                self.clean.setdefault("messages_within_limit", []).append(self.url(path))
        listing = "\n".join(rows)
        main = f"""<div class="position">当前位置：<a href="/jyj/index.html">首页</a> &gt; <a href="./index.shtml">局长信箱</a></div>
<div class="column-title">局长信箱</div>
<div class="list-box"><ul class="xx-list">
{listing}
</ul></div>"""
        page = self.jyj_page("局长信箱_示例市教育局", self.metas(site, col), main)
        self.add(directory + "index.shtml", page)
        self.add(directory, page)
        self.column(a, directory, "局长信箱", "other")

    # ------------------------------------------------------------------ wsj (Hanweb)

    def build_wsj_interpretations(self, policy: list) -> None:
        from demo.site import Doc
        interps = []
        for k, doc in enumerate(policy):
            pub = after(doc.pub, k % 3) if k % 3 else doc.pub
            interp = Doc(5301 + k, f"《{inner_title(doc.title)}》解读", pub)
            interp.body = (f"<p>《{inner_title(doc.title)}》（{doc.number}）已印发实施，现解读如下。</p>"
                           "<p>一、起草背景。二、主要内容。三、实施要求。</p>")
            interp.extra = f'<div class="ywlj">原文：<a href="{doc.url[len(self.base):]}">{doc.title}</a></div>'
            interps.append(interp)
        interps.sort(key=lambda d: (d.pub, d.id), reverse=True)
        self.wsj_column(1007, "政策解读", "政策解读", interps, 5)
        self.column("wsj", "/wsj/col/col1007/", "政策解读", "other")

    def build_wsj_consultation(self) -> None:
        """An 在线咨询 page whose list only a browser running its script would see."""
        main = """<div class="bt-position">当前位置：<a href="/wsj/index.html">首页</a> &gt; 在线咨询</div>
<div class="lm-title">在线咨询</div>
<div id="zxList" class="zx-list"><p class="loading">正在加载…</p></div><div id="zxPager"></div>
<script type="text/javascript">
$(function () {
  $.ajax({url: '/wsj/interact/api/consult/list', type: 'POST', data: {page: 1, size: 15}, dataType: 'json',
    success: function (res) {
      var html = '';
      $.each(res.rows, function (i, r) { html += '<li><a href="' + r.url + '">' + r.title + '</a><span>' + r.time + '</span></li>'; });
      $('#zxList').html('<ul>' + html + '</ul>');
    }});
});
</script>"""
        self.add("/wsj/hdjl/zxzx.html", self.wsj_page("在线咨询_示例市卫生健康委员会", self.metas(self.WSJ), main))
        self.clean["unreadable_lists"] = [self.url("/wsj/hdjl/zxzx.html")]

    # ------------------------------------------------------------------ zfb (old gov.cn, GBK)

    def build_zfb_interpretations(self, docs: list) -> None:
        from demo.site import Doc
        interps = []
        for k, doc in enumerate(docs):
            pub = after(doc.pub, 1 + k % 2)
            interp = Doc(3401 + k, f"关于《{inner_title(doc.title)}》的解读", pub)
            interp.body = (f"<p>《{inner_title(doc.title)}》（{doc.number}）已经县政府同意印发，现解读如下。</p>"
                           "<p>一、出台背景。二、主要目标。三、重点任务。四、保障措施。</p>")
            interps.append(interp)
        interps.sort(key=lambda d: (d.pub, d.id), reverse=True)
        self.zfb_list("/zfb/zwgk/zcjd/", "政策解读", "政策解读", interps, 3,
                      crumb='<a href="/zfb/zwgk/fdzdgknr.htm">政府信息公开</a> &gt; ')
        self.column("zfb", "/zfb/zwgk/zcjd/", "政策解读", "other", pages=3)
        self.hidden.setdefault("下一页", []).extend(
            self.url(f"/zfb/zwgk/zcjd/index_{i}.htm") for i in (1, 2))

    def build_zfb_mailbox(self) -> None:
        a = "zfb"
        directory = "/zfb/hdjl/xzxx/"
        d = dt.date
        letters = [  # id, title, asked, replied, status
            (7001, "关于城关镇人民路路灯损坏的问题", d(2026, 11, 2), d(2026, 11, 5), "已回复"),
            (7003, "农村低保申请需要哪些材料", d(2026, 11, 16), None, "办理中"),
            (7006, "县城公交线路调整的建议", d(2026, 10, 20), d(2026, 10, 23), "已回复"),
            (7002, "咨询国庆期间办事大厅开放时间", d(2026, 9, 30), d(2026, 10, 12), "已办结"),
            (7004, "反映某小区物业收费问题", d(2026, 6, 1), None, "未回复"),
            (7005, "广告推广", d(2026, 5, 20), None, "不予受理"),
        ]
        col = {"name": "县长信箱", "desc": "示例县人民政府县长信箱", "keywords": "县长信箱", "type": "互动交流"}
        from demo.site import HTML_GB, Doc
        pages = [letters[:4], letters[4:]]
        for index, chunk in enumerate(pages):
            rows = []
            for i, title, asked, replied, status in chunk:
                rows.append(f'<tr><td class="bt"><a href="./{asked:%Y%m}/content_{i}.htm" target="_blank">{title}</a></td>'
                            f'<td>{asked.isoformat()}</td><td>{replied.isoformat() if replied else "&nbsp;"}</td>'
                            f'<td>{status}</td></tr>')
            leaf = "index.htm" if index == 0 else f"index_{index}.htm"
            pager = ('<a href="index.htm">首页</a> <a href="index_1.htm">下一页</a> <a href="index_1.htm">尾页</a> 共2页'
                     if index == 0 else '<a href="index.htm">首页</a> <a href="index.htm">上一页</a> 共2页')
            main = f"""<div class="dqwz">您现在的位置：<a href="/zfb/index.htm">首页</a> &gt; 县长信箱</div>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="xx_list">
<tr><th>信件标题</th><th>留言时间</th><th>回复时间</th><th>状态</th></tr>
{chr(10).join(rows)}
</table>
<div class="page">{pager}</div>"""
            self.add(directory + leaf, self.zfb_page("县长信箱-示例县人民政府", self.metas(self.ZFB, col), main), HTML_GB)
            if index:
                self.hidden.setdefault("下一页", []).append(self.url(directory + leaf))
        for i, title, asked, replied, status in letters:
            path = f"{directory}{asked:%Y%m}/content_{i}.htm"
            if replied:
                answer = (f'<tr><td class="l">回复单位</td><td>示例县人民政府办公室</td></tr>\n'
                          f'<tr><td class="l">回复时间</td><td>{replied.isoformat()}</td></tr>\n'
                          f'<tr><td class="l">回复内容</td><td>您好！您反映的问题已转相关部门办理，现答复如下：请按有关规定办理。</td></tr>')
            else:
                answer = (f'<tr><td class="l">办理状态</td><td>{status}</td></tr>\n'
                          '<tr><td class="l">回复内容</td><td>暂无回复</td></tr>')
            main = f"""<div class="dqwz">您现在的位置：<a href="/zfb/index.htm">首页</a> &gt; <a href="{directory}index.htm">县长信箱</a></div>
<table width="650" border="0" cellpadding="0" cellspacing="0" class="xx_detail">
<tr><td class="l">信件标题</td><td>{title}</td></tr>
<tr><td class="l">留言时间</td><td>{asked.isoformat()} 10:12:30</td></tr>
<tr><td class="l">留言内容</td><td>县长您好：{title}，请予答复。</td></tr>
{answer}
</table>"""
            self.add(path, self.zfb_page(f"{title}-示例县人民政府", self.metas(self.ZFB, col, Doc(i, title, replied or asked)), main),
                     HTML_GB)
            url = self.url(path)
            if i == 7003:
                self.plant_finding(a, "reply-unanswered", url, "pending")
            if i == 7004:
                self.plant_finding(a, "reply-unanswered", url, "over-3-months")
        self.column(a, directory, "县长信箱", "other", pages=2)
