"""Large portals built the way real CMSs build them, with every page and every planted defect in a truth file.

``python bench/generate.py --realistic`` (default: 4 agencies × 5,100 pages) writes
``bench/work/realistic/sites/<agency>/`` (pages plus ``_server.json`` for
:mod:`bench.portal_server`) and ``bench/work/realistic/truth.json``. One agency per CMS style:

* ``trsjs``  — TRS WCM, pagination only through ``createPageHTML(n, i, "index", "shtml")``; its news
  column has 100+ list pages.
* ``hanweb`` — Hanweb JCMS: ``/col/col{id}/index.html`` with the first 15 records inline in
  ``<script type="text/xml"><datastore>`` and the rest only behind ``POST dataproxy.jsp``; five columns
  with the **same** record total (45), so their follow-up POSTs share one URL and differ in the body.
* ``govcn``  — an older gov.cn-style site served as **GBK**, table lists paged by plain 上一页/下一页
  links only (its news column: 45+ sequential list pages).
* ``trsmix`` — TRS with both ``createPageHTML`` and a 下一页 pager.

Every agency also has: ``/index.html`` answered ``301 → /`` and a redirect-only path ``/old/ → /``
(both linked from the home page and every footer); four blank columns in different shapes (暂无信息,
an empty ``ul.list``, a header-only table, an empty Hanweb datastore / an empty list box); a 公示
column whose items carry an 索引号/发布机构/生成日期 block but are not policy documents; policy
documents with the 发文字号 removed; broken links on the home page, list pages and articles (404
pages, attachments and images, soft-404 pages, a refused port).

``http → https`` redirects are not generated: on loopback they need a certificate the crawler would
rightly reject (certificates are verified, see README "Safety").

The truth lists every HTML page (as the file that serves it) and every expected finding
``(rule, url, source)``; :mod:`bench.oracle` re-derives the reachable pages from the files alone.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import generate as base

STYLES = ["trsjs", "hanweb", "govcn", "trsmix"]
INDEX = {"trsjs": "index.shtml", "trsmix": "index.shtml", "hanweb": "index.html", "govcn": "index.htm"}
BLANK_SHAPES = [("zxzj", "专项资金", "phrase"), ("xzzf", "行政执法", "empty-list"),
                ("yjgl", "应急管理", "empty-table"), ("sjgg", "审计结果", "empty-container")]
SAME_TOTAL = 45          # Hanweb columns sharing one record total (15 inline + POST 16–45)
HANWEB_PER_PAGE = 15
NOTICE_COLUMN = ("gsxx", "公示信息", "公示")
# Rule families this portal does not model yet (no 解读 tied to each document, no 政务咨询 column):
# their findings are reported apart by the evaluator, not compared with the truth.
UNMODELLED_FAMILIES = ("interpretation", "interaction")
POLICY_SLUGS = ("zcwj", "tzgg")  # columns whose articles carry the full 公文 metadata


class RealSite(base.Site):
    """One agency of the realistic portal (see the module docstring)."""

    def __init__(self, *args, refused_port: int = base.REFUSED_PORT, **kwargs):
        self.refused_port = refused_port
        self.page_files: list[str] = []
        self.dataproxy: dict[str, list[str]] = {}
        self.expected: list[dict] = []
        self.drop_number: str = ""
        self.download: str = ""
        super().__init__(*args, **kwargs)
        self.encoding = "gbk" if self.style == "govcn" else "utf-8"

    # --- plan -----------------------------------------------------------------------------------
    def plan_columns(self) -> None:
        super().plan_columns()
        if self.style == "hanweb":
            for col in self.columns[4:]:
                self.resize(col, SAME_TOTAL)
        notice = {"slug": NOTICE_COLUMN[0], "name": NOTICE_COLUMN[1], "type": NOTICE_COLUMN[2],
                  "cid": 1629000 + self.index, "count": 0, "articles": [], "notice": True}
        self.columns.append(notice)
        self.resize(notice, max(6, self.target_pages // 40))
        for i, (slug, name, shape) in enumerate(BLANK_SHAPES):
            if shape == "empty-container" and self.style != "hanweb":
                shape = "empty-box"
            self.columns.append({"slug": slug, "name": name, "type": "其他", "cid": 1629100 + i * 7,
                                 "count": 0, "articles": [], "blank": shape})
        for col in self.columns:
            if col["slug"] not in POLICY_SLUGS:  # 「关于印发…的通知」 is a policy document's own sign
                for art in col["articles"]:
                    art["title"] = art["title"].replace("关于印发", "关于做好")

    def resize(self, col: dict, count: int) -> None:
        """Give ``col`` exactly ``count`` articles (dated back from 2026-11-20)."""
        end = date(2026, 11, 20)
        col["articles"] = col["articles"][:count]
        for k in range(len(col["articles"]), count):
            day = end - timedelta(days=int(k * 700 / max(1, count)) + self.rng.randint(0, 2))
            aid = self.next_id
            self.next_id += 1
            rng = self.rng
            title = f"关于{rng.choice(base.TOPICS)}项目的公示（第{k + 1}批）" if col.get("notice") \
                else f"{rng.choice(base.ACTS)}{rng.choice(base.TOPICS)}{rng.choice(base.TAILS)}"
            col["articles"].append({"id": aid, "day": day, "title": title,
                                    "path": self.article_path(col, aid, day), "extra": []})
        col["count"] = count

    def per_page(self, col: dict) -> int:
        if self.style == "hanweb":
            return HANWEB_PER_PAGE
        if col["slug"] == "gzdt" and self.style == "trsjs":
            return max(1, col["count"] // 110)     # 100+ createPageHTML pages
        if col["slug"] == "gzdt" and self.style == "govcn":
            return max(1, col["count"] // 45)      # 45+ pages linked one after another
        return base.PER_PAGE

    def plant_defects(self) -> None:
        super().plant_defects()
        for defect in self.broken:
            if defect["where"].startswith("list:"):
                col = next(c for c in self.columns if c["slug"] == defect["where"][5:])
                defect["source"] = self.origin + self.column_url(col)
            rule = "home-link-broken" if defect["where"] == "home" else "link-broken"
            self.expected.append({"rule": rule, "url": defect["url"], "source": defect["source"]})
        for col in self.columns:
            if col.get("blank"):
                url = self.origin + self.column_url(col)
                self.expected.append({"rule": "column-blank", "url": url, "source": url})
        policy = next(c for c in self.columns if c["slug"] == "zcwj")
        self.missing_number = {a["id"] for a in policy["articles"][1::max(2, len(policy["articles"]) // 3)]}
        for art in policy["articles"]:
            if art["id"] in self.missing_number:
                url = self.origin + art["path"]
                self.expected.append({"rule": "doc-number-missing", "url": url, "source": url})

    # --- writing --------------------------------------------------------------------------------
    def write(self, path: str, text: str) -> None:
        if self.drop_number:
            text = text.replace(self.drop_number, "")
        if self.download:
            link = f'<p><a href="{self.download}">正文下载（PDF）</a></p>'
            text = text.replace('<div class="related">', link + '<div class="related">', 1)
        target_list = None if text == base.SOFT404 else self.page_files  # an error page is no page
        if path in ("/wzdt/index.html", "/lxwm/index.html"):  # linked as /wzdt/: the style's index file
            path = path.rsplit("/", 1)[0] + "/" + INDEX[self.style]
        target = self.root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if self.encoding != "utf-8":
            text = text.replace('<meta charset="utf-8">', '<meta charset="gb2312">')
            target.write_bytes(text.encode("gbk", "xmlcharrefreplace"))
        else:
            target.write_text(text, encoding="utf-8")
        self.html_pages += 1
        if target_list is not None:
            leaf = path if not path.endswith("/") else path + INDEX[self.style]
            target_list.append(leaf)

    def footer(self) -> str:
        back = '<a href="/index.html">返回首页</a> <a href="/old/">旧版入口</a>'
        return f'<div class="backhome">{back}</div>\n' + super().footer()

    def column_url(self, col: dict) -> str:
        if col.get("blank") or col.get("notice"):
            if self.style == "hanweb":
                return f"/col/col{col['cid']}/"
            return f"/zwgk/{col['slug']}/" if self.style != "govcn" else f"/zhengce/{col['slug']}/"
        return super().column_url(col)

    def column_path(self, col: dict, page: int) -> str:
        if (col.get("blank") or col.get("notice")) and self.style == "govcn":
            leaf = INDEX["govcn"] if page == 0 else f"index_{page}.htm"
            return f"/zhengce/{col['slug']}/{leaf}"
        return super().column_path(col, page)

    def pager(self, col: dict, page: int, count: int) -> str:
        if self.style != "govcn":
            return super().pager(col, page, count)
        links = []
        if page > 0:
            links.append(f'<a href="{self.leaf(col, page - 1)}">上一页</a>')
        if page < count - 1:
            links.append(f'<a href="{self.leaf(col, page + 1)}">下一页</a>')
        return f'<div class="pagination">{" ".join(links)} 第{page + 1}页 共{count}页</div>\n'

    def leaf(self, col: dict, page: int) -> str:
        return self.column_path(col, page).rsplit("/", 1)[1]

    def write_column(self, col: dict) -> None:
        if col.get("blank"):
            self.write_blank(col)
        elif self.style == "hanweb":
            self.write_hanweb(col)
        else:
            super().write_column(col)

    def frame(self, col: dict, listing: str) -> str:
        body = (self.nav() + self.crumb(col) + f'<div class="main"><h2>{col["name"]}</h2>\n'
                + listing + "</div>\n")
        return self.head(col["name"], col) + body + self.footer()

    def write_blank(self, col: dict) -> None:
        shape = col["blank"]
        listing = {
            "phrase": '<div class="list-box"><p class="nodata">暂无信息</p></div>\n',
            "empty-list": '<div class="list-box"><ul class="list"></ul></div>\n',
            "empty-table": '<table class="dataList"><tr><th>序号</th><th>标题</th><th>发布日期</th></tr>'
                           "</table>\n",
            "empty-box": '<div class="list-box"></div>\n',
            "empty-container": self.datastore(col, [], 0),
        }[shape]
        self.write(self.column_path(col, 0), self.frame(col, listing))

    def datastore(self, col: dict, records: list[str], total: int) -> str:
        uid = f"5{col['cid'] % 1000:03d}"
        shown = "\n".join(f"<record><![CDATA[{r}]]></record>" for r in records)
        return (f'<div id="{uid}" class="default_pgContainer">\n<script type="text/xml">\n<datastore>\n'
                f'<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=1&path=/'
                f'&columnid={col["cid"]}&unitid={uid}&webname=site&permissiontype=0"></a>]]></nextgroup>\n'
                f"<recordset>\n{shown}\n</recordset>\n</datastore>\n</script>\n</div>\n"
                f'<script type="text/javascript">$(function(){{$("#{uid}").jpage({{dataStore: dataStore, '
                f"proxyUrl: '/module/web/jpage/dataproxy.jsp', perPage: {HANWEB_PER_PAGE}, "
                f"totalRecord: {total}, groupSize: 3, webid: '1', columnid: '{col['cid']}', "
                f"unitid: '{uid}', col: '1', appid: '1', path: '/', sourceContentType: '1', "
                f"permissiontype: '0', webname: 'site'}});}});</script>\n")

    def write_hanweb(self, col: dict) -> None:
        records = [self.item_li(a) for a in col["articles"]]
        self.dataproxy[str(col["cid"])] = records
        extra = "".join(f"<p>{h}</p>" for h in self.list_extra.get(col["slug"], []))
        listing = self.datastore(col, records[:HANWEB_PER_PAGE], len(records))
        if extra:
            listing += f'<div class="zt">{extra}</div>'
        self.write(self.column_path(col, 0), self.frame(col, listing))

    def write_article(self, col: dict, art: dict, k: int) -> None:
        if col.get("notice"):
            self.write_notice(col, art)
            return
        if art["id"] in getattr(self, "missing_number", ()):
            self.drop_number = f"{self.abbr}政办〔{art['day'].year}〕{art['id'] % 100000 + 1}号"
        if (col["slug"] in POLICY_SLUGS or self.style == "govcn") and k % 5:
            # every document with 公文 metadata offers its text (k % 5 == 0 have attachments already)
            self.download = self.attachment_path(art["path"], art["id"], art["day"], 7, "pdf")
            self.copy_blob(self.download, self.masters["pdf"])
        try:
            super().write_article(col, art, k)
        finally:
            self.drop_number = self.download = ""

    def write_platform(self) -> None:
        """The base platform, its 法定主动公开内容 section as a page of its own, the guide's labels as
        real guides write them."""
        saved = self.write
        leaf = INDEX[self.style]
        zwgk = "/zwgk/" if self.style != "hanweb" else "/col/col1599544/"
        policy = next(c for c in self.columns if c["slug"] == "zcwj")

        def write(path: str, text: str) -> None:
            text = text.replace('class="xxgk-nav"', 'class="xxgk-index"')
            text = text.replace(f'<li><a href="{self.column_url(policy)}">法定主动公开内容</a></li>',
                                f'<li><a href="{zwgk}fdzdgknr/{leaf}">法定主动公开内容</a></li>')
            saved(path, text.replace("<p>办公机构：", "<p>信息公开工作机构："))
        self.write = write
        try:
            super().write_platform()
        finally:
            del self.write
        section = {"name": "法定主动公开内容", "type": "信息公开"}
        links = "".join(f'<li><a href="{self.column_url(c)}">{c["name"]}</a></li>'
                        for c in self.columns if not c.get("blank"))
        self.write(f"{zwgk}fdzdgknr/{leaf}", self.head("法定主动公开内容", section) + self.nav()
                   + self.crumb(None, "法定主动公开内容")
                   + f'<div class="main"><h1>法定主动公开内容</h1><ul class="catalog">{links}</ul></div>\n'
                   + self.footer())

    def write_notice(self, col: dict, art: dict) -> None:
        """A 公示 item: an 索引号/发布机构/生成日期 block, no 文号 — not a policy document."""
        day = art["day"]
        block = ('<table class="xxgk-table">'
                 f"<tr><th>索引号：</th><td>{self.site_code[:6]}/{day.year}-{art['id'] % 100000:05d}"
                 "</td></tr>"
                 f"<tr><th>发布机构：</th><td>{self.name}</td></tr>"
                 f"<tr><th>生成日期：</th><td>{day:%Y-%m-%d}</td></tr></table>\n")
        body = (self.nav() + self.crumb(col, "正文") + f'<div class="main"><h1>{art["title"]}</h1>\n{block}'
                f'<div class="info">发布时间：{day:%Y-%m-%d}　来源：{self.name}</div>\n'
                f'<div class="TRS_Editor"><p>现将有关情况予以公示，公示期为5个工作日。</p></div>'
                f"{''.join(f'<p>{h}</p>' for h in art['extra'])}</div>\n")
        self.write(art["path"], self.head(art["title"], col, art) + body + self.footer())

    def server_config(self) -> dict:
        return {"index": INDEX[self.style], "encoding": self.encoding, "dataproxy": self.dataproxy,
                "redirects": {"/index.html": "/", "/old/": "/"}}

    def truth(self) -> dict:
        return {**super().truth(), "pages": sorted(set(self.page_files)), "expected": self.expected,
                "index": INDEX[self.style]}


def generate(out: Path, pages: int, ports: list[int], ext_port: int, refused_port: int,
             seed: int = 2026) -> dict:
    """Write the realistic portal under ``out`` (``sites/``, ``truth.json``, ``agencies.yml``)."""
    sites_root = out / "sites"
    if sites_root.exists():
        shutil.rmtree(sites_root)
    sites_root.mkdir(parents=True)
    blobs = out / "blobs"
    blobs.mkdir(parents=True, exist_ok=True)
    for ext, data in (("pdf", base.PDF), ("doc", base.DOC), ("docx", base.DOC), ("xls", base.DOC),
                      ("jpg", base.JPG), ("png", base.PNG)):
        (blobs / f"master.{ext}").write_bytes(data)
    saved = base.WORK, base.REFUSED_PORT
    base.WORK, base.REFUSED_PORT = out, refused_port
    try:
        sites = []
        for i, port in enumerate(ports):
            site = RealSite(i, STYLES[i % len(STYLES)], pages, port, ports, ext_port, sites_root, seed,
                            refused_port=refused_port)
            site.write_all()
            (site.root / "_server.json").write_text(json.dumps(site.server_config(), ensure_ascii=False),
                                                     encoding="utf-8")
            sites.append(site)
    finally:
        base.WORK, base.REFUSED_PORT = saved
    base.write_external(sites_root, sorted({"p" + s.site_code[:2] for s in sites}))
    truth = {"refused_port": refused_port, "external_port": ext_port, "pages_per_agency": pages,
             "unmodelled_families": list(UNMODELLED_FAMILIES),
             "agencies": [s.truth() for s in sites]}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "agencies.yml").write_text(
        "".join(f"- id: {s.id}\n  name: {s.name}\n  url: {s.origin}/\n  level: department\n" for s in sites),
        encoding="utf-8")
    return truth
