"""A local test portal with planted content-safety cases and their negative controls.

:func:`site_files` builds every file of the agency's site (HTML pages, attachments made here with
openpyxl / python-docx / a hand-written PDF), :func:`external_files` those of the "other sites"
its links lead to (served on 127.0.0.1 and 127.0.0.2, so nothing leaves the machine).
:data:`EXPECTED` is the truth table: ``(rule, path or key, field)`` of every planted case; every
control must produce nothing. :data:`LEAKED_IDS` are the full numbers no output may show.
"""

from __future__ import annotations

from tests.faultserver import BaseHandler
from tests.safetyfiles import docx_bytes, make_id, pdf_bytes, xlsx_bytes

ID_TABLE = make_id("34010319900101123")       # in a 公示 table cell
ID_FULLWIDTH = make_id("44030519880808456")   # full-width digits on a GBK page
ID_SPLIT = make_id("11010519851231002")       # written 110105 19851231 002X-style
ID_XLSX = make_id("32010219750305341")
ID_XLSX2 = make_id("32010219800612221")
ID_DOCX = make_id("51010419920229112")
ID_PDF = make_id("61010319700101777")
ID_XLS_HTML = make_id("42010619991231008")
MOBILE_TABLE = "13912345678"
MOBILE_PDF = "18655501234"
LEAKED_IDS = [ID_TABLE, ID_FULLWIDTH, ID_SPLIT, ID_XLSX, ID_XLSX2, ID_DOCX, ID_PDF, ID_XLS_HTML]
LEAKED_MOBILES = [MOBILE_TABLE, MOBILE_PDF]

# negative controls
ID_WRONG_CHECK = ID_TABLE[:17] + ("0" if ID_TABLE[17] != "0" else "1")
ID_IN_URL = make_id("34010419851010123")
ID_AS_INDEX = make_id("34000019900101001")


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def page(title: str, body: str, charset: str = "utf-8", head: str = "") -> bytes:
    html = (f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")
    return html.encode("gb18030" if charset == "gbk" else "utf-8")


def site_files(ext1: str, ext2: str) -> dict[str, tuple[str, bytes]]:
    """Path → (Content-Type, body) of the agency's portal. ``ext1``/``ext2``: the external bases."""
    html = "text/html; charset=utf-8"
    files: dict[str, tuple[str, bytes]] = {}
    links = ["/gs/mingdan.html", "/gs/gbk.html", "/gs/split.html", "/gs/clean.html", "/wz/cuowu.html",
             "/wz/clean.html", "/anlian.html", "/files/mingdan.xlsx", "/files/gongshi.docx",
             "/files/list.pdf", "/files/masked.xlsx", "/files/fake.pdf",
             "/files/ok.pdf", "/files/big.pdf", "/files/scan.pdf", "/files/table.xls",
             "/files/export.xls",
             f"{ext1}/parked", f"{ext1}/casino", f"{ext1}/news", f"{ext1}/redirect", f"{ext1}/plain",
             f"{ext1}/one-marker"]
    nav = "".join(f'<li><a href="{href}">链接{i}</a></li>' for i, href in enumerate(links))
    files["/"] = (html, page("示例安全局", f"<ul>{nav}</ul><div class='footer'>主办单位：示例安全局 "
                            "网站标识码：3401000001 皖公网安备 34010202000123号 联系电话：0551-65123456 "
                            "咨询电话：13900001111</div>"))
    files["/gs/mingdan.html"] = (html, page("补贴发放名单公示", (
        "<table><tr><th>姓名</th><th>身份证号</th><th>联系电话</th></tr>"
        f"<tr><td>张三</td><td>{ID_TABLE}</td><td>{MOBILE_TABLE}</td></tr>"
        "<tr><td>李四</td><td>3401**********1234</td><td>138****1234</td></tr>"
        f"<tr><td>王五</td><td>{ID_WRONG_CHECK}</td><td>0551-62345678</td></tr></table>"
        f"<p>索引号：{ID_AS_INDEX}</p>"
        f"<p>原文见 http://www.example.org/att/{ID_IN_URL}.html "
        f"<a href='/files/p{ID_IN_URL}.html'>附件</a></p>")))
    files[f"/files/p{ID_IN_URL}.html"] = (html, page("附件", "<p>详见正文</p>"))
    files["/gs/gbk.html"] = (html.replace("utf-8", "gbk"), page(
        "低保对象公示", f"<p>户主：赵六 身份证号码：{fullwidth(ID_FULLWIDTH)}</p>", charset="gbk"))
    split = f"{ID_SPLIT[:6]} {ID_SPLIT[6:14]} {ID_SPLIT[14:]}"
    files["/gs/split.html"] = (html, page("资格审查结果", f"<p>考生 孙七（证件号 {split}）通过审查</p>"))
    files["/gs/clean.html"] = (html, page("工作动态", (
        "<p>文号：皖政办〔2024〕12号 网站标识码：3401000001</p>"
        "<p>咨询电话：0551-65123456，监督电话：13800001111</p>"
        "<p>已脱敏：3401**********123X、186****0000</p>"
        "<p><a href='/files/wrong.docx'>附件下载</a></p>")))
    files["/wz/cuowu.html"] = (html, page("国务院办工厅关于示例工作的通知", (
        "<p>根据中华人民共合国有关法律规定，王示列同志主持会议。</p>"
        "<!-- 中国共产常 在注释里不算 -->"
        "<script>var s = '社会主意';</script>"
        "<img src='/x.png' alt='中华人民共合国'>")))
    files["/wz/clean.html"] = (html, page("示例市人民政府关于示例工作的通知", (
        "<p>中华人民共和国、中国共产党、社会主义、国务院办公厅，广泛听取社会主意见。</p>")))
    hidden = (
        f"<div style='display:none'><a href='{ext1}/bet1'>澳门娱乐城</a></div>"
        f"<div class='hd'><a href='{ext1}/bet2'>百家乐</a></div>"
        f"<p style='font-size:0'><a href='{ext1}/bet3'>在线投注</a></p>"
        # controls: a dropdown menu, a hidden in-site link, a visible external link
        f"<ul class='submenu' style='display:none'><li><a href='{ext1}/partner'>合作单位</a></li></ul>"
        "<div style='display:none'><a href='/gs/clean.html'>站内</a></div>"
        f"<p><a href='{ext1}/visible'>友情链接</a></p>")
    files["/anlian.html"] = (html, page("首页专题", hidden,
                                        head="<style>.hd{position:absolute;left:-9999px;top:0}</style>"))
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    files["/files/mingdan.xlsx"] = (xlsx, xlsx_bytes([["序号", "姓名", "身份证号"], [1, "周八", ID_XLSX],
                                                      [2, "吴九", ID_XLSX2]]))
    files["/files/masked.xlsx"] = (xlsx, xlsx_bytes([["姓名", "身份证号", "电话"],
                                                     ["郑十", "3201**********3411", "139****0000"]]))
    files["/files/gongshi.docx"] = ("application/octet-stream", docx_bytes(
        ["拟表彰人员公示"], [["姓名", "身份证号"], ["冯一", ID_DOCX]]))
    files["/files/list.pdf"] = ("application/pdf", pdf_bytes([["Name list"], [f"ID {ID_PDF}",
                                                                             f"Mobile {MOBILE_PDF}"]]))
    files["/files/ok.pdf"] = ("application/pdf", pdf_bytes([["Annual report 2025", "Tel 0551-65123456"]]))
    files["/files/fake.pdf"] = (html, page("错误", "<h1>您访问的页面不存在</h1>"))
    files["/files/wrong.docx"] = ("application/octet-stream", pdf_bytes([["not a docx"]]))
    files["/files/big.pdf"] = ("application/pdf", pdf_bytes([["big"]]) + b"%" * (1536 * 1024))
    files["/files/scan.pdf"] = ("application/pdf", _image_only_pdf())
    files["/files/table.xls"] = ("application/vnd.ms-excel", (
        "<html><head><meta charset='utf-8'></head><body><table><tr><td>姓名</td><td>身份证号</td></tr>"
        f"<tr><td>陈二</td><td>{ID_XLS_HTML}</td></tr></table></body></html>").encode())
    files["/files/export.xls"] = ("application/vnd.ms-excel", (
        "<html><body><table><tr><td>统计</td><td>100</td></tr></table></body></html>").encode())
    return files


def _image_only_pdf() -> bytes:
    """A PDF page with no text layer (what a scanned document is)."""
    data = pdf_bytes([[]])
    text_ops = b"BT\n/F1 12 Tf\n14 TL\n50 800 Td\nET"
    return data.replace(text_ops, b"0 0 m 9 9 l S".ljust(len(text_ops)))


def external_files(ext2: str) -> dict[str, tuple[str, bytes]]:
    """The other sites: parked and gambling pages, and their controls."""
    html = "text/html; charset=utf-8"
    return {
        "/parked": (html, page("example-parked.org", "<h1>该域名正在出售</h1><p>Buy this domain</p>")),
        "/casino": (html, page("澳门娱乐城", "<p>百家乐 在线投注 真人荷官</p>")),
        "/news": (html, page("警方打击网络赌博", "<p>警方破获一起利用百家乐进行网络赌博的案件。</p>")),
        "/one-marker": (html, page("体育新闻", "<p>本报讯 体育投注站开业</p>")),
        "/plain": (html, page("合作单位", "<p>欢迎访问</p>")),
        "/partner": (html, page("合作单位", "<p>欢迎访问</p>")),
        "/visible": (html, page("友情链接", "<p>欢迎访问</p>")),
        "/bet1": (html, page("欢迎", "<p>欢迎</p>")),
        "/bet2": (html, page("欢迎", "<p>欢迎</p>")),
        "/bet3": (html, page("欢迎", "<p>欢迎</p>")),
        "/redirect": ("", b""),  # see ExternalHandler: 302 to the other loopback host
        "/landing": (html, page("欢迎光临", "<p>注册送彩金</p>")),
    }


class FilesHandler(BaseHandler):
    """Serves ``FILES`` (path → (type, body)); ``REDIRECTS`` path → absolute URL (302)."""

    FILES: dict[str, tuple[str, bytes]] = {}
    REDIRECTS: dict[str, str] = {}

    def route(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            self.answer(200, b"User-agent: *\nAllow: /\n", "text/plain")
        elif path in self.REDIRECTS:
            self.answer(302, b"", Location=self.REDIRECTS[path])
        elif path in self.FILES:
            ctype, body = self.FILES[path]
            self.answer(200, body, ctype)
        else:
            self.answer(404, b"<html><body>404</body></html>")


# (rule, path relative to the portal or "ext:" + external path, field)
EXPECTED = {
    ("privacy-leak", "/gs/mingdan.html", "id_number"),
    ("privacy-leak", "/gs/mingdan.html", "mobile"),
    ("privacy-leak", "/gs/gbk.html", "id_number"),
    ("privacy-leak", "/gs/split.html", "id_number"),
    ("privacy-leak", "/files/mingdan.xlsx", "id_number"),
    ("privacy-leak", "/files/gongshi.docx", "id_number"),
    ("privacy-leak", "/files/list.pdf", "id_number"),
    ("privacy-leak", "/files/list.pdf", "mobile"),
    ("privacy-leak", "/files/table.xls", "id_number"),
    ("wording-error", "/wz/cuowu.html", "builtin"),   # 中华人民共合国 (text), 国务院办工厅 (title)
    ("wording-error", "/wz/cuowu.html", "agency"),    # 王示列 from the agencies file
    ("hidden-link", "ext:/bet1", "display:none"),
    ("hidden-link", "ext:/bet2", "off-screen"),
    ("hidden-link", "ext:/bet3", "font-size:0"),
    ("external-link-hijacked", "ext:/parked", "parked"),
    ("external-link-hijacked", "ext:/casino", "gambling"),
    ("external-link-hijacked", "ext:/redirect", "gambling"),
    ("attachment-invalid", "/files/fake.pdf", "home"),
    ("attachment-invalid", "/files/wrong.docx", "page"),
}
WORDING_EXPECTED = {("/wz/cuowu.html", "中华人民共合国"), ("/wz/cuowu.html", "国务院办工厅"),
                    ("/wz/cuowu.html", "王示列")}
NOT_SCANNED = {"/files/big.pdf": "too-large", "/files/scan.pdf": "unreadable"}
