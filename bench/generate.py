"""Generate synthetic government-disclosure portals (政务公开) for the benchmark.

Writes static sites under ``bench/work/sites/<agency>/`` (one nginx port per agency, see
``run_bench.py``), an ``external`` stub site standing in for gov.cn / beian pages, the agencies
file for our crawler and ``bench/work/truth.json`` with every planted broken target per agency.

CMS styles (cycled over the agencies):

* ``trsjs``  — TRS WCM: ``index.shtml`` + ``createPageHTML(n, i, "index", "shtml")`` pagination
  **only** (no plain link to page 2+: link checkers that do not run JavaScript see page 1 of each
  column only), articles ``./202605/t20260501_N.shtml`` with a metadata table, ``div.TRS_Editor``.
* ``hanweb`` — Hanweb-ish: ``/col/col{id}/index.html`` + ``index_{k}.html`` numbered pager links,
  articles ``/art/{Y}/{M}/{D}/art_{col}_{id}.html`` with ``<li><span>索引号：</span>…</li>`` metadata.
* ``govcn``  — gov.cn-like: table lists (标题/发文字号/发布日期) with plain 首页/上一页/下一页/尾页 links,
  articles ``/zhengce/content/2026-05/01/content_N.htm`` with ``table.bd1`` metadata, ``#UCAP-CONTENT``.
* ``trsmix`` — TRS with both ``createPageHTML`` and a plain 下一页/尾页 pager.

Planted defects (truth): broken internal pages (404), broken attachments (404), broken images
(404), soft-404 pages (200 with 页面不存在), and links to a refused 127.0.0.1 port.

Usage: python bench/generate.py [--small] [--agencies 4] [--pages 5000] [--base-port 18081] [--realistic]

``--realistic`` writes the large real-CMS-shaped portal of :mod:`realistic` instead (Hanweb dataproxy,
sequential pagination, redirects onto the home page, blank columns in every shape, GBK pages) with a
truth file of every page and planted finding, served by ``portal_server.py`` and checked by ``oracle.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
WORK = BENCH / "work"
STYLES = ["trsjs", "hanweb", "govcn", "trsmix"]
PER_PAGE = 20
REFUSED_PORT = 18999

COLUMNS = [  # (slug, name, ColumnType, weight)
    ("gzdt", "工作动态", "工作动态", 30),
    ("tzgg", "通知公告", "通知公告", 15),
    ("zcwj", "政策文件", "政策文件", 15),
    ("zcjd", "政策解读", "政策解读", 10),
    ("rsxx", "人事信息", "人事信息", 8),
    ("ghjh", "规划计划", "规划计划", 5),
    ("czyjs", "财政预决算", "财政信息", 7),
    ("zdly", "重点领域信息公开", "重点领域", 7),
    ("jyta", "建议提案办理", "建议提案", 3),
]
PROVINCES = [
    ("皖", "安徽", "3400"),
    ("浙", "浙江", "3300"),
    ("苏", "江苏", "3200"),
    ("鄂", "湖北", "4200"),
    ("湘", "湖南", "4300"),
    ("赣", "江西", "3600"),
    ("豫", "河南", "4100"),
    ("鲁", "山东", "3700"),
]
DEPTS = [
    "发展和改革委员会",
    "教育局",
    "财政局",
    "人力资源和社会保障局",
    "生态环境局",
    "交通运输局",
    "卫生健康委员会",
    "市场监督管理局",
    "自然资源和规划局",
    "住房和城乡建设局",
    "农业农村局",
    "民政局",
]
TOPICS = [
    "安全生产",
    "营商环境",
    "乡村振兴",
    "数字政府",
    "生态保护",
    "就业创业",
    "医疗保障",
    "城市更新",
    "防汛抗旱",
    "食品安全",
    "义务教育",
    "养老服务",
    "科技创新",
    "招商引资",
    "文明城市",
    "住房保障",
]
ACTS = ["关于开展", "关于做好", "关于印发", "关于加强", "关于进一步推进", "关于公布", "关于征求", "关于调整"]
TAILS = [
    "工作的通知",
    "实施方案的通知",
    "专项行动的通知",
    "有关事项的公告",
    "意见的函",
    "管理办法的通知",
    "工作情况的通报",
    "相关政策的解读",
]
SENTENCES = [
    "为深入贯彻落实党中央、国务院决策部署，进一步提升政务服务水平，结合本地实际，制定本方案。",
    "各地各部门要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。",
    "坚持以人民为中心的发展思想，着力解决群众急难愁盼问题，不断增强人民群众获得感、幸福感、安全感。",
    "要严格落实信息公开制度，依法依规做好政府信息主动公开工作，及时回应社会关切。",
    "进一步优化审批流程，压缩办理时限，推动更多事项网上办、掌上办、一次办。",
    "加强督促检查，对工作不力、推进缓慢的单位予以通报，确保按期完成目标任务。",
    "鼓励社会资本参与，完善配套政策措施，形成政府引导、市场运作、社会参与的工作格局。",
    "统筹发展和安全，守牢安全底线，切实维护人民群众生命财产安全和社会大局稳定。",
]
CSS = (
    "body{font:14px/1.8 'Microsoft YaHei',SimSun;margin:0}.nav li{float:left}.list li span{float:right}\n"
    * 20
)
JS = (
    "function createPageHTML(n,c,p,s){var h='';for(var i=0;i<n;i++){h+=(i==c)?'<span>'+(i+1)+'</span>':"
    "'<a href=\"'+(i?p+'_'+i:p)+'.'+s+'\">'+(i+1)+'</a>';}document.write(h);}\n"
    "function pageControl(){}\nvar _hmt=_hmt||[];\n"
)
INLINE_JS = (
    "<script>(function(){var d=document,w=window;w.siteStat=function(a,b){return a+b;};"
    "w.fontZoom=function(s){d.getElementById('zoom').style.fontSize=s+'px';};"
    "w.printPage=function(){w.print();};})();</script>\n"
)
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" + b"% padding\n" * 300 + b"%%EOF\n"
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000
JPG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + b"\x00" * 2000 + b"\xff\xd9"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f3d0000000049454e44ae426082"
)
FRIENDS = (
    '<div class="friends"><select onchange="window.open(this.value)"><option>市县政府网站</option>'
    + "".join(
        f'<option value="http://www.example{i}.gov.cn/">{d}（{i}）</option>' for i, d in enumerate(DEPTS * 4)
    )
    + "</select></div>\n"
)
STYLE_BLOCK = (
    "<style>"
    + "".join(
        f".mod{i}{{margin:{i}px;padding:{i % 7}px;color:#{i * 4099 % 16777216:06x}}}" for i in range(120)
    )
    + "</style>\n"
)
SOFT404 = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在</title></head>'
    '<body><div class="err"><h1>抱歉，您访问的页面不存在或已被删除！</h1>'
    '<p><a href="/">返回首页</a></p></div></body></html>'
)


class Site:
    """One agency's portal: URL scheme of its CMS style, pages written as they are made."""

    def __init__(
        self,
        index: int,
        style: str,
        pages: int,
        port: int,
        ports: list[int],
        ext_port: int,
        root: Path,
        seed: int,
    ):
        self.index, self.style, self.port, self.ports, self.ext_port = index, style, port, ports, ext_port
        self.id = f"{style}{index + 1}"
        self.root = root / self.id
        self.rng = random.Random(seed * 7919 + index)
        abbr, prov, code = PROVINCES[index % len(PROVINCES)]
        self.abbr, self.prov = abbr, prov
        dept = DEPTS[index % len(DEPTS)]
        self.name = f"{prov}省{dept}"
        self.site_code = f"{code}{index % 100:02d}{index + 1:04d}"
        self.origin = f"http://127.0.0.1:{port}"
        self.broken: list[dict] = []
        self.html_pages = 0
        self.files = 0
        self.next_id = 1000000 + index * 100000
        self.target_pages = pages
        self.plan_columns()

    # --- URL scheme per style ---------------------------------------------------------------
    def column_path(self, col: dict, page: int) -> str:
        if self.style in ("trsjs", "trsmix"):
            leaf = "index.shtml" if page == 0 else f"index_{page}.shtml"
            return f"/zwgk/{col['slug']}/{leaf}"
        if self.style == "hanweb":
            leaf = "index.html" if page == 0 else f"index_{page}.html"
            return f"/col/col{col['cid']}/{leaf}"
        leaf = "home.htm" if page == 0 else f"home_{page}.htm"
        return f"/zhengce/{col['slug']}/{leaf}"

    def per_page(self, col: dict) -> int:
        """Items per list page of a column."""
        return PER_PAGE

    def column_url(self, col: dict) -> str:
        path = self.column_path(col, 0)
        return path.rsplit("/", 1)[0] + "/" if self.style != "govcn" else path

    def article_path(self, col: dict, aid: int, day: date) -> str:
        if self.style in ("trsjs", "trsmix"):
            return f"/zwgk/{col['slug']}/{day:%Y%m}/t{day:%Y%m%d}_{aid}.shtml"
        if self.style == "hanweb":
            return f"/art/{day.year}/{day.month}/{day.day}/art_{col['cid']}_{aid}.html"
        return f"/zhengce/content/{day:%Y-%m}/{day:%d}/content_{aid}.htm"

    def attachment_path(self, art_path: str, aid: int, day: date, n: int, ext: str) -> str:
        if self.style in ("trsjs", "trsmix"):
            return f"{art_path.rsplit('/', 1)[0]}/P0{day:%Y%m%d}{aid}{n}.{ext}"
        if self.style == "hanweb":
            return f"/module/download/{day:%Y%m}/{aid}_{n}.{ext}"
        return f"/zhengce/content/{day:%Y-%m}/{day:%d}/{aid}/files/{aid:x}{n}.{ext}"

    def image_path(self, art_path: str, aid: int, day: date) -> str:
        if self.style in ("trsjs", "trsmix"):
            return f"{art_path.rsplit('/', 1)[0]}/W0{day:%Y%m%d}{aid}.jpg"
        if self.style == "hanweb":
            return f"/picture/0/{day:%Y%m}/{aid}.jpg"
        return f"/zhengce/content/{day:%Y-%m}/{day:%d}/{aid}/images/{aid:x}.jpg"

    # --- plan ---------------------------------------------------------------------------------
    def plan_columns(self) -> None:
        extras = 4  # home, 信息公开 platform page, guide, 制度
        total_w = sum(c[3] for c in COLUMNS)
        # articles + list pages ≈ target: each PER_PAGE articles add one list page
        articles = max(
            len(COLUMNS), int((self.target_pages - extras - len(COLUMNS)) * PER_PAGE / (PER_PAGE + 1))
        )
        self.columns = []
        left = articles
        for i, (slug, name, ctype, weight) in enumerate(COLUMNS):
            n = left if i == len(COLUMNS) - 1 else max(1, articles * weight // total_w)
            left -= n
            self.columns.append(
                {
                    "slug": slug,
                    "name": name,
                    "type": ctype,
                    "cid": 1620000 + i * 37 + self.index,
                    "count": n,
                    "articles": [],
                }
            )
        end = date(2026, 11, 20)
        for col in self.columns:
            span = 1000 if col["slug"] not in ("gzdt", "tzgg") else 700
            for k in range(col["count"]):
                day = end - timedelta(days=int(k * span / max(1, col["count"])) + self.rng.randint(0, 2))
                aid = self.next_id
                self.next_id += 1
                title = (
                    f"{self.rng.choice(ACTS)}{self.rng.choice(TOPICS)}{self.rng.choice(TAILS)}"
                    if col["slug"] != "gzdt"
                    else f"{self.name}召开{self.rng.choice(TOPICS)}工作推进会（第{k + 1}期）"
                )
                col["articles"].append(
                    {
                        "id": aid,
                        "day": day,
                        "title": title,
                        "path": self.article_path(col, aid, day),
                        "extra": [],
                    }
                )

    def plant_defects(self) -> None:
        """Choose broken targets and the pages that link to them (the truth)."""
        rng = self.rng
        n = self.target_pages
        all_arts = [(c, a) for c in self.columns for a in c["articles"]]
        counts = {
            "internal": max(2, n // 250),
            "attachment": max(2, n // 350),
            "image": max(1, n // 500),
            "soft404": max(1, n // 1700),
            "refused": max(1, n // 1700),
        }
        self.home_extra: list[str] = []
        self.list_extra: dict[str, list[str]] = {}
        for kind, count in counts.items():
            for k in range(count):
                col, art = rng.choice(all_arts)
                fake = self.next_id + 50000 + len(self.broken)
                day = art["day"]
                if kind == "internal":
                    url = self.article_path(col, fake, day)
                    html = f'<a href="{url}">相关阅读：{rng.choice(TOPICS)}工作情况</a>'
                elif kind == "soft404":
                    url = self.article_path(col, fake, day)
                    self.write(url, SOFT404)
                    self.html_pages -= 1  # an error page, not a content page
                    html = f'<a href="{url}">延伸阅读：{rng.choice(TOPICS)}问答</a>'
                elif kind == "attachment":
                    ext = rng.choice(["pdf", "doc", "docx", "xls"])
                    url = self.attachment_path(art["path"], fake, day, 9, ext)
                    html = f'<a href="{url}">附件：{rng.choice(TOPICS)}统计表.{ext}</a>'
                elif kind == "image":
                    url = self.image_path(art["path"], fake, day)
                    html = f'<img src="{url}" alt="{rng.choice(TOPICS)}图片">'
                else:
                    url = f"http://127.0.0.1:{REFUSED_PORT}/{self.id}/{fake}.html"
                    html = f'<a href="{url}">旧版网站：{rng.choice(TOPICS)}专栏</a>'
                where = "article"
                if k == 0 and kind in ("internal", "image", "refused"):
                    self.home_extra.append(html)
                    where = "home"
                elif k == 1 and kind in ("internal", "attachment"):
                    self.list_extra.setdefault(col["slug"], []).append(html)
                    where = f"list:{col['slug']}"
                else:
                    art["extra"].append(html)
                absolute = url if url.startswith("http") else self.origin + url
                source = (
                    self.origin + "/"
                    if where == "home"
                    else self.origin + self.column_path(col, 0)
                    if where.startswith("list")
                    else self.origin + art["path"]
                )
                self.broken.append({"url": absolute, "kind": kind, "source": source, "where": where})

    # --- writing ------------------------------------------------------------------------------
    def write(self, path: str, text: str) -> None:
        target = self.root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.html_pages += 1

    def copy_blob(self, path: str, master: Path) -> None:
        target = self.root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            os.link(master, target)
        self.files += 1

    def head(self, title: str, column: dict | None = None, article: dict | None = None) -> str:
        metas = [
            ("SiteName", self.name),
            ("SiteDomain", f"127.0.0.1:{self.port}"),
            ("SiteIDCode", self.site_code),
        ]
        if column:
            metas += [
                ("ColumnName", column["name"]),
                ("ColumnDescription", f"{self.name}{column['name']}"),
                ("ColumnKeywords", column["name"]),
                ("ColumnType", column["type"]),
            ]
        if article:
            metas += [
                ("ArticleTitle", article["title"]),
                ("PubDate", f"{article['day']:%Y-%m-%d} 09:30"),
                ("ContentSource", self.name),
                ("Keywords", column["name"] if column else ""),
                ("Description", article["title"]),
                ("Url", self.origin + article["path"]),
            ]
        tags = "\n".join(f'<meta name="{k}" content="{v}">' for k, v in metas)
        return (
            f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n'
            f'<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">\n'
            f"<title>{title}_{self.name}</title>\n{tags}\n"
            f'<link rel="stylesheet" href="/css/common.css">\n<script src="/js/jquery.min.js"></script>\n'
            f'<script src="/js/common.js"></script>\n{INLINE_JS}{STYLE_BLOCK}</head>\n<body>\n'
        )

    def nav(self) -> str:
        items = "".join(f'<li><a href="{self.column_url(c)}">{c["name"]}</a></li>' for c in self.columns)
        zwgk = "/zwgk/" if self.style != "hanweb" else "/col/col1599544/index.html"
        return (
            f'<div class="top"><span>今天是2026年11月27日</span> <a href="javascript:void(0)" '
            f'onclick="fontZoom(16)">大字版</a> <a href="#">无障碍</a></div>\n'
            f'<div class="header"><a href="/"><img src="/images/logo.png" alt="{self.name}"></a>'
            f'<form action="/search/" method="get"><input name="q"><button>搜索</button></form></div>\n'
            f'<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="{zwgk}">政府信息公开</a></li>'
            f"{items}</ul></div>\n"
        )

    def footer(self) -> str:
        others = "".join(
            f'<li><a href="http://127.0.0.1:{p}/">兄弟单位{j + 1}</a></li>'
            for j, p in enumerate(self.ports)
            if p != self.port
        )
        ext = f"http://127.0.0.1:{self.ext_port}"
        return (
            f'<div class="links"><ul><li><a href="{ext}/">中国政府网</a></li>'
            f'<li><a href="{ext}/p{self.site_code[:2]}/">{self.prov}省人民政府</a></li>{others}</ul></div>\n'
            f"{FRIENDS}"
            f'<div class="footer"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a></p>\n'
            f"<p>主办单位：{self.name}办公室　联系地址：{self.prov}省合肥市政务区{self.index + 1}号　"
            f"邮编：230001　电话：0551-6{self.index + 1:07d}</p>\n"
            f'<p>网站标识码：{self.site_code}　<a href="{ext}/beian/">'
            f"{self.abbr}ICP备{12345678 + self.index}号-1</a>"
            f'　<a href="{ext}/gongan/"><img src="/images/gongan.png" alt="">'
            f"{self.abbr}公网安备 {34010202000123 + self.index}号</a></p>\n"
            f'<p><a href="{ext}/dzjg/"><img src="/images/dzjg.png" alt="党政机关"></a></p></div>\n'
            f"</body></html>\n"
        )

    def crumb(self, col: dict | None, last: str = "") -> str:
        parts = ['<a href="/">首页</a>']
        if col:
            parts.append(f'<a href="{self.column_url(col)}">{col["name"]}</a>')
        if last:
            parts.append(last)
        return f'<div class="position">当前位置：{" &gt; ".join(parts)}</div>\n'

    # --- pages --------------------------------------------------------------------------------
    def write_all(self) -> None:
        self.plant_defects()
        self.write_assets()
        self.write_home()
        self.write_platform()
        for col in self.columns:
            self.write_column(col)
            for k, art in enumerate(col["articles"]):
                self.write_article(col, art, k)

    def write_assets(self) -> None:
        masters = WORK / "blobs"
        self.masters = {p.suffix.lstrip("."): p for p in masters.iterdir()}
        for path, name in (
            ("/images/logo.png", "png"),
            ("/images/gongan.png", "png"),
            ("/images/dzjg.png", "png"),
        ):
            self.copy_blob(path, self.masters[name])
        (self.root / "css").mkdir(parents=True, exist_ok=True)
        (self.root / "css/common.css").write_text(CSS, encoding="utf-8")
        (self.root / "js").mkdir(parents=True, exist_ok=True)
        (self.root / "js/common.js").write_text(JS, encoding="utf-8")
        (self.root / "js/jquery.min.js").write_text("/*! jQuery stub */" + JS, encoding="utf-8")
        (self.root / "robots.txt").write_text("User-agent: *\nDisallow: /search/\n", encoding="utf-8")
        for path, title in (("/wzdt/index.html", "网站地图"), ("/lxwm/index.html", "联系我们")):
            body = (
                self.nav()
                + self.crumb(None, title)
                + f'<div class="main"><h1>{title}</h1>'
                + "".join(f'<p><a href="{self.column_url(c)}">{c["name"]}</a></p>' for c in self.columns)
                + "</div>\n"
            )
            self.write(path, self.head(title) + body + self.footer())

    def write_home(self) -> None:
        blocks = []
        for col in self.columns:
            lis = "".join(self.item_li(a) for a in col["articles"][:8])
            blocks.append(
                f'<div class="box"><h3><a href="{self.column_url(col)}">{col["name"]}</a>'
                f'<a class="more" href="{self.column_url(col)}">更多&gt;&gt;</a></h3>'
                f'<ul class="list">{lis}</ul></div>\n'
            )
        extra = "".join(f"<p>{h}</p>" for h in self.home_extra)
        body = (
            self.nav()
            + '<div class="banner"><img src="/images/logo.png" alt="banner"></div>\n'
            + "".join(blocks)
            + f'<div class="zt">{extra}</div>\n'
        )
        index = {
            "trsjs": "/index.shtml",
            "trsmix": "/index.shtml",
            "hanweb": "/index.html",
            "govcn": "/index.htm",
        }[self.style]
        self.write(index, self.head("首页") + body + self.footer())

    def write_platform(self) -> None:
        base = "/zwgk/" if self.style != "hanweb" else "/col/col1599544/"
        leaf = {"trsjs": "index.shtml", "trsmix": "index.shtml", "hanweb": "index.html", "govcn": "index.htm"}
        policy = next(c for c in self.columns if c["slug"] == "zcwj")
        sections = [
            ("gkzn", "政府信息公开指南"),
            ("gkzd", "政府信息公开制度"),
            ("fdzdgknr", "法定主动公开内容"),
            ("gknb", "政府信息公开年报"),
            ("ysqgk", "依申请公开"),
        ]
        links = []
        for slug, name in sections:
            href = self.column_url(policy) if slug == "fdzdgknr" else f"{base}{slug}/{leaf[self.style]}"
            links.append(f'<li><a href="{href}">{name}</a></li>')
        home = {"name": "政府信息公开", "type": "信息公开"}
        body = (
            self.nav()
            + self.crumb(None, "政府信息公开")
            + f'<div class="xxgk-nav"><h2>政府信息公开</h2><ul>{"".join(links)}</ul></div>\n'
        )
        self.write(f"{base}{leaf[self.style]}", self.head("政府信息公开", home) + body + self.footer())
        guide = (
            f'<div class="main"><h1>{self.name}政府信息公开指南</h1><div class="TRS_Editor">'
            f"<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>"
            f"<p>办公机构：{self.name}办公室</p><p>办公地址：{self.prov}省合肥市政务区{self.index + 1}号</p>"
            f"<p>办公时间：工作日上午9:00-12:00，下午13:30-17:30</p>"
            f"<p>联系电话：0551-6{self.index + 1:07d}</p>"
            f"<p>传真：0551-6{self.index + 2:07d}</p><p>邮政编码：230001</p>"
            f"<p>电子邮箱：zwgk{self.index}@example.gov.cn</p></div></div>\n"
        )
        self.write(
            f"{base}gkzn/{leaf[self.style]}",
            self.head("政府信息公开指南", home)
            + self.nav()
            + self.crumb(None, "政府信息公开指南")
            + guide
            + self.footer(),
        )
        for slug, name in sections:
            if slug in ("gkzn", "fdzdgknr"):
                continue
            text = (
                f'<div class="main"><h1>{name}</h1><ul class="list">'
                f'<li><a href="{base}gknb/2025.html">{self.name}2025年政府信息公开工作年度报告</a>'
                f"<span>2026-01-20</span></li></ul></div>\n"
            )
            self.write(
                f"{base}{slug}/{leaf[self.style]}",
                self.head(name, home) + self.nav() + self.crumb(None, name) + text + self.footer(),
            )
        report = (
            f'<div class="main"><h1>{self.name}2025年政府信息公开工作年度报告</h1>'
            f'<div class="TRS_Editor"><p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>'
            f"<p>一、总体情况</p><p>二、主动公开政府信息情况</p></div></div>\n"
        )
        self.write(
            f"{base}gknb/2025.html",
            self.head(f"{self.name}2025年政府信息公开工作年度报告")
            + self.nav()
            + self.crumb(None, "年报")
            + report
            + self.footer(),
        )

    def item_li(self, art: dict) -> str:
        return (
            f'<li><a href="{art["path"]}" target="_blank" title="{art["title"]}">{art["title"]}</a>'
            f"<span>{art['day']:%Y-%m-%d}</span></li>"
        )

    def write_column(self, col: dict) -> None:
        arts = col["articles"]
        per_page = self.per_page(col)
        count = max(1, -(-len(arts) // per_page))
        for page in range(count):
            chunk = arts[page * per_page : (page + 1) * per_page]
            here = self.column_path(col, page)
            if self.style == "govcn":
                rows = "".join(
                    f'<tr><td>{page * per_page + j + 1}</td><td class="info"><a href="{a["path"]}" '
                    f'target="_blank">{a["title"]}</a></td>'
                    f"<td>{self.abbr}政办〔{a['day'].year}〕{a['id'] % 100000 + 1}号</td>"
                    f"<td>{a['day']:%Y-%m-%d}</td></tr>"
                    for j, a in enumerate(chunk)
                )
                listing = (
                    f'<table class="dataList"><tr><th>序号</th><th>标题</th><th>发文字号</th>'
                    f"<th>发布日期</th></tr>{rows}</table>\n"
                )
            else:
                rel = (
                    (lambda p: "./" + p.split("/zwgk/" + col["slug"] + "/", 1)[1])
                    if self.style in ("trsjs", "trsmix")
                    else (lambda p: p)
                )
                lis = "".join(
                    f'<li><a href="{rel(a["path"])}" target="_blank" title="{a["title"]}">'
                    f"{a['title']}</a><span>{a['day']:%Y-%m-%d}</span></li>"
                    for a in chunk
                )
                listing = f'<div class="list-box"><ul class="list">{lis}</ul>\n'
            pager = self.pager(col, page, count)
            extra = "".join(f"<p>{h}</p>" for h in self.list_extra.get(col["slug"], [])) if page == 0 else ""
            body = (
                self.nav()
                + self.crumb(col)
                + f'<div class="main"><h2>{col["name"]}</h2>\n'
                + listing
                + pager
                + (f'<div class="zt">{extra}</div>' if extra else "")
                + ("</div>" if self.style != "govcn" else "")
                + "</div>\n"
            )
            self.write(here, self.head(col["name"], col) + body + self.footer())

    def pager(self, col: dict, page: int, count: int) -> str:
        if self.style == "trsjs":
            return (
                f'<div class="page"><script type="text/javascript">\n'
                f'createPageHTML({count}, {page}, "index", "shtml");\n</script></div>\n'
            )

        def leaf(k: int) -> str:
            return self.column_path(col, k).rsplit("/", 1)[1]

        links = []
        if page > 0:
            links += [f'<a href="{leaf(0)}">首页</a>', f'<a href="{leaf(page - 1)}">上一页</a>']
        if self.style == "hanweb":
            for k in range(max(0, page - 2), min(count, page + 3)):
                links.append(f"<span>{k + 1}</span>" if k == page else f'<a href="{leaf(k)}">{k + 1}</a>')
        if page < count - 1:
            links += [f'<a href="{leaf(page + 1)}">下一页</a>', f'<a href="{leaf(count - 1)}">尾页</a>']
        script = (
            f'<script type="text/javascript">createPageHTML({count}, {page}, "index", "shtml");</script>'
            if self.style == "trsmix"
            else ""
        )
        return f'<div class="pagination">{script}{" ".join(links)} 共{count}页</div>\n'

    def write_article(self, col: dict, art: dict, k: int) -> None:
        rng = self.rng
        day = art["day"]
        aid = art["id"]
        number = f"{self.abbr}政办〔{day.year}〕{aid % 100000 + 1}号"
        fields = [
            ("索引号", f"{self.site_code[:6]}/{day.year}-{aid % 100000:05d}"),
            ("发文机关", self.name),
            ("发文字号", number),
            ("成文日期", f"{day - timedelta(days=3):%Y-%m-%d}"),
            ("发布日期", f"{day:%Y-%m-%d}"),
            ("生效日期", f"{day:%Y-%m-%d}"),
            ("有效性", "有效"),
        ]
        if self.style == "hanweb":
            meta = (
                '<ul class="xxgk-info">'
                + "".join(f"<li><span>{lab}：</span>{val}</li>" for lab, val in fields)
                + "</ul>\n"
            )
        elif self.style == "govcn":
            cells = "".join(
                f"<tr><td><b>{fields[i][0]}：</b></td><td>{fields[i][1]}</td>"
                f"<td><b>{fields[i + 1][0]}：</b></td><td>{fields[i + 1][1]}</td></tr>"
                for i in range(0, 6, 2)
            )
            meta = f'<table class="bd1">{cells}</table>\n'
        else:
            cells = "".join(f"<tr><th>{lab}：</th><td>{val}</td></tr>" for lab, val in fields)
            meta = f'<table class="xxgk-table">{cells}</table>\n'
        paras = "".join(
            f"<p>{rng.choice(SENTENCES)}{rng.choice(SENTENCES)}</p>" for _ in range(rng.randint(4, 9))
        )
        files = []
        if k % 5 == 0:
            for n, ext in enumerate(("pdf", "doc") if k % 10 == 0 else ("pdf",)):
                path = self.attachment_path(art["path"], aid, day, n, ext)
                self.copy_blob(path, self.masters[ext])
                files.append(f'<p><a href="{path}">附件{n + 1}：{art["title"][:12]}.{ext}</a></p>')
        if k % 10 == 3:
            path = self.image_path(art["path"], aid, day)
            self.copy_blob(path, self.masters["jpg"])
            paras += f'<p style="text-align:center"><img src="{path}" alt="{art["title"][:10]}"></p>'
        per_page = self.per_page(col)
        page_no = k // per_page
        siblings = col["articles"][page_no * per_page : (page_no + 1) * per_page]
        related = "".join(
            f'<li><a href="{s["path"]}">{s["title"]}</a></li>'
            for s in rng.sample(siblings, min(3, len(siblings)))
            if s is not art
        )
        extra = "".join(f"<p>{h}</p>" for h in art["extra"])
        body_id = {"govcn": 'id="UCAP-CONTENT"', "hanweb": 'id="zoom"'}.get(self.style, 'class="TRS_Editor"')
        if col["slug"] in ("zcwj", "tzgg") or self.style == "govcn":
            paras += "<p>本办法自印发之日起施行。</p>"
        else:
            meta = ""
        body = (
            self.nav() + self.crumb(col, "正文") + f'<div class="main"><h1>{art["title"]}</h1>\n{meta}'
            f'<div class="info">发布时间：{day:%Y-%m-%d}　来源：{self.name}</div>\n'
            f"<div {body_id}>{paras}</div>\n{''.join(files)}{extra}"
            f'<div class="related"><h4>相关文章</h4><ul>{related}</ul></div></div>\n'
        )
        self.write(art["path"], self.head(art["title"], col, art) + body + self.footer())

    def truth(self) -> dict:
        return {
            "id": self.id,
            "style": self.style,
            "name": self.name,
            "port": self.port,
            "url": self.origin + "/",
            "html_pages": self.html_pages,
            "files": self.files + 3,
            "articles": sum(c["count"] for c in self.columns),
            "broken": self.broken,
        }


def write_external(root: Path, provinces: list[str]) -> None:
    """Stand-ins for gov.cn, 省政府, beian pages (no internet in the benchmark)."""
    for sub in ["", "beian/", "gongan/", "dzjg/"] + [f"{p}/" for p in provinces]:
        target = root / "external" / sub / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>外部网站 {sub}</title>"
            f"</head><body><p>external stub</p></body></html>",
            encoding="utf-8",
        )


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="~300 pages in all (smoke run)")
    parser.add_argument("--agencies", type=int, default=4)
    parser.add_argument("--pages", type=int, default=None, help="HTML pages per agency (default 5100)")
    parser.add_argument("--base-port", type=int, default=18081)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", default=None)
    parser.add_argument("--realistic", action="store_true",
                        help="the realistic portal with a full truth file (bench/realistic.py)")
    args = parser.parse_args(argv)
    if args.realistic:
        import realistic

        pages = args.pages or (500 if args.small else 5100)
        ports = [args.base_port + i for i in range(args.agencies)]
        out = Path(args.out or WORK / "realistic")
        truth = realistic.generate(out, pages, ports, args.base_port + args.agencies, REFUSED_PORT, args.seed)
        total = sum(len(a["pages"]) for a in truth["agencies"])
        expected = sum(len(a["expected"]) for a in truth["agencies"])
        print(f"generated {len(ports)} agencies, {total} HTML pages, {expected} planted findings → {out}")
        return truth
    args.out = args.out or str(WORK)
    pages = args.pages or (75 if args.small else 5100)
    out = Path(args.out)
    sites_root = out / "sites"
    if sites_root.exists():
        shutil.rmtree(sites_root)
    sites_root.mkdir(parents=True)
    blobs = out / "blobs"
    blobs.mkdir(parents=True, exist_ok=True)
    for ext, data in (("pdf", PDF), ("doc", DOC), ("docx", DOC), ("xls", DOC), ("jpg", JPG), ("png", PNG)):
        (blobs / f"master.{ext}").write_bytes(data)
    ports = [args.base_port + i for i in range(args.agencies)]
    ext_port = args.base_port + args.agencies
    sites = []
    for i in range(args.agencies):
        site = Site(i, STYLES[i % len(STYLES)], pages, ports[i], ports, ext_port, sites_root, args.seed)
        site.write_all()
        sites.append(site)
    write_external(sites_root, sorted({"p" + s.site_code[:2] for s in sites}))
    truth = {
        "refused_port": REFUSED_PORT,
        "external_port": ext_port,
        "small": args.small,
        "pages_per_agency": pages,
        "agencies": [s.truth() for s in sites],
    }
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    lines = [f"- id: {s.id}\n  name: {s.name}\n  url: {s.origin}/\n  level: department\n" for s in sites]
    (out / "agencies.yml").write_text("".join(lines), encoding="utf-8")
    total = sum(s.html_pages for s in sites)
    print(
        f"generated {len(sites)} agencies, {total} HTML pages, "
        f"{sum(len(s.broken) for s in sites)} planted broken targets → {sites_root}"
    )
    return truth


if __name__ == "__main__":
    main()
