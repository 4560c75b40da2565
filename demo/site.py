# ruff: noqa: E501  (HTML templates: markup lines are kept as a CMS would write them)
"""Generate the demo portal's pages, and the list of problems planted in them (the truth).

Three agencies share one server, each under its own path prefix, each in the style of a CMS
found on real government sites (imitating the pages in ``/work/shared/corpus``):

``jyj``  示例市教育局, TRS WCM: ``index.shtml`` columns, ``createPageHTML(...)`` JavaScript
         pagination (pages ``index_k.shtml`` linked from nowhere else), ``t2026xxxx_NNNN.shtml``
         articles with ``div.TRS_Editor`` and a metadata table, ``P0….pdf`` attachments.
``wsj``  示例市卫生健康委员会, Hanweb JCMS: ``/col/colNNNN/index.html`` columns whose first records
         are inline in ``<script type="text/xml"><datastore>`` and the rest only behind
         ``POST /wsj/module/web/jpage/dataproxy.jsp``; ``ul/li`` metadata with spaced labels.
``zfb``  示例县人民政府办公室, an old gov.cn-like template served as GBK bytes declared gb2312,
         ``table.bd1`` metadata with 二〇二六年九月一日 dates, ``#UCAP-CONTENT``, 下一页 links.

Every date is chosen relative to :data:`DEMO_AS_OF` (the demo's monitoring point), so the
freshness findings stay what the truth says. :class:`Site` builds everything for one variant
(``initial`` or ``fixed``) and given the addresses of the helper servers; the HTTP server in
:mod:`demo.server` only looks resources up.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from dataclasses import dataclass, field

from demo.interaction import InteractionPages

DEMO_AS_OF = "2026-11-27"
AS_OF = dt.date.fromisoformat(DEMO_AS_OF)
VARIANTS = ("initial", "fixed")

HTML_UTF8 = "text/html; charset=utf-8"
HTML_GB = "text/html; charset=gb2312"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
GIF = base64.b64decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
PAGE_JS = """/* TRS WCM 分页 */
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {
  if (_nPageCount == null || _nPageCount <= 1) { return; }
  var nCurrIndex = _nCurrIndex || 0;
  if (nCurrIndex == 0) { document.write("<span>首页</span> "); }
  else { document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">首页</a> "); }
  for (var i = 1; i < _nPageCount; i++) {
    if (nCurrIndex == i) { document.write("<span>" + (i + 1) + "</span> "); }
    else { document.write("<a href=\\"" + _sPageName + "_" + i + "." + _sPageExt + "\\">" + (i + 1) + "</a> "); }
  }
}
"""
CSS = "body{font-family:'Microsoft YaHei',SimSun;font-size:14px}.list li span{float:right}\n"
ROBOTS = "User-agent: *\nDisallow: /jyj/private/\n"
CN_DIGITS = "〇一二三四五六七八九"


def ago(days: int) -> dt.date:
    """The date ``days`` before the monitoring point."""
    return AS_OF - dt.timedelta(days=days)


def iso(day: dt.date) -> str:
    return day.isoformat()


def cn_date(day: dt.date) -> str:
    """``2026-09-01`` → ``二〇二六年九月一日`` (the 公文 way of writing a 成文日期)."""
    def small(n: int) -> str:
        if n < 10:
            return CN_DIGITS[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")
    year = "".join(CN_DIGITS[int(c)] for c in str(day.year))
    return f"{year}年{small(day.month)}月{small(day.day)}日"


def zh_date(day: dt.date, pad: bool = True) -> str:
    """``2026年09月05日`` (``pad``) or ``2026年9月5日``."""
    if pad:
        return f"{day.year}年{day.month:02d}月{day.day:02d}日"
    return f"{day.year}年{day.month}月{day.day}日"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass
class Resource:
    """One answer of the main server: status, headers and body bytes."""

    status: int = 200
    body: bytes = b""
    content_type: str = HTML_UTF8
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Doc:
    """An article of the demo portal (policy document, notice, news item or report)."""

    id: int
    title: str
    pub: dt.date
    written: dt.date | None = None
    number: str | None = None
    effective: dt.date | None = None        # shown in the metadata block
    effective_text: str = ""                # sentence in the body, e.g. 本办法自…起施行
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (name, relative href)
    extra: str = ""                         # extra HTML (related links) under the body
    skip_meta: tuple[str, ...] = ()         # 指引2017 tags left out on purpose
    body: str = ""                          # body HTML instead of the generated paragraphs
    url: str = ""                           # absolute URL, filled in when served


class Site(InteractionPages):
    """All resources of one variant of the demo portal, plus its truth dict.

    ``base`` is the main server (``http://127.0.0.1:PORT``), ``ext`` the second (external) server,
    ``refused`` a port nobody listens on and ``hang`` a port that accepts and never answers.
    """

    def __init__(self, base: str, ext: str, refused: str, hang: str, variant: str = "initial"):
        if variant not in VARIANTS:
            raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
        self.base, self.ext, self.refused, self.hang = base, ext, refused, hang
        self.variant = variant
        self.fixed = variant == "fixed"
        self.resources: dict[str, Resource] = {}
        self.dataproxy: dict[str, list[str]] = {}
        self.links: list[dict] = []
        self.not_broken: list[dict] = []
        self.findings: list[dict] = []
        self.fixed_in_variant: list[dict] = []
        self.new_in_variant: list[dict] = []
        self.clean: dict[str, list[str]] = {"news_documents": [], "fresh_columns": [],
                                            "plain_notices": []}
        self.hidden: dict[str, list[str]] = {"createPageHTML": [], "dataproxy": []}
        self.columns: list[dict] = []
        self.add("/robots.txt", ROBOTS, "text/plain; charset=utf-8")
        self.build_jyj()
        self.build_wsj()
        self.build_zfb()

    # ------------------------------------------------------------------ bookkeeping

    def url(self, path: str) -> str:
        """Absolute URL of a path on the main server."""
        return self.base + path

    def add(self, path: str, body: str | bytes, content_type: str = HTML_UTF8, status: int = 200,
            headers: dict[str, str] | None = None, encoding: str = "utf-8") -> None:
        data = body.encode(encoding) if isinstance(body, str) else body
        self.resources[path] = Resource(status, data, content_type, dict(headers or {}))

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.add(path, f"<html><body>Moved: <a href=\"{to}\">{to}</a></body></html>",
                 status=status, headers={"Location": self.url(to)})

    def plant_link(self, agency: str, target: str, on_home: bool, kind: str, *,
                   fixed_in_variant: bool = False, new_in_variant: bool = False) -> bool:
        """Record a planted broken link; returns whether this variant shows it."""
        entry = {"agency": agency, "target": target, "on_home": on_home, "kind": kind,
                 "rule": "home-link-broken" if on_home else "link-broken"}
        if fixed_in_variant:
            self.fixed_in_variant.append({"type": "link", **entry})
        if new_in_variant:
            self.new_in_variant.append({"type": "link", **entry})
        shown = not ((fixed_in_variant and self.fixed) or (new_in_variant and not self.fixed))
        if shown:
            self.links.append(entry)
        return shown

    def ok_link(self, agency: str, target: str, on_home: bool, kind: str, verdict: str) -> None:
        """Record a link that must NOT be reported broken (``verdict`` ok, review or ignored)."""
        self.not_broken.append({"agency": agency, "target": target, "on_home": on_home,
                                "kind": kind, "verdict": verdict})

    def plant_finding(self, agency: str, rule: str, url: str, field_: str, *,
                      fixed_in_variant: bool = False) -> bool:
        entry = {"agency": agency, "rule": rule, "url": url, "field": field_}
        if fixed_in_variant:
            self.fixed_in_variant.append({"type": "finding", **entry})
        shown = not (fixed_in_variant and self.fixed)
        if shown:
            self.findings.append(entry)
        return shown

    def column(self, agency: str, path: str, name: str, kind: str, pages: int = 1,
               fresh: bool | None = None) -> str:
        """Record a column (its first page ``path`` ends in ``/``); returns its absolute URL."""
        url = self.url(path)
        self.columns.append({"agency": agency, "url": url, "name": name, "type": kind,
                             "pages": pages})
        if fresh:
            self.clean["fresh_columns"].append(url)
        return url

    def truth(self) -> dict:
        """The planted problems of this variant (see :class:`demo.server.DemoPortal`)."""
        return {
            "as_of": DEMO_AS_OF,
            "variant": self.variant,
            "links": list(self.links),
            "not_broken": list(self.not_broken),
            "findings": list(self.findings),
            "fixed_in_variant": list(self.fixed_in_variant),
            "new_in_variant": list(self.new_in_variant),
            "clean": {k: list(v) for k, v in self.clean.items()},
            "reachable_only_via": {k: list(v) for k, v in self.hidden.items()},
            "columns": list(self.columns),
        }

    # ------------------------------------------------------------------ shared pieces

    @staticmethod
    def metas(site: dict, column: dict | None = None, article: Doc | None = None,
              source: str = "", skip: tuple[str, ...] = ()) -> str:
        """The 指引2017 ``<meta>`` block for a page (tags in ``skip`` left out)."""
        tags = [("SiteName", site["name"]), ("SiteDomain", site["domain"]),
                ("SiteIDCode", site["site_id"])]
        if column:
            tags += [("ColumnName", column["name"]), ("ColumnDescription", column["desc"]),
                     ("ColumnKeywords", column["keywords"]), ("ColumnType", column["type"])]
        if article:
            tags += [("ArticleTitle", article.title), ("PubDate", f"{iso(article.pub)} 09:30"),
                     ("ContentSource", source or site["name"])]
        return "\n".join(f'<meta name="{k}" content="{esc(v)}">' for k, v in tags if k not in skip)

    # ================================================================== jyj: TRS WCM

    JYJ = {"id": "jyj", "name": "示例市教育局", "domain": "jyj.shili.example",
           "site_id": "3499000101"}

    def jyj_page(self, title: str, metas: str, main: str) -> str:
        return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{esc(title)}</title>
{metas}
<link rel="stylesheet" type="text/css" href="/jyj/css/style.css">
<script type="text/javascript" src="/jyj/js/page.js"></script>
</head>
<body>
<a name="top" id="top"></a>
<div class="header">
  <div class="logo"><a href="/jyj/index.html"><img src="/jyj/images/logo.png" alt="示例市教育局"></a></div>
  <ul class="nav">
    <li><a href="/jyj/index.html">首页</a></li>
    <li><a href="/jyj/tzgg/index.shtml">通知公告</a></li>
    <li><a href="/jyj/zcwj/index.shtml">政策文件</a></li>
    <li><a href="/jyj/gzdt/">工作动态</a></li>
    <li><a href="/jyj/xxgk/fdzdgknr.shtml">政府信息公开</a></li>
    <li><a href="/jyj/zcjd/index.shtml">政策解读</a></li>
    <li><a href="/jyj/hdjl/jzxx/index.shtml">局长信箱</a></li>
  </ul>
</div>
<div class="main">
{main}
</div>
<div class="footer">
  <p><a href="#top">返回顶部</a> | <a href="/jyj/xxgk/zn.shtml">政府信息公开指南</a></p>
  <p>主办单位：示例市教育局　承办单位：示例市教育局办公室</p>
  <p>地址：示例市政务区天鹅湖路100号　邮编：239000　联系电话：0550-12345678</p>
  <p>网站标识码：3499000101　<span>皖ICP备05012345号-1</span>　<span><img src="/jyj/images/ga.png" alt="">皖公网安备 34990002000101号</span></p>
</div>
</body>
</html>
"""

    def jyj_col_meta(self, name: str, kind_word: str) -> dict:
        return {"name": name, "desc": f"示例市教育局{name}", "keywords": f"{name},教育",
                "type": kind_word}

    def jyj_list_items(self, docs: list[Doc]) -> str:
        rows = []
        for doc in docs:
            href = f"./{doc.pub:%Y%m}/t{doc.pub:%Y%m%d}_{doc.id}.shtml"
            rows.append(f'    <li><a href="{href}" title="{esc(doc.title)}" target="_blank">'
                        f'{esc(doc.title)}</a><span>{iso(doc.pub)}</span></li>')
        return "\n".join(rows)

    def jyj_column(self, directory: str, name: str, kind_word: str, docs: list[Doc],
                   per_page: int, crumb: str = "") -> None:
        """A TRS column: ``index.shtml`` + ``index_k.shtml``, pages only via createPageHTML."""
        col = self.jyj_col_meta(name, kind_word)
        chunks = [docs[i:i + per_page] for i in range(0, len(docs), per_page)] or [[]]
        count = len(chunks)
        for index, chunk in enumerate(chunks):
            leaf = "index.shtml" if index == 0 else f"index_{index}.shtml"
            main = f"""<div class="position">当前位置：<a href="/jyj/index.html">首页</a> &gt; {crumb}<a href="./index.shtml">{name}</a></div>
<div class="column-title">{name}</div>
<div class="list-box">
  <ul class="list">
{self.jyj_list_items(chunk)}
  </ul>
  <div class="page"><script>createPageHTML({count}, {index}, "index", "shtml");</script></div>
</div>"""
            page = self.jyj_page(f"{name}_示例市教育局", self.metas(self.JYJ, col), main)
            self.add(directory + leaf, page)
            if index:
                self.hidden["createPageHTML"].append(self.url(directory + leaf))
                self.hidden["createPageHTML"].extend(self.url(self.jyj_doc_path(directory, d))
                                                     for d in chunk)
            else:
                self.add(directory, page)   # the directory URL serves the first page too
        for doc in docs:
            self.jyj_article(directory, doc, col, crumb)

    @staticmethod
    def jyj_doc_path(directory: str, doc: Doc) -> str:
        return f"{directory}{doc.pub:%Y%m}/t{doc.pub:%Y%m%d}_{doc.id}.shtml"

    def jyj_article(self, directory: str, doc: Doc, col: dict, crumb: str) -> None:
        path = self.jyj_doc_path(directory, doc)
        doc.url = self.url(path)
        table = ""
        if doc.written or doc.number is not None:
            rows = [("索引号", f"11349900MB0000101X/{doc.pub.year}-{doc.id:05d}"), ("发文机关", "示例市教育局")]
            if doc.number is not None:
                rows.append(("发文字号", doc.number))
            if doc.written:
                rows.append(("成文日期", iso(doc.written)))
            rows.append(("发布日期", iso(doc.pub)))
            if doc.effective:
                label = "施行日期" if doc.id % 2 == 0 else "生效日期"
                rows.append((label, iso(doc.effective)))
            cells = []
            for i in range(0, len(rows), 2):
                pair = rows[i:i + 2]
                tds = "".join(f"<th>{k}：</th><td>{esc(v)}</td>" for k, v in pair)
                if len(pair) == 1:
                    tds += "<th></th><td></td>"
                cells.append(f"      <tr>{tds}</tr>")
            table = ('<div class="xxgk-info">\n  <table class="xxgk-table" cellspacing="0" cellpadding="0">\n'
                     + "\n".join(cells) + "\n  </table>\n</div>")
        else:
            table = f'<div class="info"><span>发布时间：{iso(doc.pub)}</span><span>来源：示例市教育局</span></div>'
        files = ""
        if doc.attachments:
            links = "".join(f'<li><a href="{href}" target="_blank">{esc(name)}</a></li>'
                            for name, href in doc.attachments)
            files = f'<div class="fj"><p>附件：</p><ul>{links}</ul></div>'
        body = self.body_text(doc)
        main = f"""<div class="position">当前位置：<a href="/jyj/index.html">首页</a> &gt; {crumb}<a href="../index.shtml">{col['name']}</a></div>
{table}
<div class="article">
  <h1 class="title">{esc(doc.title)}</h1>
  <div class="TRS_Editor">
{body}
  </div>
  {files}
  {doc.extra}
</div>
<div class="share"><a href="javascript:window.print();">打印本页</a> <a href="javascript:window.close();">关闭窗口</a></div>"""
        self.add(path, self.jyj_page(f"{doc.title}_示例市教育局",
                                     self.metas(self.JYJ, col, doc, skip=doc.skip_meta), main))

    @staticmethod
    def body_text(doc: Doc) -> str:
        if doc.body:
            return "    " + doc.body
        paras = [f"<p>{esc(doc.title)}。现将有关事项通知如下。</p>",
                 "<p>一、提高思想认识，切实加强组织领导，明确责任分工，确保各项工作落到实处。</p>",
                 "<p>二、加强督促检查，对工作中发现的问题及时整改，并按要求报送工作情况。</p>"]
        if doc.effective_text:
            paras.append(f"<p>{doc.effective_text}</p>")
        return "\n".join("    " + p for p in paras)

    def build_jyj(self) -> None:
        a = "jyj"
        home = self.url("/jyj/index.html")
        # --- 通知公告: fresh notices, plain articles (no metadata block)
        tzgg = [Doc(1101, "关于做好2026年冬季学校安全工作的通知", ago(7)),
                Doc(1102, "关于公布2026年度市级优秀教学成果奖获奖名单的通知", ago(20)),
                Doc(1103, "关于开展中小学校园食品安全专项检查的通知", ago(41)),
                Doc(1104, "关于举办全市中小学教师教学技能大赛的通知", ago(70)),
                Doc(1105, "关于秋季学期开学工作的通知", ago(90))]
        err500 = "/jyj/cgi/zxzx.jsp"
        self.plant_link(a, self.url(err500), False, "500")
        tzgg[0].extra = f'<div class="xglj">如有疑问，请通过<a href="{err500}">在线咨询</a>联系我们。</div>'
        self.add(err500, "<html><head><title>500 Internal Server Error</title></head><body>"
                 "<h1>500 Internal Server Error</h1></body></html>", status=500)
        self.jyj_column("/jyj/tzgg/", "通知公告", "通知公告", tzgg, 10)
        self.column(a, "/jyj/tzgg/", "通知公告", "notice", fresh=True)
        self.clean["plain_notices"] += [d.url for d in tzgg]

        # --- 政策文件: 4 pages (createPageHTML), metadata tables and attachments
        def policy(i: int, title: str, days: int, serial: int, **kw) -> Doc:
            pub = ago(days)
            doc = Doc(i, title, pub, written=kw.pop("written", pub - dt.timedelta(days=3)),
                      number=kw.pop("number", f"示教〔{pub.year}〕{serial}号"),
                      effective=kw.pop("effective", pub + dt.timedelta(days=10)), **kw)
            if not doc.attachments:
                doc.attachments = [(f"{title}.pdf", f"./P0{pub:%Y%m%d}{i:04d}0001.pdf")]
            return doc
        broken_pdf = f"/jyj/zcwj/{ago(7):%Y%m}/P0{ago(7):%Y%m%d}398765432109.pdf"
        refused = f"{self.refused}/zwfw/index.html"
        zcwj = [
            policy(1201, "示例市教育局关于印发《示例市中小学课后服务管理办法》的通知", 7, 41),
            policy(1202, "示例市教育局关于进一步规范中小学招生入学工作的通知", 16, 39),
            policy(1203, "示例市教育局关于加强中小学生心理健康教育的实施意见", 30, 37, effective=None),
            policy(1204, "示例市教育局关于印发《示例市民办学校年度检查办法》的通知", 45, 35),
            policy(1205, "示例市教育局关于做好家庭经济困难学生资助工作的通知", 60, 33),
            policy(1206, "示例市教育局关于印发《示例市校外培训机构监督管理办法》的通知", 75, 30),
            policy(1207, "示例市教育局关于开展义务教育优质均衡发展督导评估的通知", 90, 3,
                   number="皖教[2026]3号"),
            policy(1208, "示例市教育局关于印发《示例市中小学教师继续教育管理办法》的通知", 105, 26),
            policy(1209, "示例市教育局关于加强中小学体育工作的意见", 120, 24),
            policy(1210, "示例市教育局关于印发《示例市学前教育质量评估办法》的通知", 155, 20,
                   written=ago(150), effective=ago(150)),
            policy(1211, "示例市教育局关于规范中小学办学行为的通知", 170, 18),
            policy(1212, "示例市教育局关于印发《示例市教育系统安全生产责任制规定》的通知", 190, 15),
        ]
        zcwj[0].attachments.append(("附件2：课后服务收费标准.pdf", broken_pdf.rsplit("/", 1)[1]))
        zcwj[1].extra = f'<div class="xglj">相关服务：<a href="{refused}" target="_blank">网上办事大厅</a></div>'
        zcwj[2].effective_text = f"本意见自{zh_date(ago(30), pad=False)}起施行。"
        doc_number_missing = zcwj[1]
        if not self.fixed:
            doc_number_missing.number = None
        self.build_jyj_interpretations(zcwj)
        self.jyj_column("/jyj/zcwj/", "政策文件", "政策文件", zcwj, 3)
        self.finish_jyj_interpretations()
        self.build_jyj_mailbox()
        for doc in zcwj:
            directory = doc.url.rsplit("/", 1)[0][len(self.base):] + "/"
            for _, href in doc.attachments:
                if href.startswith("./"):
                    self.add(directory + href[2:], PDF, "application/pdf")
        self.column(a, "/jyj/zcwj/", "政策文件", "policy", pages=4, fresh=True)
        self.plant_link(a, self.url(broken_pdf), False, "pdf")
        self.plant_link(a, refused, False, "refused")
        self.plant_finding(a, "doc-number-missing", zcwj[1].url, "doc_number", fixed_in_variant=True)
        self.plant_finding(a, "doc-number-malformed", zcwj[6].url, "doc_number")
        self.plant_finding(a, "doc-dates-inconsistent", zcwj[9].url, "pub_date")

        # --- 工作动态: news without metadata; stale (fixed: a fresh item)
        gzdt = [Doc(1301, "市教育局召开秋季学期教育工作会议", ago(30)),
                Doc(1302, "我市举办中小学生科技创新大赛", ago(45)),
                Doc(1303, "市教育局开展师德师风建设专项督查", ago(62))]
        if self.fixed:
            gzdt.insert(0, Doc(1304, "我市推进县域普通高中振兴行动", ago(3)))
        self.jyj_column("/jyj/gzdt/", "工作动态", "工作动态", gzdt, 10)
        self.column(a, "/jyj/gzdt/", "工作动态", "news", fresh=self.fixed)
        self.plant_finding(a, "column-stale", self.url("/jyj/gzdt/"), "news", fixed_in_variant=True)
        self.clean["news_documents"] += [d.url for d in gzdt]

        # --- 政府信息公开: guide, rules, 法定主动公开内容, annual reports
        ndbg = [Doc(1401, "示例市教育局2025年政府信息公开工作年度报告", dt.date(2026, 1, 20)),
                Doc(1402, "示例市教育局2024年政府信息公开工作年度报告", dt.date(2025, 1, 22)),
                Doc(1403, "示例市教育局2023年政府信息公开工作年度报告", dt.date(2024, 1, 25))]
        self.jyj_column("/jyj/xxgk/ndbg/", "政府信息公开年报", "信息公开年报", ndbg, 10,
                        crumb='<a href="/jyj/xxgk/fdzdgknr.shtml">政府信息公开</a> &gt; ')
        self.column(a, "/jyj/xxgk/ndbg/", "政府信息公开年报", "other")
        site_only = self.metas(self.JYJ)
        guide = """<div class="position">当前位置：<a href="/jyj/index.html">首页</a> &gt; 政府信息公开 &gt; 政府信息公开指南</div>
<div class="article"><h1 class="title">示例市教育局政府信息公开指南</h1>
<div class="TRS_Editor">
<p>为方便公民、法人和其他组织获取政府信息，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>
<p><strong>一、受理机构</strong></p>
<p>受理机构：示例市教育局办公室</p>
<p>办公地址：示例市政务区天鹅湖路100号市行政中心3号楼</p>
<p>办公时间：工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）</p>
<p>联系电话：0550-12345678</p>
<p>传　　真：0550-12345679</p>
<p>邮政编码：239000</p>
<p>电子邮箱：jyjxxgk@shili.example</p>
<p><strong>二、主动公开</strong></p><p>主动公开的政府信息通过本局门户网站「政府信息公开」专栏发布。</p>
<p><strong>三、依申请公开</strong></p><p>申请人可通过当面、邮寄、网络等方式提出申请。</p>
</div></div>"""
        self.add("/jyj/xxgk/zn.shtml", self.jyj_page("政府信息公开指南_示例市教育局", site_only, guide))
        rules = """<div class="article"><h1 class="title">示例市教育局政府信息公开制度</h1>
<div class="TRS_Editor"><p>一、政府信息公开保密审查制度。</p><p>二、政府信息主动公开制度。</p>
<p>三、依申请公开政府信息办理制度。</p><p>四、政府信息公开工作考核制度。</p></div></div>"""
        self.add("/jyj/xxgk/zd.shtml", self.jyj_page("政府信息公开制度_示例市教育局", site_only, rules))
        fdzd = """<div class="position">当前位置：<a href="/jyj/index.html">首页</a> &gt; 政府信息公开</div>
<div class="xxgk-nav"><h2>政府信息公开</h2><ul>
  <li><a href="/jyj/xxgk/zn.shtml">政府信息公开指南</a></li>
  <li><a href="/jyj/xxgk/zd.shtml">政府信息公开制度</a></li>
  <li><a href="/jyj/xxgk/fdzdgknr.shtml">法定主动公开内容</a></li>
  <li><a href="/jyj/xxgk/ndbg/index.shtml">政府信息公开年报</a></li>
</ul></div>
<div class="fdzd"><h3>法定主动公开内容</h3><ul>
  <li><a href="/jyj/zcwj/index.shtml">政策文件</a></li>
  <li><a href="/jyj/tzgg/index.shtml">通知公告</a></li>
  <li><a href="/jyj/gzdt/">工作动态</a></li>
</ul></div>"""
        self.add("/jyj/xxgk/fdzdgknr.shtml", self.jyj_page("法定主动公开内容_示例市教育局", site_only, fdzd))

        # --- robots-blocked and 403 areas, static files
        self.add("/jyj/private/index.html", self.jyj_page("内部资料_示例市教育局", site_only,
                                                          "<p>内部资料，仅供内部使用。</p>"))
        self.add("/jyj/internal/", "<html><head><title>403 Forbidden</title></head><body>"
                 "<h1>403 Forbidden</h1></body></html>", status=403)
        self.add("/jyj/css/style.css", CSS, "text/css; charset=utf-8")
        self.add("/jyj/js/page.js", PAGE_JS, "application/javascript; charset=utf-8")
        self.add("/jyj/images/logo.png", PNG, "image/png")
        self.add("/jyj/images/ga.png", PNG, "image/png")

        # --- home page with planted links
        links_404 = "/jyj/zt/2019jyfz/index.html"
        show_404 = self.plant_link(a, self.url(links_404), True, "404", fixed_in_variant=True)
        redirect = "/jyj/old/bszn.html"
        self.redirect(redirect, "/jyj/old/bszn_new.html")
        self.plant_link(a, self.url(redirect), True, "redirect-to-error")
        banner = "/jyj/images/banner_2019.png"
        self.plant_link(a, self.url(banner), True, "image")
        self.ok_link(a, self.ext + "/", True, "external", "ok")
        self.ok_link(a, "mailto:jyjxxgk@shili.example", True, "mailto", "ignored")
        self.ok_link(a, "javascript:void(0)", True, "javascript", "ignored")
        self.ok_link(a, "tel:0550-12345678", True, "tel", "ignored")
        self.ok_link(a, home + "#top", True, "fragment", "ignored")
        self.ok_link(a, self.url("/jyj/internal/"), True, "403", "review")
        self.ok_link(a, self.url("/jyj/private/index.html"), True, "robots", "review")

        def home_list(directory: str, docs: list[Doc], n: int) -> str:
            return "\n".join(
                f'      <li><a href="{self.jyj_doc_path(directory, d)}" title="{esc(d.title)}">'
                f'{esc(d.title)}</a><span>{iso(d.pub)}</span></li>' for d in docs[:n])
        zt = f'<li><a href="{links_404}">2019年教育发展专题</a></li>' if show_404 else ""
        main = f"""<div class="banner"><img src="{banner}" alt="教育强市"></div>
<div class="row">
  <div class="box"><div class="box-title"><a href="/jyj/tzgg/index.shtml">通知公告</a></div>
    <ul class="list">
{home_list('/jyj/tzgg/', tzgg, 4)}
    </ul></div>
  <div class="box"><div class="box-title"><a href="/jyj/zcwj/index.shtml">政策文件</a></div>
    <ul class="list">
{home_list('/jyj/zcwj/', zcwj, 3)}
    </ul></div>
  <div class="box"><div class="box-title"><a href="/jyj/gzdt/">工作动态</a></div>
    <ul class="list">
{home_list('/jyj/gzdt/', gzdt, 3)}
    </ul></div>
</div>
<div class="xxgk-box"><div class="box-title">政府信息公开</div><ul>
  <li><a href="/jyj/xxgk/zn.shtml">政府信息公开指南</a></li>
  <li><a href="/jyj/xxgk/zd.shtml">政府信息公开制度</a></li>
  <li><a href="/jyj/xxgk/fdzdgknr.shtml">法定主动公开内容</a></li>
  <li><a href="/jyj/xxgk/ndbg/index.shtml">政府信息公开年报</a></li>
</ul></div>
<div class="zt-box"><div class="box-title">专题专栏</div><ul>
  {zt}
  <li><a href="{redirect}">办事指南（旧版）</a></li>
  <li><a href="/jyj/internal/">内部办公系统</a></li>
  <li><a href="/jyj/private/index.html">内部资料</a></li>
</ul></div>
<div class="links"><span>相关链接：</span>
  <a href="{self.ext}/" target="_blank">示例省教育厅</a>
  <a href="javascript:void(0)" onclick="toggleAccess()">无障碍浏览</a>
  <a href="mailto:jyjxxgk@shili.example">信箱</a>
  <a href="tel:0550-12345678">服务热线</a>
</div>"""
        self.add("/jyj/index.html", self.jyj_page("示例市教育局", self.metas(self.JYJ), main))

    # ================================================================== wsj: Hanweb JCMS

    WSJ = {"id": "wsj", "name": "示例市卫生健康委员会", "domain": "wjw.shili.example",
           "site_id": "3499000102"}

    def wsj_page(self, title: str, metas: str, main: str) -> str:
        return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{esc(title)}</title>
{metas}
<link href="/wsj/images/style.css" rel="stylesheet" type="text/css">
</head>
<body>
<div class="top"><div class="logo"><img src="/wsj/images/logo.png" alt="示例市卫生健康委员会"></div>
<ul class="nav">
  <li><a href="/wsj/index.html">首页</a></li>
  <li><a href="/wsj/col/col1001/index.html">工作动态</a></li>
  <li><a href="/wsj/col/col1002/index.html">通知公告</a></li>
  <li><a href="/wsj/col/col1003/index.html">政策文件</a></li>
  <li><a href="/wsj/col/col1004/index.html">人事信息</a></li>
  <li><a href="/wsj/col/col1007/index.html">政策解读</a></li>
  <li><a href="/wsj/hdjl/zxzx.html">在线咨询</a></li>
</ul></div>
<div class="main">
{main}
</div>
<div class="bottom">
  <p>主办单位：示例市卫生健康委员会　地址：示例市政务区祁门路200号　邮编：239000</p>
  <p>备案号：<span>皖ICP备05012346号-1</span>　网站标识码：3499000102　<span>皖公网安备 34990002000102号</span></p>
  <p>Produced By 大汉网络 大汉版通发布系统</p>
</div>
</body>
</html>
"""

    def wsj_xxgk_meta(self, art_id: int, title: str) -> str:
        """Full article meta for the 「政府信息公开」 pages Hanweb publishes as articles (art_1006_…)."""
        column = {"name": "政府信息公开", "desc": "示例市卫生健康委员会政府信息公开", "keywords": "政府信息公开",
                  "type": "政府信息公开"}
        return self.metas(self.WSJ, column, Doc(art_id, title, dt.date(2026, 1, 6)))

    @staticmethod
    def wsj_doc_path(col: int, doc: Doc) -> str:
        return f"/wsj/art/{doc.pub.year}/{doc.pub.month}/{doc.pub.day}/art_{col}_{doc.id}.html"

    def wsj_record(self, col: int, doc: Doc) -> str:
        return (f'<li><a href="{self.wsj_doc_path(col, doc)}" title="{esc(doc.title)}" target="_blank">'
                f'{esc(doc.title)}</a><span>{iso(doc.pub)}</span></li>')

    def wsj_column(self, col: int, name: str, kind_word: str, docs: list[Doc], inline: int,
                   policy: bool = False) -> None:
        """A Hanweb column: the first ``inline`` records in the page, the rest via dataproxy.jsp."""
        meta = {"name": name, "desc": f"示例市卫生健康委员会{name}", "keywords": name, "type": kind_word}
        records = [self.wsj_record(col, d) for d in docs]
        self.dataproxy[str(col)] = records
        uid = f"5{col % 1000:03d}"
        crumb = (f'<div class="bt-position">当前位置：<a href="/wsj/index.html">首页</a> &gt; '
                 f'<a href="/wsj/col/col{col}/index.html">{name}</a></div>')
        if docs:
            shown = "\n".join(f"<record><![CDATA[\n{r}\n]]></record>" for r in records[:inline])
            listing = f"""<div id="{uid}" class="default_pgContainer">
<script type="text/xml">
<datastore>
<nextgroup><![CDATA[<a href="/wsj/module/web/jpage/dataproxy.jsp?page=1&webid=1&path=/wsj/&columnid={col}&unitid={uid}&webname=%E7%A4%BA%E4%BE%8B%E5%B8%82%E5%8D%AB%E5%81%A5%E5%A7%94&permissiontype=0"></a>]]></nextgroup>
<recordset>
{shown}
</recordset>
</datastore>
</script>
</div>
<script language="javascript" src="/wsj/module/jslib/jpage/jpage.js"></script>
<script type="text/javascript">
$(function(){{
  $('#{uid}').jpage({{
    dataStore: dataStore,
    proxyUrl: '/wsj/module/web/jpage/dataproxy.jsp',
    perPage: {inline}, totalRecord: {len(docs)}, groupSize: 3, barPosition: 'bottom',
    webid: '1', columnid: '{col}', unitid: '{uid}', col: '1', appid: '1', path: '/wsj/',
    sourceContentType: '1', permissiontype: '0', webname: '示例市卫健委'
  }});
}});
</script>"""
        else:
            listing = '<div class="default_pgContainer"><p class="nodata">暂无信息</p></div>'
        main = f'{crumb}\n<div class="lm-title">{name}</div>\n{listing}'
        page = self.wsj_page(f"{name} 示例市卫生健康委员会", self.metas(self.WSJ, meta), main)
        self.add(f"/wsj/col/col{col}/index.html", page)
        self.hidden["dataproxy"].extend(self.url(self.wsj_doc_path(col, d)) for d in docs[inline:])
        for doc in docs:
            self.wsj_article(col, doc, meta, crumb, policy)

    def wsj_article(self, col: int, doc: Doc, meta: dict, crumb: str, policy: bool) -> None:
        path = self.wsj_doc_path(col, doc)
        doc.url = self.url(path)
        if policy:
            rows = [("索 引 号：", f"11349900MB0000102Y/{doc.pub.year}-{doc.id:05d}"),
                    ("发布机构：", "示例市卫生健康委员会")]
            if doc.number is not None:
                rows.append(("文　　号：", doc.number))
            if doc.written:
                rows.append(("成文日期：", iso(doc.written)))
            rows.append(("发布日期：", iso(doc.pub)))
            if doc.effective:
                rows.append(("生效日期：", iso(doc.effective)))
            lis = "\n".join(f"  <li><span>{k}</span>{esc(v)}</li>" for k, v in rows)
            head = f'<div class="xxgk_top"><ul>\n{lis}\n</ul></div>'
        else:
            head = (f'<div class="art-info">发布日期：{iso(doc.pub)}　信息来源：示例市卫生健康委员会'
                    '　<a href="javascript:void(0)" onclick="window.print()">打印</a></div>')
        files = ""
        if doc.attachments:
            files = "<div class=\"fj\">附件：" + "".join(
                f'<p><a href="{href}" target="_blank">{esc(name)}</a></p>' for name, href in doc.attachments) + "</div>"
        main = f"""{crumb}
{head}
<div class="art-title">{esc(doc.title)}</div>
<div id="zoom" class="art-content">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{self.body_text(doc)}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
{files}
{doc.extra}"""
        self.add(path, self.wsj_page(f"{doc.title} 示例市卫生健康委员会",
                                     self.metas(self.WSJ, meta, doc, skip=doc.skip_meta), main))

    def build_wsj(self) -> None:
        a = "wsj"
        # --- 工作动态 (news, fresh)
        news = [Doc(5001, "市卫健委召开冬春季传染病防控工作部署会", ago(3)),
                Doc(5002, "我市启动基层卫生健康人才培训项目", ago(9)),
                Doc(5003, "市卫健委开展医疗机构安全生产检查", ago(16)),
                Doc(5004, "全市妇幼健康工作推进会召开", ago(25)),
                Doc(5005, "我市举办卫生应急演练", ago(33))]
        ext_ok = f"{self.ext}/news/1.html"
        gone = "/wsj/art/2025/3/2/art_1001_4999.html"
        news[1].extra = (f'<div class="xglj">相关链接：<a href="{ext_ok}" target="_blank">示例省卫生健康委员会</a>'
                         f'　<a href="{gone}">相关新闻：2025年基层卫生人才培训工作总结</a></div>')
        self.ok_link(a, ext_ok, False, "external", "ok")
        self.plant_link(a, self.url(gone), False, "404")
        self.wsj_column(1001, "工作动态", "工作动态", news, 5)
        self.column(a, "/wsj/col/col1001/", "工作动态", "news", fresh=True)
        self.clean["news_documents"] += [d.url for d in news]
        # --- 通知公告 (notice, fresh within 6 months)
        notices = [Doc(5011, "关于开展2026年度医师定期考核工作的通知", ago(43)),
                   Doc(5012, "关于公布全市基层医疗卫生机构名单的公告", ago(80)),
                   Doc(5013, "关于组织申报市级临床重点专科的通知", ago(130))]
        self.wsj_column(1002, "通知公告", "通知公告", notices, 15)
        self.column(a, "/wsj/col/col1002/", "通知公告", "notice", fresh=True)
        self.clean["plain_notices"] += [d.url for d in notices]
        # --- 政策文件 (policy): 5 inline, 7 only via dataproxy.jsp
        titles = ["示例市卫生健康委员会关于印发《示例市医疗机构依法执业自查管理办法》的通知",
                  "示例市卫生健康委员会关于加强基层医疗卫生机构药品管理的通知",
                  "示例市卫生健康委员会关于进一步改善护理服务的实施意见",
                  "示例市卫生健康委员会关于印发《示例市家庭医生签约服务规范》的通知",
                  "示例市卫生健康委员会关于做好老年人健康管理工作的通知",
                  "示例市卫生健康委员会关于印发《示例市院前医疗急救管理办法》的通知",
                  "示例市卫生健康委员会关于加强医疗质量安全管理的意见",
                  "示例市卫生健康委员会关于规范医疗机构临床用血管理的通知",
                  "示例市卫生健康委员会关于印发《示例市职业病防治工作方案》的通知",
                  "示例市卫生健康委员会关于加强托育机构卫生保健工作的通知",
                  "示例市卫生健康委员会关于印发《示例市卫生健康行政处罚裁量基准》的通知",
                  "示例市卫生健康委员会关于推进紧密型县域医共体建设的实施意见"]
        days = [5, 12, 22, 35, 50, 66, 80, 95, 110, 130, 150, 170]
        policy = []
        for k, (title, n) in enumerate(zip(titles, days, strict=True)):
            pub = ago(n)
            i = 5101 + k
            policy.append(Doc(i, title, pub, written=pub - dt.timedelta(days=2),
                              number=f"示卫〔{pub.year}〕{60 - k * 4}号",
                              effective=pub + dt.timedelta(days=15),
                              attachments=[(f"{title}.pdf", f"/wsj/module/download/P0{pub:%Y%m%d}{i:04d}.pdf")]))
        policy[2].attachments = []              # doc-download-missing (inline record)
        policy[7].written = None                # doc-written-date-missing (behind dataproxy)
        self.wsj_column(1003, "政策文件", "政策文件", policy, 5, policy=True)
        self.build_wsj_interpretations(policy)
        self.build_wsj_consultation()
        for doc in policy:
            for _, href in doc.attachments:
                self.add(href, PDF, "application/pdf")
        self.column(a, "/wsj/col/col1003/", "政策文件", "policy", fresh=True)
        self.plant_finding(a, "doc-download-missing", policy[2].url, "downloads")
        self.plant_finding(a, "doc-written-date-missing", policy[7].url, "written_date")
        # --- 人事信息: blank column
        self.wsj_column(1004, "人事信息", "人事信息", [], 15)
        self.column(a, "/wsj/col/col1004/", "人事信息", "personnel")
        self.plant_finding(a, "column-blank", self.url("/wsj/col/col1004/"), "personnel")
        # --- 政府信息公开年报
        reports = [Doc(5201, "示例市卫生健康委员会2025年政府信息公开工作年度报告", dt.date(2026, 1, 25)),
                   Doc(5202, "示例市卫生健康委员会2024年政府信息公开工作年度报告", dt.date(2025, 1, 24))]
        self.wsj_column(1005, "政府信息公开年报", "信息公开年报", reports, 15)
        self.column(a, "/wsj/col/col1005/", "政府信息公开年报", "other")
        # --- guide (fax and postcode missing; fixed variant adds them), rules, 法定主动公开内容
        hang = f"{self.hang}/hdjl/index.html"
        self.plant_link(a, hang, False, "timeout")
        guide_url = self.url("/wsj/art/2026/1/6/art_1006_4001.html")
        fax = "<li><span>传真：</span>0550-22345679</li>\n<li><span>邮政编码：</span>239000</li>" if self.fixed else ""
        guide = f"""<div class="bt-position">当前位置：<a href="/wsj/index.html">首页</a> &gt; 政府信息公开 &gt; 政府信息公开指南</div>
<div class="art-title">示例市卫生健康委员会政府信息公开指南</div>
<div id="zoom" class="art-content">
<p>根据《中华人民共和国政府信息公开条例》，为便于公民、法人和其他组织获取本机关政府信息，编制本指南。</p>
<p>一、受理机构</p>
<ul class="gkzn">
<li><span>受理机构：</span>示例市卫生健康委员会办公室</li>
<li><span>办公地址：</span>示例市政务区祁门路200号</li>
<li><span>办公时间：</span>工作日 上午8:30-12:00　下午14:30-17:30</li>
<li><span>联系电话：</span>0550-22345678</li>
{fax}
<li><span>电子邮箱：</span>wjwxxgk@shili.example</li>
</ul>
<p>二、依申请公开的办理</p><p>申请人也可通过<a href="{hang}" target="_blank">互动交流平台</a>在线提交申请。</p>
</div>"""
        self.add("/wsj/art/2026/1/6/art_1006_4001.html",
                 self.wsj_page("政府信息公开指南 示例市卫生健康委员会", self.wsj_xxgk_meta(4001, "政府信息公开指南"), guide))
        self.plant_finding(a, "guide-element-missing", guide_url, "fax", fixed_in_variant=True)
        self.plant_finding(a, "guide-element-missing", guide_url, "postcode", fixed_in_variant=True)
        rules = """<div class="art-title">示例市卫生健康委员会政府信息公开制度</div>
<div id="zoom" class="art-content"><p>一、政府信息公开保密审查制度。</p><p>二、政府信息公开发布协调制度。</p><p>三、依申请公开办理制度。</p></div>"""
        self.add("/wsj/art/2026/1/6/art_1006_4002.html",
                 self.wsj_page("政府信息公开制度 示例市卫生健康委员会", self.wsj_xxgk_meta(4002, "政府信息公开制度"), rules))
        fdzd = """<div class="art-title">法定主动公开内容</div>
<div class="art-content"><ul class="fdzd">
<li><a href="/wsj/col/col1003/index.html">政策文件</a></li>
<li><a href="/wsj/col/col1002/index.html">通知公告</a></li>
<li><a href="/wsj/col/col1004/index.html">人事信息</a></li>
</ul></div>"""
        self.add("/wsj/art/2026/1/6/art_1006_4003.html",
                 self.wsj_page("法定主动公开内容 示例市卫生健康委员会", self.wsj_xxgk_meta(4003, "法定主动公开内容"), fdzd))
        # --- special endpoints and static files
        search = "/wsj/jrobot/search.do"
        self.add(search, "<html><head><title>Error 500</title></head><body><h2>HTTP ERROR 500</h2>"
                 "<p>java.lang.NullPointerException</p></body></html>", status=500)
        self.plant_link(a, self.url(search), True, "500")
        soft = "/wsj/col/col1099/index.html"
        self.add(soft, self.soft404_page())
        self.plant_link(a, self.url(soft), True, "soft-404")
        self.redirect("/wsj/zwdt.html", "/wsj/col/col1001/index.html", status=301)
        self.ok_link(a, self.url("/wsj/zwdt.html"), True, "redirect-ok", "ok")
        new_col = "/wsj/col/col1010/index.html"
        show_new = self.plant_link(a, self.url(new_col), True, "404", new_in_variant=True)
        self.add("/wsj/images/style.css", CSS, "text/css; charset=utf-8")
        self.add("/wsj/images/logo.png", PNG, "image/png")
        self.add("/wsj/module/jslib/jpage/jpage.js", "/* jpage */\n", "application/javascript; charset=utf-8")
        # --- home
        def items(col: int, docs: list[Doc], n: int) -> str:
            return "\n".join(f"    {self.wsj_record(col, d)}" for d in docs[:n])
        kp = f'<li><a href="{new_col}">健康科普</a></li>' if show_new else ""
        main = f"""<div class="index-news"><div class="title"><a href="/wsj/col/col1001/index.html">工作动态</a></div>
  <ul>
{items(1001, news, 4)}
  </ul></div>
<div class="index-notice"><div class="title"><a href="/wsj/col/col1002/index.html">通知公告</a></div>
  <ul>
{items(1002, notices, 3)}
  </ul></div>
<div class="index-xxgk"><div class="title">政府信息公开</div><ul>
  <li><a href="/wsj/art/2026/1/6/art_1006_4001.html">政府信息公开指南</a></li>
  <li><a href="/wsj/art/2026/1/6/art_1006_4002.html">政府信息公开制度</a></li>
  <li><a href="/wsj/art/2026/1/6/art_1006_4003.html">法定主动公开内容</a></li>
  <li><a href="/wsj/col/col1005/index.html">政府信息公开年报</a></li>
</ul></div>
<div class="index-zt"><div class="title">专题专栏</div><ul>
  <li><a href="{soft}">疫情防控专栏</a></li>
  <li><a href="/wsj/zwdt.html">政务动态</a></li>
  {kp}
</ul></div>
<div class="search"><form action="{search}" method="get"><input name="q" type="text"></form>
  <a href="{search}">站内搜索</a></div>"""
        self.add("/wsj/index.html", self.wsj_page("示例市卫生健康委员会", self.metas(self.WSJ), main))

    @staticmethod
    def soft404_page() -> str:
        return """<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在</title></head>
<body><div class="error">
<p>对不起，您访问的页面不存在或已被删除！</p><p><a href="javascript:history.back()">返回上一页</a></p></div></body></html>
"""

    # ================================================================== zfb: old gov.cn, GBK

    ZFB = {"id": "zfb", "name": "示例县人民政府", "domain": "www.shilixian.example",
           "site_id": "349901001"}   # 9 characters: planted site-id-malformed

    def zfb_page(self, title: str, metas: str, main: str) -> bytes:
        page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{esc(title)}</title>
{metas}
<link href="/zfb/css/index.css" rel="stylesheet" type="text/css">
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top">
  <tr><td><img src="/zfb/images/top.gif" width="1000" height="120" alt="示例县人民政府"></td></tr>
  <tr><td class="nav"><a href="/zfb/index.htm">首页</a> | <a href="/zfb/zwdt/index.htm">政务动态</a> | <a href="/zfb/zwgk/zfwj/index.htm">政府文件</a> | <a href="/zfb/zwgk/tzgg/index.htm">通知公告</a> | <a href="/zfb/zwgk/fdzdgknr.htm">政府信息公开</a> | <a href="/zfb/zwgk/zcjd/index.htm">政策解读</a> | <a href="/zfb/hdjl/xzxx/index.htm">县长信箱</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td>
{main}
</td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="bottom">
  <tr><td align="center">
    主办单位：示例县人民政府办公室　地址：示例县城关镇人民路1号　邮编：239100<br>
    网站标识码：349901001　皖ICP备05012399号<br>
    建议使用IE8.0以上浏览器　1024*768分辨率浏览本站
  </td></tr>
</table>
</body>
</html>
"""
        return page.encode("gbk")

    def zfb_list(self, directory: str, name: str, kind_word: str, docs: list[Doc], per_page: int,
                 crumb: str = "") -> None:
        col = {"name": name, "desc": f"示例县人民政府{name}", "keywords": name, "type": kind_word}
        chunks = [docs[i:i + per_page] for i in range(0, len(docs), per_page)] or [[]]
        for index, chunk in enumerate(chunks):
            leaf = "index.htm" if index == 0 else f"index_{index}.htm"
            rows = "\n".join(
                f'<tr><td class="lb">·<a href="./{d.pub:%Y%m}/content_{d.id}.htm" target="_blank">{esc(d.title)}</a></td>'
                f'<td class="rq" width="90">[{d.pub:%Y/%m/%d}]</td></tr>' for d in chunk)
            pager = []
            if len(chunks) > 1:
                pager.append('<a href="index.htm">首页</a>')
                if index > 0:
                    prev = "index.htm" if index == 1 else f"index_{index - 1}.htm"
                    pager.append(f'<a href="{prev}">上一页</a>')
                if index < len(chunks) - 1:
                    pager.append(f'<a href="index_{index + 1}.htm">下一页</a>')
                pager.append(f'<a href="index_{len(chunks) - 1}.htm">尾页</a>')
                pager.append(f"共{len(chunks)}页 当前第{index + 1}页")
            main = f"""<div class="dqwz">您现在的位置：<a href="/zfb/index.htm">首页</a> &gt; {crumb}{name}</div>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="news_list">
{rows}
</table>
<div class="page">{' '.join(pager)}</div>"""
            self.add(directory + leaf, self.zfb_page(f"{name}-示例县人民政府", self.metas(self.ZFB, col), main),
                     HTML_GB)
        for doc in docs:
            self.zfb_article(directory, doc, col, crumb)

    def zfb_article(self, directory: str, doc: Doc, col: dict, crumb: str) -> None:
        path = f"{directory}{doc.pub:%Y%m}/content_{doc.id}.htm"
        doc.url = self.url(path)
        if doc.written:
            table = f"""<table width="660" border="0" cellpadding="0" cellspacing="0" class="bd1">
  <tr><td width="70"><b>索 引 号：</b></td><td width="260">349901001/{doc.pub.year}-{doc.id:05d}</td>
      <td width="70"><b>主题分类：</b></td><td width="260">综合政务\\其他</td></tr>
  <tr><td><b>发文机关：</b></td><td>示例县人民政府办公室</td>
      <td><b>成文日期：</b></td><td>{cn_date(doc.written)}</td></tr>
  <tr><td><b>标　　题：</b></td><td colspan="3">{esc(doc.title)}</td></tr>
  <tr><td><b>发文字号：</b></td><td>{esc(doc.number or '')}</td>
      <td><b>发布日期：</b></td><td>{zh_date(doc.pub)}</td></tr>
</table>"""
        else:
            table = f'<div class="pages-date">{iso(doc.pub)} 09:30　来源：示例县人民政府办公室</div>'
        files = ""
        if doc.attachments:
            files = "<p>附件：" + " ".join(f'<a href="{href}">{esc(name)}</a>' for name, href in doc.attachments) + "</p>"
        main = f"""<div class="dqwz">您现在的位置：<a href="/zfb/index.htm">首页</a> &gt; {crumb}<a href="../index.htm">{col['name']}</a></div>
{table}
<table width="650" border="0" cellpadding="0" cellspacing="0" style="margin:0 auto;">
  <tr><td class="b12c" id="UCAP-CONTENT">
    <p align="center"><b>{esc(doc.title)}</b></p>
{self.body_text(doc)}
  </td></tr>
</table>
{files}
{doc.extra}
<div class="tools"><a href="javascript:void(0)" onclick="window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>"""
        self.add(path, self.zfb_page(f"{doc.title}-示例县人民政府",
                                     self.metas(self.ZFB, col, doc, skip=doc.skip_meta), main), HTML_GB)

    def build_zfb(self) -> None:
        a = "zfb"
        home = self.url("/zfb/index.htm")
        # --- 政府文件 (policy): 3 pages, 下一页 links; one without any 施行 statement
        titles = ["示例县人民政府办公室关于印发《示例县农村人居环境整治提升实施方案》的通知",
                  "示例县人民政府办公室关于进一步加强安全生产工作的通知",
                  "示例县人民政府办公室关于印发《示例县政府投资项目管理办法》的通知",
                  "示例县人民政府办公室关于做好防汛抗旱工作的通知",
                  "示例县人民政府办公室关于印发《示例县公共资源交易管理办法》的通知",
                  "示例县人民政府办公室关于加快发展县域特色产业的意见",
                  "示例县人民政府办公室关于印发《示例县城市管理办法》的通知",
                  "示例县人民政府办公室关于加强耕地保护工作的通知",
                  "示例县人民政府办公室关于印发《示例县政务服务事项管理办法》的通知"]
        days = [83, 95, 110, 125, 140, 160, 175, 185, 200]
        docs = []
        for k, (title, n) in enumerate(zip(titles, days, strict=True)):
            pub = ago(n)
            i = 3001 + k
            written = pub - dt.timedelta(days=4)
            effect = pub + dt.timedelta(days=26)
            text = (f"本办法自{zh_date(effect, pad=False)}起施行。" if k % 3 != 1 else "本通知自印发之日起施行。")
            docs.append(Doc(i, title, pub, written=written, number=f"示县政办〔{pub.year}〕{40 - k * 3}号",
                            effective_text=text,
                            attachments=[(f"{title}.pdf", f"P0{pub:%Y%m%d}{i:06d}.pdf")]))
        docs[4].effective_text = ""             # doc-effective-date-missing (page 2)
        soft = "/zfb/zwgk/zfwj/201905/content_1999.htm"
        docs[1].extra = f'<p class="xgwj">相关文件：<a href="{soft}">示例县人民政府办公室关于加强安全生产工作的通知（2019年）</a></p>'
        img = "/zfb/images/ewm_old.gif"
        docs[2].extra = f'<p class="ewm"><img src="{img}" alt="扫一扫在手机打开当前页"></p>'
        self.zfb_list("/zfb/zwgk/zfwj/", "政府文件", "政策文件", docs, 3,
                      crumb='<a href="/zfb/zwgk/fdzdgknr.htm">政府信息公开</a> &gt; ')
        for doc in docs:
            directory = doc.url.rsplit("/", 1)[0][len(self.base):] + "/"
            for _, href in doc.attachments:
                self.add(directory + href, PDF, "application/pdf")
        self.add(soft, self.soft404_page().replace("utf-8", "gb2312").encode("gbk"), HTML_GB)
        self.build_zfb_interpretations(docs)
        self.build_zfb_mailbox()
        self.column(a, "/zfb/zwgk/zfwj/", "政府文件", "policy", pages=3, fresh=True)
        self.plant_finding(a, "doc-effective-date-missing", docs[4].url, "effective_date")
        self.plant_link(a, self.url(soft), False, "soft-404")
        self.plant_link(a, self.url(img), False, "image")
        # --- 通知公告: stale (newest > 6 months old)
        notices = [Doc(3101, "关于做好2026年春季农业生产工作的通知", ago(257)),
                   Doc(3102, "关于2026年元旦春节期间有关工作安排的通知", ago(300)),
                   Doc(3103, "关于开展2025年度县直单位目标考核的通知", ago(350))]
        old = "/zfb/old/notice.htm"
        self.redirect(old, "/zfb/old/notice_gone.htm")
        notices[0].extra = f'<p>原通知见：<a href="{old}">关于做好2025年春季农业生产工作的通知</a></p>'
        self.zfb_list("/zfb/zwgk/tzgg/", "通知公告", "通知公告", notices, 15,
                      crumb='<a href="/zfb/zwgk/fdzdgknr.htm">政府信息公开</a> &gt; ')
        self.column(a, "/zfb/zwgk/tzgg/", "通知公告", "notice")
        self.plant_finding(a, "column-stale", self.url("/zfb/zwgk/tzgg/"), "notice")
        self.plant_link(a, self.url(old), False, "redirect-to-error")
        self.clean["plain_notices"] += [d.url for d in notices]
        # --- 政务动态: news, fresh; one article without ContentSource
        news = [Doc(3201, "县政府召开第十二次常务会议", ago(1)),
                Doc(3202, "我县开展冬季森林防火专项检查", ago(6), skip_meta=("ContentSource",)),
                Doc(3203, "县领导调研重点项目建设情况", ago(12))]
        self.zfb_list("/zfb/zwdt/", "政务动态", "政务动态", news, 15)
        self.column(a, "/zfb/zwdt/", "政务动态", "news", fresh=True)
        self.clean["news_documents"] += [d.url for d in news]
        self.plant_finding(a, "meta-tag-missing", news[1].url, "ContentSource")
        self.ok_link(a, "javascript:void(0)", False, "javascript", "ignored")
        # --- 政府信息公开年报: no 2025 report (fixed variant publishes it)
        reports = [Doc(3302, "示例县人民政府2024年政府信息公开工作年度报告", dt.date(2025, 3, 20)),
                   Doc(3303, "示例县人民政府2023年政府信息公开工作年度报告", dt.date(2024, 3, 25))]
        if self.fixed:
            reports.insert(0, Doc(3301, "示例县人民政府2025年政府信息公开工作年度报告", dt.date(2026, 11, 24)))
        self.zfb_list("/zfb/zwgk/ndbg/", "政府信息公开年报", "信息公开年报", reports, 15,
                      crumb='<a href="/zfb/zwgk/fdzdgknr.htm">政府信息公开</a> &gt; ')
        self.column(a, "/zfb/zwgk/ndbg/", "政府信息公开年报", "other")
        self.plant_finding(a, "annual-report-missing", home, "2025", fixed_in_variant=True)
        # --- guide, rules, 法定主动公开内容
        site_only = self.metas(self.ZFB)
        guide = """<div class="dqwz">您现在的位置：<a href="/zfb/index.htm">首页</a> &gt; 政府信息公开 &gt; 政府信息公开指南</div>
<table width="650" border="0" cellpadding="0" cellspacing="0" style="margin:0 auto;"><tr><td id="UCAP-CONTENT">
<p align="center"><b>示例县人民政府政府信息公开指南</b></p>
<p>一、政府信息公开工作机构</p>
<p>受理机构：示例县人民政府办公室（县政务公开办）</p>
<p>办公地址：示例县城关镇人民路1号县政府大楼202室</p>
<p>办公时间：周一至周五 上午8:00—12:00，下午14:30—17:30（节假日除外）</p>
<p>联系电话：0550-32345678　　传真：0550-32345679</p>
<p>邮政编码：239100　　电子邮箱：zfbgs@shilixian.example</p>
</td></tr></table>"""
        self.add("/zfb/zwgk/gkzn.htm", self.zfb_page("政府信息公开指南-示例县人民政府", site_only, guide), HTML_GB)
        rules = """<table width="650" border="0" cellpadding="0" cellspacing="0"><tr><td id="UCAP-CONTENT">
<p align="center"><b>示例县人民政府政府信息公开制度</b></p><p>一、保密审查制度。</p><p>二、主动公开制度。</p><p>三、依申请公开制度。</p>
</td></tr></table>"""
        self.add("/zfb/zwgk/gkzd.htm", self.zfb_page("政府信息公开制度-示例县人民政府", site_only, rules), HTML_GB)
        fdzd = """<div class="dqwz">您现在的位置：<a href="/zfb/index.htm">首页</a> &gt; 政府信息公开</div>
<table width="100%" class="xxgk"><tr>
<td><a href="/zfb/zwgk/gkzn.htm">政府信息公开指南</a></td><td><a href="/zfb/zwgk/gkzd.htm">政府信息公开制度</a></td>
<td><a href="/zfb/zwgk/fdzdgknr.htm">法定主动公开内容</a></td><td><a href="/zfb/zwgk/ndbg/index.htm">政府信息公开年报</a></td>
</tr><tr>
<td><a href="/zfb/zwgk/zfwj/index.htm">政府文件</a></td><td><a href="/zfb/zwgk/tzgg/index.htm">通知公告</a></td><td></td><td></td>
</tr></table>"""
        self.add("/zfb/zwgk/fdzdgknr.htm", self.zfb_page("法定主动公开内容-示例县人民政府", site_only, fdzd), HTML_GB)
        # --- static files
        self.add("/zfb/css/index.css", CSS, "text/css; charset=utf-8")
        self.add("/zfb/images/top.gif", GIF, "image/gif")
        # --- home: no SiteDomain meta, no 公网安备, 9-character 网站标识码
        refused = f"{self.refused}/"
        self.plant_link(a, refused, True, "refused")
        gb_pdf = "/zfb/zwgk/P020260301385712345678.pdf"
        self.plant_link(a, self.url(gb_pdf), True, "pdf")
        self.plant_finding(a, "site-id-malformed", home, "site_id")
        self.plant_finding(a, "psb-missing", home, "psb")
        self.plant_finding(a, "meta-tag-missing", home, "SiteDomain")

        def rows(directory: str, docs_: list[Doc], n: int) -> str:
            return "\n".join(
                f'<tr><td>·<a href="{directory}{d.pub:%Y%m}/content_{d.id}.htm">{esc(d.title)}</a></td>'
                f'<td width="90">[{d.pub:%Y/%m/%d}]</td></tr>' for d in docs_[:n])
        main = f"""<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr>
<td width="50%" valign="top"><div class="lmbt"><a href="/zfb/zwdt/index.htm">政务动态</a></div>
<table width="100%" class="news_list">
{rows('/zfb/zwdt/', news, 3)}
</table></td>
<td width="50%" valign="top"><div class="lmbt"><a href="/zfb/zwgk/zfwj/index.htm">政府文件</a></div>
<table width="100%" class="news_list">
{rows('/zfb/zwgk/zfwj/', docs, 3)}
</table></td></tr></table>
<table width="100%" class="xxgk"><tr><td class="lmbt">政府信息公开</td>
<td><a href="/zfb/zwgk/gkzn.htm">政府信息公开指南</a></td><td><a href="/zfb/zwgk/gkzd.htm">政府信息公开制度</a></td>
<td><a href="/zfb/zwgk/fdzdgknr.htm">法定主动公开内容</a></td><td><a href="/zfb/zwgk/ndbg/index.htm">政府信息公开年报</a></td></tr></table>
<table width="100%" class="links"><tr><td>
<a href="/zfb/zwgk/tzgg/index.htm">通知公告</a>　<a href="{gb_pdf}">2026年第1期政府公报（PDF）</a>　<a href="{refused}" target="_blank">示例县政务服务网</a>
</td></tr></table>"""
        self.add("/zfb/index.htm", self.zfb_page("示例县人民政府", self.metas(self.ZFB, skip=("SiteDomain",)), main),
                 HTML_GB)

    # ------------------------------------------------------------------ dataproxy.jsp

    def dataproxy_answer(self, column_id: str, start: int, end: int, per_page: int) -> bytes:
        """The ``<datastore>`` XML for records ``start``..``end`` (1-based, inclusive) of a column."""
        records = self.dataproxy.get(column_id, [])
        uid = f"5{int(column_id) % 1000:03d}" if column_id.isdigit() else ""
        start = max(start, 1)
        end = min(end if end >= start else start + max(per_page, 1) - 1, len(records))
        chosen = records[start - 1:end]
        body = "\n".join(f"<record><![CDATA[\n{r}\n]]></record>" for r in chosen)
        xml = (f'<?xml version="1.0" encoding="utf-8"?>\n<datastore>\n'
               f'<totalrecord>{len(records)}</totalrecord>\n'
               f'<nextgroup><![CDATA[<a href="/wsj/module/web/jpage/dataproxy.jsp?page=1&webid=1'
               f'&path=/wsj/&columnid={column_id}&unitid={uid}&permissiontype=0"></a>]]></nextgroup>\n'
               f"<recordset>\n{body}\n</recordset>\n</datastore>\n")
        return xml.encode("utf-8")
